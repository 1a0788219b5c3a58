extension Tensor {
    /// Runs the backward pass from this value: every variable it depends on gets
    /// d(self)/d(variable) added to its `grad` (gradients accumulate until zeroed). Returns
    /// how many variables it reached (0: the value depends on none, and nothing changed).
    ///
    /// The graph is closed afterwards: values computed before this call act as constants in
    /// later computations (variables and parameters keep collecting gradients). This keeps
    /// memory flat in training loops, as PyTorch frees a graph after `backward`. A second
    /// pass through operations an earlier pass went through is an error
    /// (`EngineError.backwardTwice`) unless the earlier pass was given `retainGraph`.
    /// `site` is the caller's note of where this pass was asked for, returned in that error.
    @discardableResult
    public func backward(seed: NDArray? = nil, retainGraph: Bool = false, site: Int = 0) throws(EngineError) -> Int {
        if seed == nil, let reached = try scalarBackward(retainGraph: retainGraph, site: site) { return reached }
        let start: NDArray
        if let seed {
            start = seed
        } else {
            guard value.count == 1 else { throw .nonScalarBackward(shape) }
            start = NDArray.ones(shape)
        }
        guard start.shape == shape else { throw .shapeMismatch(operation: "backward's seed", shape, start.shape) }
        switch origin {
        case .scalar, .constant:
            return 0
        case .variable(let variable):
            if var existing = variable.grad, existing.shape == start.shape {
                existing.accumulate(start)
                variable.grad = existing
            } else {
                variable.grad = start
            }
            return 1
        case .node(let tape, let index):
            let reached = try tape.backward(from: index, seed: start, retainGraph: retainGraph, site: site)
            Tensor.closeAfterBackward(tape)
            return reached
        }
    }

    /// `backward()` of a scalar node: no seed array, no shape checks needed.
    @inline(__always)
    private func scalarBackward(retainGraph: Bool, site: Int) throws(EngineError) -> Int? {
        guard kind == .scalarNode else { return nil }
        let tape = tape
        let reached = try tape.backward(from: index, scalarSeed: 1, retainGraph: retainGraph, site: site)
        Tensor.closeAfterBackward(tape)
        return reached
    }

    private static func closeAfterBackward(_ tape: Tape) {
        guard tape.isOpen else { return }
        GraphContext.withCurrent { context in
            if context.isolationDepth == 0 || context.tape === tape { context.close(tape) }
        }
    }
}
