import Diagnostics
@_spi(Runtime) import Engine

/// The body of a `for` loop over a range whose every statement binds arithmetic on names
/// and numbers to a name (`x = 3.7 * x * (1 - x)`), run as one `ScalarBlock`: while the
/// loop runs, the names it reads and writes live in registers, and their slots get values
/// again when it ends or before a pass that must run the general way.
///
/// Statement by statement, each pass cost a look at the thread's graph per statement, a
/// tensor handle per result, releasing the value it replaced, and reading every name back
/// into an operand: together more than the arithmetic and its entries on the tape. A pass
/// of the block records the same entries, with the same labels, and nothing else.
///
/// A pass runs the general way, statement by statement, from where the block stopped, when
/// the block cannot take it (no graph open yet, one about to be cut, recording off, a zero
/// divisor, a result with no history, which binding makes a variable) or a name it reads
/// is not bound to a number; the next pass reads the names again. After four such passes
/// in a row the loop no longer tries the block, as for `ScalarProgramNode`.
final class ScalarLoopBody {
    private let block: ScalarBlock
    /// Where each register's name lives; register 0 is the loop variable.
    private let slots: [NameSlot]
    private static let loopRegister = 0
    /// The registers a pass reads before writing them, read from their slots.
    private let liveIn: [Int]
    /// The registers a pass writes, as bits, the loop variable's included.
    private let written: UInt64
    /// The statements, for a pass run the general way.
    private let statements: [SlotAssignmentNode]
    private var path = ScalarPath(true)

    var isOn: Bool { path.isOn }

    private init(block: ScalarBlock, slots: [NameSlot], liveIn: [Int], statements: [SlotAssignmentNode]) {
        self.block = block
        self.slots = slots
        self.liveIn = liveIn
        self.statements = statements
        written = block.assignments.reduce(1 << Self.loopRegister) { $0 | 1 << $1.target }
    }

    /// The block for `statements` with `loopVariable` as the loop's name, or nil unless each
    /// statement assigns a `ScalarProgramNode` to a name (and they use at most 64 names).
    static func compile(_ statements: [StatementNode], loopVariable: NameSlot) -> ScalarLoopBody? {
        var slots = [loopVariable]
        func register(_ slot: NameSlot) -> Int {
            if let r = slots.firstIndex(of: slot) { return r }
            slots.append(slot)
            return slots.count - 1
        }
        var assignments: [ScalarBlock.Assignment] = [], nodes: [SlotAssignmentNode] = []
        var writtenSoFar: Set<Int> = [loopRegister], liveIn: [Int] = []
        for statement in statements {
            guard let node = statement as? SlotAssignmentNode, let value = node.value as? ScalarProgramNode else { return nil }
            let registers = value.inputs.map(register)
            for r in registers where !writtenSoFar.contains(r) && !liveIn.contains(r) { liveIn.append(r) }
            let steps = value.program.steps.map { step -> ScalarProgram.Step in
                if case .input(let k) = step { return .input(registers[k]) }
                return step
            }
            let target = register(node.slot)
            writtenSoFar.insert(target)
            assignments.append(.init(program: ScalarProgram(steps), target: target, label: node.name))
            nodes.append(node)
        }
        guard !nodes.isEmpty, slots.count <= UInt64.bitWidth else { return nil }
        return ScalarLoopBody(block: ScalarBlock(assignments, registerCount: slots.count), slots: slots, liveIn: liveIn, statements: nodes)
    }

    /// Passes the block runs between two ticks of the budget: the clock is read every 1,024
    /// ticks anyway, and this is a fraction of a millisecond.
    private static let passesPerTick = 1024

    /// Runs the loop for `low..<high`, counting a tick of the budget for each pass, as
    /// `ForLoopNode` does.
    func run(from low: Int, to high: Int, _ interpreter: Interpreter, _ frame: Frame?, at range: SourceRange) throws(RuntimeError) {
        try withUnsafeTemporaryAllocation(of: ScalarOperand.self, capacity: slots.count) { (registers) throws(RuntimeError) in
            let registers = registers.baseAddress.unsafelyUnwrapped
            // A register the block only writes is read (to be handed back) before its first write.
            registers.initialize(repeating: ScalarRecorder.constant(0), count: slots.count)
            var recorder = ScalarRecorder()
            // The registers whose values are newer than their slots'.
            var held: UInt64 = 0
            // However the loop ends (the budget running out included), the names get their values.
            defer { store(held, registers, &recorder, interpreter, frame) }
            var loaded = path.isOn && load(registers, interpreter, frame)
            var i = low
            while i < high {
                var done = 0
                if loaded {
                    let end = i + Swift.min(high - i, Self.passesPerTick)
                    try interpreter.budget.tick(end - i, at: range)
                    let ran = recorder.run(block, registers, counter: Self.loopRegister, over: i..<end)
                    if ran.passes > 0 {
                        held |= written
                        path.succeeded()
                    }
                    i += ran.passes
                    if i == end { continue }
                    // Pass `i` stopped after `done` assignments: the rest of it the general way.
                    done = ran.assignments
                    for assignment in block.assignments[..<done] { held |= 1 << assignment.target }
                    store(held, registers, &recorder, interpreter, frame)
                    held = 0
                } else {
                    try interpreter.budget.tick(at: range)
                }
                slots[Self.loopRegister].store(.number(Double(i)), interpreter, frame)
                if path.isOn { path.missed() }
                for statement in statements[done...] {
                    _ = try statement.execute(interpreter, frame, displaying: false)
                }
                loaded = path.isOn && load(registers, interpreter, frame)
                i += 1
            }
        }
    }

    /// Reads the names a pass reads first into their registers; false when one is not
    /// bound to a number. No reference is taken: the slots keep the values alive, and the
    /// registers are written back before anything else can change a slot.
    private func load(_ registers: UnsafeMutablePointer<ScalarOperand>, _ interpreter: Interpreter, _ frame: Frame?) -> Bool {
        for r in liveIn {
            guard let operand = slots[r].operand(interpreter, frame) else { return false }
            registers[r] = operand
        }
        return true
    }

    /// Gives the names of the registers in `held` their values, while the graph their
    /// operands name is still the open one.
    private func store(_ held: UInt64, _ registers: UnsafeMutablePointer<ScalarOperand>, _ recorder: inout ScalarRecorder,
                       _ interpreter: Interpreter, _ frame: Frame?) {
        var bits = held
        while bits != 0 {
            let r = bits.trailingZeroBitCount
            bits &= bits - 1
            slots[r].store(.tensor(recorder.tensor(registers[r])), interpreter, frame)
        }
    }
}
