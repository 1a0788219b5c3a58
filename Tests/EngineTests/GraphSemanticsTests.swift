import Testing
import Engine

/// How graphs are recorded, closed and read back.
@Suite struct GraphSemanticsTests {
    @Test func gradientsFromBranchesAdd() throws {
        let x = Variable(3)
        let f = try x.tensor * x.tensor + x.tensor   // df/dx = 2x + 1
        try f.backward()
        #expect(x.grad?.scalar == 7)
    }

    @Test func gradientsAccumulateUntilZeroed() throws {
        let x = Variable(2), y = Variable(5)
        let f = try x.tensor * y.tensor
        try f.backward(retainGraph: true)
        try f.backward()   // the closed graph can be run again: the first pass kept it
        #expect(x.grad?.scalar == 10)
        x.zeroGrad()
        let g = try x.tensor + 1
        try g.backward()
        #expect(x.grad?.scalar == 1)
    }

    /// PyTorch's rule: a second pass through operations an earlier pass went through adds
    /// the same gradients again, so it is refused unless that pass kept the graph; a pass
    /// through other operations of the same tape is another graph and runs.
    @Test func aSecondPassThroughTheSameGraphIsRefused() throws {
        let x = Variable(2), y = Variable(5)
        let f = try x.tensor * y.tensor
        let g = try x.tensor + y.tensor   // same tape, no operation in common with f
        #expect(try f.backward(site: 12) == 2)
        #expect(throws: EngineError.backwardTwice(firstSite: 12)) { try f.backward(site: 13) }
        #expect(x.grad?.scalar == 5, "a refused pass changes nothing")
        #expect(try g.backward() == 2)
        #expect(x.grad?.scalar == 6)
        let h = try f + 1   // f is a constant of a new graph now
        #expect(try h.backward() == 0, "nothing on the new graph depends on a variable")
        #expect(try Tensor(3).backward() == 0)
        #expect(try x.tensor.backward() == 1)
    }

    @Test func valuesFromAClosedGraphAreConstants() throws {
        let w = Variable(1)
        let a = try w.tensor * 3
        try a.backward()
        let b = try a * w.tensor      // `a` comes in as the constant 3
        #expect(b.computationGraph.nodes.map(\.operation) == ["const", "leaf", "*"])
        try b.backward()
        #expect(w.grad?.scalar == 6)
    }

    @Test func loopCarriedValuesDoNotKeepHistory() throws {
        var w = Tensor(variable: Variable(0))
        for _ in 0..<50 {
            let d = try Graph.isolated { () throws(EngineError) -> Double in
                let v = Variable(w.value)
                let loss = try (Tensor(12) - v.tensor * 3).pow(2)
                try loss.backward()
                return v.grad!.scalar!
            }
            Graph.closeCurrent()
            w = try w - Tensor(0.01 * d)
            // The last step only: the value before it came in as a constant.
            #expect(w.computationGraph.nodes.count <= 3)
        }
        #expect(abs(w.scalar! - 4) < 0.01)
    }

    /// A parameter changed by hand between two uses in one graph: each use differentiates
    /// with the value it saw (the first use's gradient is not lost, the second's is right).
    @Test func aVariableChangedWithinAGraphIsSeenAsChanged() throws {
        var generator = RandomGenerator(seed: 0)
        let first = Linear(inputs: 1, outputs: 1, bias: false, generator: &generator)
        let second = Linear(inputs: 1, outputs: 1, bias: false, generator: &generator)
        first.weight.value = NDArray(rows: [[1]])
        second.weight.value = NDArray(rows: [[2]])
        let peek = try second.weight.tensor * 1
        second.weight.value = NDArray(rows: [[3]])
        let y = try second(first(Tensor(NDArray([1.0]))))
        #expect(y.value.values == [3])
        try (y.sum() + peek.sum()).backward()
        #expect(first.weight.grad?.values == [3])
        #expect(second.weight.grad?.values == [1 + 1])
    }

    @Test func noGradAndDetach() throws {
        let x = Variable(2)
        let y = Graph.withoutRecording { x.tensor.exp() }
        #expect(!y.isTracked)
        let z = try x.tensor.detached() * x.tensor
        try z.backward()
        #expect(x.grad?.scalar == 2)
    }

    @Test func graphWalkHasLabelsValuesAndGradients() throws {
        let x = Variable(-2, name: "x"), y = Variable(5, name: "y"), z = Variable(-4, name: "z")
        let q = try x.tensor + y.tensor
        q.label = "q"
        let f = try q * z.tensor
        f.label = "f"
        try f.backward()
        let graph = f.computationGraph
        #expect(graph.nodes.map(\.operation) == ["leaf", "leaf", "+", "leaf", "*"])
        #expect(graph.nodes.map(\.label) == ["x", "y", "q", "z", "f"])
        #expect(graph.nodes.map { $0.value.scalar! } == [-2, 5, 3, -4, -12])
        #expect(graph.nodes.map { $0.grad!.scalar! } == [-4, -4, -4, 3, 1])
        #expect(graph.root.inputs == [2, 3])
    }

    @Test func maxGateRoutesToTheWinner() throws {
        let a = Variable(4), b = Variable(2)
        let m = try Tensor.maximum(a.tensor, b.tensor) * 2
        try m.backward()
        #expect(a.grad?.scalar == 2)
        #expect(b.grad?.scalar == nil || b.grad?.scalar == 0)
    }

    @Test func backwardNeedsAScalar() throws {
        let v = Variable(NDArray([1, 2]))
        #expect(throws: EngineError.nonScalarBackward([2])) { try (v.tensor * 2).backward() }
    }
}
