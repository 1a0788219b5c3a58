#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WASILibc)
import WASILibc
#endif

/// A Wengert list: the operations of one computation graph in the order they ran.
///
/// Recording appends; the backward pass walks the list in reverse, which is a topological
/// order by construction, so gradients are summed in the same order on every run (no hash
/// sets, no sorting). A tape closes when `backward` has run over it; operations after that
/// start a new tape and see the old values as constants. A tape lives as long as some
/// tensor refers to it, and then its memory goes all at once (but see `GraphContext`: the
/// thread may reuse a small closed tape that nothing refers to any more for its next graph).
///
/// Entries are plain data: a scalar's value is stored in the entry itself, larger values
/// and attributes in side tables, so recording a scalar operation is an append and no
/// reference counting. The entries live in a buffer of the tape's own rather than in a
/// Swift array: reading `tape.entries[k]` through a class property made the compiler retain
/// and release the array's storage around every read, which cost more than the arithmetic.
final class Tape: @unchecked Sendable {
    /// 32 bytes: a long scalar loop is bound by how fast its entries are written to memory,
    /// and 48-byte entries made the `make bench` row "scalar loop, 1,000,000 steps, top
    /// level" 0.155 s where 32 bytes take 0.141 s.
    struct Entry {
        var op: Op
        /// Whether the value is in `arrays` rather than in `value`.
        private var isArray: Bool
        var a: Int32
        var b: Int32
        var c: Int32
        /// The number of a scalar; the index into `arrays` of any other value.
        private var value: Double

        init(op: Op, a: Int32, b: Int32, c: Int32, scalar: Double) {
            (self.op, self.a, self.b, self.c, isArray, value) = (op, a, b, c, false, scalar)
        }

        init(op: Op, a: Int32, b: Int32, c: Int32, array: Int) {
            (self.op, self.a, self.b, self.c, isArray, value) = (op, a, b, c, true, Double(array))
        }

        /// The value, when it is a scalar.
        var scalar: Double { value }

        /// Index into `arrays` when the value is not a scalar, else -1.
        var array: Int32 { isArray ? Int32(value) : -1 }

        var isConstant: Bool {
            if case .constant = op { return true }
            return false
        }

        var isScalar: Bool { !isArray }

        /// A constant or a variable: nothing to send back from it.
        var isLeaf: Bool {
            switch op {
            case .constant, .variable: return true
            default: return false
            }
        }
    }

    /// The entries `0..<count`; room for `capacity`.
    private(set) var storage: UnsafeMutablePointer<Entry>
    private(set) var count = 0
    private(set) var capacity: Int
    var arrays: [NDArray] = []
    var attributes: [OpAttribute] = []
    /// Every variable this tape refers to, by slot (`Op.variable(slot)`). The tape holds them
    /// strongly: a backward pass writes their gradients.
    var variables: [Variable] = []
    /// For each slot, which variable it holds (to check a variable's cached slot without
    /// touching the array of references) and the entry that imported it into the current
    /// graph, or -1 when the slot was carried over from an earlier graph of a reused tape
    /// (see `reset`).
    struct Slot {
        var variable: ObjectIdentifier
        var entry: Int32
        /// The variable's `version` when `entry` was made: a variable whose value has changed
        /// since (a parameter set by hand, an optimizer step) gets a new slot and entry, so
        /// the backward pass of this graph uses the value each operation actually saw.
        var version: UInt64
    }
    private(set) var slots: UnsafeMutablePointer<Slot>
    /// When set, the only variable this graph tracks (see `Graph.isolated(differentiating:)`).
    var onlyVariable: ObjectIdentifier?
    private var slotCapacity = 16
    /// Label ids of entries `0..<labelCapacity` (0: none), allocated when the first label is set.
    private var labelIDs: UnsafeMutablePointer<Int32>?
    private var labelCapacity = 0
    /// Gradients accumulated by backward passes, once one has run: for entries
    /// `0..<gradientCount`, scalars in `scalarGrads`, arrays in `arrayGrads` (only when the
    /// tape has arrays), and in `reached` whether a backward pass has reached the entry at
    /// all. Entries recorded after the last pass are implicitly unreached.
    private(set) var scalarGrads: UnsafeMutablePointer<Double>?
    private(set) var reached: UnsafeMutablePointer<Bool>?
    private(set) var gradientCount = 0
    private var gradientCapacity = 0
    var arrayGrads: [NDArray?] = []
    /// Whether a backward pass has run since the tape was (re)started: the first pass can
    /// accumulate straight into the tape's gradients (see `backward(from:seed:)`).
    var hasRunBackward = false
    /// Whether the last backward pass kept the graph for another (`retainGraph`), and
    /// where the first one was asked for (the caller's `site`).
    var backwardRetained = false
    var backwardSite = 0
    var isOpen = true
    /// A custom operation's rule that failed during a backward pass, thrown when it ends.
    var backwardFailure: EngineError?

    static let initialCapacity = 64

    init() {
        capacity = Tape.initialCapacity
        storage = Tape.reallocate(nil, capacity: capacity)
        slots = .allocate(capacity: slotCapacity)
    }

    deinit {
        labelIDs?.deallocate()
        Tape.recycle(storage, capacity: capacity)
        slots.deallocate()
        scalarGrads?.deallocate()
        reached?.deallocate()
    }

    /// The recorded entries (a view that is valid until the next append).
    var entries: UnsafeMutableBufferPointer<Entry> {
        UnsafeMutableBufferPointer(start: storage, count: count)
    }

    @inline(never)
    private func grow() {
        capacity *= 2
        if let spare = GraphContext.withCurrent({ $0.takeSpareEntries(atLeast: capacity) }) {
            let larger = spare.pointer.bindMemory(to: Entry.self, capacity: spare.capacity)
            larger.update(from: storage, count: count)
            free(storage)
            storage = larger
            capacity = spare.capacity
        } else {
            storage = Tape.reallocate(storage, capacity: capacity)
        }
    }

    /// A freed tape's entries go to the thread for the next tape that outgrows its own (see
    /// `GraphContext.spareEntries`), if they are the largest the thread has.
    private static func recycle(_ storage: UnsafeMutablePointer<Entry>, capacity: Int) {
        // Not to a thread that is ending (its context is gone) nor for a small buffer.
        guard capacity > Tape.initialCapacity, let context = GraphContext.existing else { return free(storage) }
        context.keepSpareEntries(UnsafeMutableRawPointer(storage), capacity: capacity)
    }

    /// The entries' memory comes from `malloc` and grows with `realloc` (entries are plain
    /// data, so moving their bytes moves them): a long recording grows in place or, once
    /// large, by remapping pages instead of copying them into newly faulted ones.
    private static func reallocate(_ pointer: UnsafeMutablePointer<Entry>?, capacity: Int) -> UnsafeMutablePointer<Entry> {
        guard let raw = realloc(pointer, capacity * MemoryLayout<Entry>.stride) else {
            fatalError("Tape: out of memory for \(capacity) entries")
        }
        return raw.bindMemory(to: Entry.self, capacity: capacity)
    }

    @inline(__always)
    func append(_ op: Op, _ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1, value: NDArray) -> Int32 {
        if case .scalar(let x) = value.storage {
            return append(op, a, b, c, scalar: x)
        }
        arrays.append(value)
        return append(Entry(op: op, a: a, b: b, c: c, array: arrays.count - 1))
    }

    @inline(__always)
    func append(_ op: Op, _ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1, scalar: Double) -> Int32 {
        append(Entry(op: op, a: a, b: b, c: c, scalar: scalar))
    }

    @inline(__always)
    private func append(_ entry: Entry) -> Int32 {
        if count == capacity { grow() }
        (storage + count).initialize(to: entry)
        count += 1
        return Int32(truncatingIfNeeded: count - 1)
    }

    /// The label of entry `k`, if it has one.
    func label(_ k: Int32) -> Label? {
        guard Int(k) < labelCapacity, let id = labelIDs?[Int(k)], id != 0 else { return nil }
        return Label(id: id)
    }

    @inline(__always)
    func setLabel(_ label: Label?, at k: Int32) {
        let index = Int(k)
        // An assignment in a loop labels an entry on every step: only growing is out of line.
        if index < labelCapacity { return labelIDs.unsafelyUnwrapped[index] = label?.id ?? 0 }
        growLabels(label, at: index)
    }

    @inline(never)
    private func growLabels(_ label: Label?, at index: Int) {
        guard label != nil else { return }
        let newCapacity = Swift.max(capacity, index + 1, 64)
        let larger = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        larger.initialize(repeating: 0, count: newCapacity)
        if let labelIDs {
            larger.update(from: labelIDs, count: labelCapacity)
            labelIDs.deallocate()
        }
        labelIDs = larger
        labelCapacity = newCapacity
        larger[index] = label!.id
    }

    func attribute(_ attribute: OpAttribute) -> Int32 {
        attributes.append(attribute)
        return Int32(truncatingIfNeeded: attributes.count - 1)
    }

    /// The value of entry `k`.
    @inline(__always)
    func value(_ k: Int32) -> NDArray {
        let entry = storage[Int(k)]
        return entry.isScalar ? NDArray(entry.scalar) : arrays[Int(entry.array)]
    }

    /// The number of entry `k`, when it is a scalar.
    @inline(__always)
    func scalarValue(_ k: Int32) -> Double? {
        let entry = storage[Int(k)]
        return entry.isScalar ? entry.scalar : nil
    }

    /// The entry that stands for `operand` on this tape, adding one if needed: a node of
    /// this graph is its own entry; a variable comes in as a leaf (once per graph, see
    /// `importVariable`); anything else (a literal, data, a value of another graph) as a
    /// constant. Every input of a recorded operation enters a graph here, whether it comes
    /// as a tensor or as an operand of the scalar recorder. The common cases are inline;
    /// the rest is out of line, so that this stays small enough to inline everywhere.
    @inline(__always)
    func entry<Operand: TapeOperand>(for operand: Operand) -> Int32 {
        // A variable is never a node, so checking it first changes no result; this order took
        // the fewest instructions a node in the scalar graphs rows.
        let kind = operand.kind
        if kind == .variable { return operand.withVariable { importVariable($0) } }
        if operand.isNode(of: self) { return operand.index }   // only a node holds a tape
        // A literal, or a value of another graph (a scalar's number is in the operand).
        if kind == .scalar || kind == .scalarNode { return append(.constant, -1, scalar: operand.number) }
        return appendConstant(operand.value)
    }

    @inline(never)
    private func appendConstant(_ value: NDArray) -> Int32 {
        append(.constant, -1, value: value)
    }

    /// The entry of `variable` in this graph, importing it (as a `.variable` leaf holding
    /// the value it has now) the first time. The variable remembers its slot here; the slot
    /// is checked before use, since a new tape may reuse a freed one's address.
    @inline(__always)
    func importVariable(_ variable: Variable) -> Int32 {
        if let only = onlyVariable, only != ObjectIdentifier(variable) {
            if let x = variable.scalarValue { return append(.constant, -1, scalar: x) }
            return append(.constant, -1, value: variable.value)
        }
        let slot = variable.importSlot
        if variable.importTape == ObjectIdentifier(self), slot < variables.count,
            slots[slot].variable == ObjectIdentifier(variable)
        {
            let existing = slots[slot].entry
            if existing >= 0 {
                if slots[slot].version == variable.version { return existing }
                return importNewVariable(variable)
            }
            // A slot carried over from an earlier graph: the tape still holds the variable,
            // so importing it again takes no new reference.
            let index = appendLeaf(slot, variable)
            slots[slot].entry = index
            slots[slot].version = variable.version
            return index
        }
        return importNewVariable(variable)
    }

    private func importNewVariable(_ variable: Variable) -> Int32 {
        let slot = variables.count
        if slot == slotCapacity {
            let larger = UnsafeMutablePointer<Slot>.allocate(capacity: slotCapacity * 2)
            larger.moveInitialize(from: slots, count: slot)
            slots.deallocate()
            slots = larger
            slotCapacity *= 2
        }
        variables.append(variable)
        let index = appendLeaf(slot, variable)
        (slots + slot).initialize(to: Slot(variable: ObjectIdentifier(variable), entry: index, version: variable.version))
        variable.importTape = ObjectIdentifier(self)
        variable.importSlot = slot
        return index
    }

    @inline(__always)
    private func appendLeaf(_ slot: Int, _ variable: Variable) -> Int32 {
        if let x = variable.scalarValue { return append(.variable(slot), -1, scalar: x) }
        return append(.variable(slot), -1, value: variable.value)
    }

    /// Gradient slots for every entry recorded so far (new ones unreached, zero).
    func prepareGradients() {
        guard gradientCount < count else { return }
        if gradientCapacity < count {
            let newCapacity = Swift.max(capacity, count)
            let grads = UnsafeMutablePointer<Double>.allocate(capacity: newCapacity)
            let flags = UnsafeMutablePointer<Bool>.allocate(capacity: newCapacity)
            if let scalarGrads, let reached {
                grads.moveInitialize(from: scalarGrads, count: gradientCount)
                flags.moveInitialize(from: reached, count: gradientCount)
                scalarGrads.deallocate()
                reached.deallocate()
            }
            scalarGrads = grads
            reached = flags
            gradientCapacity = newCapacity
        }
        (scalarGrads! + gradientCount).initialize(repeating: 0, count: count - gradientCount)
        (reached! + gradientCount).initialize(repeating: false, count: count - gradientCount)
        if !arrays.isEmpty || !arrayGrads.isEmpty {
            arrayGrads.append(contentsOf: repeatElement(nil, count: count - arrayGrads.count))
        }
        gradientCount = count
    }

    /// The gradient accumulated at entry `k`, if a backward pass reached it.
    func grad(_ k: Int32) -> NDArray? {
        let i = Int(k)
        guard i < gradientCount, reached![i] else { return nil }
        return storage[i].isScalar ? NDArray(scalarGrads![i]) : arrayGrads[i]
    }

    /// Forgets the gradient accumulated at entry `k`.
    func zeroGrad(_ k: Int32) {
        let i = Int(k)
        guard i < gradientCount else { return }
        reached![i] = false
        scalarGrads![i] = 0
        if i < arrayGrads.count { arrayGrads[i] = nil }
    }

    /// Whether this closed tape is small enough to keep for reuse: what a spare tape holds
    /// stays alive until the thread's next graph, so only small ones qualify.
    var isWorthReusing: Bool {
        guard capacity <= Tape.reusableCapacity, arrays.count <= 64 else { return false }
        var elements = 0
        for array in arrays { elements += array.count }
        return elements <= Tape.reusableElements
    }

    static let reusableCapacity = 1 << 16
    static let reusableElements = 1 << 16
    static let carriedVariables = 256

    /// Starts the tape again, empty and open, keeping its buffers. Only for a tape nothing
    /// else refers to. Up to `carriedVariables` variables holding up to `reusableElements`
    /// numbers in all stay in their slots, so a loop that uses the same parameters in every
    /// graph imports them without taking a new reference each time (the atomic reference
    /// count is the most expensive part of an import). Only small ones, since the tape keeps
    /// them alive while it waits for reuse; any other variables are let go.
    func reset() {
        count = 0
        arrays.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        if let labelIDs { labelIDs.update(repeating: 0, count: labelCapacity) }
        arrayGrads.removeAll(keepingCapacity: true)
        gradientCount = 0
        hasRunBackward = false
        backwardRetained = false
        backwardSite = 0
        isOpen = true
        var carry = variables.count <= Tape.carriedVariables
        if carry {
            var elements = 0
            for variable in variables where variable.scalarValue == nil {
                elements += variable.value.count
                if elements > Tape.reusableElements {
                    carry = false
                    break
                }
            }
        }
        if carry {
            for slot in 0..<variables.count { slots[slot].entry = -1 }
        } else {
            variables.removeAll(keepingCapacity: true)
        }
    }
}

/// An input of a recorded operation: a `Tensor`, or a `ScalarOperand` (the same fields, with
/// no counted reference). `Tape.entry(for:)` enters either kind into a graph.
protocol TapeOperand {
    var kind: Tensor.Kind { get }
    /// The number of `.scalar` and `.scalarNode`.
    var number: Double { get }
    /// The entry of a node.
    var index: Int32 { get }
    /// The numbers of `.constant` and `.arrayNode`.
    var value: NDArray { get }
    func isNode(of tape: Tape) -> Bool
    /// `body` on the variable of `.variable`, borrowed rather than retained.
    func withVariable<R>(_ body: (Variable) -> R) -> R
}
