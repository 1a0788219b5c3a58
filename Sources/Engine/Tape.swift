/// A Wengert list: the operations of one computation graph in the order they ran.
///
/// Recording appends; the backward pass walks the list in reverse, which is a topological
/// order by construction, so gradients are summed in the same order on every run (no hash
/// sets, no sorting). A tape closes when `backward` has run over it; operations after that
/// start a new tape and see the old values as constants. A tape lives as long as some
/// tensor refers to it, and then its memory goes all at once.
///
/// Entries are plain data: a scalar's value is stored in the entry itself, larger values
/// and attributes in side tables, so recording a scalar operation is an append and no
/// reference counting.
public final class Tape: @unchecked Sendable {
    struct Entry {
        var op: Op
        var a: Int32
        var b: Int32
        var c: Int32
        /// Index into `arrays` when the value is not a scalar, else -1.
        var array: Int32
        /// The value, when it is a scalar.
        var scalar: Double

        var isConstant: Bool {
            if case .constant = op { return true }
            return false
        }

        var isScalar: Bool { array < 0 }
    }

    var entries: [Entry] = []
    var arrays: [NDArray] = []
    var attributes: [OpAttribute] = []
    var variables: [Variable] = []
    var labels: [Int32: String] = [:]
    /// Gradients accumulated by backward passes, once one has run: scalars in
    /// `scalarGrads`, arrays in `arrayGrads`, both parallel to `entries`; `reached`
    /// says which entries a backward pass has reached at all.
    var scalarGrads: [Double] = []
    var arrayGrads: [NDArray?] = []
    var reached: [Bool] = []
    var isOpen = true

    init() {
        entries.reserveCapacity(32)
    }

    @inline(__always)
    func append(_ op: Op, _ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1, value: NDArray) -> Int32 {
        if case .scalar(let x) = value.storage {
            return append(op, a, b, c, scalar: x)
        }
        arrays.append(value)
        entries.append(Entry(op: op, a: a, b: b, c: c, array: Int32(truncatingIfNeeded: arrays.count - 1), scalar: 0))
        return Int32(truncatingIfNeeded: entries.count - 1)
    }

    @inline(__always)
    func append(_ op: Op, _ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1, scalar: Double) -> Int32 {
        entries.append(Entry(op: op, a: a, b: b, c: c, array: -1, scalar: scalar))
        return Int32(truncatingIfNeeded: entries.count - 1)
    }

    func attribute(_ attribute: OpAttribute) -> Int32 {
        attributes.append(attribute)
        return Int32(truncatingIfNeeded: attributes.count - 1)
    }

    /// The value of entry `k`.
    @inline(__always)
    func value(_ k: Int32) -> NDArray {
        let entry = entries[Int(k)]
        return entry.array < 0 ? NDArray(entry.scalar) : arrays[Int(entry.array)]
    }

    /// The entry that stands for `tensor` on this tape, adding one if needed: constants and
    /// values of other graphs come in as constants, variables as leaves (once per tape).
    @inline(__always)
    func index(of tensor: Tensor) -> Int32 {
        switch tensor.origin {
        case .node(let tape, let index) where tape === self:
            return index
        case .node(let tape, let index):
            return append(.constant, -1, value: tape.value(index))
        case .scalar(let x):
            return append(.constant, -1, scalar: x)
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

    /// The gradient accumulated at entry `k`, if a backward pass reached it.
    func grad(_ k: Int32) -> NDArray? {
        let i = Int(k)
        guard i < reached.count, reached[i] else { return nil }
        return entries[i].isScalar ? NDArray(scalarGrads[i]) : arrayGrads[i]
    }

    /// Forgets the gradient accumulated at entry `k`.
    func zeroGrad(_ k: Int32) {
        let i = Int(k)
        guard i < reached.count else { return }
        reached[i] = false
        scalarGrads[i] = 0
        arrayGrads[i] = nil
    }
}
