/// Assignments of arithmetic on numbers to registers, run in order: the body of a loop such
/// as `x = 3.7 * x * (1 - x)`, for `ScalarRecorder.run(_:_:counter:over:)` to record many
/// passes of it in one call.
///
/// Each program reads its inputs from the registers (input `k` is register `k`), and its
/// result replaces its target register, labelled with the name it is bound to. Between
/// passes the registers stay in the form the code runs on, so a pass costs no tensor
/// handle, no look at the thread's graph and no reference count: what it leaves is the
/// entries on the tape, exactly those that running each assignment's program in turn would
/// append.
///
/// The `make bench` rows "scalar loop, 1,000,000 steps, top level" and "... in a function"
/// are this path: a step of the loop went from 1,144 instructions to 323
/// (`make bench-instructions`), and the loop in a function from about 0.13 s to 0.067 s.
@_spi(Runtime) public struct ScalarBlock: Sendable {
    public struct Assignment: Sendable {
        public let program: ScalarProgram
        public let target: Int
        /// The label its result gets on the tape (the name it is bound to).
        public let label: Label?

        public init(program: ScalarProgram, target: Int, label: Label?) {
            precondition(target >= 0, "ScalarBlock: negative register")
            self.program = program
            self.target = target
            self.label = label
        }
    }

    /// What happens after each assignment's instructions: where they end, where their
    /// result is, and the register and label it goes to.
    struct Store: Sendable {
        let end: Int
        let result: Int32
        let target: Int32
        let label: Label?
    }

    public let assignments: [Assignment]
    /// How many registers there are.
    public let registerCount: Int
    /// The most entries one pass appends.
    let entryBound: Int
    /// The programs lowered together, the registers as their inputs.
    let code: ScalarCode
    let stores: [Store]

    /// Assignments on `registerCount` registers, which their inputs and targets stay within.
    public init(_ assignments: [Assignment], registerCount: Int) {
        precondition(assignments.allSatisfy { $0.program.inputCount <= registerCount && $0.target < registerCount },
                     "ScalarBlock: an assignment reads or writes past register \(registerCount - 1)")
        self.assignments = assignments
        self.registerCount = registerCount
        entryBound = assignments.reduce(0) { $0 + $1.program.entryBound }
        let code = ScalarCode(inputCount: registerCount, assignments.map { $0.program.steps })
        self.code = code
        stores = assignments.indices.map { k in
            Store(end: code.ends[k], result: code.results[k], target: Int32(assignments[k].target), label: assignments[k].label)
        }
    }
}
