import Testing
@testable import Engine

/// `ScalarRecorder` against the same arithmetic on tensors: the same numbers, and the same
/// tape, entry for entry (constants, variable imports, cuts of an overlong graph included).
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

    /// Every entry of a result's tape, written out.
    static func entries(_ t: Tensor) -> [String] {
        guard case .node(let tape, _) = t.origin else { return ["no tape: \(t.scalar!)"] }
        return tape.entries.map { "\($0.op.name) \($0.a) \($0.b) \($0.c) \($0.scalar.bitPattern)" }
    }

    /// Runs `e` both ways, each on a fresh graph after `prepare` (which makes the bound
    /// values), and compares values and tapes.
    static func check(_ e: Expression, _ prepare: () throws -> [Tensor]) throws {
        Graph.closeCurrent()
        let general = try viaTensors(e, try prepare())
        let generalEntries = entries(general)
        Graph.closeCurrent()
        let recorded = viaRecorder(e, try prepare())
        #expect(recorded.scalar!.bitPattern == general.scalar!.bitPattern)
        #expect(recorded.isTracked == general.isTracked)
        #expect(entries(recorded) == generalEntries)
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
        let recorded = Graph.withoutRecording { Self.viaRecorder(Self.logistic, [x.tensor]) }
        #expect(!general.isTracked && !recorded.isTracked)
        #expect(recorded.scalar! == general.scalar!)
    }

    @Test func onlyTheDifferentiatedVariableIsTracked() throws {
        let x = Variable(0.25), y = Variable(2)
        let e = Self.logistic * .bound(1)
        let general = try Graph.isolated(differentiating: x) { Self.entries(try Self.viaTensors(e, [x.tensor, y.tensor])) }
        let recorded = Graph.isolated(differentiating: x) { Self.entries(Self.viaRecorder(e, [x.tensor, y.tensor])) }
        #expect(recorded == general)
        #expect(recorded.contains { $0.hasPrefix("leaf") })
    }

    @Test func anOverlongGraphIsCutWhereTensorsCutIt() throws {
        let saved = Limits.maxOperations
        defer { Limits.maxOperations = saved }
        Limits.maxOperations = 4
        let x = Variable(0.3)
        // Seven entries: the graph is cut in the middle of the expression, and the operands
        // recorded before the cut come into the new graph as constants.
        for run in [{ try Self.viaTensors(Self.logistic, [x.tensor]) }, { Self.viaRecorder(Self.logistic, [x.tensor]) }] {
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
