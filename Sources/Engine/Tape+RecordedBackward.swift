/// The backward pass as recorded operations (PyTorch's `create_graph`): every gradient it
/// computes is itself a tensor on the open graph, with a history that leads back to the
/// inputs, so it can be differentiated again. Second derivatives, Hessians and the Jacobian
/// of a gradient come from running the ordinary backward pass over these operations.
///
/// Each rule here says, in tensor operations, what the numeric rule of the same operation
/// (`Rules.swift`, `Tape+Rules.swift`) computes; `RecordedBackwardTests` holds them to agreeing.
/// Factors that are piecewise constant (which branch of `relu` or `max` won, the sign of
/// `abs`) enter as constants: their own derivative is zero wherever it exists.
extension Tensor {
    /// d(output)/d(input) for each of `inputs`, recorded on the open graph. `output` must be a
    /// scalar on the open graph (or have no history, when every gradient is zero); an input
    /// the output does not depend on gets zeros of its shape.
    public static func recordedGradients(of output: Tensor, withRespectTo inputs: [Tensor]) throws(EngineError) -> [Tensor] {
        guard output.value.count == 1 else { throw .nonScalarBackward(output.shape) }
        guard output.isNode else { return inputs.map { Tensor(NDArray(shape: $0.shape, repeating: 0)) } }
        let tape = output.tape
        let adjoints = try output.recordedAdjoints(at: inputs.map { tape.entry(for: $0) })
        return zip(inputs, adjoints).map { input, adjoint in adjoint ?? Tensor(NDArray(shape: input.shape, repeating: 0)) }
    }

    /// `backward` with the pass recorded (PyTorch's `create_graph`): every variable this
    /// scalar depends on gets dSelf/dVariable added to its `grad`, and as a tensor with a
    /// history to its `recordedGrad`, which can be differentiated again while the graph stays
    /// open (it does: the pass is part of it now). Returns how many variables it reached.
    @discardableResult
    public func recordedBackward() throws(EngineError) -> Int {
        guard value.count == 1 else { throw .nonScalarBackward(shape) }
        switch kind {
        case .scalar, .constant:
            return 0
        case .variable:
            leaf.accumulate(recorded: Tensor(NDArray.ones(shape)))
            return 1
        case .scalarNode, .arrayNode:
            let tape = self.tape
            let variables = tape.variables
            let adjoints = try recordedAdjoints(at: variables.map { tape.entry(for: Tensor(variable: $0)) })
            var reached = 0
            for (variable, adjoint) in zip(variables, adjoints) {
                guard let adjoint else { continue }
                variable.accumulate(recorded: adjoint)
                reached += 1
            }
            return reached
        }
    }

    /// dSelf/dEntry at each of `targets` as recorded tensors (nil where the pass does not
    /// reach), for a scalar node on the open graph.
    private func recordedAdjoints(at targets: [Int32]) throws(EngineError) -> [Tensor?] {
        let tape = self.tape
        guard tape.isOpen, GraphContext.withCurrent({ $0.recording && $0.tape === tape }) else {
            throw .invalidArgument("a gradient to differentiate again needs its function's graph still open (a backward pass or a closed graph ended it)")
        }
        let root = index
        var adjoint = [Tensor?](repeating: nil, count: Int(root) + 1)
        adjoint[Int(root)] = isScalarShaped ? Tensor(1.0) : Tensor(NDArray.ones(shape))
        var k = Int(root)
        while k >= 0 {
            defer { k -= 1 }
            guard let g = adjoint[k], !tape.storage[k].isLeaf else { continue }
            for (input, contribution) in try tape.recordedRule(at: Int32(k), g) {
                guard input >= 0, !tape.storage[Int(input)].isConstant else { continue }
                let i = Int(input)
                if let earlier = adjoint[i] {
                    adjoint[i] = try earlier + contribution
                } else {
                    adjoint[i] = contribution
                }
            }
        }
        return targets.map { k in k >= 0 && Int(k) <= Int(root) ? adjoint[Int(k)] : nil }
    }

    private var isScalarShaped: Bool { shape.rank == 0 }
}

extension Tape {
    /// The handle of entry `k`: recording on it links a new operation to the entry.
    fileprivate func handle(_ k: Int32) -> Tensor { Tensor(node: self, k) }

    /// Given g = dOutput/dEntry as a tensor, each input's contribution dOutput/dInput.
    fileprivate func recordedRule(at k: Int32, _ g: Tensor) throws(EngineError) -> [(Int32, Tensor)] {
        let entry = storage[Int(k)]
        let a = entry.a, b = entry.b
        let y = handle(k)
        func x(_ i: Int32) -> Tensor { handle(i) }
        func constant(_ f: (Double) -> Double, of input: Int32) -> Tensor { Tensor(value(input).map(f)) }
        switch entry.op {
        case .constant, .variable:
            return []

        case .add:
            return [(a, try g.reduced(to: value(a).shape)), (b, try g.reduced(to: value(b).shape))]
        case .subtract:
            return [(a, try g.reduced(to: value(a).shape)), (b, try (-g).reduced(to: value(b).shape))]
        case .multiply:
            return [(a, try (g * x(b)).reduced(to: value(a).shape)), (b, try (g * x(a)).reduced(to: value(b).shape))]
        case .divide:
            return [(a, try (g / x(b)).reduced(to: value(a).shape)),
                    (b, try (-(g * y) / x(b)).reduced(to: value(b).shape))]
        case .negate:
            return [(a, -g)]
        case .power(let e):
            return [(a, try g * x(a).pow(e - 1) * Tensor(e))]
        case .powerTensor:
            let base = x(a), exponent = x(b)
            return [(a, try (g * exponent * base.power(exponent - Tensor(1.0))).reduced(to: value(a).shape)),
                    (b, try (g * y * base.log()).reduced(to: value(b).shape))]
        case .exp:
            return [(a, try g * y)]
        case .log:
            return [(a, try g / x(a))]
        case .sqrt:
            return [(a, try g / (y * Tensor(2.0)))]
        case .abs:
            return [(a, try g * constant({ $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, of: a))]
        case .sigmoid:
            return [(a, try g * y * (Tensor(1.0) - y))]
        case .tanh:
            return [(a, try g * (Tensor(1.0) - y * y))]
        case .relu:
            return [(a, try g * constant({ $0 > 0 ? 1 : 0 }, of: a))]
        case .leakyRelu(let slope):
            return [(a, try g * constant({ $0 > 0 ? 1 : slope }, of: a))]
        case .maximum, .minimum:
            let wonByA = try NDArray.zip(value(a), value(k), operation: "gradient") { xi, yi in xi == yi || xi.isNaN ? 1 : 0 }
            return [(a, try (g * Tensor(wonByA)).reduced(to: value(a).shape)),
                    (b, try (g * Tensor(wonByA.map { 1 - $0 })).reduced(to: value(b).shape))]
        case .clamp(let attribute):
            guard case let .bounds(lower, upper) = attributes[Int(attribute)] else { return [] }
            return [(a, try g * constant({ $0 >= lower && $0 <= upper ? 1 : 0 }, of: a))]

        case .sum:
            return [(a, try g * Tensor(NDArray.ones(value(a).shape)))]
        case .mean:
            let shape = value(a).shape
            return [(a, try g * Tensor(NDArray(shape: shape, repeating: 1 / Double(Swift.max(shape.count, 1)))))]
        case let .sumAxis(axis32, keep), let .meanAxis(axis32, keep):
            let axis = Int(axis32), shape = value(a).shape
            let kept = keep ? g : try g.reshaped(NDArray.reducedShape(shape, axis: axis, keepingAxis: true))
            var spread = NDArray.ones(shape)
            if case .meanAxis = entry.op { spread = spread.scaled(by: 1 / Double(shape.dims[axis])) }
            return [(a, try kept * Tensor(spread))]
        case .extremum(_, let index):
            var chosen = [Double](repeating: 0, count: value(a).count)
            chosen[Int(index)] = 1
            return [(a, try g * Tensor(NDArray(shape: value(a).shape, values: chosen)))]
        case let .extremumAxis(axis16, _, keep, attribute):
            guard case .indices(let indices) = attributes[Int(attribute)] else { return [] }
            let input = value(a), axis = Int(axis16)
            let (outer, length, inner) = input.axisLayout(axis)
            var chosen = [Double](repeating: 0, count: input.count)
            for o in 0..<outer {
                for i in 0..<inner { chosen[(o * length + indices[o * inner + i]) * inner + i] = 1 }
            }
            let kept = keep ? g : try g.reshaped(NDArray.reducedShape(input.shape, axis: axis, keepingAxis: true))
            return [(a, try kept * Tensor(NDArray(shape: input.shape, values: chosen)))]

        case .matmul:
            return try matmulRule(a, b, g)
        case .affine(let hasBias):
            // y = x Wᵀ + bias, for x a vector or one sample per row.
            let input = x(a), weight = x(b)
            var rules: [(Int32, Tensor)] = [(a, try Tensor.matmul(g, weight))]
            if value(a).rank == 1 {
                rules.append((b, try Tensor.outer(g, input)))
                if hasBias { rules.append((entry.c, g)) }
            } else {
                rules.append((b, try Tensor.matmul(g.transposed, input)))
                if hasBias { rules.append((entry.c, try g.sum(axis: 0))) }
            }
            return rules
        case .permute(let attribute):
            guard case .permutation(let permutation) = attributes[Int(attribute)] else { return [] }
            var inverse = [Int](repeating: 0, count: permutation.count)
            for (i, p) in permutation.enumerated() { inverse[p] = i }
            return [(a, try g.permuted(inverse))]
        case .reshape:
            return [(a, try g.reshaped(value(a).shape))]
        case .index(let attribute):
            guard case .index(let resolved) = attributes[Int(attribute)] else { return [] }
            return [(a, try g.scattered(resolved))]
        case .scatter(let attribute):
            guard case .index(let resolved) = attributes[Int(attribute)] else { return [] }
            return [(a, try g.indexed(resolved))]
        case let .concat(axis32, attribute):
            guard case .inputs(let inputs) = attributes[Int(attribute)] else { return [] }
            let axis = Int(axis32)
            var start = 0
            return try inputs.map { (input: Int32) throws(EngineError) -> (Int32, Tensor) in
                let size = value(input).shape.dims[axis]
                defer { start += size }
                var components = [IndexComponent](repeating: .all, count: axis)
                components.append(.slice(start: start, end: start + size, step: 1))
                return (input, try g.indexed(components))
            }
        case .custom:
            return try customRule(at: k, g, recording: true)
        case .softmax(let axis):
            // dx = y ⊙ (g − Σ_axis g ⊙ y)
            return [(a, try y * (g - (g * y).sum(axis: axis, keepingAxis: true)))]
        case .logSoftmax(let axis):
            // dx = g − softmax(x) Σ_axis g
            return [(a, try g - y.exp() * g.sum(axis: axis, keepingAxis: true))]

        case .meanSquaredError:
            let n = Double(Swift.max(value(a).count, 1))
            let difference = try (x(a) - x(b)) * g * Tensor(2 / n)
            return [(a, try difference.reduced(to: value(a).shape)), (b, try (-difference).reduced(to: value(b).shape))]
        case .halfSumSquares:
            let difference = try (x(a) - x(b)) * g
            return [(a, try difference.reduced(to: value(a).shape)), (b, try (-difference).reduced(to: value(b).shape))]
        case .binaryCrossEntropy:
            // The probabilities are clamped away from 0 and 1 in the forward pass; the
            // gradient is taken at the clamped values, as the numeric rule does.
            let n = Double(Swift.max(value(a).count, 1))
            let p = x(a).clamped(Loss.probabilityFloor, 1 - Loss.probabilityFloor), t = x(b)
            let scale = try g * Tensor(1 / n)
            let one = Tensor(1.0)
            return [(a, try (scale * (p - t) / (p * (one - p))).reduced(to: value(a).shape)),
                    (b, try (scale * ((one - p).log() - p.log())).reduced(to: value(b).shape))]
        case .softmaxCrossEntropy(let attribute):
            guard case .crossEntropy(let targets, let probabilities) = attributes[Int(attribute)] else { return [] }
            let rows = probabilities.rank > 1 ? probabilities.shape.dims[0] : 1
            let p = try x(a).softmax(axis: -1)
            return [(a, try (p - Tensor(targets)) * g * Tensor(1 / Double(rows)))]
        }
    }

    /// The matrix product's rule with numpy's promotion of vectors: a vector on the left is a
    /// row, on the right a column, and the added axis is dropped from the gradient again.
    private func matmulRule(_ a: Int32, _ b: Int32, _ g: Tensor) throws(EngineError) -> [(Int32, Tensor)] {
        let left = value(a), right = value(b)
        let a2 = left.rank == 1 ? try handle(a).reshaped(Shape([1, left.count])) : handle(a)
        let b2 = right.rank == 1 ? try handle(b).reshaped(Shape([right.count, 1])) : handle(b)
        var dims = g.shape.dims
        if left.rank == 1 { dims.insert(1, at: dims.count - (right.rank == 1 ? 0 : 1)) }
        if right.rank == 1 { dims.append(1) }
        let g2 = try g.reshaped(Shape(dims))
        let da = try Tensor.matmul(g2, b2.transposed).reduced(to: a2.shape).reshaped(left.shape)
        let db = try Tensor.matmul(a2.transposed, g2).reduced(to: b2.shape).reshaped(right.shape)
        return [(a, da), (b, db)]
    }
}

extension Tensor {
    /// Summed over the axes that broadcasting added or stretched, back to `shape`.
    func reduced(to shape: Shape) throws(EngineError) -> Tensor {
        guard self.shape != shape else { return self }
        if shape.rank == 0 { return sum() }
        var result = self
        while result.rank > shape.rank { result = try result.sum(axis: 0) }
        for axis in 0..<shape.rank where shape.dims[axis] == 1 && result.shape.dims[axis] != 1 {
            result = try result.sum(axis: axis, keepingAxis: true)
        }
        return result
    }

    /// `indexed` with an index already resolved against this tensor's shape.
    func indexed(_ resolved: ResolvedIndex) throws(EngineError) -> Tensor {
        guard shape == resolved.sourceShape else { throw .shapeMismatch(operation: "index", shape, resolved.sourceShape) }
        return Tensor.record([self], attribute: .index(resolved), value: value.gathering(resolved)) { .index(attribute: $0) }
    }
}
