import Diagnostics
import Document
import Foundation
import Weave

/// One build's working state, and its stages (`run` calls them in order).
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
    /// The digests of the build's files, each hashed once, and the keys made from them.
    let digests = InputDigests()
    /// The live module's bytes (`SiteBuildOptions.liveModule`), when the pages are live.
    var liveModule: [UInt8]?

    init(options: SiteBuildOptions) {
        self.options = options
    }

    /// Builds; true when the site folder now holds the new site (or already did). The stages
    /// below, in order, each over plain data: find, theme, the live module, the last build
    /// (stop if it is this one), parse, outline, plan, run or reuse, draw, check links, publish.
    mutating func run(progress: @escaping @Sendable (SiteBuildEvent) -> Void) -> Bool {
        guard let sources = find(), let (themeFiles, theme) = loadTheme() else { return false }
        liveModule = loadLiveModule()
        notebookCount = sources.count

        // Nothing changed: the site already holds this build. The record of the last build
        // describes the site folder only while their stamps agree (the folder may have been
        // replaced since, by hand or by another checkout).
        let manifestPath = SiteManifest.path(cache: options.cacheDirectory, output: options.output)
        let siteStamp = SiteFiles.read(SiteFiles.join(options.output, SiteManifest.stampFile)).map { String(decoding: $0, as: UTF8.self) }
        let previous = options.force ? nil : SiteManifest.load(manifestPath).flatMap { $0.stamp == siteStamp ? $0 : nil }
        let stamp = digests.siteStamp(options: options, sources: sources, theme: themeFiles.digest, previous: previous)
        // A site published with failures (--keep-going) is built again: a failure may not
        // happen twice (a timeout), and failures are never cached.
        if let previous, previous.stamp == stamp, !previous.hasErrors {
            upToDate = true
            inputs = Self.inputs(of: previous)
            diagnostics += sources.flatMap { previous.pages[$0.page]?.diagnostics ?? [] } + previous.diagnostics
            return true
        }

        guard let notebooks = parse(sources) else { return false }
        let site = SiteOutline(sources: sources, notebooks: notebooks, options: options)
        var plans = Self.plan(site, previous: previous, options: options, templates: themeFiles.templateDigest, digests: digests,
                              live: liveModule != nil)
        ran = runOrReuse(&plans, site: site, progress: progress)
        let drawn = Self.draw(&plans, site: site, theme: theme, options: options, live: liveModule != nil)
        pagesRendered = drawn.html.count
        // In the order the notebooks were found, as when nothing changed and they are replayed.
        diagnostics += drawn.records.flatMap(\.diagnostics)
        let links = Self.checkLinks(drawn.records, sources: sources, rawHTML: options.rawHTML)
        // Kept with the site's own problems, so that a build with nothing changed repeats them.
        let siteProblems = site.labelProblems + links.problems
        diagnostics += siteProblems
        if diagnostics.contains(where: { $0.severity == .error }) && !options.keepGoing { return false }
        return publish(drawn, links: links.files, siteProblems: siteProblems, site: site, theme: theme,
                       themeFiles: themeFiles, manifestPath: manifestPath)
    }

    /// Stage 1: the notebooks, and a site folder that a build may replace.
    mutating func find() -> [SiteSource]? {
        if SiteFiles.kind(options.output) == .file {
            fatal.append(.error("the site path is a file, not a folder", file: options.output,
                                notes: [.init("remove it, or pass --out with another path")]))
            return nil
        }
        let found = SiteSource.find(options.paths)
        if !found.diagnostics.isEmpty {
            fatal += found.diagnostics
            return nil
        }
        if let problem = Self.outputProblem(options: options, sources: found.sources) {
            fatal.append(problem)
            return nil
        }
        return found.sources
    }

    /// Stage 2: the theme folder, read and parsed.
    mutating func loadTheme() -> (SiteThemeFiles, SiteTheme)? {
        do {
            let files = try SiteThemeFiles.load(folder: options.theme, projectRoot: options.projectRoot)
            return (files, try SiteTheme(overrides: files.overrides))
        } catch {
            fatal += error.diagnostics
            return nil
        }
    }

    /// Stage 2b: the live module's bytes, when the options name one (docs/live.md). One that
    /// cannot be read is a warning: the pages are built without live blocks.
    mutating func loadLiveModule() -> [UInt8]? {
        guard let path = options.liveModule else { return nil }
        guard SiteFiles.isRegularFile(path), let bytes = SiteFiles.read(path), !bytes.isEmpty else {
            diagnostics.append(.warning("no live module here: pages are built without live blocks", file: path,
                                        notes: [.init("wasm/build.sh builds it; \(LiveModule.environmentVariable) names it, and set empty, turns live pages off")]))
            return nil
        }
        return bytes
    }

    /// Stage 3: every notebook parsed (the site map must know every page's headings before any
    /// page is drawn); nil when one cannot be.
    mutating func parse(_ sources: [SiteSource]) -> [Notebook]? {
        var notebooks: [Notebook] = []
        for source in sources {
            do {
                notebooks.append(try Notebook.parse(path: source.path, bytes: source.bytes))
            } catch {
                fatal += error.diagnostics.map { $0.file == nil ? $0.inFile(source.path) : $0 }
            }
        }
        return fatal.isEmpty ? notebooks : nil
    }

    /// What one notebook's page needs: the key of its run, and the page the last build drew
    /// (when it can be kept) or the run it is drawn from.
    struct PagePlan {
        var runKey: String
        /// The part of the page's key all pages share (`InputDigests.pageKeyBase`).
        var pageKeyBase = ""
        var reused: SiteManifest.Page?
        var run: NotebookRun?
        var dataFiles: [InputDigests.File] = []
    }

    /// Stage 5: for each page, keep the last build's when nothing it shows has changed (its
    /// key, from the files it was made from as they are now, is the one it was drawn with),
    /// else draw it again.
    static func plan(_ site: SiteOutline, previous: SiteManifest?, options: SiteBuildOptions, templates: String,
                     digests: InputDigests, live: Bool = false) -> [PagePlan] {
        let fixedKey = InputDigests.pageKeyBase(options: options, templates: templates, layout: site.layout, live: live)
        return site.sources.enumerated().map { index, source in
            var plan = PagePlan(runKey: InputDigests.runKey(tool: options.toolIdentity, path: source.path, notebook: source.digest,
                                                            context: site.contexts[index].digest))
            if let record = previous?.pages[source.page], record.source == source.key, !record.hasErrors,
               record.key == InputDigests.pageKey(base: fixedKey, runKey: plan.runKey, fileDigests: record.dataFiles.map { digests.file($0.path) }),
               SiteFiles.kind(SiteFiles.join(options.output, source.page)) == .file {
                plan.reused = record
            }
            plan.pageKeyBase = fixedKey
            return plan
        }
    }

    /// Stage 6: the runs of the pages to draw, from the cache or by running the notebooks it
    /// cannot answer for. How many ran.
    func runOrReuse(_ plans: inout [PagePlan], site: SiteOutline,
                    progress: @escaping @Sendable (SiteBuildEvent) -> Void) -> Int {
        let cache = options.buildCache, digests = digests
        let needed = plans.indices.filter { plans[$0].reused == nil }
        // Decoding cached runs is most of a build that draws every page again: in parallel.
        let hits = options.force ? needed.map { _ in nil } : Parallel.map(needed.count, jobs: options.jobs) { [plans] position in
            cache.lookup(site.notebooks[needed[position]], key: plans[needed[position]].runKey, digests: digests)
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
        progress(.planned(toRun: toRun.count, cached: plans.count - toRun.count))
        guard !toRun.isEmpty else { return 0 }
        let jobs = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
        let runs = NotebookBatch.run(toRun.map { site.notebooks[$0] }, contexts: toRun.map { site.contexts[$0] }, jobs: jobs,
                                     progress: { event in progress(.batch(event)) })
        RecordStore(projectRoot: options.projectRoot)?.keep(runs)
        for (index, run) in zip(toRun, runs) {
            let dataFiles = digests.files(readBy: run, context: site.contexts[index])
            cache.store(run, key: plans[index].runKey, dataFiles: dataFiles)
            plans[index].run = run
            plans[index].dataFiles = dataFiles
        }
        return toRun.count
    }

    /// The pages of a build: what the manifest keeps of each, in source order, and the HTML of
    /// those drawn this time (by source index; the others are kept from the last build).
    struct DrawnPages {
        var records: [SiteManifest.Page]
        var html: [Int: String]
    }

    /// Stage 7: the pages that changed, drawn in parallel.
    static func draw(_ plans: inout [PagePlan], site: SiteOutline, theme: SiteTheme, options: SiteBuildOptions,
                     live: Bool = false) -> DrawnPages {
        let drawer = SitePageDrawer(options: options, theme: theme, layout: site.layout, sources: site.sources,
                                    notebooks: site.notebooks, outlines: site.outlines, contexts: site.contexts, live: live)
        let toDraw = plans.indices.filter { plans[$0].reused == nil }
        let drawn = drawer.draw(toDraw.map { ($0, plans[$0].run!, plans[$0].dataFiles) }, jobs: options.jobs)
        var pages = DrawnPages(records: [], html: [:])
        for (index, plan) in plans.enumerated() {
            if let reused = plan.reused {
                pages.records.append(reused)
            } else {
                var record = drawn[index]!.record
                record.key = InputDigests.pageKey(base: plan.pageKeyBase, runKey: plan.runKey, fileDigests: record.dataFiles.map(\.digest))
                pages.records.append(record)
                pages.html[index] = drawn[index]!.html
            }
        }
        return pages
    }

    /// Stage 8: every link checked against every page (also pages kept as they were), whose
    /// targets are their headings and their numbered figures and tables; the files they link
    /// to, by site path, from their real paths (a link, hard or symbolic, to a symbolic link
    /// would publish the link, not the file).
    static func checkLinks(_ records: [SiteManifest.Page], sources: [SiteSource], rawHTML: Bool)
        -> (problems: [Diagnostic], files: [String: String]) {
        var problems: [Diagnostic] = []
        var files: [String: String] = [:]
        let siteMap = SiteMap(records.enumerated().map { index, record in
            SiteMap.Entry(source: sources[index].key, page: sources[index].page, title: record.outline.title,
                          anchors: Set(record.outline.anchors))
        })
        for (index, record) in records.enumerated() {
            let notebook = sources[index].path
            for link in record.links {
                if let problem = siteMap.check(link, from: sources[index].key, file: notebook, fileProblem: {
                    LinkedFile.problem($0, notebook: notebook, rawHTML: rawHTML)
                }) {
                    problems.append(problem)
                } else if case .file(let source, let sitePath) = link.target {
                    files[sitePath] = ProjectRoot.resolved(source) ?? source
                }
            }
        }
        return (problems, files)
    }

    /// Stage 9: the new site written beside the old one, then swapped in; the manifest saved.
    mutating func publish(_ drawn: DrawnPages, links: [String: String], siteProblems: [Diagnostic], site: SiteOutline,
                          theme: SiteTheme, themeFiles: SiteThemeFiles, manifestPath: String) -> Bool {
        let sources = site.sources, layout = site.layout, records = drawn.records
        let linkedFiles = digests.files(links.keys.sorted().map { links[$0]! })
        var manifest = SiteManifest(stamp: "", pages: Dictionary(uniqueKeysWithValues: zip(sources.map(\.page), records)),
                                    linkedFiles: linkedFiles, diagnostics: siteProblems)
        // The stamp the next build will compute if nothing changes (with this build's data files).
        manifest.stamp = digests.siteStamp(options: options, sources: sources, theme: themeFiles.digest, previous: manifest)
        do {
            let staging = try SiteStaging.begin(target: options.output)
            do {
                for (index, source) in sources.enumerated() {
                    let destination = SiteFiles.join(staging.folder, source.page)
                    if let text = drawn.html[index] {
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
                for asset in liveModule.map({ LiveModule.assets(module: $0) }) ?? [] {
                    try SiteFiles.write(asset.text, to: SiteFiles.join(staging.folder, asset.path))
                }
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
                for sitePath in links.keys.sorted() {
                    try SiteFiles.linkOrCopy(links[sitePath]!, to: SiteFiles.join(staging.folder, sitePath))
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
}
