import Testing
@_spi(Runtime) import Engine

/// `ScalarRecorder`, operation by operation and as one `ScalarProgram`, against the same
/// arithmetic on tensors: the same numbers, the same graph behind the result (constants and
/// variable imports included) with the same gradients on it, and the same cuts of an
/// overlong graph.
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

    /// What a user sees of `way`'s result on a fresh graph (after `prepare`, which makes
    /// the bound values): its number bit for bit, whether it is tracked, the graph behind it
    /// before and after a backward pass, and the room left on the open graph afterwards,
    /// measured on another fresh graph (so that the graph is cut where the same operations
    /// would cut it).
    static func observe(_ e: Expression, _ way: (Expression, [Tensor]) throws -> Tensor,
                        _ prepare: () throws -> [Tensor]) throws -> [String] {
        Graph.closeCurrent()
        let result = try way(e, try prepare())
        let before = Observed.graph(result)
        try result.backward()
        let after = Observed.graph(result)
        Graph.closeCurrent()
        let room = try Observed.withOperationLimit(64) { () throws -> Int in
            _ = try way(e, try prepare())
            return try Observed.room()
        }
        Graph.closeCurrent()
        return ["\(result.scalar!.bitPattern) tracked \(result.isTracked)", "room \(room)"] + before + after
    }

    /// Runs `e` the three ways and compares what each shows.
    static func check(_ e: Expression, _ prepare: () throws -> [Tensor]) throws {
        let general = try observe(e, viaTensors, prepare)
        for way in [viaRecorder, viaProgram] {
            #expect(try observe(e, way, prepare) == general)
        }
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
        func graph(_ way: (Expression, [Tensor]) throws -> Tensor) throws -> [String] {
            try Graph.isolated(differentiating: x) { () throws -> [String] in
                let result = try way(e, [x.tensor, y.tensor])
                let before = Observed.graph(result)
                try result.backward()
                return before + Observed.graph(result)
            }
        }
        let general = try graph(Self.viaTensors)
        // x is the one leaf; y comes in as the constant 2.
        let nodes = general.prefix(general.count / 2)
        #expect(nodes.filter { $0.hasPrefix("leaf") }.count == 1)
        #expect(nodes.contains { $0.hasPrefix("const [] - \(Observed.bits(NDArray(2)))") })
        for way in [Self.viaRecorder, Self.viaProgram] {
            #expect(try graph(way) == general)
        }
    }

    @Test func anOverlongGraphIsCutWhereTensorsCutIt() throws {
        let saved = Limits.maxOperations
        defer { Limits.maxOperations = saved }
        Limits.maxOperations = 4
        let x = Variable(0.3)
        // Seven nodes: the graph is cut in the middle of the expression, and the operands
        // recorded before the cut come into the new graph as constants.
        for run in [{ try Self.viaTensors(Self.logistic, [x.tensor]) }, { Self.viaRecorder(Self.logistic, [x.tensor]) },
                    { Self.viaProgram(Self.logistic, [x.tensor]) }] {
            Graph.closeCurrent()
            let before = Graph.truncations
            let result = try run()
            #expect(Graph.truncations - before == 1)
            #expect(Observed.graph(result) == [
                "const [] - \(Observed.bits(NDArray(3.7 * 0.3))) grad none", "const [] - \(Observed.bits(NDArray(1 - 0.3))) grad none",
                "* [0, 1] - \(Observed.bits(NDArray(result.scalar!))) grad none",
            ])
        }
    }

    @Test func aProgramOnTheEdgeOfACutRecordsOperationByOperation() throws {
        // Room for some of the program's operations but not all: the cut falls where recording
        // operation by operation puts it, for every place the graph can stand (which operands
        // come into the new graph as constants shows where it fell).
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
            let cuts = Graph.truncations
            let general = Observed.graph(try Self.viaTensors(e, try prepare()))
            let generalCuts = Graph.truncations - cuts
            for way in [Self.viaRecorder, Self.viaProgram] {
                Graph.closeCurrent()
                let cuts = Graph.truncations
                #expect(Observed.graph(way(e, try prepare())) == general, "after \(before) operations")
                #expect(Graph.truncations - cuts == generalCuts, "after \(before) operations")
            }
        }
        Graph.closeCurrent()
    }

    @Test func aProgramStopsAtAZeroDivisor() throws {
        let x = Variable(0.3)
        // The product and the difference are recorded, as on tensors; the division is not:
        // the graph has the room those two operations leave.
        let expected = try Observed.withOperationLimit(32) { () throws -> Int in
            Graph.closeCurrent()
            _ = try x.tensor * 2
            _ = try x.tensor - x.tensor
            return try Observed.room()
        }
        let left = try Observed.withOperationLimit(32) { () throws -> Int in
            Graph.closeCurrent()
            var recorder = ScalarRecorder()
            #expect(Self.evaluate(.bound(0) * .number(2) / (.bound(0) - .bound(0)), [x.tensor], &recorder) == nil)
            return try Observed.room()
        }
        #expect(left == expected)
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
        // afresh, and the graph is the one their tensors would give.
        let x = Variable(0.3), y = Variable(-1.5)
        let operands = [ScalarRecorder.operand(x)!, ScalarRecorder.operand(y)!]
        for _ in 0..<3 {
            Graph.closeCurrent()
            let general = try Self.viaTensors(Self.logistic * .bound(1), [x.tensor, y.tensor])
            let generalGraph = Observed.graph(general)
            try general.backward()
            let generalGradients = Observed.graph(general)
            x.zeroGrad()
            y.zeroGrad()
            var recorder = ScalarRecorder()
            let product = recorder.record(.multiply, recorder.record(.multiply, ScalarRecorder.constant(3.7), operands[0]),
                                          recorder.record(.subtract, ScalarRecorder.constant(1), operands[0]))
            let recorded = recorder.tensor(recorder.record(.multiply, product, operands[1]))
            #expect(Observed.graph(recorded) == generalGraph)
            try recorded.backward()
            #expect(Observed.graph(recorded) == generalGradients)
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
