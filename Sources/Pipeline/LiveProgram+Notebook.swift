import Diagnostics
import Document
import Drawing
import Language
import Foundation
import Live
import Runtime

extension LiveProgram {
    /// The program a page carries for the notebook `run` ran: its blocks, its limits, and the
    /// numbers of the data files its blocks read (`DataFiles.numbers`: a file that is not data
    /// is never shipped with a page, nor a data file's header). `source` adds the notebook's text, for diagnostics that quote
    /// its lines (the CLI's `run --program`).
    public init(_ run: NotebookRun, source: Bool = false) {
        let notebook = run.notebook
        let folder = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        var files: [(path: String, text: String)] = []
        for name in run.filesRead.last ?? [] {
            guard let bytes = SiteFiles.read(SiteFiles.join(folder, name)),
                let text = String(validating: bytes, as: UTF8.self), let numbers = DataFiles.numbers(text)
            else { continue }
            files.append((name, numbers))
        }
        // Each block's place in the page's numbering, as the page writer counts it.
        let shown = SitePageDrawer.outputs(run).map { $0.items }
        let entries = FigureNumbering(shown.flatMap { $0 }).entries
        var numbered = 0, figures = 0
        let blocks = notebook.blocks.map { block in
            let items = block.index < shown.count ? shown[block.index] : []
            let counts = OutputNumbering.counts(of: items)
            let numbering = OutputNumbering(entries: Array(entries.dropFirst(numbered).prefix(counts.numbered)), figuresBefore: figures)
            numbered += counts.numbered
            figures += counts.figures
            return Block(code: block.code, origin: SourceOrigin(firstLine: block.firstCodeLine, columnOffsets: block.columnOffsets),
                         fence: block.fenceLine, options: block.options, closed: block.isClosed, numbering: numbering,
                         sliders: run.verdict(block.index)?.result.sliders ?? [])
        }
        var problems: NotebookProblems?
        if source {
            let renderer = DiagnosticRenderer(sources: [NotebookLoader.sourceText(notebook)])
            let (before, after) = run.notebookProblems
            let own = run.diagnostics.prefix(before) + run.diagnostics.suffix(after)
            problems = NotebookProblems(before: renderer.render(Array(run.diagnostics.prefix(before))),
                                        after: renderer.render(Array(run.diagnostics.suffix(after))),
                                        fail: own.contains { $0.severity == .error },
                                        stopBlocks: notebook.hasErrors || !run.settings.diagnostics.isEmpty)
        }
        self.init(path: notebook.path, limits: run.settings.limits, files: files, blocks: blocks,
                  source: source ? String(decoding: notebook.bytes, as: UTF8.self) : nil, notebookProblems: problems)
    }
}
