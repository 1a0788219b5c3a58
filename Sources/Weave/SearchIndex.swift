/// The site's search index: a small script, written at build time, that sets
/// `window.chainruleSearchIndex` (a script rather than JSON so that search works from
/// `file://`, where a page may not fetch files).
///
///     {"pages": [{"t": title, "u": "xor.html"}],
///      "sections": [[page number, "anchor", "heading", "text"]]}
public enum SearchIndex {
    /// One page's entries.
    public struct Page: Sendable {
        public var title: String
        /// The page's path in the site.
        public var path: String
        public var sections: [SearchSection]

        public init(title: String, path: String, sections: [SearchSection]) {
            self.title = title
            self.path = path
            self.sections = sections
        }
    }

    /// The script, deterministic for the same pages.
    public static func script(_ pages: [Page]) -> String {
        var out = "window.chainruleSearchIndex = {\"pages\":["
        for (number, page) in pages.enumerated() {
            if number > 0 { out += "," }
            out += "{\"t\":" + json(page.title) + ",\"u\":" + json(SitePath.url(page.path)) + "}"
        }
        out += "],\"sections\":[\n"
        var first = true
        for (number, page) in pages.enumerated() {
            for section in page.sections {
                if !first { out += ",\n" }
                first = false
                out += "[\(number)," + json(section.anchor) + "," + json(section.heading) + "," + json(section.text) + "]"
            }
        }
        out += "\n]};\n"
        return out
    }

    /// A JSON string literal. `<`, `>` and `&` are escaped too, and so are U+2028 and U+2029,
    /// which end a line in older JavaScript.
    static func json(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
