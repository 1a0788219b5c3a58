import Foundation
import Testing
import Engine

/// The scalar fast paths (numbers kept inline in handles and entries, the backward loop that
/// applies the rules to scalar entries without building arrays, the first backward pass
/// written straight into the tape, scalar gradients kept as numbers in variables) against
/// the general array paths, bit for bit; and the invariants that make tapes cheap to reuse.
@Suite struct ScalarPathTests {
    /// Every elementwise operation, as a function of two operands.
    static let operations: [(String, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("add", { try $0 + $1 }), ("subtract", { try $0 - $1 }), ("multiply", { try $0 * $1 }),
        ("divide", { try $0 / $1 }), ("negate", { a, _ in -a }), ("square", { a, _ in a.pow(2) }),
        ("power 1.5", { a, _ in a.abs().pow(1.5) }), ("power tensor", { try $0.abs().power($1) }),
        ("exp", { a, _ in a.exp() }), ("log", { a, _ in a.abs().log() }), ("sqrt", { a, _ in a.abs().sqrt() }),
        ("abs", { a, _ in a.abs() }), ("sigmoid", { a, _ in a.sigmoid() }), ("tanh", { a, _ in a.tanh() }),
        ("relu", { a, _ in a.relu() }), ("leaky relu", { a, _ in a.leakyRelu(slope: 0.1) }),
        ("maximum", { try Tensor.maximum($0, $1) }), ("minimum", { try Tensor.minimum($0, $1) }),
        ("clamp", { a, _ in a.clamped(-0.5, 0.5) }),
    ]

    /// A graph mixing every operation: each step combines the running value with a
    /// variable, so gradients flow through every rule and fan out to shared variables.
    static func expression(_ variables: [Tensor]) throws -> Tensor {
        var x = variables[0]
        for (i, (_, operation)) in operations.enumerated() {
            let other = variables[(i + 1) % variables.count]
            x = try (operation(x, other) * 0.5 + other).tanh() * 1.5
        }
        return x
    }

    static let numbers = [0.7, -1.3, 0.25, 2.1]

    /// Bit-identical, except that −0 and +0 count as the same: an array adjoint keeps its
    /// first contribution as it is, a scalar one adds it to +0, so where a rule gives −0 the
    /// general path shows −0 and the scalar path +0 (as before this suite was written).
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return (a + 0).bitPattern == (b + 0).bitPattern
    }

    @Test func scalarGraphsMatchOneElementArraysBitForBit() throws {
        // Rank 0: scalar entries, scalar rules. Shape [1]: array entries, general rules.
        let scalars = Self.numbers.map { Variable($0) }
        let arrays = Self.numbers.map { Variable(NDArray([$0])) }
        let fast = try Self.expression(scalars.map(\.tensor))
        let general = try Self.expression(arrays.map(\.tensor))
        #expect(fast.scalar!.bitPattern == general.scalar!.bitPattern)
        try fast.backward()
        try general.backward()
        for (s, a) in zip(scalars, arrays) {
            #expect(Self.same(s.grad!.scalar!, a.grad!.values[0]))
        }
        // Intermediate gradients as diagrams show them.
        let fastNodes = fast.computationGraph.nodes, generalNodes = general.computationGraph.nodes
        #expect(fastNodes.count == generalNodes.count)
        for (f, g) in zip(fastNodes, generalNodes) {
            #expect(f.operation == g.operation)
            #expect(f.value.scalar!.bitPattern == g.value.values[0].bitPattern)
            #expect(Self.same(f.grad?.scalar, g.grad?.values[0]))
        }
    }

    @Test(arguments: 0..<operations.count)
    func eachScalarRuleMatchesTheArrayRule(_ index: Int) throws {
        let (name, operation) = Self.operations[index]
        for (p, q) in [(0.8, -0.3), (-1.2, 0.45), (0.0, 2.0), (0.5, 0.5)] {
            let sa = Variable(p), sb = Variable(q)
            let aa = Variable(NDArray([p])), ab = Variable(NDArray([q]))
            let fast = try operation(sa.tensor, sb.tensor)
            let general = try operation(aa.tensor, ab.tensor)
            #expect(fast.scalar!.bitPattern == general.scalar!.bitPattern, "\(name)(\(p), \(q))")
            try fast.backward()
            try general.backward()
            #expect(Self.same(sa.grad?.scalar, aa.grad?.values[0]), "\(name)(\(p), \(q)) d/da")
            #expect(Self.same(sb.grad?.scalar, ab.grad?.values[0]), "\(name)(\(p), \(q)) d/db")
        }
    }

    /// The first pass over a tape accumulates straight into the tape's gradients, later
    /// passes into scratch memory that is then added: both must give what adding each
    /// pass's gradients to zeros gives.
    @Test func repeatedBackwardPassesAccumulateExactly() throws {
        let variables = Self.numbers.map { Variable($0) }
        let f = try Self.expression(variables.map(\.tensor))
        try f.backward(retainGraph: true)
        let once = variables.map { $0.grad!.scalar! }
        let nodesOnce = f.computationGraph.nodes.map { $0.grad?.scalar }
        try f.backward(retainGraph: true)
        try f.backward(seed: NDArray(1))   // the general seed path
        for (v, g) in zip(variables, once) {
            #expect(v.grad!.scalar!.bitPattern == (g + g + g).bitPattern)
        }
        for (node, g) in zip(f.computationGraph.nodes, nodesOnce) {
            #expect(node.grad?.scalar?.bitPattern == g.map { ($0 + $0 + $0).bitPattern })
        }
    }

    /// micrograd's neuron, as the benchmark builds it, against the derivative by hand.
    @Test func neuronGradientsByHand() throws {
        let weights = (0..<16).map { Variable(Double($0) * 0.01 - 0.05) }
        let inputs = (0..<16).map { Variable(Double($0) * 0.02 - 0.1) }
        let bias = Variable(0.1)
        for round in 1...3 {
            var sum = bias.tensor
            for i in 0..<16 { sum = try sum + weights[i].tensor * inputs[i].tensor }
            let out = sum.relu()
            var expected = bias.value.scalar!
            for i in 0..<16 { expected = expected + weights[i].value.scalar! * inputs[i].value.scalar! }
            #expect(out.scalar == max(expected, 0))
            try out.backward()
            for i in 0..<16 {
                #expect(weights[i].grad?.scalar == inputs[i].value.scalar!)
                #expect(inputs[i].grad?.scalar == Double(round) * weights[i].value.scalar!)
            }
            #expect(bias.grad?.scalar == Double(round))
            for w in weights { w.grad = nil }
        }
    }

    @Test func zeroGradientsCountAsReached() throws {
        let x = Variable(-2.0)
        let y = x.tensor.relu()
        try y.backward()
        #expect(x.grad?.scalar == 0)
        let n = Variable(NDArray([-2.0]))
        try n.tensor.relu().sum().backward()
        #expect(n.grad?.values == [0])
    }

    @Test func variableGradientKeepsItsShapeAndValue() throws {
        let v = Variable(1.0)
        #expect(v.grad == nil)
        v.grad = NDArray(2.5)
        #expect(v.grad == NDArray(2.5))
        v.grad = NDArray([1, 2])
        #expect(v.grad == NDArray([1, 2]))
        // Backward passes add to it: an array gradient onto an array of its shape...
        v.value = NDArray([0, 0])
        try (v.tensor * Tensor(NDArray([0.5, 0.5]))).sum().backward()
        #expect(v.grad == NDArray([1.5, 2.5]))
        // ...a number onto an array replaces it, as `grad += g` of arrays did...
        v.value = NDArray(0)
        try (v.tensor * 3).backward()
        #expect(v.grad == NDArray(3))
        // ...and a number onto a number adds.
        try (v.tensor * 1).backward()
        #expect(v.grad == NDArray(4))
        v.zeroGrad()
        #expect(v.grad == nil)
        #expect(v.gradOrZero == NDArray(0))
        v.grad = NDArray([1, 2])
        v.zeroGrad()
        #expect(v.grad == nil)
        v.value = NDArray([0, 0])
        try (v.tensor * Tensor(NDArray([3, 4]))).sum().backward()   // onto nothing, not onto the cleared array
        #expect(v.grad == NDArray([3, 4]))
    }

    @Test func variableValueCacheFollowsEveryUpdate() throws {
        let v = Variable(2.0)
        let t = v.tensor
        #expect(try (t * 3).scalar == 6)
        v.value = NDArray(5)
        #expect(try (t * 3).scalar == 15)
        v.value.withUnsafeMutableBufferPointer { $0[0] = 7 }   // in place, as optimizers do
        #expect(try (t * 3).scalar == 21)
        SGD(parameters: [v], learningRate: 1).step()   // no gradient: unchanged
        v.grad = NDArray(1)
        SGD(parameters: [v], learningRate: 1).step()
        #expect(try (t * 3).scalar == 18)
        v.value = NDArray([1, 2])
        #expect(try (t * 3).value == NDArray([3, 6]))
        v.value = NDArray(4)
        #expect(try (t * 3).scalar == 12)
        Graph.closeCurrent()
    }

    /// `Variable.value` keeps its scalar cache with a `didSet` that does not read the old
    /// value, so optimizers still update parameters in place, without a copy.
    @Test func parametersUpdateInPlace() {
        let v = Variable(NDArray([1, 2, 3]))
        let before = v.value.withUnsafeBufferPointer { $0.baseAddress }
        v.value.withUnsafeMutableBufferPointer { $0[0] = 5 }
        v.grad = NDArray([1, 1, 1])
        SGD(parameters: [v], learningRate: 1).step()
        #expect(v.value.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(v.value == NDArray([4, 1, 2]))
    }

    @Test func longChainsGrowTheTape() throws {
        // Tests share threads, and an earlier one may have left its graph open on this one.
        Graph.closeCurrent()
        let x = Variable(1.0)
        var y = x.tensor
        var expected = 1.0
        for _ in 0..<5_000 {
            y = try y * 0.999 + 0.5
            expected = expected * 0.999 + 0.5
        }
        #expect(y.scalar == expected)
        #expect(y.computationGraph.nodes.count == 1 + 4 * 5_000)
        try y.backward()
        #expect(x.grad!.scalar! == Foundation.pow(0.999, 5_000) || abs(x.grad!.scalar! - Foundation.pow(0.999, 5_000)) < 1e-12)
    }

    @Test func arrayEntriesKeepTheirArrays() throws {
        // A fresh graph: an earlier test on this thread may have left one open.
        Graph.closeCurrent()
        let w = Variable(NDArray([1, 2, 3]))
        let y = try (w.tensor * 2).sum() + (w.tensor.clamped(1.5, 2.5) * w.tensor).sum()
        // Array and scalar values side by side on one graph, each where its operation put it.
        #expect(y.computationGraph.nodes.map(\.value.values) == [[1, 2, 3], [2], [2, 4, 6], [12], [1.5, 2, 2.5], [1.5, 4, 7.5], [13], [25]])
        try y.backward()
        // d/dw (2 Σw + Σ clamp(w) w): 2 + clamp(w) + w where the clamp passes, else 2 + clamp(w).
        #expect(w.grad!.values == [3.5, 6, 4.5])
    }
}
