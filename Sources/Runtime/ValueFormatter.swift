import Display
import Engine

/// How values are written in a notebook's output: numbers as C's `%g` with 6 significant
/// digits, tensors as numpy writes them (nested brackets, one row per line), booleans as
/// `true`/`false`, tuples in parentheses.
public enum ValueFormatter {
    /// Tensors with more elements than this show their first and last 3 entries per axis.
    public static let summaryThreshold = 1000
    static let edgeItems = 3

    /// The most characters `text` and `inline` write: a longer text is cut off just past it
    /// (so a caller that displays it exceeds its output limit and says so). It bounds the work
    /// too: a tuple that contains itself twice at each of 40 levels would have 2^40 parts.
    public static let longestText = ExecutionLimits.caps.outputCharacters
    /// The most characters `==` writes out of each side to compare values other than numbers,
    /// strings and booleans.
    public static let longestComparison = 100_000
    /// Tuples and lists nested deeper than this show as `(…)` and `[…]`.
    public static let deepestNesting = 1000

    public static func text(_ value: Value, limit: Int = longestText) -> String? {
        switch value {
        case .none: return nil
        case .string(let s): return s
        case .object(let object): return object.display.map { $0.record }.joined(separator: "\n")
        default: return inline(value, limit: limit)
        }
    }

    /// The display of `values` written as `text` (one value shown, or the arguments of
    /// `print`): the text, or, when a tensor in them was written in part
    /// (`[0, 1, 2, ..., 1999]`), the text and the digest of every element, so that the record
    /// still covers them all. Nil when that digest would cover more than `maxElements`
    /// elements in all (a tuple of many references to one large tensor).
    static func item(_ text: String, of values: [Value], maxElements: Int) -> DisplayItem? {
        guard values.contains(where: { isAbridged($0, within: text.utf8.count) }) else { return .text(text) }
        var elements = 0
        for value in values {
            elements += count(value, within: maxElements - elements)
            if elements > maxElements { return nil }
        }
        let write = { (writer: inout RecordWriter) in
            for (index, value) in values.enumerated() {
                if values.count == 1 {
                    record(value, to: &writer)
                } else {
                    writer.group("value \(index + 1)") { record(value, to: &$0) }
                }
            }
        }
        let listing = elements <= RecordWriter.listingLimit ? RecordWriter.listing(write) : nil
        return .abridged(AbridgedText(text: text, digest: RecordWriter.digest(write), listing: listing))
    }

    /// Whether writing `value` leaves elements out. `budget` bounds the walk as writing it
    /// out is bounded (every part takes at least a character), so a value that contains
    /// itself many times over is not walked in full.
    private static func isAbridged(_ value: Value, within budget: Int) -> Bool {
        var remaining = budget
        func walk(_ value: Value) -> Bool {
            remaining -= 1
            guard remaining >= 0 else { return false }
            switch value {
            case .tensor(let tensor): return tensor.value.count > summaryThreshold
            case .tuple(let items), .list(let items): return items.contains(where: walk)
            default: return false
            }
        }
        return walk(value)
    }

    /// The elements of the tensors in `value`, counted until past `limit`.
    private static func count(_ value: Value, within limit: Int) -> Int {
        switch value {
        case .tensor(let tensor): return tensor.value.count
        case .tuple(let items), .list(let items):
            var total = 0
            for item in items {
                total += count(item, within: limit - total) + 1
                if total > limit { break }
            }
            return total
        default: return 1
        }
    }

    /// Every element of a value, for its record's digest.
    private static func record(_ value: Value, to writer: inout RecordWriter) {
        switch value {
        case .tensor(let tensor):
            let array = tensor.value
            writer.elements("element", shape: array.shape.dims, array.values)
        case .tuple(let items), .list(let items):
            writer.integer("items", items.count)
            for (index, item) in items.enumerated() {
                writer.group("item \(index)") { record(item, to: &$0) }
            }
        case .string(let text):
            writer.text("", text)
        default:
            writer.text("", inline(value))
        }
    }

    /// The value as it appears inside a tuple or list (strings quoted).
    static func inline(_ value: Value, limit: Int = longestText) -> String {
        var writer = Writer(limit: limit)
        writer.write(value, depth: 0)
        return writer.text
    }

    /// Whether `text` is longer than `inline` writes (so it was cut off).
    static func isCut(_ text: String, limit: Int = longestText) -> Bool {
        text.utf8.count > limit
    }

    /// Writes a value depth first, stopping once past the limit.
    private struct Writer {
        let limit: Int
        var text = ""
        private var count = 0

        init(limit: Int) {
            self.limit = limit
        }

        var isFull: Bool { count > limit }

        mutating func append(_ piece: String) {
            text += piece
            count += piece.utf8.count
        }

        mutating func write(_ value: Value, depth: Int) {
            guard !isFull else { return }
            switch value {
            case .tensor(let tensor):
                append(tensor.rank == 0 ? NumberFormat.g(tensor.scalar!) : format(tensor.value, limit: limit - count))
            case .bool(let b): append(b ? "true" : "false")
            case .string(let s): append("\"" + s + "\"")
            case .tuple(let items): sequence(items, open: "(", close: items.count == 1 ? ",)" : ")", depth: depth)
            case .list(let items): sequence(items, open: "[", close: "]", depth: depth)
            case .range(let low, let high): append("\(low)..<\(high)")
            case .function(let f): append(f.displayName)
            case .object(let object): append(object.display.map { $0.record }.joined(separator: " "))
            case .none: append("nothing")
            }
        }

        private mutating func sequence(_ items: [Value], open: String, close: String, depth: Int) {
            guard depth < ValueFormatter.deepestNesting else {
                append(open + "…" + close.suffix(1))
                return
            }
            append(open)
            for (index, item) in items.enumerated() {
                if index > 0 { append(", ") }
                write(item, depth: depth + 1)
                if isFull { return }
            }
            append(close)
        }
    }

    /// `text` on one line: each line break a space (a note quotes a small tensor inline).
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }

    /// A tensor as nested brackets: `[1, 2, 3]`, or one row per line for matrices; with
    /// more than `summarisingAbove` elements, the first and last 3 entries per axis.
    /// Past `limit` characters the text is cut off (a tensor of many short axes, such as
    /// 27 axes of size 2, is not summarised and would otherwise be written in full).
    public static func format(_ array: NDArray, limit: Int = longestText, summarisingAbove threshold: Int = summaryThreshold,
                              number: (Double) -> String = { NumberFormat.g($0) }) -> String {
        if array.rank == 0 { return number(array[flat: 0]) }
        let summarise = array.count > threshold
        let values = array.values
        let strides = array.shape.strides
        var written = 0
        func render(axis: Int, offset: Int, indent: Int) -> String {
            guard written <= limit else { return "…" }
            let size = array.shape.dims[axis]
            var indices = Array(0..<size)
            var ellipsis = false
            if summarise && size > 2 * edgeItems {
                indices = Array(0..<edgeItems) + Array((size - edgeItems)..<size)
                ellipsis = true
            }
            var parts: [String] = []
            for (position, i) in indices.enumerated() {
                if ellipsis && position == edgeItems { parts.append("...") }
                let elementOffset = offset + i * strides[axis]
                if written > limit { break }
                if axis == array.rank - 1 {
                    let text = number(values[elementOffset])
                    written += text.utf8.count + 2
                    parts.append(text)
                } else {
                    parts.append(render(axis: axis + 1, offset: elementOffset, indent: indent + 1))
                }
            }
            if axis == array.rank - 1 { return "[" + parts.joined(separator: ", ") + "]" }
            // Rows of a matrix on their own lines; blocks of higher axes separated by a blank line.
            let breaks = String(repeating: "\n", count: array.rank - axis - 1)
            let separator = "," + breaks + String(repeating: " ", count: indent + 1)
            return "[" + parts.joined(separator: separator) + "]"
        }
        if array.count == 0 { return "[]" + (array.rank > 1 ? " (shape \(array.shape))" : "") }
        return render(axis: 0, offset: 0, indent: 0)
    }
}
