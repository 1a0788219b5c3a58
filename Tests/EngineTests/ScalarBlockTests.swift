import Testing
@_spi(Runtime) import Engine

/// `ScalarRecorder.run` on a `ScalarBlock` against the same assignments run one at a time
/// (each program through `evaluate`, its result made a tensor and labelled, as an
/// interpreter binding names does): the same numbers, the same graph behind every register,
/// node for node and label for label, with the same gradients after a backward pass, the
/// same room left on the graph; and where a block stops.
@Suite(.serialized) struct ScalarBlockTests {
    typealias Expression = ScalarRecorderTests.Expression
    /// `register = expression` (whose `.bound(r)` reads register `r`), labelled `name`.
    typealias Assignment = (register: Int, expression: Expression, name: String)

    static func steps(_ e: Expression) -> [ScalarProgram.Step] {
        switch e {
        case .number(let x): return [.constant(x)]
        case .bound(let r): return [.input(r)]
        case .negate(let a): return steps(a) + [.apply(.negate)]
        case .apply(let op, let a, let b): return steps(a) + steps(b) + [.apply(op)]
        }
    }

    static func block(_ assignments: [Assignment], registerCount: Int) -> ScalarBlock {
        ScalarBlock(assignments.map { .init(program: ScalarProgram(steps($0.expression)), target: $0.register, label: Label($0.name)) },
                    registerCount: registerCount)
    }

    /// The passes one assignment at a time; nil at a zero divisor.
    static func oneByOne(_ assignments: [Assignment], _ registers: [Tensor], counter: Int, passes: Range<Int>) -> [Tensor]? {
        var registers = registers
        for i in passes {
            registers[counter] = Tensor(Double(i))
            for assignment in assignments {
                var recorder = ScalarRecorder()
                let operands = registers.map { ScalarRecorder.operand($0)! }
                let program = ScalarProgram(steps(assignment.expression))
                guard let result = operands.withUnsafeBufferPointer({ recorder.evaluate(program, $0.baseAddress!) }) else { return nil }
                let tensor = recorder.tensor(result)
                tensor.setLabel(Label(assignment.name))
                registers[assignment.register] = tensor
            }
        }
        return registers
    }

    /// The passes as one block, the registers made tensors afterwards.
    static func asBlock(_ assignments: [Assignment], _ registers: [Tensor], counter: Int,
                        passes: Range<Int>) -> (registers: [Tensor], ran: (passes: Int, assignments: Int)) {
        var recorder = ScalarRecorder()
        var operands = registers.map { ScalarRecorder.operand($0)! }
        let block = block(assignments, registerCount: registers.count)
        let ran = operands.withUnsafeMutableBufferPointer { recorder.run(block, $0.baseAddress!, counter: counter, over: passes) }
        return withExtendedLifetime(registers) { (operands.map { recorder.tensor($0) }, ran) }
    }

    /// What a user sees of the registers a way leaves (on a fresh graph each, opened by
    /// `prepare`, which makes the registers): their numbers bit for bit, whether each is
    /// tracked, the graph behind each, the gradients a backward pass from the last
    /// assignment's register leaves on its graph, and the room left on the open graph,
    /// measured on another fresh graph.
    static func observe(_ assignments: [Assignment], counter: Int, passes: Range<Int>, _ prepare: () throws -> [Tensor],
                        _ way: ([Assignment], [Tensor], Int, Range<Int>) -> [Tensor]) throws -> [String] {
        Graph.closeCurrent()
        let registers = way(assignments, try prepare(), counter, passes)
        // A register that still holds a variable shows the variable's gradient, which the
        // other way's backward pass added to.
        for register in registers { register.variable?.zeroGrad() }
        var seen = registers.map { "\($0.scalar!.bitPattern) tracked \($0.isTracked)" }
        seen += registers.flatMap(Observed.graph)
        let last = registers[assignments.last!.register]
        try last.backward()
        seen += Observed.graph(last)
        Graph.closeCurrent()
        let room = try Observed.withOperationLimit(4_000) { () throws -> Int in
            _ = way(assignments, try prepare(), counter, passes)
            return try Observed.room()
        }
        Graph.closeCurrent()
        return seen + ["room \(room)"]
    }

    /// Runs both ways and compares what each shows.
    static func check(_ assignments: [Assignment], counter: Int, passes: Range<Int>, _ prepare: () throws -> [Tensor]) throws {
        let expected = try observe(assignments, counter: counter, passes: passes, prepare) {
            oneByOne($0, $1, counter: $2, passes: $3)!
        }
        let actual = try observe(assignments, counter: counter, passes: passes, prepare) {
            let (registers, ran) = asBlock($0, $1, counter: $2, passes: $3)
            #expect(ran == (passes.count, 0))
            return registers
        }
        #expect(actual == expected)
    }

    static let logistic: Expression = .number(3.7) * .bound(0) * (.number(1) - .bound(0))

    @Test func aBlockRecordsWhatItsAssignmentsRecordInTurn() throws {
        let x = Variable(0.3), w = Variable(1.5)
        // From a variable, imported on the first pass; the counter (register 1) unread. A
        // block starts no graph, so one is opened first.
        try Self.check([(0, Self.logistic, "x")], counter: 1, passes: 0..<40) {
            _ = try w.tensor + 0
            return [x.tensor, Tensor(0)]
        }
        // Two names reading each other, the counter, a variable they never write, and a
        // node of an earlier graph (a constant here).
        let older = try w.tensor * 2
        Graph.closeCurrent()
        try Self.check([
            (1, .bound(0) * .bound(2) - .bound(1) / .number(3) + .bound(4), "b"),
            (0, .bound(1) + .negate(.bound(0) * .number(0.5)) - .bound(3), "a"),
        ], counter: 2, passes: 3..<23) { [try x.tensor + 1, Tensor(0.5), Tensor(0), w.tensor, older] }
    }

    @Test func aBlockStopsWhereTheGraphHasNoRoom() throws {
        try Observed.withOperationLimit(50) {
            let x = Variable(0.3)
            let assignments: [Assignment] = [(0, Self.logistic, "x")]
            // Ten passes do not fit: one at a time, the graph is cut during the last of them.
            Graph.closeCurrent()
            let cuts = Graph.truncations
            let expected = Self.oneByOne(assignments, [try x.tensor * 1, Tensor(0)], counter: 1, passes: 0..<10)!
            let expectedCuts = Graph.truncations - cuts
            #expect(expectedCuts == 1)
            // The block runs the passes that fit, without cutting the graph, and stops.
            Graph.closeCurrent()
            let start = Graph.truncations
            let (stopped, ran) = Self.asBlock(assignments, [try x.tensor * 1, Tensor(0)], counter: 1, passes: 0..<10)
            #expect(Graph.truncations == start)
            #expect(ran.passes > 0 && ran.passes < 10 && ran.assignments == 0)
            #expect(stopped[1].scalar == Double(ran.passes - 1))
            // The caller runs the rest its own way: the same registers, graphs and cut as
            // running every pass one at a time.
            let finished = Self.oneByOne(assignments, stopped, counter: 1, passes: ran.passes..<10)!
            #expect(Graph.truncations - start == expectedCuts)
            #expect(finished.map { $0.scalar!.bitPattern } == expected.map { $0.scalar!.bitPattern })
            #expect(finished.flatMap(Observed.graph) == expected.flatMap(Observed.graph))
            Graph.closeCurrent()
        }
    }

    @Test func aBlockStopsAtAZeroDivisorAndAtAResultWithNoHistory() throws {
        let x = Variable(3), y = Variable(0)
        Graph.closeCurrent()
        _ = try x.tensor * 1   // opens a graph
        let dividing = Self.asBlock([(0, .bound(0) - .number(1), "x"), (1, .bound(1) + .number(1) / .bound(0), "y")],
                                    [x.tensor, y.tensor, Tensor(0)], counter: 2, passes: 0..<5)
        // x: 2, 1, 0; y: 0.5, 1.5, and then the division by zero.
        #expect(dividing.ran == (2, 1))
        #expect(dividing.registers.map(\.scalar!) == [0, 1.5, 2])
        Graph.closeCurrent()
        _ = try x.tensor * 1
        let counting = Self.asBlock([(0, Self.logistic, "x"), (1, .bound(2) * .number(2), "y")],
                                    [x.tensor, y.tensor, Tensor(0)], counter: 2, passes: 7..<9)
        #expect(counting.ran == (0, 1))
        #expect(counting.registers[0].scalar == 3.7 * 3 * (1 - 3))
        #expect(counting.registers[1].isVariable)
        Graph.closeCurrent()
    }

    @Test func aBlockRecordsNothingWithoutAnOpenGraph() throws {
        let x = Variable(0.3)
        let block = { Self.asBlock([(0, Self.logistic, "x")], [x.tensor, Tensor(0)], counter: 1, passes: 0..<3) }
        try Observed.withOperationLimit(40) {
            // With no graph open, nothing is recorded: a graph started afterwards has all its room.
            Graph.closeCurrent()
            let fresh = try Observed.room()
            Graph.closeCurrent()
            let closed = block()
            #expect(closed.ran == (0, 0))
            #expect(closed.registers[0].isVariable)
            #expect(try Observed.room() == fresh)
            // Without recording, the open graph is left as it was: the room it had.
            Graph.closeCurrent()
            _ = try x.tensor * 1
            let room = try Observed.room()
            Graph.closeCurrent()
            _ = try x.tensor * 1
            let unrecorded = Graph.withoutRecording(block)
            #expect(unrecorded.ran == (0, 0))
            #expect(try Observed.room() == room)
            Graph.closeCurrent()
        }
    }
}
