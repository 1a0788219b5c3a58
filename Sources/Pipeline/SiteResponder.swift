import Foundation
import Weave

/// Answers `chainrule serve`'s requests from the site folder: files by path, `index.html`
/// for a folder, a tag for the reload script added to every HTML page (only here: the site
/// on disk is the same as `build` writes), the script itself, and the build's version for it
/// to poll. It decides what to answer, the HTTP server only moves bytes, so every rule about
/// which requests are refused is here and testable without a socket.
public struct SiteResponder: Sendable {
    /// An answer, independent of the HTTP server.
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: Data
        /// For a redirect: always a path on this server (`/sub/`), never `//host` or a scheme.
        public var location: String?
        /// For 405: the methods that are answered.
        public var allow: String?

        /// The header fields to send, in order: this response's own, then the ones every
        /// response carries. `Content-Length` is the body's length also when the server
        /// leaves the body out (a HEAD), as HTTP asks.
        public var headerFields: [HeaderField] {
            var fields = [HeaderField("Content-Type", contentType), HeaderField("Content-Length", String(body.count))]
            if let location { fields.append(HeaderField("Location", location)) }
            if let allow { fields.append(HeaderField("Allow", allow)) }
            return fields + SiteResponder.commonHeaderFields
        }
    }

    /// One header line of a response.
    public struct HeaderField: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Sent with every response, refusals included: no guessing a type other than the one
    /// given (a text file is never run as a script or shown as a page), nothing kept by the
    /// browser between rebuilds, and the pages' policy (`DefaultTheme.contentSecurityPolicy`)
    /// with `frame-ancestors`, which only a header can carry.
    public static let commonHeaderFields = [
        HeaderField("X-Content-Type-Options", "nosniff"),
        HeaderField("Cache-Control", "no-store"),
        HeaderField("Content-Security-Policy", DefaultTheme.serverContentSecurityPolicy),
    ]

    /// The path the reload script polls.
    public static let versionPath = "/__chainrule/version"
    /// The reload script, served as a file: the pages' policy runs no inline script.
    public static let reloadScriptPath = "/__chainrule/reload.js"
    /// The methods answered; anything else is 405. Nothing is ever written on the server.
    public static let allowedMethods = "GET, HEAD"

    /// The site folder.
    public let root: String
    /// The port the server listens on, which a request's `Host` must name (or leave out).
    public let port: UInt16

    public init(root: String, port: UInt16) {
        self.root = root
        self.port = port
    }

    /// The response to a request as the server read it: its method, its target (path and
    /// query, as sent) and its `Host` header (nil when there was none).
    ///
    /// A `Host` other than this machine's loopback names is refused before anything else: a
    /// page on another site can point a name it controls at 127.0.0.1 (DNS rebinding) and
    /// then read the preview as its own origin, but the browser still sends that name.
    public func respond(method: String, target: String, host: String?, version: Int) -> Response {
        guard let host, isLoopback(host: host) else {
            return Self.refusal(403, "The Host header must be 127.0.0.1:\(port) or localhost:\(port).")
        }
        guard method == "GET" || method == "HEAD" else {
            var response = Self.refusal(405, "Only GET and HEAD are answered.")
            response.allow = Self.allowedMethods
            return response
        }
        let path = target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
        return respond(to: path, version: version)
    }

    /// The response to a GET of `path` (the request's path as sent, percent-encoded, without
    /// the query), given the current build version.
    public func respond(to path: String, version: Int) -> Response {
        if path == Self.versionPath {
            return Response(status: 200, contentType: "text/plain; charset=utf-8", body: Data(String(version).utf8))
        }
        if path == Self.reloadScriptPath {
            return Response(status: 200, contentType: Self.contentType(of: "reload.js"), body: Data(DefaultTheme.reloadScript.utf8))
        }
        guard let decoded = Self.decodedPath(path) else {
            return Self.refusal(400, "The path is not a plain path: it must start with /, be valid percent-encoded UTF-8 and hold no control characters.")
        }
        var relative = SitePath.normalize(decoded)
        if relative.hasPrefix("/") { relative.removeFirst() }
        guard !SitePath.leavesFolder(relative) else { return notFound(path) }
        let asksForFolder = decoded.hasSuffix("/")
        // The type below is taken from this name, which is the file opened, byte for byte.
        let opened = relative.isEmpty ? "index.html" : asksForFolder ? relative + "/index.html" : relative
        let file = SiteFiles.join(root, opened)
        switch SiteFiles.kind(file) {
        case .folder where !asksForFolder && !relative.isEmpty:
            // Once, to the folder's own URL, where its index.html is served and its relative
            // links resolve. Built from the normalized path, so the location always starts
            // with one `/` and a name: `//evil.com` arrives here as `evil.com`.
            return Response(status: 301, contentType: "text/plain; charset=utf-8", body: Data(),
                            location: "/" + SitePath.url(relative) + "/")
        case .folder, .missing:
            return notFound(path)
        case .file:
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(path) }
            let type = Self.contentType(of: opened)
            if type.hasPrefix("text/html") {
                return Response(status: 200, contentType: type, body: Self.injectingReload(data))
            }
            return Response(status: 200, contentType: type, body: data)
        }
    }

    /// A short plain-text answer that refuses a request, for the responder and the server alike
    /// (a head too long or too slow is refused before it reaches the responder).
    public static func refusal(_ status: Int, _ message: String) -> Response {
        Response(status: status, contentType: "text/plain; charset=utf-8", body: Data((message + "\n").utf8))
    }

    /// `127.0.0.1` or `localhost`, with this server's port or none, in any case.
    func isLoopback(host: String) -> Bool {
        let name = host.lowercased()
        return ["127.0.0.1", "localhost", "127.0.0.1:\(port)", "localhost:\(port)"].contains(name)
    }

    /// The path with its percent-escapes decoded, or nil when it is not one a file can have:
    /// not starting with `/`, holding anything but visible ASCII as sent, an escape that is
    /// not valid UTF-8, or a control character once decoded. A `%00` would otherwise cut the
    /// file name short where the system reads it, so that `notes.txt%00.html` opens
    /// `notes.txt` while its type is taken from `.html`.
    static func decodedPath(_ path: String) -> String? {
        guard path.hasPrefix("/"), path.utf8.allSatisfy({ (0x21...0x7E).contains($0) }),
              let decoded = path.removingPercentEncoding,
              !decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return nil
        }
        return decoded
    }

    /// A page that says what is missing, and reloads itself when the site changes.
    private func notFound(_ path: String) -> Response {
        let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body>"
            + "<p>No page at <code>" + HTML.escape(path) + "</code>. <a href=\"/index.html\">The index</a></p></body></html>"
        return Response(status: 404, contentType: "text/html; charset=utf-8", body: Self.injectingReload(Data(page.utf8)))
    }

    /// The tag that loads the reload script, before the last `</body>` (or at the end).
    static func injectingReload(_ data: Data) -> Data {
        let tag = Data("<script src=\"\(reloadScriptPath)\"></script>\n".utf8)
        guard let range = data.range(of: Data("</body>".utf8), options: .backwards) else { return data + tag }
        var copy = data
        copy.insert(contentsOf: tag, at: range.lowerBound)
        return copy
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "txt", "md", "csv": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
