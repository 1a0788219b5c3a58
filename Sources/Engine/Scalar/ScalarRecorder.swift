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
/// a whole expression at once (a `ScalarProgram`), which is how the interpreter records an
/// expression, and `run(_:_:counter:over:)` many passes of a loop body of assignments (a
/// `ScalarBlock`), which is how it records such a loop.
///
/// A speed path, for the runtime only (`@_spi(Runtime)`): tensor arithmetic gives the same
/// graphs. What it buys shows in `make bench` as the rows "scalar graphs, one operation at a
/// time" against "scalar graphs, tensor operators" (about twice the nodes a second), and in
/// the scalar loop rows (a notebook loop went from 0.201 s to 0.174 s when arithmetic on
/// numbers first recorded this way). Importing variables borrowed (`operand(_:)` takes no
/// reference) took the one-operation-at-a-time row from 20 M to 28 M nodes a second.
@_spi(Runtime) public struct ScalarRecorder: ~Copyable {
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
    public mutating func record(_ operation: ScalarOperation, _ a: ScalarOperand, _ b: ScalarOperand) -> ScalarOperand {
        record(operation.op, a, b)
    }

    @inline(__always)
    private mutating func record(_ op: Op, _ a: ScalarOperand, _ b: ScalarOperand) -> ScalarOperand {
        let value = op.value(a.number, b.number)
        let unary: Bool
        if case .negate = op { unary = true } else { unary = false }
        guard a.isTracked || (!unary && b.isTracked), let tape = lendTape() else { return Self.constant(value) }
        return tape._withUnsafeGuaranteedRef { tape in
            // The inputs are entered in the order `Tensor.record` enters them.
            let first = tape.entry(for: a)
            let second = unary ? -1 : tape.entry(for: b)
            let index = tape.append(op, first, second, scalar: value)
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
        let code = program.code
        if let tape {
            return tape._withUnsafeGuaranteedRef { tape in
                withUnsafeTemporaryAllocation(of: ScalarTemporary.self, capacity: code.temporaryCount) { temporaries in
                    let temporaries = temporaries.baseAddress.unsafelyUnwrapped
                    Self.load(code, inputs, into: temporaries, on: tape)
                    let finished = code.instructions.withUnsafeBufferPointer {
                        tape.run($0, 0, $0.count, resultBase: code.resultBase, temporaries, externals: inputs)
                    }
                    return finished ? Self.operand(temporaries[Int(code.results[0])], on: tape, externals: inputs) : nil
                }
            }
        }
        // Not recording, no open graph, or one about to be cut: operation by operation.
        return withUnsafeTemporaryAllocation(of: ScalarOperand.self, capacity: code.temporaryCount) { temporaries in
            let temporaries = temporaries.baseAddress.unsafelyUnwrapped
            temporaries.update(from: inputs, count: code.inputCount)
            for (k, x) in code.constants.enumerated() { temporaries[code.inputCount + k] = Self.constant(x) }
            for (n, instruction) in code.instructions.enumerated() {
                let x = temporaries[Int(instruction.a)], y = temporaries[Int(instruction.b)]
                if instruction.operation == .divide && y.number == 0 { return nil }
                temporaries[code.resultBase + n] = record(instruction.operation, x, y)
            }
            return temporaries[Int(code.results[0])]
        }
    }

    /// Runs `block` once for each number of `passes`, which register `counter` holds during
    /// its pass, onto the open graph: each assignment's program evaluated on `registers` (at
    /// least `block.registerCount`), its result labelled and stored in its target register.
    /// Returns how many passes ran in full, and how many assignments of the next one. It
    /// stops early, with every register as the passes so far left it,
    /// - when the graph has no room for another pass, is not open, or recording is off:
    ///   the caller runs that pass its own way (which may cut or start a graph);
    /// - at an assignment whose divisor is zero, or whose result has no history (a number
    ///   computed from numbers alone, which a caller may bind differently): its register is
    ///   unchanged, and the entries before the division are recorded.
    ///
    /// Between passes, the registers stay in the form the code runs on, so a pass costs no
    /// look at the thread's graph, no check for room and no operand built. Results name the
    /// open tape without a reference: the caller turns registers into tensors
    /// (`tensor(_:)`) before anything can close it.
    public mutating func run(_ block: ScalarBlock, _ registers: UnsafeMutablePointer<ScalarOperand>,
                             counter: Int, over passes: Range<Int>) -> (passes: Int, assignments: Int) {
        precondition(counter >= 0 && counter < block.registerCount, "ScalarRecorder.run: no register \(counter)")
        let context = self.context ?? fetchContext()
        guard let (tape, room) = context._withUnsafeGuaranteedRef({ $0.openTapeWithRoom() }) else { return (0, 0) }
        let fitting = block.entryBound == 0 ? passes.count : Swift.min(passes.count, room / block.entryBound)
        guard fitting > 0 else { return (0, 0) }
        return tape._withUnsafeGuaranteedRef { tape in
            Self.run(block, registers, counter: counter, first: passes.lowerBound, count: fitting, on: tape)
        }
    }

    /// `count` passes of `block` onto `tape`, which has room for them all.
    private static func run(_ block: ScalarBlock, _ registers: UnsafeMutablePointer<ScalarOperand>,
                            counter: Int, first: Int, count: Int, on tape: Tape) -> (passes: Int, assignments: Int) {
        let code = block.code
        return withUnsafeTemporaryAllocation(of: ScalarTemporary.self, capacity: code.temporaryCount) { temporaries in
            let temporaries = temporaries.baseAddress.unsafelyUnwrapped
            load(code, registers, into: temporaries, on: tape)
            var passes = 0, assignments = 0
            code.instructions.withUnsafeBufferPointer { instructions in
                block.stores.withUnsafeBufferPointer { stores in
                    whole: while passes < count {
                        temporaries[counter] = ScalarTemporary(number: Double(first &+ passes), code: ScalarTemporary.noHistory)
                        var start = 0
                        assignments = 0
                        for store in stores {
                            guard tape.run(instructions, start, store.end, resultBase: code.resultBase, temporaries,
                                           externals: registers) else { break whole }
                            let result = temporaries[Int(store.result)]
                            guard result.code >= 0 else { break whole }
                            tape.setLabel(store.label, at: result.code)
                            temporaries[Int(store.target)] = result
                            start = store.end
                            assignments &+= 1
                        }
                        passes &+= 1
                    }
                }
            }
            // A register may still hold another's operand from outside (`y = x`): all are read
            // before any is written.
            withUnsafeTemporaryAllocation(of: ScalarOperand.self, capacity: code.inputCount) { updated in
                let updated = updated.baseAddress.unsafelyUnwrapped
                for r in 0..<code.inputCount { updated[r] = operand(temporaries[r], on: tape, externals: registers) }
                registers.update(from: updated, count: code.inputCount)
            }
            return (passes, passes == count ? 0 : assignments)
        }
    }

    /// Fills the inputs and constants of `code`'s temporaries, for running onto `tape`.
    @inline(__always)
    private static func load(_ code: ScalarCode, _ inputs: UnsafePointer<ScalarOperand>,
                             into temporaries: UnsafeMutablePointer<ScalarTemporary>, on tape: Tape) {
        let address = Unmanaged.passUnretained(tape).toOpaque()
        for k in 0..<code.inputCount { temporaries[k] = ScalarTemporary(inputs[k], external: k, on: address) }
        for (k, x) in code.constants.enumerated() {
            temporaries[code.inputCount + k] = ScalarTemporary(number: x, code: ScalarTemporary.noHistory)
        }
    }

    /// The operand a temporary of code run onto `tape` stands for.
    @inline(__always)
    private static func operand(_ temporary: ScalarTemporary, on tape: Tape, externals: UnsafePointer<ScalarOperand>) -> ScalarOperand {
        if temporary.code >= 0 {
            return ScalarOperand(number: temporary.number, object: Unmanaged.passUnretained(tape), index: temporary.code, kind: .scalarNode)
        }
        return temporary.code == ScalarTemporary.noHistory ? constant(temporary.number) : externals[Int(-2 - temporary.code)]
    }

    /// `-a`.
    public mutating func negate(_ a: ScalarOperand) -> ScalarOperand {
        record(ScalarOperation.negate, a, a)
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
