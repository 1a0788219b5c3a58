import Yams

/// Types YAML scalars by the YAML 1.2 core schema (not YAML 1.1's `yes`/`on` booleans, not
/// timestamps), so front matter values mean what they look like in any YAML 1.2 tool.
enum CoreSchema {
    static func value(of scalar: Node.Scalar) -> FrontMatterValue {
        let text = scalar.string
        switch Tag.Name(rawValue: scalar.tag.rawValue) {
        case .str: return .string(text)
        case .int, .float: return number(text).map { .number($0) } ?? .string(text)
        case .bool: return bool(text).map { .bool($0) } ?? .string(text)
        case .null: return .null
        case .implicit where scalar.style == .plain: break
        default: return .string(text)
        }
        if isNull(text) { return .null }
        if let value = bool(text) { return .bool(value) }
        if let value = number(text) { return .number(value) }
        return .string(text)
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Core schema integers (decimal, `0o`, `0x`) and floats (`1.5`, `.5`, `1e3`, `.inf`, `.nan`).
    static func number(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        case ".nan", ".NaN", ".NAN": return text == body ? .nan : nil
        default: break
        }
        if text == body, body.hasPrefix("0o"), body.count > 2 {
            return Int(body.dropFirst(2), radix: 8).map(Double.init)
        }
        if text == body, body.hasPrefix("0x"), body.count > 2 {
            return Int(body.dropFirst(2), radix: 16).map(Double.init)
        }
        // [0-9]+ ( . [0-9]* )? | . [0-9]+ , then an optional exponent.
        let bytes = Array(body.utf8)
        var i = 0
        func digits() -> Int {
            let begin = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - begin
        }
        let whole = digits()
        var fraction = 0
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            fraction = digits()
        }
        guard whole > 0 || fraction > 0 else { return nil }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == bytes.count, let value = Double(text) else { return nil }
        return value
    }
}
