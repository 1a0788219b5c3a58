import Diagnostics
import Foundation
import Testing
@testable import Pipeline

/// `SiteBuilder` on real folders: what it writes, what it reuses, what it refuses.
@Suite struct SiteBuildTests {
    func threeNotebooks() throws -> SiteProject {
        try SiteProject([
            "notebooks/b-second.md": SiteNotebooks.simple(title: "Second", order: 2, body: "Back to [the first](a-first.md#section)."),
            "notebooks/a-first.md": SiteNotebooks.simple(title: "First", order: 1),
            "notebooks/c-unordered.md": SiteNotebooks.simple(title: "Unordered"),
            "notebooks/sub/z-early.md": SiteNotebooks.simple(title: "Early", order: 0.5, body: "[Up](../a-first.md)"),
        ])
    }

    @Test func writesTheIndexPagesAndAssets() throws {
        let project = try threeNotebooks()
        let report = project.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.published && !report.failed && !report.upToDate)
        #expect(report.ran == 4 && report.pagesRendered == 4)
        for file in ["index.html", "a-first.html", "b-second.html", "c-unordered.html", "sub/z-early.html",
                     "assets/style.css", "assets/site.js", "assets/nav.js", "assets/search/keys.js", ".chainrule-build"] {
            #expect(project.exists("site/" + file), "\(file)")
        }
        let index = try #require(project.read("site/index.html"))
        // By order, then file name; a notebook without an order comes last.
        let positions = ["Early", "First", "Second", "Unordered"].map { index.range(of: "cr-card-title\">\($0)")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(index.contains("About First."))
        let second = try #require(project.read("site/b-second.html"))
        #expect(second.contains("<a href=\"a-first.html#section\">the first</a>"))
        #expect(second.contains("rel=\"prev\"") && second.contains("rel=\"next\""))
        #expect(second.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">6</pre>"))
        let early = try #require(project.read("site/sub/z-early.html"))
        #expect(early.contains("href=\"../assets/style.css\"") && early.contains("<a href=\"../a-first.html\">Up</a>"))
        #expect(project.topLevel == ["notebooks", "site"] || project.topLevel == [".chainrule", "notebooks", "site"])
        #expect(project.exists(".chainrule/cache"))
        let nav = try #require(project.read("site/assets/nav.js"))
        #expect(nav.contains("[\"b-second.html\", \"Second\"]"))
        let pages = project.files(under: "site/assets/search").filter { $0.key.hasPrefix("p-") }.values
        #expect(pages.contains { String(decoding: $0, as: UTF8.self).contains("\"t\":\"Second\",\"u\":\"b-second.html\"") })
    }

    @Test func aSecondBuildWithNothingChangedDoesNothing() throws {
        let project = try threeNotebooks()
        _ = project.build()
        let before = project.files(under: "site")
        let modified = try FileManager.default.attributesOfItem(atPath: project.path("site/a-first.html"))[.modificationDate] as? Date
        let report = project.build()
        #expect(report.upToDate && report.published)
        #expect(report.ran == 0 && report.pagesRendered == 0)
        #expect(project.files(under: "site") == before)
        let after = try FileManager.default.attributesOfItem(atPath: project.path("site/a-first.html"))[.modificationDate] as? Date
        #expect(modified == after, "no file was rewritten")
    }

    @Test func editingOneNotebookRunsAndDrawsOnlyIt() throws {
        let project = try threeNotebooks()
        _ = project.build()
        let untouched = project.read("site/a-first.html")
        try project.write("notebooks/c-unordered.md", SiteNotebooks.simple(title: "Unordered", code: "x = 2\nx * 100"))
        let report = project.build()
        #expect(report.ran == 1 && report.pagesRendered == 1 && report.published)
        #expect(project.read("site/c-unordered.html")?.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">200</pre>") == true)
        #expect(project.read("site/a-first.html") == untouched)
    }

    @Test func aNewTitleRedrawsEveryPageButRunsNothingElse() throws {
        let project = try threeNotebooks()
        _ = project.build()
        try project.write("notebooks/c-unordered.md", SiteNotebooks.simple(title: "Renamed"))
        let report = project.build()
        #expect(report.ran == 1 && report.pagesRendered == 4)
        #expect(project.read("site/assets/nav.js")?.contains("\"Renamed\"]") == true, "the sidebar shows the new title")
    }

    @Test func aSiteReplacedSinceTheLastBuildIsDrawnAgain() throws {
        let project = try threeNotebooks()
        _ = project.build()
        try project.write("site/a-first.html", "tampered")
        try project.write("site/.chainrule-build", "another build")
        let report = project.build()
        #expect(!report.upToDate && report.ran == 0 && report.pagesRendered == 4)
        #expect(project.read("site/a-first.html")?.hasPrefix("<!doctype html>") == true)
    }

    @Test func theRunCacheOutlivesTheSite() throws {
        let project = try threeNotebooks()
        _ = project.build()
        project.remove("site")
        let report = project.build()
        #expect(report.ran == 0 && report.pagesRendered == 4 && report.published)
        let forced = project.build(force: true)
        #expect(forced.ran == 4 && forced.pagesRendered == 4)
        let newVersion = project.build(version: "test-2")
        #expect(newVersion.ran == 4, "a new tool version runs everything again")
    }

    @Test func aChangedDataFileRunsItsNotebookAgain() throws {
        let project = try SiteProject([
            "notebooks/data.md": "# Data\n\n```backprop\nX = load(\"points.csv\")\nsum(X)\n```\n",
            "notebooks/points.csv": "1,2\n3,4\n",
            "notebooks/other.md": SiteNotebooks.simple(title: "Other"),
        ])
        let first = project.build()
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics)")
        #expect(project.read("site/data.html")?.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">10</pre>") == true)
        #expect(first.inputs.contains(project.path("notebooks/points.csv")))
        #expect(project.build().upToDate)
        try project.write("notebooks/points.csv", "1,2\n3,5\n")
        let second = project.build()
        #expect(!second.upToDate && second.ran == 1 && second.pagesRendered == 1)
        #expect(project.read("site/data.html")?.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">11</pre>") == true)
    }

    @Test func aFailedBlockFailsTheBuildAndLeavesTheOldSite() throws {
        let project = try threeNotebooks()
        _ = project.build()
        let before = project.files(under: "site")
        try project.write("notebooks/a-first.md", SiteNotebooks.simple(title: "First", order: 1, code: "x = 2\ny = lern_rate * x"))
        let report = project.build()
        #expect(report.failed && !report.published)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.file == project.path("notebooks/a-first.md"))
        #expect(error.range?.start == SourceLocation(line: 13, column: 5))
        #expect(project.files(under: "site") == before, "the previous site is whole")
        #expect(!project.topLevel.contains { $0.contains("staging") })
        // Failing again does not come from the cache (a failure is never cached) and still fails.
        #expect(project.build().failed)

        let kept = project.build(keepGoing: true)
        #expect(kept.published && !kept.failed)
        #expect(kept.diagnostics.contains { $0.severity == .warning && $0.message.contains("lern_rate") })
        let page = try #require(project.read("site/a-first.html"))
        #expect(page.contains("cr-cell cr-failed") && page.contains("This block failed"))
        // A site published with failures still fails a build that does not keep going.
        #expect(project.build().failed)
    }

    @Test func aBrokenLinkFailsTheBuildAtTheLink() throws {
        let project = try SiteProject([
            "notebooks/a.md": "# A\n\nText.\n\nSee [b](b.md#results) and [c](c.md).\n",
            "notebooks/b.md": "# B\n\n## Results\n",
        ])
        let first = project.build()
        #expect(first.failed && !first.published && !project.exists("site"))
        let broken = try #require(first.diagnostics.first)
        #expect(broken.message == "broken link: no notebook 'c.md'")
        #expect(broken.range?.start == SourceLocation(line: 5, column: 27))
        try project.write("notebooks/a.md", "# A\n\nText.\n\nSee [b](b.md#results).\n")
        #expect(project.build().published)
        // Renaming the heading in b breaks a's link, though a's page is not drawn again.
        try project.write("notebooks/b.md", "# B\n\n## Outcomes\n")
        let second = project.build()
        #expect(second.failed && !second.published)
        #expect(second.diagnostics.first?.message == "broken link: no heading '#results' in \(project.path("notebooks/b.md"))")
        #expect(project.read("site/b.html")?.contains("Results") == true, "the old site stays")
    }

    @Test func imagesAndFilesNextToNotebooksAreCopied() throws {
        let project = try SiteProject([
            "notebooks/a.md": "# A\n\n![diagram](img/d.png) and [the data](data/x.csv)\n",
            "notebooks/img/d.png": "a picture",
            "notebooks/data/x.csv": "1,2\n",
        ])
        let report = project.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(project.read("site/img/d.png") == "a picture")
        #expect(project.exists("site/data/x.csv"))
        project.remove("notebooks/img/d.png")
        let missing = project.build()
        #expect(missing.failed)
        #expect(missing.diagnostics.first?.message.hasPrefix("broken link: no file") == true)
    }

    @Test func theSitePathMustNotBeAFile() throws {
        let project = try threeNotebooks()
        try project.write("site", "not a folder")
        let report = project.build()
        #expect(report.failed && !report.published)
        #expect(report.diagnostics.first?.message == "the site path is a file, not a folder")
        #expect(project.read("site") == "not a folder")
    }

    @Test func theSiteFolderMustNotHoldTheNotebooksOrTheProject() throws {
        let project = try threeNotebooks()
        for output in ["notebooks", "notebooks/sub", ".", ""] {
            let report = project.build(output: output)
            #expect(report.failed && !report.published, "\(output)")
            #expect(report.diagnostics.first?.message.contains("would replace") == true || report.diagnostics.first?.message.contains("holds a notebook") == true)
        }
        #expect(project.read("notebooks/a-first.md") != nil)
        #expect(project.exists("notebooks/sub/z-early.md"))
    }

    @Test func theHomeNotebookSetsTheLanguage() throws {
        let project = try SiteProject([
            "notebooks/index.md": "---\ntitle: Notes\nlang: fr\n---\n\nBonjour.\n",
            "notebooks/a.md": SiteNotebooks.simple(title: "A"),
        ])
        #expect(project.build().published)
        #expect(project.read("site/a.html")?.contains("<html lang=\"fr\">") == true)
    }

    @Test func aMissingNotebooksFolderIsAnError() throws {
        let project = try SiteProject()
        let report = project.build()
        #expect(report.failed)
        #expect(report.diagnostics.first?.message == "no such file or folder")
    }

    @Test func leftoversOfKilledBuildsAreRemoved() throws {
        let project = try threeNotebooks()
        try project.write("site.staging-999999/index.html", "half")
        try project.write("site.staging-999998-old/index.html", "old")
        _ = project.build()
        #expect(!project.topLevel.contains { $0.contains("staging") })
    }

    @Test func aThemeFolderReplacesTemplatesAndAddsFiles() throws {
        let project = try threeNotebooks()
        try project.write("theme/page.mustache", "<!doctype html><title>{{page.title}} | {{site.title}}</title>{{{page.body}}}")
        try project.write("theme/custom.css", "body { font-size: 20px }")
        try project.write("theme/logo.svg", "<svg/>")
        let report = project.build(title: "My notes")
        #expect(report.published, "\(report.diagnostics)")
        #expect(project.read("site/a-first.html")?.hasPrefix("<!doctype html><title>First | My notes</title>") == true)
        #expect(project.read("site/assets/custom.css") == "body { font-size: 20px }")
        #expect(project.read("site/assets/logo.svg") == "<svg/>")
        #expect(project.read("site/index.html")?.contains("href=\"assets/custom.css\"") == true)
        // A new stylesheet is written, but no page is drawn again for it.
        try project.write("theme/custom.css", "body { font-size: 21px }")
        let restyled = project.build(title: "My notes")
        #expect(restyled.pagesRendered == 0 && !restyled.upToDate)
        #expect(project.read("site/assets/custom.css") == "body { font-size: 21px }")
        try project.write("theme/page.mustache", "{{#page}}")
        let broken = project.build(title: "My notes")
        #expect(broken.failed && !broken.published)
        #expect(broken.diagnostics.first?.file == project.path("theme/page.mustache"))
    }

    @Test func aThemeFileCannotReplaceWhatTheBuildWrites() throws {
        for name in ["nav.js", "search/keys.js", "search/p-0.js"] {
            let project = try threeNotebooks()
            try project.write("theme/" + name, "alert(1)")
            let report = project.build()
            #expect(report.failed && !report.published)
            #expect(report.diagnostics.first?.file == project.path("theme/" + name), "\(report.diagnostics)")
            #expect(report.diagnostics.first?.message.contains("would replace the site's own") == true)
        }
    }

    @Test func rawHTMLIsTheBuildersChoice() throws {
        let project = try SiteProject(["notebooks/a.md": "# A\n\nHello <b>bold</b>.\n"])
        let escaped = project.build()
        #expect(escaped.diagnostics.first?.message == "raw HTML is shown as text")
        #expect(project.read("site/a.html")?.contains("&lt;b&gt;") == true)
        let raw = project.build(rawHTML: true)
        #expect(raw.pagesRendered == 1 && raw.diagnostics.isEmpty)
        #expect(project.read("site/a.html")?.contains("Hello <b>bold</b>.") == true)
    }

    @Test func indexMarkdownIsTheHomePage() throws {
        let project = try SiteProject([
            "notebooks/index.md": "---\ntitle: Backprop notes\ndescription: Worked examples.\n---\n\nRead [a](a.md) first.\n",
            "notebooks/a.md": SiteNotebooks.simple(title: "A"),
        ])
        #expect(project.build().published)
        let index = try #require(project.read("site/index.html"))
        #expect(index.contains("<title>Backprop notes</title>") && index.contains("Worked examples."))
        #expect(index.contains("Read <a href=\"a.html\">a</a> first."))
        #expect(index.contains("cr-list-title"))
        let page = try #require(project.read("site/a.html"))
        #expect(page.contains("<a class=\"cr-site-title\" href=\"index.html\">Backprop notes</a>"))
        #expect(!page.contains("<a href=\"index.html\">Backprop notes</a></li>"), "the home page is not in the sidebar")
    }

    @Test func oddFileNamesAreEscapedAndLinkable() throws {
        let project = try SiteProject([
            "notebooks/<b>bold & \"x\" #1.md": "No title here, so the file name is the title.\n",
            "notebooks/a.md": "# A\n\n[odd](%3Cb%3Ebold%20&%20%22x%22%20%231.md)\n",
        ])
        let report = project.build()
        #expect(report.published, "\(report.diagnostics)")
        let index = try #require(project.read("site/index.html"))
        #expect(index.contains("&lt;b&gt;bold &amp; &quot;x&quot; #1"))
        #expect(!index.contains("<b>bold"))
        #expect(index.contains("href=\"%3Cb%3Ebold%20&amp;%20%22x%22%20%231.html\""))
        #expect(project.exists("site/<b>bold & \"x\" #1.html"))
        #expect(project.read("site/a.html")?.contains("<a href=\"%3Cb%3Ebold%20&amp;%20%22x%22%20%231.html\">odd</a>") == true)
    }

    @Test func twoNotebooksForOnePageAreAnError() throws {
        let project = try SiteProject(["one/a.md": "# A\n", "two/a.md": "# Other A\n"])
        let report = project.build(paths: ["one", "two"])
        #expect(report.failed)
        #expect(report.diagnostics.first?.message.hasPrefix("two notebooks would make the page a.html") == true)
    }

    @Test func theSameNotebooksGiveTheSameBytes() throws {
        let files = [
            "notebooks/a.md": SiteNotebooks.simple(title: "A", code: "plot([3, 1, 2], title: \"p\")\ngraph(sigmoid(2 * 3))"),
            "notebooks/b.md": "# B\n\n$$\\frac{1}{2}$$\n",
        ]
        let first = try SiteProject(files), second = try SiteProject(files)
        _ = first.build()
        _ = second.build()
        let one = first.files(under: "site"), two = second.files(under: "site")
        #expect(one.keys.sorted() == two.keys.sorted())
        // The pages name their notebook by the path it was given by, here absolute.
        func text(_ data: Data?, _ project: SiteProject) -> String {
            String(decoding: data ?? Data(), as: UTF8.self).replacingOccurrences(of: project.root, with: "ROOT")
        }
        for name in one.keys where name != ".chainrule-build" {
            #expect(text(one[name], first) == text(two[name], second), "\(name)")
        }
    }
}
