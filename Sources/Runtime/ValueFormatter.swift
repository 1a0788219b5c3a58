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
        case .object(let object): return object.display.map(\.text).joined(separator: "\n")
        default: return inline(value, limit: limit)
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
            case .object(let object): append(object.display.map(\.text).joined(separator: " "))
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

    /// A tensor as nested brackets: `[1, 2, 3]`, or one row per line for matrices.
    /// Past `limit` characters the text is cut off (a tensor of many short axes, such as
    /// 27 axes of size 2, is not summarised and would otherwise be written in full).
    public static func format(_ array: NDArray, limit: Int = longestText) -> String {
        if array.rank == 0 { return NumberFormat.g(array[flat: 0]) }
        let summarise = array.count > summaryThreshold
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
                    let number = NumberFormat.g(values[elementOffset])
                    written += number.utf8.count + 2
                    parts.append(number)
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
