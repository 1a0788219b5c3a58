import Foundation
import Testing
import Engine

/// A thread reuses its last small closed tape for the next graph when nothing refers to it
/// any more, and hands out references to the open tape from a batch taken ahead. Neither
/// may be visible: values, gradients and graphs read through old handles stay as they were,
/// a graph recorded after a closed one is the graph a thread that never recorded would
/// record, and what closed graphs held is given back.
@Suite struct TapeReuseTests {
    /// `body` on a thread of its own, which has recorded nothing before.
    func onFreshThread<R: Sendable>(_ body: @escaping @Sendable () throws -> R) throws -> R {
        let box = ValueBox<Result<R, any Error>>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = Result { try body() }
            done.signal()
        }
        thread.start()
        done.wait()
        return try box.value!.get()
    }

    /// The operation behind the first operand of `t`'s operation on its graph: "const" when
    /// that operand came in without its history.
    static func firstInput(of t: Tensor) -> String {
        let graph = t.computationGraph
        return graph.nodes[graph.root.inputs[0]].operation
    }

    /// `x + 2y` as the next graph after `earlier` (which records and closes graphs of its
    /// own): the graph behind it before and after a backward pass, and the variables' gradients.
    static func nextGraph(after earlier: () throws -> Void) throws -> [String] {
        let x = Variable(3.0, name: "x"), y = Variable(4.0)
        try earlier()
        let g = try x.tensor + y.tensor * 2
        let before = Observed.graph(g)
        let reached = try g.backward()
        return before + Observed.graph(g) + ["reached \(reached)", Observed.bits(x.grad!), Observed.bits(y.grad!)]
    }

    @Test func aGraphAfterAClosedOneIsTheGraphAFreshThreadRecords() throws {
        let expected = try onFreshThread { try Self.nextGraph {} }
        #expect(expected.first == "leaf [] - \(Observed.bits(NDArray(4))) grad none")
        #expect(expected.suffix(3) == ["reached 2", Observed.bits(NDArray(1)), Observed.bits(NDArray(2))])
        // Graphs closed before it, with labels, arrays, attributes and gradients on them,
        // leave nothing behind that the next graph shows.
        let seen = try Self.nextGraph {
            let x = Variable(3.0, name: "x"), y = Variable(4.0)
            for retain in [false, true] {
                let q = try x.tensor * y.tensor
                q.label = "q"
                let f = try q.clamped(0, 100) + (Tensor(NDArray([1, 2])) * x.tensor).sum()
                f.label = "f"
                try f.backward(retainGraph: retain)
            }
        }
        #expect(seen == expected)
    }

    @Test func aTapeStillReferencedIsNeverReused() throws {
        let x = Variable(3.0, name: "x")
        let kept = try x.tensor * x.tensor + 1
        kept.label = "kept"
        try kept.backward(retainGraph: true)
        // Many later graphs on this thread, each closed by backward.
        for i in 0..<100 {
            let h = try x.tensor * Tensor(Double(i)) + Tensor(Double(i))
            try h.backward()
        }
        #expect(kept.scalar == 10)
        #expect(kept.grad?.scalar == 1)
        #expect(kept.label == "kept")
        let graph = kept.computationGraph
        #expect(graph.nodes.map(\.operation) == ["leaf", "*", "const", "+"])
        #expect(graph.nodes.map(\.label) == ["x", nil, nil, "kept"])
        #expect(graph.nodes.map { $0.grad?.scalar } == [6, 1, nil, 1])
        // And it can still be run again, into the variable (the first pass kept it).
        x.zeroGrad()
        try kept.backward()
        #expect(x.grad?.scalar == 6)
    }

    /// A graph far larger than one kept for reuse is let go once nothing refers to it, and
    /// with it the variables it imported (no reference taken ahead keeps it alive).
    @Test func aLargeClosedGraphIsLetGo() throws {
        weak var imported: Variable?
        do {
            let x = Variable(1.0)
            imported = x
            var y = x.tensor
            for _ in 0..<100_000 { y = try y + 1 }
            try y.backward()
            #expect(x.grad?.scalar == 1)
        }
        #expect(imported == nil)
    }

    /// Graph after graph, each importing a variable of its own: what the closed graphs keep
    /// alive stays bounded, however many there were.
    @Test func closedGraphsKeepBoundedlyManyVariablesAlive() throws {
        final class Weak: @unchecked Sendable { weak var variable: Variable? }
        var weak: [Weak] = []
        for i in 0..<3_000 {
            let v = Variable(Double(i))
            let w = Weak()
            w.variable = v
            weak.append(w)
            let f = try v.tensor * 2
            try f.backward()
            #expect(v.grad?.scalar == 2)
        }
        Graph.closeCurrent()
        #expect(weak.filter { $0.variable != nil }.count < 1_000)
    }

    @Test func reusedTapesImportChangedVariablesAfresh() throws {
        let v = Variable(2.0), w = Variable(5.0)
        for round in 0..<5 {
            v.value = NDArray(Double(round))
            let f = try v.tensor * w.tensor + v.tensor
            #expect(f.scalar == Double(round) * 5 + Double(round))
            try f.backward()
            #expect(v.grad?.scalar == 6)
            #expect(w.grad?.scalar == Double(round))
            v.zeroGrad()
            w.zeroGrad()
        }
        // A carried-over variable that became an array is imported as an array.
        v.value = NDArray([1, 2])
        let g = try (v.tensor * w.tensor).sum()
        try g.backward()
        #expect(v.grad == NDArray([5, 5]))
        #expect(w.grad == NDArray(3))
        v.value = NDArray(1)
        let h = try v.tensor * 4
        try h.backward()
        #expect(v.grad == NDArray(4))
    }

    @Test func valuesOfASuspendedGraphComeInAsConstants() throws {
        let x = Variable(2.0)
        let a = try x.tensor * 3   // the caller's open graph
        let inner = try Graph.isolated { () throws(EngineError) -> (Double, String) in
            let b = try a * x.tensor   // `a` is a constant here: d/dx = 6
            try b.backward()
            return (x.grad!.scalar!, Self.firstInput(of: b))
        }
        #expect(inner.0 == 6)
        #expect(inner.1 == "const")
        #expect(a.hasOpenHistory)
        x.zeroGrad()
        let c = try a * x.tensor   // back on the caller's graph: d/dx = 3x + 3x = 12
        #expect(Self.firstInput(of: c) == "*")
        try c.backward()
        #expect(x.grad?.scalar == 12)
    }

    @Test func withoutRecordingLeavesTheOpenGraphAlone() throws {
        // Tests share threads, and an earlier one may have left its graph open on this one.
        Graph.closeCurrent()
        let x = Variable(2.0)
        let a = try x.tensor * x.tensor
        let b = try Graph.withoutRecording { () throws(EngineError) -> Tensor in try a * x.tensor + 1 }
        #expect(!b.isTracked)
        #expect(b.scalar == 9)
        let c = try a + x.tensor
        #expect(c.computationGraph.nodes.map(\.operation) == ["leaf", "*", "+"])
        try c.backward()
        #expect(x.grad?.scalar == 5)
        // Nothing from the no-grad block is on the graph: it has the room it would have without it.
        func room(noGrad: Bool) throws -> Int {
            try Observed.withOperationLimit(16) { () throws -> Int in
                Graph.closeCurrent()
                let a = try x.tensor * x.tensor
                if noGrad { _ = try Graph.withoutRecording { () throws(EngineError) -> Tensor in try a * x.tensor + 1 } }
                _ = try a + x.tensor
                return try Observed.room()
            }
        }
        #expect(try room(noGrad: true) == room(noGrad: false))
    }

    @Test func backwardInsideWithoutRecordingStillClosesTheGraph() throws {
        let x = Variable(2.0)
        let a = try x.tensor * 3
        try Graph.withoutRecording { () throws(EngineError) in try a.backward() }
        #expect(!a.hasOpenHistory)
        let b = try a * x.tensor   // a new graph: `a` is the constant 6
        #expect(Self.firstInput(of: b) == "const")
        x.zeroGrad()
        try b.backward()
        #expect(x.grad?.scalar == 6)
    }

    @Test func isolatedScopesNestAndRestore() throws {
        let x = Variable(1.5)
        let outer = try x.tensor * 2
        let value = try Graph.isolated { () throws(EngineError) -> Double in
            let mid = try x.tensor * 3
            let deep = try Graph.isolated { () throws(EngineError) -> Double in
                let d = try x.tensor * 4
                try d.backward()
                return d.scalar!
            }
            let m2 = try mid + x.tensor   // still the middle graph, d/dx = 4
            #expect(Self.firstInput(of: m2) == "*")
            return deep + m2.scalar!
        }
        #expect(value == 6 + 6)
        let more = try outer + x.tensor
        #expect(Self.firstInput(of: more) == "*")
        x.zeroGrad()
        try more.backward()
        #expect(x.grad?.scalar == 3)
    }

    /// Each thread records on graphs of its own, reusing its own tapes; a thread's context
    /// (and the references it took ahead) goes when the thread ends.
    @Test func threadsRecordIndependently() throws {
        let results = ResultBox()
        let group = DispatchGroup()
        for t in 0..<4 {
            group.enter()
            let thread = Thread {
                var ok = true
                let w = Variable(Double(t))
                for i in 0..<2_000 {
                    let x = Variable(Double(i))
                    guard let f = try? w.tensor * x.tensor + x.tensor, (try? f.backward()) != nil else { ok = false; break }
                    ok = ok && f.scalar == Double(t * i + i) && x.grad?.scalar == Double(t + 1)
                }
                ok = ok && w.grad?.scalar == Double((0..<2_000).reduce(0, +))
                results.record(ok)
                group.leave()
            }
            thread.start()
        }
        group.wait()
        #expect(results.all == [true, true, true, true])
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool] = []

    func record(_ value: Bool) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

final class ValueBox<Value>: @unchecked Sendable {
    var value: Value?
}
