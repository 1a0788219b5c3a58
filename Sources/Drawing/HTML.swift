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

    /// The text `escape` wrote, and numeric references (`&#x3C3;`), read back.
    public static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            var replacement: String?
            switch name {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "#39", "apos": replacement = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16) {
                    replacement = Unicode.Scalar(value).map { String($0) }
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) {
                    replacement = Unicode.Scalar(value).map { String($0) }
                }
            }
            if let replacement {
                out += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    /// A URL for an `href` or `src` attribute: nil when a browser would follow it into a
    /// scheme that runs code or reaches the reader's files (see `forbiddenSchemes`), else
    /// percent-encoded as cmark's own HTML renderer does (every byte except ASCII letters,
    /// digits and `-_.+!*'(),%#@?=;:/&$~` becomes `%XX`, so a control character or a space can
    /// never change what the browser reads) and escaped for a double-quoted attribute.
    public static func href(_ url: String) -> String? {
        if let scheme = browserScheme(url), forbiddenSchemes.contains(scheme) { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count + 8)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x27: bytes.append(contentsOf: "&#x27;".utf8)
            case _ where isURLSafe(byte): bytes.append(byte)
            default: bytes += [0x25, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Schemes a page never links to: they run code in the page (`javascript:`,
    /// `vbscript:`, `data:` and `blob:` documents) or open the reader's own files.
    public static let forbiddenSchemes: Set<String> = ["javascript", "vbscript", "data", "blob", "file", "filesystem"]

    /// The scheme a browser reads in `url`, lowercased, or nil for a relative URL. A browser
    /// first drops leading and trailing C0 controls and spaces and removes every tab and line
    /// break (WHATWG URL parsing), so `\u{0C}javascript:` and `java\tscript:` are
    /// `javascript:` to it: the check must read the URL as the browser does.
    public static func browserScheme(_ url: String) -> String? {
        var scalars = Array(url.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let colon = scalars.firstIndex(of: ":"), colon > 0 else { return nil }
        let scheme = scalars[..<colon]
        guard isASCIILetter(scheme.first!), scheme.allSatisfy({ isASCIILetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }) else {
            return nil
        }
        return String(String.UnicodeScalarView(scheme)).lowercased()
    }

    /// The attributes of a box that may scroll sideways (code, output, a formula, a table, a
    /// wide circuit): in the tab order, so a keyboard can scroll it, and a region called
    /// `label`, so a screen reader says what has the focus. The site's script takes them off
    /// a box that fits; without the script every such box keeps them.
    public static func scrollingRegion(_ label: String) -> String {
        " tabindex=\"0\" role=\"region\" aria-label=\"" + escape(label) + "\""
    }

    /// `scrollingRegion` named `label` made unique among the names the page's regions have
    /// (`taken`): named regions are landmarks, and landmarks are told apart by their names.
    public static func scrollingRegion(_ label: String, uniqueAmong taken: inout Set<String>) -> String {
        scrollingRegion(uniqueLabel(label, among: &taken))
    }

    /// `label`, or with " (2)", " (3)"... when `taken` has it already; then `taken` has it.
    public static func uniqueLabel(_ label: String, among taken: inout Set<String>) -> String {
        var unique = label
        var repeats = 1
        while taken.contains(unique) {
            repeats += 1
            unique = label + " (\(repeats))"
        }
        taken.insert(unique)
        return unique
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || Array("-_.+!*(),%#@?=;:/$~".utf8).contains(byte)
    }

    /// A JSON string literal that may sit inside a page's `<script>`: `<`, `>` and `&` are
    /// escaped too (no text can end the element), and so are U+2028 and U+2029, which end a
    /// line in older JavaScript. The search index and the live pages' JSON both write strings
    /// with it.
    public static func jsonString(_ text: String) -> String {
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
