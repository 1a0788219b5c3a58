import Display
import Drawing

/// A JSON value: what the page and the WebAssembly module say to each other, and what a page
/// carries of its notebook (`LiveProgram`). Written and read here rather than with Codable,
/// which the WebAssembly build does not have; the same code in both builds, so what the
/// native build writes is what the module reads.
public enum JSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    /// Members in the order they were written or read (a page's program is diffable).
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }

    /// The member `key` of an object (nil for anything else or a missing key).
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// A whole number that fits an `Int` on this platform.
    public var int: Int? {
        guard let x = number, x == x.rounded(), x.magnitude <= Double(Int32.max) else { return nil }
        return Int(x)
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var array: [JSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var members: [(String, JSON)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    // MARK: Writing

    /// The value as compact JSON text; strings as `HTML.jsonString` writes them, so the text
    /// can sit inside a page's `<script>` element without a block's code closing it.
    public var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += Self.numberText(x)
        case .string(let s): out += HTML.jsonString(s)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                out += HTML.jsonString(key)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// Whole numbers as integers, others with 17 significant digits (which read back as the
    /// same double); JSON has no NaN or infinity, so those are null.
    static func numberText(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), x.magnitude < 9_007_199_254_740_992 { return String(Int64(x)) }
        return NumberFormat.printf(x, "g", precision: 17)
    }


    // MARK: Reading

    /// Why text is not JSON: the message and the byte offset where reading stopped.
    public struct ParseError: Error, Sendable {
        public var message: String
        public var offset: Int
    }

    /// Reads `text` as one JSON value (RFC 8259), nesting at most 512 levels deep.
    public static func parse(_ text: String) throws(ParseError) -> JSON {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw reader.fail("text after the JSON value") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        func fail(_ message: String) -> ParseError {
            ParseError(message: message, offset: position)
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func expect(_ word: String) throws(ParseError) {
            for byte in word.utf8 {
                guard position < bytes.count, bytes[position] == byte else { throw fail("expected \(word)") }
                position += 1
            }
        }

        mutating func value(depth: Int) throws(ParseError) -> JSON {
            guard depth < 512 else { throw fail("nested more than 512 levels deep") }
            guard position < bytes.count else { throw fail("the text ends where a value should be") }
            switch bytes[position] {
            case UInt8(ascii: "n"): try expect("null"); return .null
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "["):
                position += 1
                var items: [JSON] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard position < bytes.count else { throw fail("an array is not closed") }
                    let byte = bytes[position]
                    position += 1
                    if byte == UInt8(ascii: "]") { return .array(items) }
                    guard byte == UInt8(ascii: ",") else { position -= 1; throw fail("expected ',' or ']'") }
                }
            case UInt8(ascii: "{"):
                position += 1
                var members: [(String, JSON)] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard position < bytes.count else { throw fail("an object is not closed") }
                    let byte = bytes[position]
                    position += 1
                    if byte == UInt8(ascii: "}") { return .object(members) }
                    guard byte == UInt8(ascii: ",") else { position -= 1; throw fail("expected ',' or '}'") }
                }
            default:
                return .number(try number())
            }
        }

        mutating func number() throws(ParseError) -> Double {
            let start = position
            while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard !text.isEmpty, let x = Double(text), x.isFinite else {
                position = start
                throw fail("not a JSON value")
            }
            return x
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw fail("a \\u escape needs 4 hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw fail("a \\u escape needs 4 hex digits")
                }
                value = value * 16 + digit
                position += 1
            }
            return value
        }

        mutating func string() throws(ParseError) -> String {
            position += 1
            var out: [UInt8] = []
            while true {
                guard position < bytes.count else { throw fail("a string is not closed") }
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { throw fail("a string is not closed") }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code), position + 6 <= bytes.count,
                            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                        {
                            position += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw fail("a lone surrogate in a \\u escape") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw fail("a lone surrogate in a \\u escape") }
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default:
                        position -= 1
                        throw fail("an unknown escape in a string")
                    }
                case 0..<0x20:
                    position -= 1
                    throw fail("a control character in a string")
                default:
                    out.append(byte)
                }
            }
        }
    }
}
