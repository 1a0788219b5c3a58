import Foundation

/// Which files a page may link to and the site publish: regular files inside the notebook's
/// project (`ProjectRoot`), reached by their real path (a symbolic link that leads out of the
/// project is refused, as `load` refuses it), and no document that could run scripts in the
/// site unless the person building it allows raw HTML.
enum LinkedFile {
    /// File types a browser runs as a document of the site's own: HTML, SVG, XML with a
    /// style sheet, web archives.
    static let activeTypes: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "svg", "svgz", "xml", "xsl", "xslt",
                                           "mht", "mhtml"]

    /// Why `path` (relative to the current folder, as the page's link resolved it) cannot be
    /// published for the notebook at `notebook`, or nil.
    static func problem(_ path: String, notebook: String, rawHTML: Bool) -> String? {
        guard let real = ProjectRoot.resolved(path) else { return "no file '\(path)'" }
        let root = ProjectRoot.of(notebook: notebook)
        guard ProjectRoot.contains(root, real) else {
            return "'\(path)' leads outside the project (\(root)) through a symbolic link"
        }
        guard SiteFiles.isRegularFile(real) else {
            return "'\(path)' is not a regular file"
        }
        let type = (path as NSString).pathExtension.lowercased()
        if !rawHTML && activeTypes.contains(type) {
            return "'\(path)' is a document that could run scripts in the site (.\(type)); it is published only with --raw-html"
        }
        return nil
    }
}
