/// Scalar arithmetic recorded onto the open graph one expression at a time, with no tensor
/// handle for the intermediate results.
///
/// Each `Tensor` result holds a counted reference to its tape and is found through the
/// thread's context, which costs more than the arithmetic and the append together. An
/// interpreter evaluating `3.7 * x * (1 - x)` needs a handle for the whole expression only:
/// here the context is looked up once, intermediate results are `ScalarOperand`s that
/// hold nothing, and `tensor(_:)` makes the one handle at the end. What lands on the tape
/// is exactly what the same operations on tensors would record, entry for entry: the same
/// constants, the same variable imports, the same cuts of an overlong graph. `evaluate` takes
/// a whole expression at once (a `ScalarProgram`), which is how the interpreter records.
public struct ScalarRecorder: ~Copyable {
    /// The thread's context, looked up at the first operation that records.
    private var context: Unmanaged<GraphContext>?
    /// Tapes cut (for growing past `Limits.maxOperations`) during this expression, kept
    /// alive while operands may still name them. Optional, so that a recorder that cut
    /// nothing (almost every one) has no array to release.
    private var cut: [Tape]?

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
        let value = op.apply(a.number, b.number)
        guard a.isTracked || (op != .negate && b.isTracked), let tape = lendTape() else { return Self.constant(value) }
        return tape._withUnsafeGuaranteedRef { tape in
            // The inputs are entered in the order `Tensor.record` enters them.
            let first = tape.entry(for: a)
            let second = op == .negate ? -1 : tape.entry(for: b)
            let index = tape.append(op.op, first, second, scalar: value)
            return ScalarOperand(number: value, object: Unmanaged.passUnretained(tape), index: index, kind: .scalarNode)
        }
    }

    /// `program` on `inputs` (at least `program.inputCount` of them), recorded exactly as its
    /// operations through `record` would be, one after another. Nil when a divisor is zero,
    /// with the operations before that division recorded: callers differ on what dividing
    /// by zero means (the notebook language reports an error).
    public mutating func evaluate(_ program: ScalarProgram, _ inputs: UnsafePointer<ScalarOperand>) -> ScalarOperand? {
        let context = self.context ?? fetchContext()
        // Room for every entry the program can append means no operation in it would cut
        // the graph, so they can go onto the tape without `record`'s checks.
        let tape = context._withUnsafeGuaranteedRef { context in
            context.tapeWithRoom(for: program.entryBound,
                                 starting: (0..<program.inputCount).contains { inputs[$0].isTracked })
        }
        if let tape {
            return tape._withUnsafeGuaranteedRef { Self.run(program, inputs, on: $0) }
        }
        // Not recording, no open graph, or one about to be cut: operation by operation.
        return withUnsafeTemporaryAllocation(of: ScalarOperand.self, capacity: program.depth) { stack in
            let stack = stack.baseAddress.unsafelyUnwrapped
            var top = 0
            for step in program.steps {
                switch step {
                case .input(let k):
                    stack[top] = inputs[k]
                    top += 1
                case .constant(let x):
                    stack[top] = Self.constant(x)
                    top += 1
                case .apply(.negate):
                    stack[top - 1] = negate(stack[top - 1])
                case .apply(let op):
                    top -= 1
                    if op == .divide && stack[top].number == 0 { return nil }
                    stack[top - 1] = record(op, stack[top - 1], stack[top])
                }
            }
            return stack[0]
        }
    }

    /// `evaluate` onto `tape`, which has room for every entry of `program`. The operand
    /// stack holds a number and where it stands, in 16 bytes rather than an operand's 24:
    /// an entry of `tape` (0 and up), no history (-1), or `inputs[-2 - code]`, a variable or
    /// a node of another graph, entered (imported, or as a constant) where it is used.
    private static func run(_ program: ScalarProgram, _ inputs: UnsafePointer<ScalarOperand>, on tape: Tape) -> ScalarOperand? {
        let self_ = Unmanaged.passUnretained(tape).toOpaque()
        /// The entry for a stack slot's code, as `Tape.entry(for:)` gives it for the operand.
        @inline(__always)
        func entry(_ code: Int32, _ value: Double) -> Int32 {
            if code >= 0 { return code }
            if code <= -2 {
                let operand = inputs[Int(-2 - code)]
                if operand.kind == .variable {
                    return operand.object.unsafelyUnwrapped._withUnsafeGuaranteedRef {
                        tape.importVariable(unsafeDowncast($0, to: Variable.self))
                    }
                }
            }
            return tape.append(.constant, -1, scalar: value)
        }
        return withUnsafeTemporaryAllocation(of: (number: Double, code: Int32).self, capacity: program.depth) { stack in
            let stack = stack.baseAddress.unsafelyUnwrapped
            var top = 0
            for step in program.steps {
                switch step {
                case .input(let k):
                    let operand = inputs[k]
                    let code: Int32
                    switch operand.kind {
                    case .scalar: code = -1
                    case .scalarNode where operand.object?.toOpaque() == self_: code = operand.index
                    default: code = -2 - Int32(truncatingIfNeeded: k)
                    }
                    stack[top] = (operand.number, code)
                    top += 1
                case .constant(let x):
                    stack[top] = (x, -1)
                    top += 1
                case .apply(.negate):
                    let (x, code) = stack[top - 1]
                    guard code != -1 else {
                        stack[top - 1] = (-x, -1)
                        continue
                    }
                    let first = entry(code, x)
                    stack[top - 1] = (-x, tape.append(.negate, first, -1, scalar: -x))
                case .apply(let op):
                    top -= 1
                    let (x, a) = stack[top - 1], (y, b) = stack[top]
                    if op == .divide && y == 0 { return nil }
                    let value = op.apply(x, y)
                    guard a != -1 || b != -1 else {
                        stack[top - 1] = (value, -1)
                        continue
                    }
                    // The inputs are entered in the order `Tensor.record` enters them.
                    let first = entry(a, x)
                    let second = entry(b, y)
                    stack[top - 1] = (value, tape.append(op.op, first, second, scalar: value))
                }
            }
            let (x, code) = stack[0]
            if code >= 0 {
                return ScalarOperand(number: x, object: Unmanaged.passUnretained(tape), index: code, kind: .scalarNode)
            }
            return code == -1 ? Self.constant(x) : inputs[Int(-2 - code)]
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

    /// The result on numbers (`b` is ignored by `.negate`).
    @inline(__always)
    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .negate: return -a
        }
    }

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
