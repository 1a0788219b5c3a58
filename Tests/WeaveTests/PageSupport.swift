import Diagnostics
import Display
import Document
@testable import Weave

/// Renders a notebook's page body the way the build does, with outputs given by hand.
struct PageFixture {
    var notebook: Notebook
    var outline: PageOutline
    var page: RenderedPage

    init(_ markdown: String, path: String = "notebooks/test.md", outputs: [BlockOutput]? = nil,
         rawHTML: Bool = false, others: [SiteMap.Entry] = []) throws {
        notebook = try Notebook.parse(path: path, bytes: Array(markdown.utf8))
        outline = PageOutline(notebook, fileName: String(path.split(separator: "/").last!))
        let source = SitePath.normalize(path)
        let pagePath = SitePath.page(forNotebook: source.hasPrefix("notebooks/") ? String(source.dropFirst("notebooks/".count)) : source)
        let map = SiteMap([SiteMap.Entry(source: source, page: pagePath, title: outline.title, anchors: Set(outline.anchors))] + others)
        let blockOutputs = outputs ?? notebook.blocks.map { _ in BlockOutput(state: .ran) }
        page = NotebookPageRenderer(notebook: notebook, outline: outline, source: source, page: pagePath,
                                    outputs: blockOutputs, siteMap: map, options: PageOptions(rawHTML: rawHTML)).render()
    }

    var html: String { page.body }
}

extension String {
    func count(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
