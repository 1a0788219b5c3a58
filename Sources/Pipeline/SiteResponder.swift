import Foundation
import Weave

/// Answers `chainrule serve`'s requests from the site folder: files by path, `index.html`
/// for a folder, the reload script added to every HTML page (only here: the site on disk
/// is the same as `build` writes), and the build's version for that script to poll.
public struct SiteResponder: Sendable {
    /// An answer, independent of the HTTP server.
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: Data
        /// For a redirect.
        public var location: String?
    }

    /// The path the reload script polls.
    public static let versionPath = "/__chainrule/version"

    /// The site folder.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The response to a GET of `path` (the request's path, without the query), given the
    /// current build version.
    public func respond(to path: String, version: Int) -> Response {
        if path == Self.versionPath {
            return Response(status: 200, contentType: "text/plain; charset=utf-8", body: Data(String(version).utf8))
        }
        var relative = SitePath.normalize(percentDecoded(path))
        guard !SitePath.leavesFolder(relative.hasPrefix("/") ? String(relative.dropFirst()) : relative) else {
            return notFound(path)
        }
        if relative.hasPrefix("/") { relative.removeFirst() }
        if relative.isEmpty || path.hasSuffix("/") {
            relative = relative.isEmpty ? "index.html" : relative + "/index.html"
        }
        let file = SiteFiles.join(root, relative)
        switch SiteFiles.kind(file) {
        case .folder:
            return Response(status: 301, contentType: "text/plain", body: Data(), location: path + "/")
        case .missing:
            return notFound(path)
        case .file:
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(path) }
            let type = Self.contentType(of: relative)
            if type.hasPrefix("text/html") {
                return Response(status: 200, contentType: type, body: Self.injectingReload(data))
            }
            return Response(status: 200, contentType: type, body: data)
        }
    }

    /// A page that says what is missing, and reloads itself when the site changes.
    private func notFound(_ path: String) -> Response {
        let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body>"
            + "<p>No page at <code>" + HTML.escape(path) + "</code>. <a href=\"/index.html\">The index</a></p></body></html>"
        return Response(status: 404, contentType: "text/html; charset=utf-8", body: Self.injectingReload(Data(page.utf8)))
    }

    /// The reload script before the last `</body>` (or at the end).
    static func injectingReload(_ data: Data) -> Data {
        let script = Data(DefaultTheme.reloadScript.utf8)
        guard let range = data.range(of: Data("</body>".utf8), options: .backwards) else { return data + script }
        var copy = data
        copy.insert(contentsOf: script, at: range.lowerBound)
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

    private func percentDecoded(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}
