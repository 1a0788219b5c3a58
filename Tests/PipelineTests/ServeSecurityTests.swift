import Foundation
import Testing
import Weave
#if canImport(Glibc)
import Glibc
#endif

/// `chainrule serve` against hostile requests, each attack sent as raw bytes over TCP to the
/// real binary: heads too long or never finished, many idle connections, other hosts (DNS
/// rebinding), other methods, paths that pick a content type or a redirect, and the headers
/// every answer must carry. (Serialized: each test starts a server, and they share two cores.)
@Suite(.serialized) struct ServeSecurityTests {
    /// The pages as `build` writes them declare the policy before anything they load, and
    /// load nothing it forbids: no inline script, scripts and stylesheets from `assets/`.
    @Test func theBuiltPagesCarryThePolicyAndNeedNoMore() throws {
        let project = try SiteProject([
            "notebooks/one.md": SiteNotebooks.simple(title: "One", order: 1, body: "$x^2$ and [two](sub/two.md)."),
            "notebooks/sub/two.md": SiteNotebooks.simple(title: "Two", order: 2, code: "plot([1, 2, 3])"),
        ])
        let report = project.build()
        #expect(!report.failed, "\(report.diagnostics)")
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(DefaultTheme.contentSecurityPolicy)\">"
        #expect(!DefaultTheme.contentSecurityPolicy.contains("frame-ancestors"), "ignored in a <meta>, and reported in the console")
        for name in ["index.html", "one.html", "sub/two.html"] {
            let page = try #require(project.read("site/" + name), "\(name)")
            let head = try #require(page.range(of: "</head>").map { String(page[..<$0.lowerBound]) }, "\(name)")
            let policy = try #require(head.range(of: meta), "\(name) has no policy in its head")
            for loaded in ["<link", "<script", "<style"] {
                if let first = head.range(of: loaded) { #expect(policy.upperBound <= first.lowerBound, "\(name): \(loaded) before the policy") }
            }
            // A live page's program is data, which no browser runs (docs/live.md).
            let data = page.components(separatedBy: "<script type=\"application/json\"").count - 1
            #expect(page.components(separatedBy: "<script").count - 1 - data == page.components(separatedBy: "<script src=\"").count - 1,
                    "\(name) has an inline script")
            #expect(page.range(of: #"<[^>]* on[a-z]+="#, options: .regularExpression) == nil, "\(name) has an event attribute")
            for attribute in ["src=\"", "href=\""] {
                for piece in page.components(separatedBy: attribute).dropFirst() {
                    let url = String(piece.prefix { $0 != "\"" })
                    #expect(!url.hasPrefix("//") && !url.contains("://"), "\(name) loads or links \(url)")
                }
            }
        }
        #expect(project.read("site/sub/two.html")?.contains("<svg") == true, "the figure is inline SVG")
    }

    @Test func longRequestLinesAndHeadersAreRefusedAtOnce() throws {
        let site = try ServedSite()
        let started = Date()
        let line = try #require(RawConnection.exchange(port: site.port, "GET /" + String(repeating: "a", count: 64 * 1024)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        #expect(line.status == 414)
        expectSecurityHeaders(line)
        let header = try #require(RawConnection.exchange(port: site.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: "
            + String(repeating: "b", count: 300 * 1024) + "\r\n\r\n"))
        #expect(header.status == 431)
        expectSecurityHeaders(header)
        // Many short headers are as long as one long one.
        let many = try #require(RawConnection.exchange(port: site.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + String(repeating: "X-Short: c\r\n", count: 2000) + "\r\n"))
        #expect(many.status == 431)
        #expect(Date().timeIntervalSince(started) < 5, "refused as soon as the limit is passed, not parsed")
        // Just under the limit is a request like any other.
        let fits = try #require(RawConnection.exchange(port: site.port, "GET /one.html?" + String(repeating: "d", count: 7000)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        #expect(fits.status == 200)
    }

    /// The library this server replaced took time quadratic in a head's length: two 256 KB
    /// requests kept it from answering anything for half a minute.
    @Test func aRequestIsAnsweredWhileHugeOnesAreInFlight() throws {
        let site = try ServedSite()
        // Two heads of 256 KB that never end, sent whole and left open.
        let huge = try (0..<2).map { _ in try #require(RawConnection(port: site.port)) }
        for connection in huge {
            #expect(connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: " + String(repeating: "e", count: 256 * 1024)))
        }
        let started = Date()
        let page = try #require(RawConnection.exchange(port: site.port, "GET /one.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        let elapsed = Date().timeIntervalSince(started)
        #expect(page.status == 200 && page.body.contains("cr-article"))
        #expect(elapsed < 1, "a page took \(elapsed) s while two huge requests were in flight")
        for connection in huge {
            #expect(connection.response()?.status == 431)
        }
    }

    /// A client that never finishes its head is cut off after a few seconds, and however many
    /// connect at once, the server holds a bounded number of threads and answers again.
    @Test func slowAndIdleConnectionsAreBoundedAndCutOff() throws {
        let site = try ServedSite()
        let before = try #require(site.threadCount)
        var idle: [RawConnection] = []
        for index in 0..<60 {
            let connection = try #require(RawConnection(port: site.port), "connection \(index)")
            // Half start a head and stop; half send nothing at all.
            if index.isMultiple(of: 2) { #expect(connection.send("GET /one.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")) }
            idle.append(connection)
        }
        usleep(1_000_000)
        let during = try #require(site.threadCount)
        // 32 connections are served at once (SiteServer.connectionLimit); one thread each
        // for all 60 would be 60 more.
        #expect(during - before <= 32 + 6, "\(before) threads before, \(during) with 60 connections open")
        let started = Date()
        let page = RawConnection.exchange(port: site.port, "GET /one.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", timeout: 20)
        #expect(page?.status == 200, "answered once the idle connections time out")
        #expect(Date().timeIntervalSince(started) < 15)
        let slow = idle[0].response(timeout: 20)
        #expect(slow?.status == 408)
        if let slow { expectSecurityHeaders(slow) }
        #expect(Date().timeIntervalSince(started) < 15)
        idle.removeAll()
        #expect(RawConnection.exchange(port: site.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")?.status == 200)
    }

    /// DNS rebinding: a page on another site that points its own name at 127.0.0.1 still
    /// sends that name in `Host`.
    @Test func requestsForAnotherHostAreRefused() throws {
        let site = try ServedSite()
        let port = site.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "127.0.0.1", "LocalHost:\(port)"] {
            let response = RawConnection.exchange(port: port, "GET /one.html HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(response?.status == 200, "\(host)")
        }
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.1:\(port &+ 1)", "localhost.:\(port)", "127.0.0.1.evil.example"] {
            let response = try #require(RawConnection.exchange(port: port, "GET /one.html HTTP/1.1\r\nHost: \(host)\r\n\r\n"))
            #expect(response.status == 403, "\(host)")
            #expect(!response.body.contains("cr-article"))
            expectSecurityHeaders(response)
        }
        for request in ["GET /one.html HTTP/1.1\r\n\r\n", "GET /one.html HTTP/1.0\r\n\r\n",
                        "GET /one.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nHost: evil.example\r\n\r\n"] {
            let response = RawConnection.exchange(port: port, request)
            #expect(response?.status == 403 || response?.status == 400, "\(request.debugDescription): \(response?.status ?? 0)")
        }
    }

    @Test func onlyGetAndHeadAreAnswered() throws {
        let site = try ServedSite()
        let host = "Host: 127.0.0.1:\(site.port)\r\n"
        let post = try #require(RawConnection.exchange(port: site.port, "POST /one.html HTTP/1.1\r\n\(host)Content-Length: 11\r\n\r\nhello=world"))
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
        #expect(post.headers["connection"] == "close")
        expectSecurityHeaders(post)
        for method in ["PUT", "DELETE", "OPTIONS", "PATCH"] {
            #expect(RawConnection.exchange(port: site.port, "\(method) /one.html HTTP/1.1\r\n\(host)\r\n")?.status == 405, "\(method)")
        }
        let get = try #require(RawConnection.exchange(port: site.port, "GET /one.html HTTP/1.1\r\n\(host)\r\n"))
        let head = try #require(RawConnection.exchange(port: site.port, "HEAD /one.html HTTP/1.1\r\n\(host)\r\n"))
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["content-length"] == String(get.body.utf8.count))
        // A body sent with a GET is ignored; one request per connection.
        let withBody = RawConnection.exchange(port: site.port, "GET /one.html HTTP/1.1\r\n\(host)Content-Length: 40\r\n\r\n"
            + "GET /two.html HTTP/1.1\r\n\(host)\r\n")
        #expect(withBody?.status == 200 && withBody?.body == get.body)
        for malformed in ["GET\r\n\r\n", "GET /one.html\r\n\(host)\r\n", "GET  /one.html HTTP/1.1\r\n\(host)\r\n",
                          "GET /one.html HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n", "GET /one.html HTTP/1.1\r\n\(host) folded\r\n\r\n",
                          "GET /one.html HTTP/1.1\r\n\(host)X-Nul: a\u{0}b\r\n\r\n"] {
            #expect(RawConnection.exchange(port: site.port, malformed)?.status == 400, "\(malformed.debugDescription)")
        }
        #expect(RawConnection.exchange(port: site.port, "GET /one.html HTTP/2.0\r\n\(host)\r\n")?.status == 505)
    }

    /// A NUL picked the content type (`/notes.txt%00.html` served the text file as a page),
    /// and a folder redirected to itself forever.
    @Test func pathsCannotPickATypeOrARedirect() throws {
        let site = try ServedSite()
        try site.project.write("site/notes.txt", "<script>alert(1)</script>")
        try site.project.write("site/sub/index.html", "<html><body>the sub folder</body></html>")
        try site.project.write("site/evil.com/x/index.html", "<html><body>a folder named like a host</body></html>")
        func get(_ target: String) throws -> RawResponse {
            try #require(RawConnection.exchange(port: site.port, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), "\(target)")
        }
        let notes = try get("/notes.txt")
        #expect(notes.status == 200 && notes.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(notes.body == "<script>alert(1)</script>")
        for target in ["/notes.txt%00.html", "/notes.txt%00", "/%00", "/notes.txt%0a.html", "/notes.txt%C2%85.html", "/%FF"] {
            let response = try get(target)
            #expect(response.status == 400, "\(target): \(response.status)")
            #expect(response.headers["content-type"]?.hasPrefix("text/html") == false && response.headers["location"] == nil)
            expectSecurityHeaders(response)
        }
        let folder = try get("/sub/")
        #expect(folder.status == 200 && folder.body.contains("the sub folder") && folder.headers["location"] == nil)
        let redirect = try get("/sub")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/sub/")
        expectSecurityHeaders(redirect)
        for target in ["//evil.com/x", "/%2F%2Fevil.com/x", "/..//evil.com/x", "///evil.com/x"] {
            let response = try get(target)
            let location = response.headers["location"] ?? ""
            #expect(response.status == 301 && location == "/evil.com/x/", "\(target): \(response.status) \(location)")
        }
        #expect(try get("//evil.com/nothing").status == 404)
        #expect(try get("/../../etc/passwd").status == 404)
    }

    /// What every answer of `serve` carries, and the reload script as a file of its own.
    @Test func pagesLoadTheReloadScriptAsAFile() throws {
        let site = try ServedSite()
        let page = try #require(RawConnection.exchange(port: site.port, "GET /one.html HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        #expect(page.status == 200)
        expectSecurityHeaders(page)
        #expect(page.body.contains("<script src=\"/__chainrule/reload.js\"></script>\n</body>"))
        #expect(page.body.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(DefaultTheme.contentSecurityPolicy)\">"))
        let inline = page.body.components(separatedBy: "<script").count - page.body.components(separatedBy: "<script src=").count
        #expect(inline == 0, "no inline script, which the policy would block")
        let script = try #require(RawConnection.exchange(port: site.port, "GET /__chainrule/reload.js HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body.contains("/__chainrule/version"))
        expectSecurityHeaders(script)
        let missing = try #require(RawConnection.exchange(port: site.port, "GET /missing.html HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        #expect(missing.status == 404 && missing.body.contains("<script src=\"/__chainrule/reload.js\"></script>"))
        expectSecurityHeaders(missing)
    }

    private func expectSecurityHeaders(_ response: RawResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.headers["x-content-type-options"] == "nosniff", sourceLocation: sourceLocation)
        #expect(response.headers["cache-control"] == "no-store", sourceLocation: sourceLocation)
        #expect(response.headers["content-security-policy"] == DefaultTheme.serverContentSecurityPolicy, sourceLocation: sourceLocation)
        #expect(response.headers["connection"] == "close", sourceLocation: sourceLocation)
    }
}

/// `chainrule serve --port P` on a small project, started and waited for, stopped at the end.
final class ServedSite {
    let project: SiteProject
    let port: UInt16
    private let process: Process

    init() throws {
        project = try SiteProject([
            "notebooks/one.md": SiteNotebooks.simple(title: "One", order: 1),
            "notebooks/two.md": SiteNotebooks.simple(title: "Two", order: 2),
        ])
        port = freePort()
        process = try ChainruleBinary.start(["serve", "--port", String(port), "--quiet"], in: project.root)
        // The server listens before its first build is done: wait for a page.
        var ready = false
        for _ in 0..<300 where !ready {
            ready = httpGet(port: port, path: "/one.html")?.status == 200
            if !ready { usleep(100_000) }
        }
        guard ready else {
            process.terminate()
            process.waitUntilExit()
            throw ServedSiteError(description: "serve did not answer on 127.0.0.1:\(port)")
        }
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// The server process's threads now (Linux), to see that connections do not each get one.
    var threadCount: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Threads:") }) else { return nil }
        return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces))
    }
}

struct ServedSiteError: Error, CustomStringConvertible {
    let description: String
}

/// A response as read off the wire: status, headers by lowercased name, body as text.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String
}

/// A TCP connection to 127.0.0.1 that sends exactly the bytes it is given, which no HTTP
/// client would: a head of 300 KB, a head that never ends, no `Host`, a NUL.
final class RawConnection {
    private let socket: Int32

    init?(port: UInt16) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
    }

    deinit {
        close(socket)
    }

    /// One request on a new connection, and its response.
    static func exchange(port: UInt16, _ request: String, timeout: Double = 10) -> RawResponse? {
        guard let connection = RawConnection(port: port), connection.send(request) else { return nil }
        return connection.response(timeout: timeout)
    }

    /// Writes every byte; false when the server closed the connection first.
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Reads until the server closes the connection (it answers one request and closes),
    /// or nil when nothing whole came within `timeout` seconds.
    func response(timeout: Double = 10) -> RawResponse? {
        let deadline = Date().addingTimeInterval(timeout)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(left * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            guard headers[name] == nil else { return nil }
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: String(text[end.upperBound...]))
    }
}
