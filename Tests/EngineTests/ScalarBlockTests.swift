import Testing
@_spi(Runtime) @testable import Engine

/// `ScalarRecorder.run` on a `ScalarBlock` against the same assignments run one at a time
/// (each program through `evaluate`, its result made a tensor and labelled, as an
/// interpreter binding names does): the same numbers, and the same tape, entry for entry
/// and label for label; and where a block stops.
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

    /// Every entry of a result's tape with its label.
    static func entries(_ t: Tensor) -> [String] {
        guard case .node(let tape, _) = t.origin else { return ["no tape: \(t.scalar!)"] }
        return tape.entries.indices.map { k in
            let entry = tape.entries[k]
            return "\(entry.op.name) \(entry.a) \(entry.b) \(entry.scalar.bitPattern) \(tape.label(Int32(k))?.name ?? "-")"
        }
    }

    /// Runs both ways on a fresh graph each (opened by `prepare`, which makes the registers)
    /// and compares registers and tapes.
    static func check(_ assignments: [Assignment], counter: Int, passes: Range<Int>, _ prepare: () throws -> [Tensor]) throws {
        Graph.closeCurrent()
        let expected = oneByOne(assignments, try prepare(), counter: counter, passes: passes)!
        Graph.closeCurrent()
        let (actual, ran) = asBlock(assignments, try prepare(), counter: counter, passes: passes)
        #expect(ran == (passes.count, 0))
        for (a, e) in zip(actual, expected) {
            #expect(a.scalar!.bitPattern == e.scalar!.bitPattern)
            #expect(a.isTracked == e.isTracked)
        }
        #expect(entries(actual[assignments.last!.register]) == entries(expected[assignments.last!.register]))
        Graph.closeCurrent()
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
        let saved = Limits.maxOperations
        defer { Limits.maxOperations = saved }
        Limits.maxOperations = 50
        let x = Variable(0.3)
        let assignments: [Assignment] = [(0, Self.logistic, "x")]
        // Nine entries at most a pass (three operations and their operands).
        Graph.closeCurrent()
        let start = [try x.tensor * 1, Tensor(0)]
        let recorded = GraphContext.current.tape!.count
        let (actual, ran) = Self.asBlock(assignments, start, counter: 1, passes: 0..<10)
        #expect(ran == ((50 - recorded) / 9, 0))
        #expect(ran.passes > 0)
        Graph.closeCurrent()
        let expected = Self.oneByOne(assignments, [try x.tensor * 1, Tensor(0)], counter: 1, passes: 0..<ran.passes)!
        #expect(Self.entries(actual[0]) == Self.entries(expected[0]))
        #expect(actual[1].scalar == Double(ran.passes - 1))
        Graph.closeCurrent()
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
        Graph.closeCurrent()
        let closed = Self.asBlock([(0, Self.logistic, "x")], [x.tensor, Tensor(0)], counter: 1, passes: 0..<3)
        #expect(closed.ran == (0, 0))
        #expect(GraphContext.current.tape == nil)
        #expect(closed.registers[0].isVariable)
        _ = try x.tensor * 1
        let before = GraphContext.current.tape?.count
        let unrecorded = Graph.withoutRecording {
            Self.asBlock([(0, Self.logistic, "x")], [x.tensor, Tensor(0)], counter: 1, passes: 0..<3)
        }
        #expect(unrecorded.ran == (0, 0))
        #expect(before != nil && GraphContext.current.tape?.count == before)
        Graph.closeCurrent()
    }
}
