import Display
import Engine

/// How values are written in a notebook's output: numbers as C's `%g` with 6 significant
/// digits, tensors as numpy writes them (nested brackets, one row per line), booleans as
/// `true`/`false`, tuples in parentheses.
public enum ValueFormatter {
    /// Tensors with more elements than this show their first and last 3 entries per axis.
    public static let summaryThreshold = 1000
    static let edgeItems = 3

    public static func text(_ value: Value) -> String? {
        switch value {
        case .none: return nil
        case .string(let s): return s
        case .object(let object): return object.display.map(\.text).joined(separator: "\n")
        default: return inline(value)
        }
    }

    /// The value as it appears inside a tuple or list (strings quoted).
    static func inline(_ value: Value) -> String {
        switch value {
        case .tensor(let tensor): return tensor.rank == 0 ? NumberFormat.g(tensor.scalar!) : format(tensor.value)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return "\"" + s + "\""
        case .tuple(let items): return "(" + items.map(inline).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .list(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .range(let low, let high): return "\(low)..<\(high)"
        case .function(let f): return f.displayName
        case .object(let object): return object.display.map(\.text).joined(separator: " ")
        case .none: return "nothing"
        }
    }

    /// A tensor as nested brackets: `[1, 2, 3]`, or one row per line for matrices.
    public static func format(_ array: NDArray) -> String {
        if array.rank == 0 { return NumberFormat.g(array[flat: 0]) }
        let summarise = array.count > summaryThreshold
        let values = array.values
        let strides = array.shape.strides
        func render(axis: Int, offset: Int, indent: Int) -> String {
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
                if axis == array.rank - 1 {
                    parts.append(NumberFormat.g(values[elementOffset]))
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
