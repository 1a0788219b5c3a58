import Diagnostics
import Display
import Engine

/// The format after the `:` of a value in a formatted string, as Python's format
/// mini-language writes it: `[[fill]align][sign][width][,][.precision][type]`, with the types
/// `f` (fixed), `e` (exponent), `g` (significant digits), `%` (percent), `d` (whole number)
/// and `s` (text). `{lr:.3f}`, `{loss:10.4e}`, `{name:>8}`, `{acc:.1%}`, `{n:,d}`.
///
/// A number is formatted as itself; a tensor element by element, inside its brackets, as a
/// tensor displays; anything else as its text. Without a format a value is what `str` gives.
struct FormatSpec: Sendable, Hashable {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var width = 0
    var grouping = false
    var zeroPadded = false
    var precision: Int?
    var type: Character?
    /// Why the text is not a format, if it is not.
    var problem: String?

    init(parsing text: String) {
        var rest = Substring(text)
        if rest.count >= 2, "<>^".contains(rest[rest.index(after: rest.startIndex)]) {
            fill = rest.removeFirst()
            align = rest.removeFirst()
        } else if let first = rest.first, "<>^".contains(first) {
            align = rest.removeFirst()
        }
        if let first = rest.first, "+- ".contains(first) { sign = rest.removeFirst() }
        if rest.first == "0", align == nil {
            // `{n:03d}`: zeros between the sign and the digits.
            zeroPadded = true
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty {
            guard let value = Int(digits), value <= 1000 else {
                problem = "a width of at most 1000"
                return
            }
            width = value
            rest = rest.dropFirst(digits.count)
        }
        if rest.first == "," {
            grouping = true
            rest = rest.dropFirst()
        }
        if rest.first == "." {
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let value = Int(digits), value <= 100 else {
                problem = "a precision of 0 to 100 digits after the '.'"
                return
            }
            precision = value
            rest = rest.dropFirst(digits.count)
        }
        if let first = rest.first, "fFeEgG%ds".contains(first) { type = rest.removeFirst() }
        if !rest.isEmpty { problem = "'\(text)' is not a format" }
    }

    /// `value` as the format `spec` writes it (nil: as `str` writes it).
    static func format(_ value: Value, _ spec: FormatSpec?, at range: SourceRange) throws(RuntimeError) -> String {
        guard let spec else { return ValueFormatter.text(value) ?? "" }
        if let problem = spec.problem {
            throw RuntimeError("bad format: \(problem)", at: range,
                               notes: [.init("a format is [[fill]align][sign][width][,][.precision][type], as {lr:.3f}, {loss:.2e}, {name:>8}, {acc:.1%}, {n:,d}")])
        }
        let text: String
        switch value {
        case .tensor(let tensor) where tensor.rank == 0:
            text = try spec.number(tensor.value[flat: 0], at: range)
        case .tensor(let tensor):
            var problem: RuntimeError?
            text = ValueFormatter.format(tensor.value) { x in
                do throws(RuntimeError) { return try spec.number(x, at: range) } catch {
                    problem = problem ?? error
                    return ""
                }
            }
            if let problem { throw problem }
        case .string(let string):
            guard spec.type == nil || spec.type == "s" else {
                throw RuntimeError("format '\(spec.type!)' is for numbers, not text", at: range)
            }
            text = spec.precision.map { String(string.prefix($0)) } ?? string
        default:
            guard spec.type == nil || spec.type == "s" else {
                throw RuntimeError("format '\(spec.type!)' is for numbers, not a \(value.typeName)", at: range)
            }
            text = ValueFormatter.text(value) ?? ""
        }
        return spec.padded(text, numeric: value.isNumeric)
    }

    /// One number as the format writes it.
    func number(_ x: Double, at range: SourceRange) throws(RuntimeError) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : (sign == "+" ? "+inf" : "inf") }
        var body: String
        switch type {
        case "f", "F": body = NumberFormat.printf(Swift.abs(x), "f", precision: precision ?? 6)
        case "e", "E": body = NumberFormat.printf(Swift.abs(x), type!, precision: precision ?? 6)
        case "g", "G": body = NumberFormat.printf(Swift.abs(x), type!, precision: Swift.max(precision ?? 6, 1))
        case "%": body = NumberFormat.printf(Swift.abs(x) * 100, "f", precision: precision ?? 6) + "%"
        case "d":
            guard x == x.rounded(), Swift.abs(x) < 1e18 else {
                throw RuntimeError("format 'd' is for whole numbers, not \(NumberFormat.g(x))", at: range,
                                   notes: [.init("round it first, or use f: {x:.0f}")])
            }
            body = String(Int64(Swift.abs(x)))
        case "s": body = NumberFormat.g(Swift.abs(x))
        default: body = precision.map { NumberFormat.printf(Swift.abs(x), "g", precision: Swift.max($0, 1)) } ?? NumberFormat.g(Swift.abs(x))
        }
        if grouping { body = Self.grouped(body) }
        let negative = x < 0 || (x == 0 && x.sign == .minus && body.contains { $0 != "0" && $0 != "." })
        switch (negative, sign) {
        case (true, _): return "-" + body
        case (false, "+"): return "+" + body
        case (false, " "): return " " + body
        default: return body
        }
    }

    /// Thousands separated by commas in the whole part: `1234567.5` as `1,234,567.5`.
    private static func grouped(_ number: String) -> String {
        let whole = number.prefix { $0.isNumber }
        guard whole.count > 3 else { return number }
        var out = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out + number.dropFirst(whole.count)
    }

    /// `text` padded to the width: numbers to the right, text to the left, unless aligned.
    private func padded(_ text: String, numeric: Bool) -> String {
        let missing = width - text.count
        guard missing > 0 else { return text }
        if zeroPadded && numeric, let first = text.first {
            let signed = "+- ".contains(first)
            return (signed ? String(first) : "") + String(repeating: "0", count: missing) + text.dropFirst(signed ? 1 : 0)
        }
        switch align ?? (numeric ? ">" : "<") {
        case "<": return text + String(repeating: fill, count: missing)
        case "^": return String(repeating: fill, count: missing / 2) + text + String(repeating: fill, count: missing - missing / 2)
        default: return String(repeating: fill, count: missing) + text
        }
    }
}

private extension Value {
    var isNumeric: Bool {
        if case .tensor = self { return true }
        return false
    }
}
