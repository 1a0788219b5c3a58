import Diagnostics
import Document
import Foundation
import Weave

/// Stage 4 of a build: what every page must know of the others before any is drawn. Each
/// notebook's outline (title, heading ids), its context (configuration, macros,
/// bibliography), its labelled equations, and the site's layout (order, sidebar, the map
/// links are resolved against). Plain data, from the parsed notebooks alone.
struct SiteOutline {
    let sources: [SiteSource]
    let notebooks: [Notebook]
    let outlines: [PageOutline]
    let contexts: [NotebookContext]
    let layout: SiteLayout
    /// An equation label defined on two pages: a reference from a third could mean either.
    let labelProblems: [Diagnostic]

    init(sources: [SiteSource], notebooks: [Notebook], options: SiteBuildOptions) {
        self.sources = sources
        self.notebooks = notebooks
        outlines = zip(sources, notebooks).map { PageOutline($1, fileName: ($0.relative as NSString).lastPathComponent) }
        let contexts = notebooks.map { NotebookContext.of($0) }
        self.contexts = contexts
        let equations = Parallel.map(notebooks.count, jobs: options.jobs) { index in
            NotebookMath.labels(of: notebooks[index], base: contexts[index].math).mapValues(\.tag)
        }
        layout = SiteLayout(sources: sources, outlines: outlines, equations: equations, options: options)
        var labelledBy: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for (index, labels) in equations.enumerated() {
            for name in labels.keys.sorted() {
                if let first = labelledBy[name] {
                    problems.append(.warning("the equation label '\(name)' is also defined in \(sources[first].path)", file: sources[index].path,
                                             notes: [.init("each page's own references find its own equation, but a reference from any other page finds only one of them; give each equation a label of its own")]))
                } else {
                    labelledBy[name] = index
                }
            }
        }
        labelProblems = problems
    }
}
