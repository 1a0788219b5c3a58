/// Escaping for text that goes into a page.
///
/// Everything that comes from a notebook (prose, titles, file names, what a block prints)
/// passes through here unless it is deliberately raw, so `<script>` and `</pre>` in a
/// notebook stay text on the page.
public enum HTML {
    /// Text as element content or as a double- or single-quoted attribute value: `&`, `<`,
    /// `>`, `"` and `'` become references. Works on UTF-8 bytes: pages can be large.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A URL for an `href` or `src`: escaped, and only when its scheme is one a page may
    /// follow (`http`, `https`, `mailto`, or none). Anything else (`javascript:`, `data:`,
    /// `vbscript:`) gives nil, and the caller drops the link but keeps its text.
    public static func safeURL(_ url: String) -> String? {
        let trimmed = url.trimmingWhitespace
        guard let colon = trimmed.firstIndex(of: ":") else { return escape(trimmed) }
        // A colon after the first `/`, `?` or `#` belongs to a path or a query, not a scheme.
        if let slash = trimmed.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), slash < colon {
            return escape(trimmed)
        }
        let scheme = trimmed[..<colon].lowercased()
        guard ["http", "https", "mailto"].contains(scheme) else { return nil }
        return escape(trimmed)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (Foundation-free).
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
