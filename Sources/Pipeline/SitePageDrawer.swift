import Diagnostics
import Document
import Foundation
import Live
import Runtime
import TeXMath
import Weave

/// Draws pages from notebooks and their runs, several at once.
struct SitePageDrawer: Sendable {
    /// A page drawn: its file and what the manifest keeps of it.
    struct Drawn: Sendable {
        var html: String
        var record: SiteManifest.Page
    }

    let options: SiteBuildOptions
    let theme: SiteTheme
    let layout: SiteLayout
    let sources: [SiteSource]
    let notebooks: [Notebook]
    let outlines: [PageOutline]
    let contexts: [NotebookContext]
    /// Whether the site has the live module: pages with a program load the live script.
    var live = false

    /// The pages of the given notebooks, by source index.
    func draw(_ items: [(index: Int, run: NotebookRun, dataFiles: [InputDigests.File])], jobs: Int) -> [Int: Drawn] {
        let pages = Parallel.map(items.count, jobs: jobs) { position in
            draw(items[position].index, run: items[position].run, dataFiles: items[position].dataFiles)
        }
        return Dictionary(uniqueKeysWithValues: zip(items.map(\.index), pages))
    }

    func draw(_ index: Int, run: NotebookRun, dataFiles: [InputDigests.File]) -> Drawn {
        let source = sources[index]
        let notebook = notebooks[index]
        let outputs = Self.outputs(run)
        let problems = (notebook.diagnostics.map { $0.file == nil ? $0.inFile(notebook.path) : $0 } + run.settings.diagnostics)
            .filter { $0.severity == .error }
        let renderer = NotebookPageRenderer(
            notebook: notebook, outline: outlines[index], source: source.key, page: source.page, outputs: outputs,
            values: run.values, siteMap: layout.siteMap, options: PageOptions(rawHTML: options.rawHTML), problems: problems,
            mathContext: contexts[index].math, bibliography: contexts[index].bibliography)
        var rendered = renderer.render()
        // A live site's pages carry their notebook's program, so a reader can run its blocks.
        if live, !notebook.blocks.isEmpty { rendered.liveProgram = LiveProgram(run).json.text }
        let html: String
        if source.isHome {
            html = theme.index(intro: rendered.body, site: layout.site, nav: layout.nav, liveProgram: live ? rendered.liveProgram : nil)
        } else {
            let (previous, next) = layout.neighbours(of: index)
            html = theme.page(rendered, outline: outlines[index], source: source.path, path: source.page, site: layout.site,
                              nav: layout.nav, previous: previous, next: next, live: live)
        }
        // The ids of its numbered figures, tables and equations join the headings' as targets
        // of links.
        var outline = outlines[index]
        outline.anchors += FigureNumbering(outputs.flatMap(\.items)).anchors.sorted()
        outline.anchors += layout.siteMap.entry(source.key).map { $0.equations.keys.sorted().map(RenderedMath.id(forLabel:)) } ?? []
        let record = SiteManifest.Page(
            source: source.key, key: "", outline: outline, links: rendered.links, search: rendered.search,
            diagnostics: run.diagnostics + rendered.diagnostics, dataFiles: dataFiles)
        return Drawn(html: html, record: record)
    }

    /// What each block gave, as the page shows it, by its verdict (`NotebookRun.Verdict`,
    /// which reads the `error` option).
    static func outputs(_ run: NotebookRun) -> [BlockOutput] {
        run.notebook.blocks.indices.map { index in
            guard index < run.outcomes.count, let (result, verdict) = run.verdict(index) else {
                return BlockOutput(state: .skipped)
            }
            let expected: Bool
            switch verdict {
            case .succeeded, .succeededUnexpectedly: return BlockOutput(state: .ran, items: result.items)
            case .failedAsExpected: expected = true
            case .failedUnexpectedly: expected = false
            }
            return BlockOutput(state: .failed(expected: expected), items: result.items,
                               errors: result.errors.map { $0.file == nil ? $0.inFile(run.notebook.path) : $0 })
        }
    }
}
