import Foundation
import Testing
@testable import Pipeline

@Suite struct SiteResponderTests {
    @Test func servesFilesWithTheReloadScript() throws {
        let project = try SiteProject([
            "site/index.html": "<html><body><p>home</p></body></html>",
            "site/sub/page.html": "<html><body>page</body></html>",
            "site/assets/style.css": "body {}",
            "secret.txt": "no",
        ])
        let responder = SiteResponder(root: project.path("site"))
        let home = responder.respond(to: "/", version: 3)
        #expect(home.status == 200)
        #expect(home.contentType.hasPrefix("text/html"))
        let text = String(decoding: home.body, as: UTF8.self)
        #expect(text.contains("__chainrule/version") && text.hasSuffix("</script>\n</body></html>"))
        #expect(responder.respond(to: "/assets/style.css", version: 3).body == Data("body {}".utf8))
        #expect(responder.respond(to: "/sub", version: 3).status == 301)
        #expect(responder.respond(to: "/sub/page.html", version: 3).status == 200)
        #expect(responder.respond(to: "/nope.html", version: 3).status == 404)
        #expect(responder.respond(to: "/../secret.txt", version: 3).status == 404)
        #expect(responder.respond(to: "/%2e%2e/secret.txt", version: 3).status == 404)
        let version = responder.respond(to: SiteResponder.versionPath, version: 7)
        #expect(String(decoding: version.body, as: UTF8.self) == "7")
    }

    @Test func watcherSeesEdits() throws {
        let project = try SiteProject(["notebooks/a.md": "one"])
        let watcher = SiteWatcher(paths: [project.path("notebooks"), project.path("theme")])
        let before = watcher.snapshot()
        #expect(watcher.snapshot() == before)
        try project.write("notebooks/a.md", "one two")
        #expect(watcher.snapshot() != before)
        let middle = watcher.snapshot()
        try project.write("notebooks/b.md", "new")
        #expect(watcher.snapshot() != middle)
    }
}
