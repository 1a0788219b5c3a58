/// A value in a computation: a constant, a variable, or the result of recorded operations.
///
/// Arithmetic on tensors records onto the thread's open graph whenever an operand has a
/// history or is a variable, so `backward` can later send gradients to every variable the
/// result depends on. A scalar is a rank-0 tensor: the micrograd-style graphs of single
/// numbers and the matrix graphs of networks are the same machinery.
public struct Tensor: @unchecked Sendable {
    /// What a tensor is, as one enum: the way the rest of the engine reads a handle.
    enum Origin {
        /// A scalar constant, kept apart so that scalar arithmetic never touches an array.
        case scalar(Double)
        case constant(NDArray)
        case variable(Variable)
        case node(Tape, Int32)
    }

    /// How the handle is stored: plain fields rather than the enum, so the scalar path reads
    /// a number without unpacking an enum payload (which made the compiler retain and
    /// release the tape or variable around every read) and three words fit in registers.
    @usableFromInline
    enum Kind: UInt8 {
        case scalar, constant, variable
        /// A node whose value is a scalar, kept in `number` as well as on the tape (entries
        /// never change, so the copy stays true and reading it never touches the tape).
        case scalarNode
        case arrayNode
    }

    /// The number of `.scalar` and `.scalarNode`.
    @usableFromInline let number: Double
    /// The `Tape` of a node, the `Variable` of a variable, the `ConstantArray` of a constant
    /// (the one reference a handle holds, so copying a handle retains at most one object).
    @usableFromInline let object: AnyObject?
    /// The entry of a node.
    @usableFromInline let index: Int32
    @usableFromInline let kind: Kind

    /// The tensor as an enum.
    var origin: Origin {
        switch kind {
        case .scalar: return .scalar(number)
        case .constant: return .constant(unsafeDowncast(object!, to: ConstantArray.self).value)
        case .variable: return .variable(unsafeDowncast(object!, to: Variable.self))
        case .scalarNode, .arrayNode: return .node(unsafeDowncast(object!, to: Tape.self), index)
        }
    }

    init(origin: Origin) {
        switch origin {
        case .scalar(let x): self.init(x)
        case .constant(let value): self.init(value)
        case .variable(let variable): self.init(variable: variable)
        case .node(let tape, let index): self.init(node: tape, index)
        }
    }

    /// The fields as they are. Usable from inlinable code so that the scalar constant
    /// initialisers below can be inlined into callers.
    @inlinable @inline(__always)
    init(number: Double, object: AnyObject?, index: Int32, kind: Kind) {
        self.number = number
        self.object = object
        self.index = index
        self.kind = kind
    }

    /// A node whose value is the scalar `value`.
    @inline(__always)
    init(node tape: Tape, _ index: Int32, scalar value: Double) {
        self.init(number: value, object: tape, index: index, kind: .scalarNode)
    }

    /// A node of the tape, scalar or not.
    @inline(__always)
    init(node tape: Tape, _ index: Int32) {
        if let x = tape.scalarValue(index) {
            self.init(node: tape, index, scalar: x)
        } else {
            self.init(number: 0, object: tape, index: index, kind: .arrayNode)
        }
    }

    /// A constant: no history, no gradient.
    public init(_ value: NDArray) {
        if case .scalar(let x) = value.storage {
            self.init(x)
        } else {
            self.init(number: 0, object: ConstantArray(value), index: -1, kind: .constant)
        }
    }

    /// A scalar constant. Inlinable, so that callers see a handle that holds no reference
    /// and destroy it without a call into the runtime.
    @inlinable
    public init(_ scalar: Double) {
        self.init(number: scalar, object: nil, index: -1, kind: .scalar)
    }

    /// A constant from row-major values.
    public init(shape: Shape, values: [Double]) {
        self.init(NDArray(shape: shape, values: values))
    }

    /// The tensor that reads and feeds `variable`.
    public init(variable: Variable) {
        self.init(number: 0, object: variable, index: -1, kind: .variable)
    }

    /// The tape of a node (only for `.scalarNode` and `.arrayNode`), borrowed from the handle.
    @inline(__always)
    var tape: Tape { unsafeDowncast(object.unsafelyUnwrapped, to: Tape.self) }

    /// The variable of a `.variable`, borrowed from the handle.
    @inline(__always)
    var leaf: Variable { unsafeDowncast(object.unsafelyUnwrapped, to: Variable.self) }

    @inline(__always)
    var isNode: Bool { kind == .scalarNode || kind == .arrayNode }

    /// The numbers.
    public var value: NDArray {
        switch kind {
        case .scalar, .scalarNode: return NDArray(number)
        case .constant: return unsafeDowncast(object.unsafelyUnwrapped, to: ConstantArray.self).value
        case .variable: return leaf.value
        case .arrayNode: return tape.value(index)
        }
    }

    /// The number, when this is a scalar; read without building an array.
    @inline(__always)
    var scalarValue: Double? {
        switch kind {
        case .scalar, .scalarNode: return number
        case .constant, .arrayNode: return nil
        case .variable: return leaf.scalarValue
        }
    }

    public var shape: Shape { value.shape }
    public var rank: Int { value.rank }

    /// The number of a scalar (or one-element tensor), else nil.
    public var scalar: Double? { value.scalar }

    /// The variable behind this tensor, if it is one.
    public var variable: Variable? {
        kind == .variable ? leaf : nil
    }

    /// Whether this tensor is a variable, read without taking a reference to it.
    public var isVariable: Bool { kind == .variable }

    /// Whether gradients can flow into or through this tensor.
    public var isTracked: Bool { kind.rawValue >= Kind.variable.rawValue }

    /// Whether this value has a history that is still being recorded (its graph is open),
    /// so that operations on it can still be differentiated.
    public var hasOpenHistory: Bool { isNode && tape.isOpen }

    /// The same numbers with no history (PyTorch's `detach`).
    public func detached() -> Tensor { Tensor(value) }

    /// d(output)/d(self) accumulated by backward passes, or nil when none has reached it.
    public var grad: NDArray? {
        switch origin {
        case .scalar, .constant: return nil
        case .variable(let variable): return variable.grad
        case .node(let tape, let index): return tape.grad(index)
        }
    }

    /// Clears the accumulated gradient of this tensor.
    public func zeroGrad() {
        switch origin {
        case .scalar, .constant: break
        case .variable(let variable): variable.grad = nil
        case .node(let tape, let index): tape.zeroGrad(index)
        }
    }

    /// The name diagrams show for this value (the variable it was bound to).
    public var label: String? {
        get {
            switch origin {
            case .scalar, .constant: return nil
            case .variable(let variable): return variable.name
            case .node(let tape, let index): return tape.label(index)?.name
            }
        }
        nonmutating set {
            switch origin {
            case .scalar, .constant: break
            case .variable(let variable): variable.name = newValue
            case .node(let tape, let index): tape.setLabel(newValue.map(Label.init), at: index)
            }
        }
    }

    /// Labels this value with an interned name: a 4-byte store (a variable takes the name).
    @_spi(Runtime) public func setLabel(_ label: Label) {
        // On the fields, not `origin`: an assignment labels its value on every step of a loop,
        // and building `origin` retained and released the tape each time.
        switch kind {
        case .scalar, .constant: break
        case .variable: leaf.name = label.name
        case .scalarNode, .arrayNode: tape.setLabel(label, at: index)
        }
    }

    /// Whether two tensors are the same graph node (not merely equal numbers).
    public func isSameNode(as other: Tensor) -> Bool {
        if kind == .variable && other.kind == .variable { return object === other.object }
        return isNode && other.isNode && object === other.object && index == other.index
    }
}

extension Tensor: TapeOperand {
    @inline(__always)
    func isNode(of tape: Tape) -> Bool { object === tape }   // only a node holds a tape

    @inline(__always)
    func withVariable<R>(_ body: (Variable) -> R) -> R { body(leaf) }
}

extension Tensor {
    /// The tape to record on, or nil when nothing should be recorded (no-grad mode).
    @inline(__always)
    static func recordingTape() -> Tape? {
        GraphContext.withCurrent { context in context.recording ? context.tapeForNewOperation() : nil }
    }

    /// Records `op` with one input, or returns a constant when nothing is tracked.
    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, value: NDArray) -> Tensor {
        guard x.isTracked, let tape = recordingTape() else { return Tensor(value) }
        let a = tape.entry(for: x)
        return Tensor(node: tape, tape.append(op, a, value: value))
    }

    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, scalar: Double) -> Tensor {
        guard x.isTracked, let tape = recordingTape() else { return Tensor(scalar) }
        let a = tape.entry(for: x)
        return Tensor(node: tape, tape.append(op, a, scalar: scalar), scalar: scalar)
    }

    /// Records `op` with two inputs.
    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, _ y: Tensor, value: NDArray) -> Tensor {
        guard x.isTracked || y.isTracked, let tape = recordingTape() else { return Tensor(value) }
        let a = tape.entry(for: x)
        let b = tape.entry(for: y)
        return Tensor(node: tape, tape.append(op, a, b, value: value))
    }

    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, _ y: Tensor, scalar: Double) -> Tensor {
        guard x.isTracked || y.isTracked, let tape = recordingTape() else { return Tensor(scalar) }
        let a = tape.entry(for: x)
        let b = tape.entry(for: y)
        return Tensor(node: tape, tape.append(op, a, b, scalar: scalar), scalar: scalar)
    }

    /// Records `op` with three inputs.
    static func record(_ op: Op, _ x: Tensor, _ y: Tensor, _ z: Tensor, value: NDArray) -> Tensor {
        guard x.isTracked || y.isTracked || z.isTracked, let tape = recordingTape() else { return Tensor(value) }
        let a = tape.entry(for: x), b = tape.entry(for: y), c = tape.entry(for: z)
        return Tensor(node: tape, tape.append(op, a, b, c, value: value))
    }

    /// Records an operation whose attribute lives in the tape's side table; `makeOp`
    /// receives the attribute's index.
    static func record(
        _ inputs: [Tensor], attribute: OpAttribute, value: NDArray, _ makeOp: (Int32) -> Op
    ) -> Tensor {
        guard inputs.contains(where: { $0.isTracked }), let tape = recordingTape() else { return Tensor(value) }
        let indices = inputs.map { tape.entry(for: $0) }
        let stored: OpAttribute
        if case .inputs = attribute { stored = .inputs(indices) } else { stored = attribute }
        let op = makeOp(tape.attribute(stored))
        let a = indices.count == 1 ? indices[0] : -1
        return Tensor(node: tape, tape.append(op, a, value: value))
    }
}

/// The array of a constant tensor, boxed so that a tensor handle holds one reference
/// whatever it stands for.
final class ConstantArray: @unchecked Sendable {
    /// What a constant is for, when it is more than a number.
    enum Role {
        case plain
        /// Data (`constant(...)`, loaded files, data sets): a name bound to it stays a
        /// constant, never a variable, so it takes no gradient.
        case data
        /// The 1s and 0s of a comparison (`x > 0`): data that indexing reads as a mask.
        case mask
    }

    let value: NDArray
    let role: Role

    init(_ value: NDArray, role: Role = .plain) {
        self.value = value
        self.role = role
    }
}

extension Tensor {
    /// The 1s and 0s of a comparison, marked as a mask: `x[mask]` selects the elements where
    /// it is 1, as numpy's boolean arrays do. Any operation on it gives ordinary numbers.
    public static func mask(_ value: NDArray) -> Tensor {
        guard !value.isScalar else { return Tensor(value) }
        return Tensor(number: 0, object: ConstantArray(value, role: .mask), index: -1, kind: .constant)
    }

    /// Numbers marked as data: a constant that binding a name to keeps constant (no
    /// gradient, shown as data in diagrams), as tensors are by default in PyTorch.
    public static func data(_ value: NDArray) -> Tensor {
        Tensor(number: 0, object: ConstantArray(value, role: .data), index: -1, kind: .constant)
    }

    private var constantRole: ConstantArray.Role {
        kind == .constant ? unsafeDowncast(object.unsafelyUnwrapped, to: ConstantArray.self).role : .plain
    }

    /// Whether this is a mask made by a comparison (see `mask`).
    public var isMask: Bool { constantRole == .mask }

    /// Whether this is data (see `data`) or a mask: a constant that stays one when named.
    public var isData: Bool { constantRole != .plain }
}
