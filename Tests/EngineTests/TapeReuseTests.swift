import Foundation
import Testing
@testable import Engine

/// A thread reuses its last small closed tape for the next graph when nothing refers to it
/// any more, and hands out references to the open tape from a batch taken ahead. Neither
/// may be visible: values, gradients and graphs read through old handles stay as they were.
@Suite struct TapeReuseTests {
    func tape(of tensor: Tensor) -> Tape? {
        if case .node(let tape, _) = tensor.origin { return tape }
        return nil
    }

    @Test func aClosedTapeNothingRefersToIsReused() throws {
        let x = Variable(3.0), y = Variable(4.0)
        var first: ObjectIdentifier?
        do {
            let f = try x.tensor * y.tensor
            first = tape(of: f).map(ObjectIdentifier.init)
            try f.backward()
        }
        let g = try x.tensor + y.tensor * 2
        // Same object again (its reference count came back to one: every reference the
        // context took ahead was given back when the graph closed).
        #expect(tape(of: g).map(ObjectIdentifier.init) == first)
        #expect(g.scalar == 11)
        try g.backward()
        #expect(x.grad?.scalar == 5)   // 4 from f, 1 from g
        #expect(y.grad?.scalar == 5)   // 3 from f, 2 from g
        #expect(g.computationGraph.nodes.map(\.operation) == ["leaf", "const", "*", "leaf", "+"])
    }

    @Test func aTapeStillReferencedIsNeverReused() throws {
        let x = Variable(3.0, name: "x")
        let kept = try x.tensor * x.tensor + 1
        kept.label = "kept"
        try kept.backward(retainGraph: true)
        let keptTape = tape(of: kept)!
        // Many later graphs on this thread, each closed by backward.
        for i in 0..<100 {
            let h = try x.tensor * Tensor(Double(i)) + Tensor(Double(i))
            #expect(tape(of: h) !== keptTape)
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

    @Test func aLargeClosedTapeIsLetGo() throws {
        weak var released: Tape?
        do {
            let x = Variable(1.0)
            var y = x.tensor
            for _ in 0..<(Tape.reusableCapacity) { y = try y + 1 }
            released = tape(of: y)
            try y.backward()
            #expect(!tape(of: y)!.isWorthReusing)
        }
        // No handle, not kept for reuse, and no reference taken ahead left behind.
        #expect(released == nil)
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
        let inner = try Graph.isolated { () throws(EngineError) -> (Double, Bool) in
            let b = try a * x.tensor   // `a` is a constant here: d/dx = 6
            let sameTape = tape(of: b) === tape(of: a)
            try b.backward()
            return (x.grad!.scalar!, sameTape)
        }
        #expect(inner.0 == 6)
        #expect(!inner.1)
        x.zeroGrad()
        let c = try a * x.tensor   // back on the caller's graph: d/dx = 3x + 3x = 12
        #expect(tape(of: c) === tape(of: a))
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
        #expect(tape(of: c) === tape(of: a))
        #expect(tape(of: c)!.entries.count == 3)   // x, x*x, the new +; nothing from the no-grad block
        try c.backward()
        #expect(x.grad?.scalar == 5)
    }

    @Test func backwardInsideWithoutRecordingStillClosesTheGraph() throws {
        let x = Variable(2.0)
        let a = try x.tensor * 3
        try Graph.withoutRecording { () throws(EngineError) in try a.backward() }
        let b = try a * x.tensor   // a new graph: `a` is the constant 6
        #expect(tape(of: b) !== tape(of: a))
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
            #expect(tape(of: m2) === tape(of: mid))
            return deep + m2.scalar!
        }
        #expect(value == 6 + 6)
        let more = try outer + x.tensor
        #expect(tape(of: more) === tape(of: outer))
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
