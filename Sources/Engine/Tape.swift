/// A Wengert list: the operations of one computation graph in the order they ran.
///
/// Recording appends; the backward pass walks the list in reverse, which is a topological
/// order by construction, so gradients are summed in the same order on every run (no hash
/// sets, no sorting). A tape closes when `backward` has run over it; operations after that
/// start a new tape and see the old values as constants. A tape lives as long as some
/// tensor refers to it, and then its memory goes all at once.
public final class Tape: @unchecked Sendable {
    struct Entry {
        var op: Op
        var a: Int32
        var b: Int32
        var c: Int32
        var value: NDArray

        var isConstant: Bool {
            if case .constant = op { return true }
            return false
        }
    }

    var entries: [Entry] = []
    var variables: [Variable] = []
    var labels: [Int32: String] = [:]
    /// Gradients accumulated by backward passes, parallel to `entries` once one has run.
    var grads: [NDArray?] = []
    var isOpen = true

    init() {
        entries.reserveCapacity(32)
    }

    @inline(__always)
    func append(_ op: Op, _ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1, value: NDArray) -> Int32 {
        entries.append(Entry(op: op, a: a, b: b, c: c, value: value))
        return Int32(truncatingIfNeeded: entries.count - 1)
    }

    /// The entry that stands for `tensor` on this tape, adding one if needed: constants and
    /// values of other graphs come in as constants, variables as leaves (once per tape).
    @inline(__always)
    func index(of tensor: Tensor) -> Int32 {
        switch tensor.origin {
        case .node(let tape, let index) where tape === self:
            return index
        case .node(let tape, let index):
            return append(.constant, -1, value: tape.entries[Int(index)].value)
        case .constant(let value):
            return append(.constant, -1, value: value)
        case .variable(let variable):
            return importVariable(variable)
        }
    }

    func importVariable(_ variable: Variable) -> Int32 {
        let cached = variable.importIndex
        if variable.importTape == ObjectIdentifier(self), cached >= 0, Int(cached) < entries.count,
            case .variable(let slot) = entries[Int(cached)].op, variables[slot] === variable
        {
            return cached
        }
        variables.append(variable)
        let index = append(.variable(variables.count - 1), -1, value: variable.value)
        variable.importTape = ObjectIdentifier(self)
        variable.importIndex = index
        return index
    }

    func value(_ index: Int32) -> NDArray { entries[Int(index)].value }
}
