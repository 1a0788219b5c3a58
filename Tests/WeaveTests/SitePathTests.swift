import Testing
@testable import Weave

@Suite struct SitePathTests {
    @Test func normalizes() {
        #expect(SitePath.normalize("notebooks/./a/../xor.md") == "notebooks/xor.md")
        #expect(SitePath.normalize("./xor.md") == "xor.md")
        #expect(SitePath.normalize("../up.md") == "../up.md")
        #expect(SitePath.normalize("a//b/") == "a/b")
        #expect(SitePath.normalize("/x/../../y") == "/y")
        #expect(SitePath.leavesFolder("../x"))
        #expect(!SitePath.leavesFolder("x/../y"))
    }

    @Test func relativeLinks() {
        #expect(SitePath.relative(from: "a.html", to: "b.html") == "b.html")
        #expect(SitePath.relative(from: "sub/a.html", to: "b.html") == "../b.html")
        #expect(SitePath.relative(from: "a.html", to: "sub/b.html") == "sub/b.html")
        #expect(SitePath.relative(from: "x/y/a.html", to: "x/z/b.html") == "../z/b.html")
        #expect(SitePath.relative(from: "x/a.html", to: "x/a.html") == "a.html")
        #expect(SitePath.root(from: "x/y/a.html") == "../../")
        #expect(SitePath.root(from: "a.html") == "")
        #expect(SitePath.page(forNotebook: "sub/xor.md") == "sub/xor.html")
    }
}
