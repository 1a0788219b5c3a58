import Diagnostics
import Document
import Foundation
import TestSupport
import Testing
import Weave
@testable import Pipeline

/// Notebooks run and drawn as page bodies, against their expected HTML and diagnostics
/// (`Fixtures/site/NAME/notebook.md`, `expected.html`, `expected.stderr`; `Golden.check`).
@Suite struct SiteGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/site")

    @Test(arguments: ["gallery", "failure", "prose"])
    func pageMatches(name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("notebook.md")))
        // A stable path for the diagnostics, whatever the checkout's location.
        let path = "notebooks/\(name).md"
        let notebook = try Notebook.parse(path: path, bytes: bytes)
        let run = NotebookRunner.run(notebook)
        let outline = PageOutline(notebook, fileName: name + ".md")
        let map = SiteMap([
            SiteMap.Entry(source: path, page: name + ".html", title: outline.title, anchors: Set(outline.anchors)),
            SiteMap.Entry(source: "notebooks/chain-rule.md", page: "chain-rule.html", title: "The chain rule", anchors: ["the-backward-pass"]),
        ])
        let page = NotebookPageRenderer(notebook: notebook, outline: outline, source: path, page: name + ".html",
                                        outputs: SitePageDrawer.outputs(run), siteMap: map, options: PageOptions()).render()
        let diagnostics = run.diagnostics + page.diagnostics + page.links.compactMap {
            map.check($0, from: path, file: path, fileProblem: { _ in nil })
        }
        let stderr = DiagnosticRenderer(sources: [SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))]).render(diagnostics)
        let html = "<!-- title: \(outline.title); anchors: \(outline.anchors.joined(separator: " ")) -->\n" + page.body
        let expectedHTML = folder.appendingPathComponent("expected.html")
        let expectedStderr = folder.appendingPathComponent("expected.stderr")
        for (actual, url) in [(html, expectedHTML), (stderr, expectedStderr)] {
            if let problem = Golden.check(actual, against: url) { Issue.record(Comment(rawValue: problem)) }
        }
    }
}
