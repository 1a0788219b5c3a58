/// Builds SVG text: elements with attributes in the order given, every text and attribute
/// escaped, every coordinate rounded to two decimals.
///
/// Deterministic by construction: no dictionaries, no locale, no floating-point printing
/// beyond `SVGWriter.number`.
struct SVGWriter {
    private(set) var text = ""

    /// An attribute; the value is escaped when written.
    typealias Attribute = (name: String, value: String)

    /// `<name a="..." ...>`, to be closed by `close(name)`.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        text += "<" + name
        write(attributes)
        text += ">"
    }

    mutating func close(_ name: String) {
        text += "</" + name + ">"
    }

    /// `<name a="..." .../>`
    mutating func element(_ name: String, _ attributes: [Attribute] = []) {
        text += "<" + name
        write(attributes)
        text += "/>"
    }

    /// `<name ...>text</name>` with the text escaped.
    mutating func element(_ name: String, _ attributes: [Attribute] = [], content: String) {
        open(name, attributes)
        text += SVGWriter.escape(content)
        close(name)
    }

    /// `<title>text</title>`, a hover text, with its line breaks kept (as `&#10;`, so the
    /// markup stays on one line): a matrix reads one row a line.
    mutating func title(_ content: String) {
        open("title")
        text += content.split(separator: "\n", omittingEmptySubsequences: false).map { SVGWriter.escape(String($0)) }.joined(separator: "&#10;")
        close("title")
    }

    /// Defines a clip path `id` that is the rectangle `area`, for `clip-path="url(#id)"`.
    mutating func clipRectangle(id: String, _ area: Rect) {
        open("defs")
        open("clipPath", [("id", id)])
        element("rect", [
            ("x", SVGWriter.n(area.x)), ("y", SVGWriter.n(area.y)),
            ("width", SVGWriter.n(area.width)), ("height", SVGWriter.n(area.height)),
        ])
        close("clipPath")
        close("defs")
    }

    /// Markup already built (by another writer or a helper); never user text.
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// Escaped character data.
    mutating func characters(_ content: String) {
        text += SVGWriter.escape(content)
    }

    private mutating func write(_ attributes: [Attribute]) {
        for attribute in attributes {
            text += " " + attribute.name + "=\"" + SVGWriter.escape(attribute.value) + "\""
        }
    }

    // MARK: Text

    /// XML-escapes `text` for character data and attribute values alike, and drops the
    /// characters XML 1.0 forbids (C0 controls other than tab, newline and return), so
    /// hostile or binary labels still give a document that parses.
    static func escape(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isSpecial(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(" ")
            default:
                if isForbidden(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return isForbidden(scalar) || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0xFFFE || value == 0xFFFF
    }

    /// Keeps what may appear in an XML id and a CSS `url(#...)` reference: ASCII letters,
    /// digits, `-` and `_`; anything else becomes `_`. An id that does not start with a
    /// letter gets an `f` in front.
    static func identifier(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isDigit = scalar >= "0" && scalar <= "9"
            out.unicodeScalars.append(isLetter || isDigit || scalar == "-" || scalar == "_" ? scalar : "_")
        }
        if let first = out.unicodeScalars.first,
           (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") {
            return out
        }
        return "f" + out
    }

    // MARK: Numbers

    /// A coordinate with at most two decimals and no trailing zeros: `12.5`, `-3`, `0.07`.
    /// Non-finite values (which a caller should have filtered) are written `0` so the
    /// document stays valid.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 9e15 else { return "0" }
        var scaled = Int64(hundredths)
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        if negative { scaled = -scaled }
        let whole = scaled / 100
        let fraction = Int(scaled % 100)
        var out = negative ? "-" : ""
        out += String(whole)
        if fraction != 0 {
            out += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return out
    }

    /// `number` for an attribute value.
    static func n(_ value: Double) -> String { number(value) }
}

/// Path data (`d`) built from pixel coordinates, two decimals each.
struct PathData {
    private(set) var text = ""

    var isEmpty: Bool { text.isEmpty }

    mutating func move(_ x: Double, _ y: Double) {
        text += "M" + SVGWriter.number(x) + " " + SVGWriter.number(y)
    }

    mutating func line(_ x: Double, _ y: Double) {
        text += "L" + SVGWriter.number(x) + " " + SVGWriter.number(y)
    }

    mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double, _ y: Double) {
        text += "C" + [x1, y1, x2, y2, x, y].map(SVGWriter.number).joined(separator: " ")
    }

    mutating func close() {
        text += "Z"
    }

    /// Free-form path commands (relative moves for markers).
    mutating func append(_ commands: String) {
        text += commands
    }
}
