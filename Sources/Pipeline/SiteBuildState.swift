import Diagnostics
import Digest
import Document
import Foundation
import Weave

/// One build's working state.
struct SiteBuildState {
    let options: SiteBuildOptions
    /// Problems of the notebooks and their links, in page order.
    var diagnostics: [Diagnostic] = []
    /// Problems that stop the build whatever the options (no notebooks folder, a theme that
    /// does not parse, a site path that is a file).
    var fatal: [Diagnostic] = []
    var upToDate = false
    var notebookCount = 0
    var ran = 0
    var pagesRendered = 0
    /// Data files and linked files (see `SiteBuildReport.inputs`).
    var inputs: [String] = []

    init(options: SiteBuildOptions) {
        self.options = options
    }

    /// Builds; true when the site folder now holds the new site (or already did).
    mutating func run(progress: @escaping @Sendable (SiteBuildEvent) -> Void) -> Bool {
        if SiteFiles.kind(options.output) == .file {
            fatal.append(.error("the site path is a file, not a folder", file: options.output,
                                notes: [.init("remove it, or pass --out with another path")]))
            return false
        }
        let found = SiteSource.find(options.paths)
        if !found.diagnostics.isEmpty {
            fatal += found.diagnostics
            return false
        }
        let sources = found.sources
        if let problem = Self.outputProblem(options: options, sources: sources) {
            fatal.append(problem)
            return false
        }
        notebookCount = sources.count
        let themeFiles: SiteThemeFiles
        let theme: SiteTheme
        do {
            themeFiles = try SiteThemeFiles.load(folder: options.theme, projectRoot: options.projectRoot)
            theme = try SiteTheme(overrides: themeFiles.overrides)
        } catch {
            fatal += error.diagnostics
            return false
        }

        // Nothing changed: the site already holds this build.
        // The record of the last build describes the site folder only while their stamps agree
        // (the folder may have been replaced since, by hand or by another checkout).
        let manifestPath = SiteManifest.path(cache: options.cacheDirectory, output: options.output)
        let siteStamp = SiteFiles.read(SiteFiles.join(options.output, SiteManifest.stampFile)).map { String(decoding: $0, as: UTF8.self) }
        let previous = options.force ? nil : SiteManifest.load(manifestPath).flatMap { $0.stamp == siteStamp ? $0 : nil }
        let stamp = Self.stamp(options: options, sources: sources, theme: themeFiles.digest, previous: previous)
        // A site published with failures (--keep-going) is built again: a failure may not
        // happen twice (a timeout), and failures are never cached.
        if let previous, previous.stamp == stamp, !previous.hasErrors {
            upToDate = true
            inputs = Self.inputs(of: previous)
            diagnostics += sources.flatMap { previous.pages[$0.page]?.diagnostics ?? [] } + previous.diagnostics
            return true
        }

        // Parse and outline every notebook: the site map must know every page's headings
        // before any page is drawn.
        var notebooks: [Notebook?] = Array(repeating: nil, count: sources.count)
        for (index, source) in sources.enumerated() {
            do {
                notebooks[index] = try Notebook.parse(path: source.path, bytes: source.bytes)
            } catch {
                fatal += error.diagnostics.map { $0.file == nil ? $0.inFile(source.path) : $0 }
            }
        }
        guard fatal.isEmpty else { return false }
        let parsed = notebooks.map { $0! }
        let outlines = zip(sources, parsed).map { PageOutline($1, fileName: ($0.relative as NSString).lastPathComponent) }
        let contexts = parsed.map { NotebookContext.of($0) }
        // Every page's labelled equations, for references from the others.
        let equations = Parallel.map(parsed.count, jobs: options.jobs) { index in
            NotebookMath.labels(of: parsed[index], base: contexts[index].math).mapValues(\.tag)
        }
        let layout = SiteLayout(sources: sources, outlines: outlines, equations: equations, options: options)
        // A label is the site's: \eqref on a third page could mean either equation.
        var labelledBy: [String: Int] = [:]
        var labelProblems: [Diagnostic] = []
        for (index, labels) in equations.enumerated() {
            for name in labels.keys.sorted() {
                if let first = labelledBy[name] {
                    labelProblems.append(.warning("the equation label '\(name)' is also defined in \(sources[first].path)", file: sources[index].path,
                                                notes: [.init("each page's own references find its own equation, but a reference from any other page finds only one of them; give each equation a label of its own")]))
                } else {
                    labelledBy[name] = index
                }
            }
        }

        // Reuse what the last build drew, run what the cache cannot answer for.
        let cache = BuildCache(directory: options.cacheDirectory, toolVersion: options.toolIdentity, projectRoot: options.projectRoot)
        let fixedKey = Self.pageKeyBase(options: options, theme: themeFiles.templateDigest, layout: layout)
        var plans: [PagePlan] = []
        var needed: [Int] = []
        for (index, source) in sources.enumerated() {
            let runKey = cache.key(path: source.path, bytesDigest: source.digest + contexts[index].digest)
            var plan = PagePlan(runKey: runKey)
            if let record = previous?.pages[source.page], record.source == source.key, !record.hasErrors,
               record.key == Self.pageKey(base: fixedKey, runKey: runKey, dataFiles: record.dataFiles.map { SiteFiles.digest(ofFile: $0.path) }),
               SiteFiles.kind(SiteFiles.join(options.output, source.page)) == .file {
                plan.reused = record
            } else {
                needed.append(index)
            }
            plans.append(plan)
        }
        // Decoding cached runs is most of a build that draws every page again: in parallel.
        let hits = options.force ? needed.map { _ in nil } : Parallel.map(needed.count, jobs: options.jobs) { [plans, needed] position in
            cache.lookup(parsed[needed[position]], key: plans[needed[position]].runKey)
        }
        var toRun: [Int] = []
        for (index, hit) in zip(needed, hits) {
            if let hit {
                plans[index].run = hit.run
                plans[index].dataFiles = hit.dataFiles
            } else {
                toRun.append(index)
            }
        }
        progress(.planned(toRun: toRun.count, cached: sources.count - toRun.count))
        if !toRun.isEmpty {
            let jobs = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
            let runs = NotebookBatch.run(toRun.map { parsed[$0] }, contexts: toRun.map { contexts[$0] }, jobs: jobs, progress: { event in
                progress(.batch(event))
            })
            RecordStore(projectRoot: options.projectRoot)?.keep(runs)
            for (index, run) in zip(toRun, runs) {
                let dataFiles = BuildCache.dataFiles(of: run, context: contexts[index])
                cache.store(run, key: plans[index].runKey, dataFiles: dataFiles)
                plans[index].run = run
                plans[index].dataFiles = dataFiles
            }
            ran = toRun.count
        }

        // Draw the pages that changed, in parallel.
        let drawer = SitePageDrawer(options: options, theme: theme, layout: layout, sources: sources, notebooks: parsed,
                                    outlines: outlines, contexts: contexts)
        let toDraw = plans.indices.filter { plans[$0].reused == nil }
        let drawn = drawer.draw(toDraw.map { ($0, plans[$0].run!, plans[$0].dataFiles) }, jobs: options.jobs)
        pagesRendered = toDraw.count
        var records: [SiteManifest.Page] = []
        var html: [Int: String] = [:]
        for (index, plan) in plans.enumerated() {
            if let reused = plan.reused {
                records.append(reused)
            } else {
                let page = drawn[index]!
                var record = page.record
                record.key = Self.pageKey(base: fixedKey, runKey: plan.runKey, dataFiles: record.dataFiles.map(\.digest))
                records.append(record)
                html[index] = page.html
            }
        }
        // In the order the notebooks were found, as when nothing changed and they are replayed.
        diagnostics += records.flatMap(\.diagnostics)

        // Links, checked against every page (also from pages reused as they were), whose
        // targets are their headings and their numbered figures and tables.
        // Kept with the site's own problems, so that a build with nothing changed repeats them.
        var siteProblems: [Diagnostic] = labelProblems
        var linked: [String: String] = [:]
        let siteMap = SiteMap(records.enumerated().map { index, record in
            SiteMap.Entry(source: sources[index].key, page: sources[index].page, title: record.outline.title,
                          anchors: Set(record.outline.anchors))
        })
        for (index, record) in records.enumerated() {
            for link in record.links {
                let notebook = sources[index].path, rawHTML = options.rawHTML
                if let problem = siteMap.check(link, from: sources[index].key, file: notebook, fileProblem: {
                    LinkedFile.problem($0, notebook: notebook, rawHTML: rawHTML)
                }) {
                    siteProblems.append(problem)
                } else if case .file(let source, let sitePath) = link.target {
                    // Copied from its real path: a link (hard or symbolic) to a symbolic link
                    // would publish the link, not the file.
                    linked[sitePath] = ProjectRoot.resolved(source) ?? source
                }
            }
        }
        diagnostics += siteProblems
        if diagnostics.contains(where: { $0.severity == .error }) && !options.keepGoing { return false }

        // Write the new site beside the old one, then swap.
        let linkedFiles = linked.keys.sorted().map { BuildCache.DataFile(path: linked[$0]!, digest: SiteFiles.digest(ofFile: linked[$0]!)) }
        var manifest = SiteManifest(stamp: "", pages: Dictionary(uniqueKeysWithValues: zip(sources.map(\.page), records)),
                                    linkedFiles: linkedFiles, diagnostics: siteProblems)
        // The stamp the next build will compute if nothing changes (with this build's data files).
        manifest.stamp = Self.stamp(options: options, sources: sources, theme: themeFiles.digest, previous: manifest)
        do {
            let staging = try SiteStaging.begin(target: options.output)
            do {
                for (index, source) in sources.enumerated() {
                    let destination = SiteFiles.join(staging.folder, source.page)
                    if let text = html[index] {
                        try SiteFiles.write(text, to: destination)
                    } else {
                        try SiteFiles.linkOrCopy(SiteFiles.join(options.output, source.page), to: destination)
                    }
                }
                if !sources.contains(where: \.isHome) {
                    try SiteFiles.write(theme.index(intro: nil, site: layout.site, nav: layout.nav), to: SiteFiles.join(staging.folder, "index.html"))
                }
                try SiteFiles.write(theme.stylesheet, to: SiteFiles.join(staging.folder, "assets/style.css"))
                try SiteFiles.write(theme.script, to: SiteFiles.join(staging.folder, "assets/site.js"))
                try SiteFiles.write(NavigationScript.script(layout.nav), to: SiteFiles.join(staging.folder, NavigationScript.path))
                if let base = layout.site.baseURL {
                    let pages = ["index.html"] + layout.navOrder.map { sources[$0].page }
                    try SiteFiles.write(SiteURL.sitemap(pages: pages, base: base), to: SiteFiles.join(staging.folder, "sitemap.xml"))
                }
                if let custom = theme.customStylesheet {
                    try SiteFiles.write(custom, to: SiteFiles.join(staging.folder, "assets/custom.css"))
                }
                for extra in themeFiles.extras {
                    try SiteFiles.linkOrCopy(extra.source, to: SiteFiles.join(staging.folder, extra.asset))
                }
                for sitePath in linked.keys.sorted() {
                    try SiteFiles.linkOrCopy(linked[sitePath]!, to: SiteFiles.join(staging.folder, sitePath))
                }
                for file in SearchIndex.files(layout.searchOrder.map { index in
                    SearchIndex.Page(title: TitleText.plain(records[index].outline.title), path: sources[index].page, sections: records[index].search)
                }) {
                    try SiteFiles.write(file.text, to: SiteFiles.join(staging.folder, file.path))
                }
                try SiteFiles.write(manifest.stamp, to: SiteFiles.join(staging.folder, SiteManifest.stampFile))
                try staging.publish()
            } catch {
                staging.abandon()
                throw error
            }
        } catch {
            fatal.append(.error("cannot write the site: \(error)", file: options.output))
            return false
        }
        manifest.save(manifestPath)
        inputs = Self.inputs(of: manifest)
        return true
    }

    static func inputs(of manifest: SiteManifest) -> [String] {
        Set(manifest.pages.values.flatMap { $0.dataFiles.map(\.path) } + manifest.linkedFiles.map(\.path)).sorted()
    }

    /// The site folder is replaced as a whole, so it must not hold a notebook or the
    /// project itself (`--out notebooks` or `--out .` would swap them away).
    static func outputProblem(options: SiteBuildOptions, sources: [SiteSource]) -> Diagnostic? {
        // Real paths, so that a symbolic link cannot hide that the site folder is the
        // notebooks folder (`pl -> project`, `--out pl/notebooks`).
        let output = realPath(options.output)
        let inside = { (path: String, folder: String) in path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }
        if inside(realPath(options.projectRoot), output) {
            return .error("the site folder would replace the project that holds it", file: options.output,
                          notes: [.init("pass --out with a folder of its own, such as site")])
        }
        let folders = options.paths.filter { SiteFiles.kind($0) == .folder } + sources.map { SitePath.directory(of: $0.path) }
        for folder in folders {
            let real = realPath(folder.isEmpty ? "." : folder)
            if inside(real, output) || inside(output, real) {
                return .error("the site folder \(inside(output, real) ? "is inside" : "holds") the notebooks folder \(folder); building would replace notebooks",
                              file: options.output, notes: [.init("pass --out with a folder of its own, outside the notebooks, such as site")])
            }
        }
        if let source = sources.first(where: { inside(realPath($0.path), output) }) {
            return .error("the site folder holds a notebook (\(source.path)); building would replace it", file: options.output,
                          notes: [.init("pass --out with a folder of its own, such as site")])
        }
        // A build replaces the whole folder: only one that a build wrote, or an empty one.
        if SiteFiles.kind(options.output) == .folder,
           let entries = try? FileManager.default.contentsOfDirectory(atPath: options.output), !entries.isEmpty,
           SiteFiles.kind(SiteFiles.join(options.output, SiteManifest.stampFile)) != .file {
            return .error("the site folder holds files that chainrule did not write; building would delete them", file: options.output,
                          notes: [.init("pass --out with a new or empty folder, or move those files away first (a folder chainrule built holds \(SiteManifest.stampFile))")])
        }
        return nil
    }

    /// `path` made absolute with every symbolic link resolved, for the part of it that
    /// exists (the rest appended as written).
    static func realPath(_ path: String) -> String {
        var url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        var rest: [String] = []
        while ProjectRoot.resolved(url.path) == nil, url.path != "/" {
            rest.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        let base = ProjectRoot.resolved(url.path) ?? url.path
        return rest.reduce(base) { ($0 as NSString).appendingPathComponent($1) }
    }

    /// What decides whether a page must be drawn again.
    struct PagePlan {
        var runKey: String
        var reused: SiteManifest.Page?
        var run: NotebookRun?
        var dataFiles: [BuildCache.DataFile] = []
    }

    /// The digest of every input of a build: options, theme, each notebook's path and bytes,
    /// and the data and linked files the last build saw (with their contents now).
    static func stamp(options: SiteBuildOptions, sources: [SiteSource], theme: String, previous: SiteManifest?) -> String {
        var digest = SHA256()
        digest.update("chainrule-site-1")
        digest.update(options.toolIdentity)
        digest.update(options.rawHTML ? "raw" : "escaped")
        digest.update(options.title ?? "")
        digest.update(options.baseURL ?? "")
        digest.update(theme)
        // The projects' configurations: their macros and bibliographies shape every page.
        for file in Set(sources.compactMap { ProjectRoot.configurationFile(above: ($0.path as NSString).deletingLastPathComponent) }).sorted() {
            digest.update(file)
            digest.update(SiteFiles.digest(ofFile: file))
        }
        for source in sources {
            digest.update(source.key)
            digest.update(source.page)
            digest.update(source.digest)
            for file in previous?.pages[source.page]?.dataFiles ?? [] {
                digest.update(file.path)
                digest.update(SiteFiles.digest(ofFile: file.path))
            }
        }
        for file in previous?.linkedFiles ?? [] {
            digest.update(file.path)
            digest.update(SiteFiles.digest(ofFile: file.path))
        }
        return digest.hex
    }

    /// The part of every page's key that all pages share: options, templates, and the site's
    /// shape (every page's path and title, which the sidebar and links show).
    static func pageKeyBase(options: SiteBuildOptions, theme: String, layout: SiteLayout) -> String {
        var digest = SHA256()
        digest.update("chainrule-page-1")
        digest.update(options.toolIdentity)
        digest.update(options.rawHTML ? "raw" : "escaped")
        digest.update(theme)
        digest.update(layout.digest)
        return digest.hex
    }

    static func pageKey(base: String, runKey: String, dataFiles: [String]) -> String {
        var digest = SHA256()
        digest.update(base)
        digest.update(runKey)
        for file in dataFiles { digest.update(file) }
        return digest.hex
    }
}
