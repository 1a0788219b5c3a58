import Document
import Weave

/// libFuzzer's entry: link destinations and file names, as an attacker would write them.
/// The input is used three ways: as the destination of a link and of an image in a notebook
/// (so entities and escapes reach the renderer as cmark decodes them), as a notebook's file
/// name in the site's navigation, and as a URL given to `HTML.href` directly. Whatever comes
/// out must never give a browser a scheme that runs code or opens the reader's files, hold a
/// control character, or break out of its attribute.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLinks(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let href = HTML.href(text) { checkAttribute(href) }
    checkAttribute(SitePath.url(SitePath.page(forNotebook: text)))
    let markdown = "[link](\(text)) ![image](\(text)) <\(text)>\n"
    guard let notebook = try? Notebook.parse(path: "notebooks/n.md", bytes: Array(markdown.utf8)) else { return 0 }
    let outline = PageOutline(notebook, fileName: "n.md")
    let map = SiteMap([SiteMap.Entry(source: "notebooks/n.md", page: "n.html", title: outline.title, anchors: Set(outline.anchors))])
    let page = NotebookPageRenderer(notebook: notebook, outline: outline, source: "notebooks/n.md", page: "n.html",
                                    outputs: [], siteMap: map, options: PageOptions()).render()
    for value in attributeValues(page.body, names: ["href", "src"]) { checkAttribute(value) }
    return 0
}

/// An attribute value as written: no quote to leave it, no control character, and, read as
/// a browser reads a URL, no forbidden scheme.
func checkAttribute(_ value: String) {
    precondition(!value.contains("\"") && !value.contains("<") && !value.contains(">"), "breaks out of its attribute: \(value)")
    precondition(!value.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "control character in \(value)")
    let decoded = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
    if let scheme = HTML.browserScheme(decoded) {
        precondition(!HTML.forbiddenSchemes.contains(scheme), "a \(scheme): URL reached the page: \(value)")
    }
}

/// The values of `name="..."` attributes in an HTML fragment.
func attributeValues(_ html: String, names: [String]) -> [String] {
    var values: [String] = []
    for name in names {
        var rest = html[...]
        while let start = rest.range(of: " \(name)=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[after.index(after: end)...]
        }
    }
    return values
}
