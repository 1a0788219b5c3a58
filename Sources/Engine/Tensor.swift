/// A value in a computation: a constant, a variable, or the result of recorded operations.
///
/// Arithmetic on tensors records onto the thread's open graph whenever an operand has a
/// history or is a variable, so `backward` can later send gradients to every variable the
/// result depends on. A scalar is a rank-0 tensor: the micrograd-style graphs of single
/// numbers and the matrix graphs of networks are the same machinery.
public struct Tensor: @unchecked Sendable {
    enum Origin {
        /// A scalar constant, kept apart so that scalar arithmetic never touches an array.
        case scalar(Double)
        case constant(NDArray)
        case variable(Variable)
        case node(Tape, Int32)
    }

    let origin: Origin

    init(origin: Origin) {
        self.origin = origin
    }

    /// A constant: no history, no gradient.
    public init(_ value: NDArray) {
        if case .scalar(let x) = value.storage {
            self.origin = .scalar(x)
        } else {
            self.origin = .constant(value)
        }
    }

    /// A scalar constant.
    public init(_ scalar: Double) {
        self.origin = .scalar(scalar)
    }

    /// A constant from row-major values.
    public init(shape: Shape, values: [Double]) {
        self.init(NDArray(shape: shape, values: values))
    }

    /// The tensor that reads and feeds `variable`.
    public init(variable: Variable) {
        self.origin = .variable(variable)
    }

    /// The numbers.
    public var value: NDArray {
        switch origin {
        case .scalar(let x): return NDArray(x)
        case .constant(let value): return value
        case .variable(let variable): return variable.value
        case .node(let tape, let index): return tape.value(index)
        }
    }

    /// The number, when this is a scalar; read without building an array.
    @inline(__always)
    var scalarValue: Double? {
        switch origin {
        case .scalar(let x): return x
        case .constant: return nil
        case .variable(let variable): return variable.scalarValue
        case .node(let tape, let index): return tape.scalarValue(index)
        }
    }

    public var shape: Shape { value.shape }
    public var rank: Int { value.rank }

    /// The number of a scalar (or one-element tensor), else nil.
    public var scalar: Double? { value.scalar }

    /// The variable behind this tensor, if it is one.
    public var variable: Variable? {
        if case .variable(let variable) = origin { return variable }
        return nil
    }

    /// Whether gradients can flow into or through this tensor.
    public var isTracked: Bool {
        switch origin {
        case .scalar, .constant: return false
        case .variable, .node: return true
        }
    }

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
            case .node(let tape, let index): return tape.labels[index]
            }
        }
        nonmutating set {
            switch origin {
            case .scalar, .constant: break
            case .variable(let variable): variable.name = newValue
            case .node(let tape, let index): tape.labels[index] = newValue
            }
        }
    }

    /// Whether two tensors are the same graph node (not merely equal numbers).
    public func isSameNode(as other: Tensor) -> Bool {
        switch (origin, other.origin) {
        case let (.variable(a), .variable(b)): return a === b
        case let (.node(t1, i1), .node(t2, i2)): return t1 === t2 && i1 == i2
        default: return false
        }
    }
}

extension Tensor {
    /// The tape to record on, or nil when nothing should be recorded (no-grad mode).
    @inline(__always)
    static func recordingTape() -> Tape? {
        GraphContext.withCurrent { context in context.recording ? context.openTape() : nil }
    }

    /// Records `op` with one input, or returns a constant when nothing is tracked.
    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, value: NDArray) -> Tensor {
        guard x.isTracked, let tape = recordingTape() else { return Tensor(value) }
        let a = tape.index(of: x)
        return Tensor(origin: .node(tape, tape.append(op, a, value: value)))
    }

    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, scalar: Double) -> Tensor {
        guard x.isTracked, let tape = recordingTape() else { return Tensor(scalar) }
        let a = tape.index(of: x)
        return Tensor(origin: .node(tape, tape.append(op, a, scalar: scalar)))
    }

    /// Records `op` with two inputs.
    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, _ y: Tensor, value: NDArray) -> Tensor {
        guard x.isTracked || y.isTracked, let tape = recordingTape() else { return Tensor(value) }
        let a = tape.index(of: x)
        let b = tape.index(of: y)
        return Tensor(origin: .node(tape, tape.append(op, a, b, value: value)))
    }

    @inline(__always)
    static func record(_ op: Op, _ x: Tensor, _ y: Tensor, scalar: Double) -> Tensor {
        guard x.isTracked || y.isTracked, let tape = recordingTape() else { return Tensor(scalar) }
        let a = tape.index(of: x)
        let b = tape.index(of: y)
        return Tensor(origin: .node(tape, tape.append(op, a, b, scalar: scalar)))
    }

    /// Records `op` with three inputs.
    static func record(_ op: Op, _ x: Tensor, _ y: Tensor, _ z: Tensor, value: NDArray) -> Tensor {
        guard x.isTracked || y.isTracked || z.isTracked, let tape = recordingTape() else { return Tensor(value) }
        let a = tape.index(of: x), b = tape.index(of: y), c = tape.index(of: z)
        return Tensor(origin: .node(tape, tape.append(op, a, b, c, value: value)))
    }

    /// Records an operation whose attribute lives in the tape's side table; `makeOp`
    /// receives the attribute's index.
    static func record(
        _ inputs: [Tensor], attribute: OpAttribute, value: NDArray, _ makeOp: (Int32) -> Op
    ) -> Tensor {
        guard inputs.contains(where: \.isTracked), let tape = recordingTape() else { return Tensor(value) }
        let indices = inputs.map { tape.index(of: $0) }
        let stored: OpAttribute
        if case .inputs = attribute { stored = .inputs(indices) } else { stored = attribute }
        let op = makeOp(tape.attribute(stored))
        let a = indices.count == 1 ? indices[0] : -1
        return Tensor(origin: .node(tape, tape.append(op, a, value: value)))
    }
}
