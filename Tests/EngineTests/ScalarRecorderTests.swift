import Testing
@_spi(Runtime) @testable import Engine

/// `ScalarRecorder`, operation by operation and as one `ScalarProgram`, against the same
/// arithmetic on tensors: the same numbers, and the same tape, entry for entry (constants,
/// variable imports, cuts of an overlong graph included).
@Suite(.serialized) struct ScalarRecorderTests {
    /// An expression over numbers and bound tensors (`bound[i]`).
    indirect enum Expression: Sendable {
        case number(Double)
        case bound(Int)
        case apply(ScalarOperation, Expression, Expression)
        case negate(Expression)

        static func * (a: Expression, b: Expression) -> Expression { .apply(.multiply, a, b) }
        static func + (a: Expression, b: Expression) -> Expression { .apply(.add, a, b) }
        static func - (a: Expression, b: Expression) -> Expression { .apply(.subtract, a, b) }
        static func / (a: Expression, b: Expression) -> Expression { .apply(.divide, a, b) }
    }

    static func viaTensors(_ e: Expression, _ bound: [Tensor]) throws -> Tensor {
        switch e {
        case .number(let x): return Tensor(x)
        case .bound(let i): return bound[i]
        case .negate(let a): return -(try viaTensors(a, bound))
        case .apply(let op, let a, let b):
            let x = try viaTensors(a, bound), y = try viaTensors(b, bound)
            switch op {
            case .add: return try x + y
            case .subtract: return try x - y
            case .multiply: return try x * y
            case .divide: return try x / y
            case .negate: return -x
            }
        }
    }

    static func viaRecorder(_ e: Expression, _ bound: [Tensor]) -> Tensor {
        var recorder = ScalarRecorder()
        let result = operand(e, bound, &recorder)
        return recorder.tensor(result)
    }

    static func operand(_ e: Expression, _ bound: [Tensor], _ recorder: inout ScalarRecorder) -> ScalarOperand {
        switch e {
        case .number(let x): return ScalarRecorder.constant(x)
        case .bound(let i): return ScalarRecorder.operand(bound[i])!
        case .negate(let a): return recorder.negate(operand(a, bound, &recorder))
        case .apply(let op, let a, let b):
            let x = operand(a, bound, &recorder)
            return recorder.record(op, x, operand(b, bound, &recorder))
        }
    }

    /// The expression as one `ScalarProgram` whose inputs are the bound tensors.
    static func viaProgram(_ e: Expression, _ bound: [Tensor]) -> Tensor {
        var recorder = ScalarRecorder()
        guard let result = evaluate(e, bound, &recorder) else { fatalError("a zero divisor") }
        return recorder.tensor(result)
    }

    static func evaluate(_ e: Expression, _ bound: [Tensor], _ recorder: inout ScalarRecorder) -> ScalarOperand? {
        var steps: [ScalarProgram.Step] = []
        func compile(_ e: Expression) {
            switch e {
            case .number(let x): steps.append(.constant(x))
            case .bound(let i): steps.append(.input(i))
            case .negate(let a): compile(a); steps.append(.apply(.negate))
            case .apply(let op, let a, let b): compile(a); compile(b); steps.append(.apply(op))
            }
        }
        compile(e)
        let operands = bound.map { ScalarRecorder.operand($0)! } + [ScalarRecorder.constant(0)]
        return operands.withUnsafeBufferPointer { recorder.evaluate(ScalarProgram(steps), $0.baseAddress!) }
    }

    /// Every entry of a result's tape, written out.
    static func entries(_ t: Tensor) -> [String] {
        guard case .node(let tape, _) = t.origin else { return ["no tape: \(t.scalar!)"] }
        return tape.entries.map { "\($0.op.name) \($0.a) \($0.b) \($0.c) \($0.scalar.bitPattern)" }
    }

    /// Runs `e` the three ways, each on a fresh graph after `prepare` (which makes the bound
    /// values), and compares values and tapes.
    static func check(_ e: Expression, _ prepare: () throws -> [Tensor]) throws {
        Graph.closeCurrent()
        let general = try viaTensors(e, try prepare())
        let generalEntries = entries(general)
        for way in [viaRecorder, viaProgram] {
            Graph.closeCurrent()
            let recorded = way(e, try prepare())
            #expect(recorded.scalar!.bitPattern == general.scalar!.bitPattern)
            #expect(recorded.isTracked == general.isTracked)
            #expect(entries(recorded) == generalEntries)
        }
        Graph.closeCurrent()
    }

    static let logistic: Expression = .number(3.7) * .bound(0) * (.number(1) - .bound(0))

    @Test func constantsAloneRecordNothing() throws {
        try Self.check(.number(2) * .number(3) - .negate(.number(4)) / .number(8)) { [] }
    }

    @Test func variablesAreImportedOncePerGraph() throws {
        let x = Variable(0.3, name: "x"), y = Variable(-1.5, name: "y")
        try Self.check(Self.logistic + .bound(1) * .bound(0) / .bound(1)) { [x.tensor, y.tensor] }
    }

    @Test func nodesOfTheOpenGraphAreUsedInPlace() throws {
        let w = Variable(0.5)
        try Self.check(Self.logistic - .negate(.bound(0))) { [try w.tensor * 2 + 1] }
    }

    @Test func valuesOfAnotherGraphComeInAsConstants() throws {
        let w = Variable(0.5)
        try Self.check(Self.logistic * .bound(1)) {
            let old = try w.tensor * 2
            Graph.closeCurrent()
            return [old, try w.tensor + 1]
        }
    }

    @Test func nothingIsRecordedWithoutRecording() throws {
        let x = Variable(0.25)
        let general = try Graph.withoutRecording { try Self.viaTensors(Self.logistic, [x.tensor]) }
        for way in [Self.viaRecorder, Self.viaProgram] {
            let recorded = Graph.withoutRecording { way(Self.logistic, [x.tensor]) }
            #expect(!general.isTracked && !recorded.isTracked)
            #expect(recorded.scalar! == general.scalar!)
        }
    }

    @Test func onlyTheDifferentiatedVariableIsTracked() throws {
        let x = Variable(0.25), y = Variable(2)
        let e = Self.logistic * .bound(1)
        let general = try Graph.isolated(differentiating: x) { Self.entries(try Self.viaTensors(e, [x.tensor, y.tensor])) }
        for way in [Self.viaRecorder, Self.viaProgram] {
            let recorded = Graph.isolated(differentiating: x) { Self.entries(way(e, [x.tensor, y.tensor])) }
            #expect(recorded == general)
            #expect(recorded.contains { $0.hasPrefix("leaf") })
        }
    }

    @Test func anOverlongGraphIsCutWhereTensorsCutIt() throws {
        let saved = Limits.maxOperations
        defer { Limits.maxOperations = saved }
        Limits.maxOperations = 4
        let x = Variable(0.3)
        // Seven entries: the graph is cut in the middle of the expression, and the operands
        // recorded before the cut come into the new graph as constants.
        for run in [{ try Self.viaTensors(Self.logistic, [x.tensor]) }, { Self.viaRecorder(Self.logistic, [x.tensor]) },
                    { Self.viaProgram(Self.logistic, [x.tensor]) }] {
            Graph.closeCurrent()
            let before = Graph.truncations
            let result = try run()
            #expect(Graph.truncations - before == 1)
            #expect(Self.entries(result) == [
                "const -1 -1 -1 \(Double(3.7 * 0.3).bitPattern)", "const -1 -1 -1 \(Double(1 - 0.3).bitPattern)",
                "* 0 1 -1 \(result.scalar!.bitPattern)",
            ])
        }
    }

    @Test func aProgramOnTheEdgeOfACutRecordsOperationByOperation() throws {
        // Room for some of the program's entries but not all: the cut falls where recording
        // operation by operation puts it, for every place the graph can stand.
        let saved = Limits.maxOperations
        defer { Limits.maxOperations = saved }
        Limits.maxOperations = 9
        let w = Variable(0.5)
        let e: Expression = Self.logistic * .bound(1) - .negate(.bound(0))
        for before in 0..<9 {
            let prepare = { () throws -> [Tensor] in
                var node = try w.tensor * 1
                for _ in 0..<before { node = try node * 1 }
                return [node, try w.tensor + 2]
            }
            Graph.closeCurrent()
            let general = try Self.viaTensors(e, try prepare())
            Graph.closeCurrent()
            let programmed = Self.viaProgram(e, try prepare())
            #expect(Self.entries(programmed) == Self.entries(general), "after \(before) operations")
        }
    }

    @Test func aProgramStopsAtAZeroDivisor() throws {
        Graph.closeCurrent()
        let x = Variable(0.3)
        var recorder = ScalarRecorder()
        #expect(Self.evaluate(.bound(0) * .number(2) / (.bound(0) - .bound(0)), [x.tensor], &recorder) == nil)
        // The product (with x's import and the constant) and the difference were recorded;
        // the division was not.
        #expect(GraphContext.current.tape.map { Self.entries(Tensor(node: $0, 0, scalar: 0)) }?.map { $0.prefix(5) } == [
            "leaf ", "const", "* 0 1", "- 0 0",
        ])
        Graph.closeCurrent()
    }

    @Test func gradientsFlowThroughRecordedArithmetic() throws {
        let x = Variable(0.3)
        let y = Self.viaRecorder(Self.logistic, [x.tensor])
        try y.backward()
        // d/dx 3.7 x (1 − x) = 3.7 (1 − 2x)
        #expect(abs(x.grad!.scalar! - 3.7 * (1 - 2 * 0.3)) < 1e-15)
    }

    @Test func variableOperandsServeGraphAfterGraph() throws {
        // Made once, as micrograd-style code makes them: each graph imports the variables
        // afresh, and the tape is the one their tensors would give.
        let x = Variable(0.3), y = Variable(-1.5)
        let operands = [ScalarRecorder.operand(x)!, ScalarRecorder.operand(y)!]
        for _ in 0..<3 {
            Graph.closeCurrent()
            let general = try Self.viaTensors(Self.logistic * .bound(1), [x.tensor, y.tensor])
            let generalEntries = Self.entries(general)
            Graph.closeCurrent()
            var recorder = ScalarRecorder()
            let product = recorder.record(.multiply, recorder.record(.multiply, ScalarRecorder.constant(3.7), operands[0]),
                                          recorder.record(.subtract, ScalarRecorder.constant(1), operands[0]))
            let recorded = recorder.tensor(recorder.record(.multiply, product, operands[1]))
            #expect(Self.entries(recorded) == generalEntries)
            try recorded.backward()
            // d/dx 3.7 x (1 − x) y = 3.7 (1 − 2x) y, and d/dy = 3.7 x (1 − x)
            #expect(abs(x.grad!.scalar! - 3.7 * (1 - 2 * 0.3) * -1.5) < 1e-14)
            #expect(abs(y.grad!.scalar! - 3.7 * 0.3 * 0.7) < 1e-15)
            x.zeroGrad()
            y.zeroGrad()
        }
        #expect(ScalarRecorder.operand(Variable(NDArray([1, 2]))) == nil)
    }

    @Test func operandsAreScalarsOnly() {
        #expect(ScalarRecorder.operand(Tensor(shape: [2], values: [1, 2])) == nil)
        #expect(ScalarRecorder.operand(Variable(NDArray([1, 2])).tensor) == nil)
        #expect(ScalarRecorder.operand(Variable(NDArray([1])).tensor) == nil)
        #expect(ScalarRecorder.operand(Variable(4).tensor)?.number == 4)
    }
}
