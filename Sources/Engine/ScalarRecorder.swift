/// Scalar arithmetic recorded onto the open graph one expression at a time, with no tensor
/// handle for the intermediate results.
///
/// Each `Tensor` result holds a counted reference to its tape and is found through the
/// thread's context, which costs more than the arithmetic and the append together. An
/// interpreter evaluating `3.7 * x * (1 - x)` needs a handle for the whole expression only:
/// here the context is looked up once, intermediate results are `ScalarOperand`s that
/// hold nothing, and `tensor(_:)` makes the one handle at the end. What lands on the tape
/// is exactly what the same operations on tensors would record, entry for entry: the same
/// constants, the same variable imports, the same cuts of an overlong graph.
public struct ScalarRecorder: ~Copyable {
    /// The thread's context, looked up at the first operation that records.
    private var context: Unmanaged<GraphContext>?
    /// Tapes cut (for growing past `Limits.maxOperations`) during this expression, kept
    /// alive while operands may still name them.
    private var cut: [Tape] = []

    public init() {}

    /// A number with no history.
    @inlinable
    public static func constant(_ x: Double) -> ScalarOperand {
        ScalarOperand(number: x, object: nil, index: -1, kind: .scalar)
    }

    /// The operand for a tensor the caller keeps alive for as long as this recorder lives
    /// (one bound to a name), or nil when it is not a scalar. Takes no reference.
    @inlinable
    public static func operand(_ tensor: borrowing Tensor) -> ScalarOperand? {
        switch tensor.kind {
        case .scalar:
            return ScalarOperand(number: tensor.number, object: nil, index: -1, kind: .scalar)
        case .scalarNode:
            return ScalarOperand(number: tensor.number, object: Unmanaged.passUnretained(tensor.object.unsafelyUnwrapped),
                                 index: tensor.index, kind: .scalarNode)
        case .variable:
            return operand(variable: tensor.object.unsafelyUnwrapped)
        case .constant, .arrayNode:
            return nil
        }
    }

    /// The operand for a variable, when it holds a scalar: its number now (make a new
    /// operand after changing the variable). Takes no reference, so the caller keeps the
    /// variable alive for as long as this recorder lives; making the operand once and using
    /// it in many expressions is what lets micrograd-style code build a graph with one
    /// counted reference (the result's) instead of several per node.
    @inlinable
    public static func operand(_ variable: Variable) -> ScalarOperand? {
        operand(variable: variable)
    }

    @usableFromInline
    static func operand(variable object: AnyObject) -> ScalarOperand? {
        guard let x = unsafeDowncast(object, to: Variable.self).scalarValue else { return nil }
        return ScalarOperand(number: x, object: Unmanaged.passUnretained(object), index: -1, kind: .variable)
    }

    /// `a op b`, recorded when either operand is tracked (and recording is on).
    public mutating func record(_ op: ScalarOperation, _ a: ScalarOperand, _ b: ScalarOperand) -> ScalarOperand {
        let value: Double
        switch op {
        case .add: value = a.number + b.number
        case .subtract: value = a.number - b.number
        case .multiply: value = a.number * b.number
        case .divide: value = a.number / b.number
        case .negate: value = -a.number
        }
        guard a.isTracked || (op != .negate && b.isTracked), let tape = lendTape() else { return Self.constant(value) }
        return tape._withUnsafeGuaranteedRef { tape in
            // The inputs are entered in the order `Tensor.record` enters them.
            let first = tape.entry(for: a)
            let second = op == .negate ? -1 : tape.entry(for: b)
            let index = tape.append(op.op, first, second, scalar: value)
            return ScalarOperand(number: value, object: Unmanaged.passUnretained(tape), index: index, kind: .scalarNode)
        }
    }

    /// `-a`.
    public mutating func negate(_ a: ScalarOperand) -> ScalarOperand {
        record(.negate, a, a)
    }

    /// The tensor for an operand: the handle that keeps the result's graph alive.
    public mutating func tensor(_ operand: ScalarOperand) -> Tensor {
        switch operand.kind {
        case .scalar:
            return Tensor(operand.number)
        case .variable:
            return Tensor(variable: unsafeDowncast(operand.object.unsafelyUnwrapped.takeUnretainedValue(), to: Variable.self))
        default:
            // Compared as addresses: a reference taken only to compare would cost the
            // atomic operation that handing out a counted one avoids.
            let object = operand.object.unsafelyUnwrapped
            if let context, context._withUnsafeGuaranteedRef({ $0.isOpen(object.toOpaque()) }) {
                return context._withUnsafeGuaranteedRef { Tensor(node: $0.tapeForNewHandle(), operand.index, scalar: operand.number) }
            }
            return Tensor(node: unsafeDowncast(object.takeUnretainedValue(), to: Tape.self), operand.index, scalar: operand.number)
        }
    }

    /// The open tape, or nil when the thread is not recording.
    @inline(__always)
    private mutating func lendTape() -> Unmanaged<Tape>? {
        let context = self.context ?? fetchContext()
        return context._withUnsafeGuaranteedRef { context in
            context.recording ? context.lendTapeForOperation(cut: &cut) : nil
        }
    }

    @inline(never)
    private mutating func fetchContext() -> Unmanaged<GraphContext> {
        let context = GraphContext.withCurrent { Unmanaged.passUnretained($0) }
        self.context = context
        return context
    }
}

/// An operand or result of `ScalarRecorder`: a number, and where it stands in a graph. It
/// holds no reference; what it names is kept alive by a binding or by the recorder.
public struct ScalarOperand {
    public let number: Double
    /// The variable of `.variable`, the tape of `.scalarNode`.
    @usableFromInline let object: Unmanaged<AnyObject>?
    /// The entry of `.scalarNode`.
    @usableFromInline let index: Int32
    /// `.scalar`, `.variable` or `.scalarNode`, as for a tensor.
    @usableFromInline let kind: Tensor.Kind

    @inlinable
    init(number: Double, object: Unmanaged<AnyObject>?, index: Int32, kind: Tensor.Kind) {
        self.number = number
        self.object = object
        self.index = index
        self.kind = kind
    }

    @inline(__always)
    var isTracked: Bool { kind != .scalar }
}

/// The operations `ScalarRecorder` records.
public enum ScalarOperation: Sendable {
    case add, subtract, multiply, divide, negate

    var op: Op {
        switch self {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .negate: return .negate
        }
    }
}

extension Tape {
    /// The entry that stands for `operand` on this tape, as `index(of:)` for a tensor.
    @inline(__always)
    fileprivate func entry(for operand: ScalarOperand) -> Int32 {
        if operand.object?.toOpaque() == Unmanaged.passUnretained(self).toOpaque() { return operand.index }
        switch operand.kind {
        case .variable:
            // Borrowed: the operand's owner keeps the variable alive, and a reference taken
            // and dropped around the import cost two atomic operations per variable per graph.
            return operand.object.unsafelyUnwrapped._withUnsafeGuaranteedRef {
                importVariable(unsafeDowncast($0, to: Variable.self))
            }
        default:
            // A literal, or a scalar of another graph (whose number the operand carries).
            return append(.constant, -1, scalar: operand.number)
        }
    }
}
