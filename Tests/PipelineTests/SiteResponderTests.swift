import Foundation
import Testing
@testable import Pipeline
import Weave

@Suite struct SiteResponderTests {
    @Test func servesFilesWithTheReloadScript() throws {
        let project = try SiteProject([
            "site/index.html": "<html><body><p>home</p></body></html>",
            "site/sub/page.html": "<html><body>page</body></html>",
            "site/assets/style.css": "body {}",
            "secret.txt": "no",
        ])
        let responder = SiteResponder(root: project.path("site"), port: 8000)
        let home = responder.respond(to: "/", version: 3)
        #expect(home.status == 200)
        #expect(home.contentType.hasPrefix("text/html"))
        let text = String(decoding: home.body, as: UTF8.self)
        #expect(text == "<html><body><p>home</p><script src=\"/__chainrule/reload.js\"></script>\n</body></html>")
        #expect(responder.respond(to: "/assets/style.css", version: 3).body == Data("body {}".utf8))
        #expect(responder.respond(to: "/sub", version: 3).status == 301)
        #expect(responder.respond(to: "/sub/page.html", version: 3).status == 200)
        #expect(responder.respond(to: "/nope.html", version: 3).status == 404)
        #expect(responder.respond(to: "/../secret.txt", version: 3).status == 404)
        #expect(responder.respond(to: "/%2e%2e/secret.txt", version: 3).status == 404)
        #expect(responder.respond(to: "/sub/../../secret.txt", version: 3).status == 404)
        let version = responder.respond(to: SiteResponder.versionPath, version: 7)
        #expect(String(decoding: version.body, as: UTF8.self) == "7")
        // The pages' policy runs no inline script: the reload script is a file of its own.
        let script = responder.respond(to: SiteResponder.reloadScriptPath, version: 7)
        #expect(script.status == 200 && script.contentType.hasPrefix("text/javascript"))
        let source = String(decoding: script.body, as: UTF8.self)
        #expect(source.contains("fetch(\"\(SiteResponder.versionPath)\"") && !source.contains("<script"))
    }

    /// A NUL would cut the file name short where the system reads it (`notes.txt%00.html`
    /// opened `notes.txt` and served it as HTML with the script added); any control
    /// character, a malformed escape or bytes that are not a plain path are refused.
    @Test func aControlCharacterOrAMalformedPathIsABadRequest() throws {
        let project = try SiteProject([
            "site/notes.txt": "plain <b>text</b>",
            "site/index.html": "<html><body>home</body></html>",
        ])
        let responder = SiteResponder(root: project.path("site"), port: 8000)
        let notes = responder.respond(to: "/notes.txt", version: 1)
        #expect(notes.status == 200 && notes.contentType == "text/plain; charset=utf-8")
        #expect(notes.body == Data("plain <b>text</b>".utf8), "no script added to a text file")
        for path in ["/notes.txt%00.html", "/notes.txt%00", "/%00", "/%00/", "/notes.txt%0a.html", "/notes.txt%0D",
                     "/notes.txt%09.html", "/notes.txt%7F.html", "/notes.txt%C2%85.html", "/notes%zz.txt", "/notes%.txt",
                     "/%FF.html", "/%C0%AE%C0%AE/notes.txt", "/notes .txt", "/notés.txt", "/notes\u{0}.txt", "notes.txt", ""] {
            let response = responder.respond(to: path, version: 1)
            #expect(response.status == 400, "\(path.debugDescription): \(response.status)")
            #expect(!response.contentType.hasPrefix("text/html"), "\(path.debugDescription)")
            #expect(response.location == nil)
        }
        // An escape that is a plain character is still that character.
        #expect(responder.respond(to: "/notes%2Etxt", version: 1).body == notes.body)
    }

    /// A folder's URL ends in `/` and serves its `index.html`; without the `/` it redirects
    /// there once. Every redirect stays on this server, whatever the request's path looks like.
    @Test func aFolderIsServedAtItsURLAndRedirectsThereOnce() throws {
        let project = try SiteProject([
            "site/index.html": "<html><body>home</body></html>",
            "site/sub/index.html": "<html><body>sub home</body></html>",
            "site/sub/deeper/index.html": "<html><body>deeper</body></html>",
            "site/empty/note.txt": "no index here",
            "site/evil.com/x/index.html": "<html><body>a folder named like a host</body></html>",
            "site/\\evil.com/index.html": "<html><body>a folder named with a backslash</body></html>",
            "site/http:/evil.com/index.html": "<html><body>a folder named like a scheme</body></html>",
            "site/my folder/index.html": "<html><body>spaced</body></html>",
        ])
        let responder = SiteResponder(root: project.path("site"), port: 8000)
        let sub = responder.respond(to: "/sub/", version: 1)
        #expect(sub.status == 200 && sub.location == nil)
        #expect(String(decoding: sub.body, as: UTF8.self).contains("sub home"))
        #expect(responder.respond(to: "/", version: 1).status == 200)
        let redirects = [
            "/sub": "/sub/", "/sub/deeper": "/sub/deeper/", "/sub/./deeper": "/sub/deeper/", "/empty": "/empty/",
            "/my%20folder": "/my%20folder/",
        ]
        for (path, location) in redirects {
            let response = responder.respond(to: path, version: 1)
            #expect(response.status == 301 && response.location == location, "\(path): \(response.status) \(response.location ?? "none")")
            // Followed, the redirect ends: a page, or nothing there, never another redirect.
            let followed = responder.respond(to: location, version: 1)
            #expect(followed.status == 200 || followed.status == 404, "\(location): \(followed.status)")
        }
        #expect(responder.respond(to: "/empty/", version: 1).status == 404)
        #expect(responder.respond(to: "/sub/deeper/", version: 1).status == 200)
        // Paths a browser would read as another host or a scheme, if they came back in a Location.
        for path in ["//evil.com/x", "///evil.com/x", "/%2F%2Fevil.com/x", "/%2F/evil.com/x", "/./evil.com/x", "/../evil.com/x",
                     "/\\evil.com", "/%5Cevil.com", "//\\evil.com", "/http:%2F%2Fevil.com", "/http:/evil.com", "//evil.com/x?y"] {
            let response = responder.respond(method: "GET", target: path, host: "127.0.0.1:8000", version: 1)
            #expect(response.status == 301, "\(path): \(response.status)")
            let location = try #require(response.location, "\(path)")
            #expect(location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\"), "\(path): \(location)")
            #expect(location.hasSuffix("/"), "\(path): \(location)")
            #expect(responder.respond(to: location, version: 1).status == 200, "\(path): \(location)")
        }
        #expect(responder.respond(to: "//evil.com/nothing", version: 1).status == 404)
    }

    /// DNS rebinding: a page on another site can point a name it owns at 127.0.0.1, but its
    /// requests still carry that name.
    @Test func onlyLoopbackHostsAndGetOrHeadAreAnswered() throws {
        let project = try SiteProject(["site/index.html": "<html><body>home</body></html>"])
        let responder = SiteResponder(root: project.path("site"), port: 8000)
        for host in ["127.0.0.1:8000", "localhost:8000", "127.0.0.1", "localhost", "LOCALHOST:8000", "LocalHost"] {
            #expect(responder.respond(method: "GET", target: "/", host: host, version: 1).status == 200, "\(host)")
        }
        for host in [nil, "", "evil.com", "evil.com:8000", "127.0.0.1:8001", "localhost:80", "localhost.", "localhost.:8000",
                     "127.0.0.2:8000", "[::1]:8000", "0.0.0.0:8000", "127.0.0.1:8000.evil.com", "localhost:8000@evil.com", "2130706433:8000"] {
            let response = responder.respond(method: "GET", target: "/", host: host, version: 1)
            #expect(response.status == 403, "\(host ?? "no Host"): \(response.status)")
            #expect(response.body.count < 100 && !response.contentType.hasPrefix("text/html"))
        }
        #expect(responder.respond(method: "HEAD", target: "/", host: "localhost", version: 1).status == 200)
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get", "head"] {
            let response = responder.respond(method: method, target: "/", host: "localhost", version: 1)
            #expect(response.status == 405 && response.allow == "GET, HEAD", "\(method): \(response.status)")
            #expect(response.headerFields.contains(SiteResponder.HeaderField("Allow", "GET, HEAD")))
        }
        // The query is not part of the file's name; a target that is not a path is refused.
        #expect(responder.respond(method: "GET", target: "/index.html?v=2", host: "localhost", version: 1).status == 200)
        #expect(responder.respond(method: "GET", target: "/?", host: "localhost", version: 1).status == 200)
        for target in ["*", "http://127.0.0.1:8000/", "index.html", "?x"] {
            #expect(responder.respond(method: "GET", target: target, host: "localhost", version: 1).status == 400, "\(target)")
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() throws {
        let project = try SiteProject([
            "site/index.html": "<html><body>home</body></html>",
            "site/sub/index.html": "<html><body>sub</body></html>",
            "site/assets/site.js": "1;",
        ])
        let responder = SiteResponder(root: project.path("site"), port: 8000)
        let responses = [
            responder.respond(method: "GET", target: "/", host: "localhost", version: 1),
            responder.respond(method: "GET", target: "/assets/site.js", host: "localhost", version: 1),
            responder.respond(method: "GET", target: "/sub", host: "localhost", version: 1),
            responder.respond(method: "GET", target: "/missing", host: "localhost", version: 1),
            responder.respond(method: "GET", target: "/%00", host: "localhost", version: 1),
            responder.respond(method: "GET", target: "/", host: "evil.com", version: 1),
            responder.respond(method: "POST", target: "/", host: "localhost", version: 1),
            responder.respond(method: "GET", target: SiteResponder.versionPath, host: "localhost", version: 1),
            responder.respond(method: "GET", target: SiteResponder.reloadScriptPath, host: "localhost", version: 1),
            SiteResponder.refusal(431, "too long"),
        ]
        #expect(responses.map(\.status) == [200, 200, 301, 404, 400, 403, 405, 200, 200, 431])
        for response in responses {
            let fields = Dictionary(response.headerFields.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            #expect(fields["x-content-type-options"] == "nosniff", "\(response.status)")
            #expect(fields["cache-control"] == "no-store", "\(response.status)")
            #expect(fields["content-security-policy"] == DefaultTheme.serverContentSecurityPolicy, "\(response.status)")
            #expect(fields["content-length"] == String(response.body.count))
            #expect(fields["content-type"] == response.contentType)
            #expect(response.headerFields.allSatisfy { !($0.name + $0.value).contains(where: { $0 == "\r" || $0 == "\n" }) })
        }
        let policy = DefaultTheme.serverContentSecurityPolicy
        for directive in ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"] {
            #expect(policy.contains(directive), "\(directive)")
        }
        #expect(!policy.contains("'unsafe-eval'") && !policy.contains("script-src 'self' 'unsafe-inline'"))
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
