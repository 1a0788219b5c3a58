/// The backward pass as recorded operations (PyTorch's `create_graph`): every gradient it
/// computes is itself a tensor on the open graph, with a history that leads back to the
/// inputs, so it can be differentiated again. Second derivatives, Hessians and the Jacobian
/// of a gradient come from running the ordinary backward pass over these operations.
///
/// Where a rule computes, it is the numeric pass's own: the elementwise table of `Rules.swift`
/// and the formulas of the mean, softmax and the losses (`Tape+Rules.swift`) run here on
/// `RecordedNumber`s, so they give the numeric pass's bits (`RecordedRuleBitsTests`). The
/// rules that move elements rather than compute with them (sums and means along an axis,
/// extremes, matrix products, transposes, reshapes, indexing, concatenation) are stated
/// again here in tensor operations: the numeric pass runs them as array kernels that write
/// each result once and skip what no input wants (the matrix product's and the affine
/// map's gradients), while here each step must be an operation that can be differentiated
/// in turn (the gradient of `index` is a `scatter`, and of `scatter` an `index`), so one
/// statement of both would cost the numeric pass its kernels. `RecordedBackwardTests` holds
/// every rule to the numeric pass. Factors that are piecewise constant (which branch of
/// `relu` or `max` won, the sign of `abs`) enter as constants: their own derivative is zero
/// wherever it exists.
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
        switch entry.op {
        case .constant, .variable:
            return []

        case .add, .subtract, .multiply, .divide, .negate, .power, .powerTensor, .exp, .log, .sqrt, .abs,
             .sigmoid, .tanh, .relu, .leakyRelu, .maximum, .minimum:
            // The rule of `Rules.swift`, each contribution summed over the axes that
            // broadcasting added to its input (unary operations have no `b`).
            guard let contributions = entry.op.gradients(RecordedNumber(g), RecordedNumber(x(a)),
                                                         b < 0 ? 0 : RecordedNumber(x(b)), RecordedNumber(y)) else { return [] }
            return b < 0 ? [(a, try contributions.a.tensor())] : try pairwise(a, b, contributions)
        case .clamp(let attribute):
            guard case let .bounds(lower, upper) = attributes[Int(attribute)] else { return [] }
            return [(a, try Clamp.gradient(RecordedNumber(g), RecordedNumber(x(a)), lower: lower, upper: upper).tensor())]

        case .sum:
            return [(a, try g * Tensor(NDArray.ones(value(a).shape)))]
        case .mean:
            let shape = value(a).shape
            return [(a, try Op.meanGradient(RecordedNumber(g), count: shape.count).tensor() * Tensor(NDArray.ones(shape)))]
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
            return [(a, try Op.softmaxGradient(RecordedNumber(g), RecordedNumber(y), axis: axis).tensor())]
        case .logSoftmax(let axis):
            return [(a, try Op.logSoftmaxGradient(RecordedNumber(g), RecordedNumber(y), axis: axis).tensor())]

        case .meanSquaredError:
            let scale = Op.meanSquaredErrorScale(RecordedNumber(g), count: value(a).count)
            return try pairwise(a, b, Op.squaredErrorGradients(scale, RecordedNumber(x(a)), RecordedNumber(x(b))))
        case .halfSumSquares:
            return try pairwise(a, b, Op.squaredErrorGradients(RecordedNumber(g), RecordedNumber(x(a)), RecordedNumber(x(b))))
        case .binaryCrossEntropy:
            // The probabilities are clamped away from 0 and 1 in the forward pass; the
            // gradient is taken at the clamped values, as the numeric rule does.
            let p = x(a).clamped(Loss.probabilityFloor, 1 - Loss.probabilityFloor)
            let scale = Op.meanGradient(RecordedNumber(g), count: value(a).count)
            return try pairwise(a, b, Op.binaryCrossEntropyGradients(scale, RecordedNumber(p), RecordedNumber(x(b))))
        case .softmaxCrossEntropy(let attribute):
            guard case .crossEntropy(let targets, let probabilities) = attributes[Int(attribute)] else { return [] }
            // softmax(logits) again, as an operation on them, where the numeric pass reads it back.
            let p = try x(a).softmax(axis: -1)
            let scale = Op.meanGradient(RecordedNumber(g), count: probabilities.rank > 1 ? probabilities.shape.dims[0] : 1)
            return [(a, try Op.softmaxCrossEntropyGradient(scale, RecordedNumber(p), RecordedNumber(Tensor(targets))).tensor())]
        }
    }

    /// A rule's contributions to inputs `a` and `b`, each summed back to its input's shape.
    private func pairwise(_ a: Int32, _ b: Int32, _ contributions: (a: RecordedNumber, b: RecordedNumber)) throws(EngineError) -> [(Int32, Tensor)] {
        [(a, try contributions.a.tensor().reduced(to: value(a).shape)), (b, try contributions.b.tensor().reduced(to: value(b).shape))]
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

/// A tensor as the number a gradient rule of `Rules.swift` computes with: each operation is
/// recorded on the open graph, so what the rule gives can be differentiated again. An error
/// an operation throws is carried through the rest of the rule, as NaN would be, and
/// `tensor()` throws it, so the rules read the same as on `Double`.
struct RecordedNumber: GradientArithmetic {
    private let result: Result<Tensor, EngineError>

    init(_ tensor: Tensor) { result = .success(tensor) }
    private init(failure: EngineError) { result = .failure(failure) }
    init(_ constant: Double) { self.init(Tensor(constant)) }
    init(integerLiteral value: Int) { self.init(Tensor(Double(value))) }

    func tensor() throws(EngineError) -> Tensor { try result.get() }

    /// `operation` on the operands' tensors, or the first error among them.
    private static func recording(_ operands: RecordedNumber...,
                                  operation: ([Tensor]) throws(EngineError) -> Tensor) -> RecordedNumber {
        do throws(EngineError) {
            var tensors: [Tensor] = []
            for operand in operands { tensors.append(try operand.tensor()) }
            return RecordedNumber(try operation(tensors))
        } catch {
            return RecordedNumber(failure: error)
        }
    }

    static func + (a: RecordedNumber, b: RecordedNumber) -> RecordedNumber { recording(a, b) { x throws(EngineError) in try x[0] + x[1] } }
    static func - (a: RecordedNumber, b: RecordedNumber) -> RecordedNumber { recording(a, b) { x throws(EngineError) in try x[0] - x[1] } }
    static func * (a: RecordedNumber, b: RecordedNumber) -> RecordedNumber { recording(a, b) { x throws(EngineError) in try x[0] * x[1] } }
    static func / (a: RecordedNumber, b: RecordedNumber) -> RecordedNumber { recording(a, b) { x throws(EngineError) in try x[0] / x[1] } }
    static prefix func - (a: RecordedNumber) -> RecordedNumber { recording(a) { x in -x[0] } }

    func raised(to e: Double) -> RecordedNumber { Self.recording(self) { x in x[0].pow(e) } }
    func raised(to e: RecordedNumber) -> RecordedNumber { Self.recording(self, e) { x throws(EngineError) in try x[0].power(x[1]) } }
    var logarithm: RecordedNumber { Self.recording(self) { x in x[0].log() } }

    /// `self` times the factor of the gate at each element of `x`, a constant.
    func gated(by x: RecordedNumber, _ gate: (Double) -> Gate) -> RecordedNumber {
        Self.recording(self, x) { t throws(EngineError) in try t[0] * Tensor(t[1].value.map { gate($0).factor }) }
    }

    func gated(by x: RecordedNumber, _ y: RecordedNumber, _ gate: (Double, Double) -> Gate) -> RecordedNumber {
        Self.recording(self, x, y) { t throws(EngineError) in
            try t[0] * Tensor(NDArray.zip(t[1].value, t[2].value, operation: "gradient") { gate($0, $1).factor })
        }
    }
}

extension RecordedNumber: AxisArithmetic {
    func summed(alongAxis axis: Int) -> RecordedNumber {
        Self.recording(self) { x throws(EngineError) in try x[0].sum(axis: axis, keepingAxis: true) }
    }

    var exponential: RecordedNumber { Self.recording(self) { x in x[0].exp() } }
}
