import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Pipeline

/// Notebooks run and drawn as page bodies, against their expected HTML and diagnostics
/// (`Fixtures/site/NAME/notebook.md`, `expected.html`, `expected.stderr`; `Golden.check`).
///
/// Each fixture is built by the build's own stages, up to the check of its links, as
/// `notebooks/NAME.md` of a project that also holds the page it links to, the file it shows
/// and a theme whose page template is the body alone.
@Suite struct SiteGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/site")

    @Test(arguments: ["gallery", "failure", "prose"])
    func pageMatches(name: String) throws {
        let folder = Self.directory.appendingPathComponent(name)
        let text = try String(contentsOf: folder.appendingPathComponent("notebook.md"), encoding: .utf8)
        let project = try SiteProject([
            "notebooks/\(name).md": text,
            "notebooks/chain-rule.md": "# The chain rule\n\n## The backward pass\n",
            "notebooks/chart.png": "",
            "theme/page.mustache": "{{{page.body}}}",
        ])
        let options = SiteBuildOptions(paths: [project.path("notebooks")], output: project.path("site"), projectRoot: project.root,
                                       toolVersion: "test", jobs: 2)
        var state = SiteBuildState(options: options)
        let found = state.find(), loaded = state.loadTheme()
        let sources = try #require(found), (themeFiles, theme) = try #require(loaded)
        let parsed = state.parse(sources)
        let notebooks = try #require(parsed)
        let site = SiteOutline(sources: sources, notebooks: notebooks, options: options)
        var plans = SiteBuildState.plan(site, previous: nil, options: options, templates: themeFiles.templateDigest, digests: state.digests)
        _ = state.runOrReuse(&plans, site: site, progress: { _ in })
        let drawn = SiteBuildState.draw(&plans, site: site, theme: theme, options: options)
        let links = SiteBuildState.checkLinks(drawn.records, sources: sources, rawHTML: options.rawHTML)
        #expect(state.fatal.isEmpty, "\(state.fatal)")

        // Paths as a build started in the project's folder names them.
        let inProject = { (text: String) in text.replacingOccurrences(of: project.root + "/", with: "") }
        let index = try #require(sources.firstIndex { $0.relative == name + ".md" })
        let diagnostics = drawn.records.flatMap(\.diagnostics) + site.labelProblems + links.problems
        let stderr = inProject(DiagnosticRenderer(sources: [SourceText(path: sources[index].path, text: text)]).render(diagnostics))
        let outline = site.outlines[index]
        let html = "<!-- title: \(outline.title); anchors: \(outline.anchors.joined(separator: " ")) -->\n"
            + inProject(try #require(drawn.html[index]))
        let expectedHTML = folder.appendingPathComponent("expected.html")
        let expectedStderr = folder.appendingPathComponent("expected.stderr")
        for (actual, url) in [(html, expectedHTML), (stderr, expectedStderr)] {
            if let problem = Golden.check(actual, against: url) { Issue.record(Comment(rawValue: problem)) }
        }
    }
}
