import Diagnostics
import Foundation
import Weave

/// A notebook file that becomes a page: where it is, where its page goes, and its bytes.
struct SiteSource: Sendable {
    /// The path as found (`notebooks/xor.md`), used in diagnostics.
    var path: String
    /// The path normalized, the key links use.
    var key: String
    /// The path inside the folder it was found in (`xor.md`), which the page mirrors.
    var relative: String
    /// The page's path in the site (`xor.html`).
    var page: String
    var bytes: [UInt8]
    var digest: String

    /// `index.md` at the top of a notebooks folder is the home page's introduction.
    var isHome: Bool { relative == "index.md" }

    /// The notebooks named by `paths` (files, or folders searched for `.md` files), each with
    /// its page path; two notebooks that would make the same page are an error.
    static func find(_ paths: [String]) -> (sources: [SiteSource], diagnostics: [Diagnostic]) {
        var sources: [SiteSource] = []
        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        var pages: [String: String] = [:]
        for path in paths {
            let found = NotebookFinder.find([path])
            diagnostics += found.diagnostics
            let isFolder = SiteFiles.kind(path) == .folder
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for file in found.notebooks {
                let key = SitePath.normalize(file)
                guard seen.insert(key).inserted else { continue }
                let relative = isFolder && file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : (file as NSString).lastPathComponent
                let page = SitePath.page(forNotebook: relative)
                if let other = pages[page] {
                    diagnostics.append(.error("two notebooks would make the page \(page): \(other) and \(file)", file: file,
                                              notes: [.init("rename one of them, or build them into separate sites")]))
                    continue
                }
                pages[page] = file
                guard let bytes = SiteFiles.read(file) else {
                    diagnostics.append(.error("cannot read the file (check its permissions)", file: file))
                    continue
                }
                sources.append(SiteSource(path: file, key: key, relative: relative, page: page, bytes: bytes,
                                          digest: InputDigests.digest(of: bytes)))
            }
        }
        return (sources, diagnostics)
    }
}
