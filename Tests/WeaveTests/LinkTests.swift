import Diagnostics
import Testing
@testable import Weave

@Suite struct LinkTests {
    let others = [
        SiteMap.Entry(source: "notebooks/xor.md", page: "xor.html", title: "XOR <net>", anchors: ["training", "data"]),
        SiteMap.Entry(source: "notebooks/sub/deep.md", page: "sub/deep.html", title: "Deep", anchors: []),
    ]

    @Test func notebookLinksBecomePageLinks() throws {
        let fixture = try PageFixture("[x](xor.md) [y](xor.md#training) [z](sub/deep.md) [](xor.md) [w](#local) [q](xor.md?x=1#data)\n\n## Local\n", others: others)
        #expect(fixture.html.contains("<a href=\"xor.html\">x</a>"))
        #expect(fixture.html.contains("<a href=\"xor.html#training\">y</a>"))
        #expect(fixture.html.contains("<a href=\"sub/deep.html\">z</a>"))
        #expect(fixture.html.contains("<a href=\"xor.html\"></a>"), "empty link text stays empty, as in CommonMark")
        #expect(fixture.html.contains("<a href=\"xor.html?x=1#data\">q</a>"), "a query string is kept")
        #expect(fixture.page.links.count == 6)
        let map = SiteMap(others + [SiteMap.Entry(source: "notebooks/test.md", page: "test.html", title: "T", anchors: Set(fixture.outline.anchors))])
        for link in fixture.page.links {
            #expect(map.check(link, from: "notebooks/test.md", file: "notebooks/test.md", fileProblem: { _ in nil }) == nil)
        }
    }

    @Test func linksFromASubfolder() throws {
        let fixture = try PageFixture("[up](../xor.md#data) [side](other.md)", path: "notebooks/sub/deep.md", others: [others[0]])
        #expect(fixture.html.contains("href=\"../xor.html#data\""))
    }

    @Test func brokenLinksAreErrorsAtTheLink() throws {
        let fixture = try PageFixture("Intro\n\nSee [it](xorr.md) and [that](xor.md#trainig) and [here](#nowhere).\n", others: others)
        let map = SiteMap(others + [SiteMap.Entry(source: "notebooks/test.md", page: "test.html", title: "T", anchors: [])])
        let problems = fixture.page.links.compactMap {
            map.check($0, from: "notebooks/test.md", file: "notebooks/test.md", fileProblem: { _ in nil })
        }
        #expect(problems.count == 3)
        #expect(problems[0].message == "broken link: no notebook 'xorr.md'")
        #expect(problems[0].range?.start == SourceLocation(line: 3, column: 5))
        #expect(problems[0].notes.map(\.message).contains("did you mean 'xor.md'?"))
        #expect(problems[1].message == "broken link: no heading '#trainig' in notebooks/xor.md")
        #expect(problems[1].range?.start == SourceLocation(line: 3, column: 23))
        #expect(problems[1].notes.first?.message == "did you mean '#training'?")
        #expect(problems[2].message.contains("'#nowhere'"))
        #expect(problems.allSatisfy { $0.severity == .error && $0.file == "notebooks/test.md" })
    }

    @Test func filesNextToNotebooks() throws {
        let fixture = try PageFixture("![plot](img/a.png) [data](../../secret.txt)", path: "notebooks/sub/deep.md")
        let map = SiteMap([])
        let image = fixture.page.links[0]
        #expect(image.target == .file(source: "notebooks/sub/img/a.png", sitePath: "sub/img/a.png"))
        #expect(fixture.html.contains("<img src=\"img/a.png\" alt=\"plot\" loading=\"lazy\">"))
        #expect(map.check(image, from: "notebooks/sub/deep.md", file: "f", fileProblem: { _ in nil }) == nil)
        #expect(map.check(image, from: "notebooks/sub/deep.md", file: "f", fileProblem: { "no file '\($0)'" })?.message == "broken link: no file 'notebooks/sub/img/a.png'")
        let outside = map.check(fixture.page.links[1], from: "notebooks/sub/deep.md", file: "f", fileProblem: { _ in nil })
        #expect(outside?.message.contains("outside the notebooks folder") == true)
    }

    @Test func externalLinksAreNotChecked() throws {
        let fixture = try PageFixture("[a](https://example.com/x.md) [b](//cdn.example.com/y.md)")
        #expect(fixture.page.links.isEmpty)
    }
}
