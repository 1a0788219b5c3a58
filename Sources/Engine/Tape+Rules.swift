/// The gradient rule of every operation, on arrays: given g = dOutput/dEntry, what each
/// input gets. Elementwise operations apply their rule from `Rules.swift` at each element;
/// every other operation has its case here, written once. The formulas of softmax,
/// log-softmax, the mean and the losses (at the end of this file) are generic, and the
/// recorded backward pass runs the same ones on tensors.
extension Tape {
    /// The chain rule at one entry: given g = dOutput/dEntry, add dOutput/dInput to each input.
    func propagate(_ entry: Entry, at k: Int, _ g: NDArray, _ adjoints: inout Adjoints) {
        let a = entry.a, b = entry.b
        let y = entry.isScalar ? NDArray(entry.scalar) : arrays[Int(entry.array)]
        func x(_ k: Int32) -> NDArray { value(k) }
        switch entry.op {
        case .constant, .variable:
            return

        case .add, .subtract, .multiply, .divide, .negate, .power, .powerTensor, .exp, .log, .sqrt, .abs,
             .sigmoid, .tanh, .relu, .leakyRelu, .maximum, .minimum:
            sendElementwise(entry.op, a, b, y, g, &adjoints)
        case .clamp(let attribute):
            guard case let .bounds(lower, upper) = attributes[Int(attribute)] else { return }
            send(try! NDArray.zip(g, x(a), operation: "gradient") { Clamp.gradient($0, $1, lower: lower, upper: upper) },
                 to: a, &adjoints)

        case .sum:
            send(NDArray(shape: x(a).shape, repeating: g.scalar!), to: a, &adjoints)
        case .mean:
            let shape = x(a).shape
            send(NDArray(shape: shape, repeating: Op.meanGradient(g.scalar!, count: shape.count)), to: a, &adjoints)
        case let .sumAxis(axis32, keep), let .meanAxis(axis32, keep):
            let axis = Int(axis32), shape = x(a).shape
            var spread = try! (keep ? g : g.reshaped(NDArray.reducedShape(shape, axis: axis, keepingAxis: true)))
                .broadcast(to: shape)
            if case .meanAxis = entry.op { spread = spread.scaled(by: 1 / Double(shape.dims[axis])) }
            send(spread, to: a, &adjoints)
        case .extremum(_, let index):
            var spread = [Double](repeating: 0, count: x(a).count)
            spread[Int(index)] = g.scalar!
            send(NDArray(shape: x(a).shape, values: spread), to: a, &adjoints)
        case let .extremumAxis(axis, _, _, attribute):
            guard case .indices(let indices) = attributes[Int(attribute)] else { return }
            let input = x(a)
            let (outer, length, inner) = input.axisLayout(Int(axis))
            var spread = [Double](repeating: 0, count: input.count)
            g.withUnsafeBufferPointer { pg in
                for o in 0..<outer {
                    for i in 0..<inner {
                        spread[(o * length + indices[o * inner + i]) * inner + i] = pg[o * inner + i]
                    }
                }
            }
            send(NDArray(shape: input.shape, values: spread), to: a, &adjoints)

        case .matmul:
            let (da, db) = NDArray.matmulGradients(x(a), x(b), g, needA: wants(a), needB: wants(b))
            if let da { send(da, to: a, &adjoints) }
            if let db { send(db, to: b, &adjoints) }
        case .affine(let hasBias):
            let c = entry.c
            let (dx, dw, db) = NDArray.affineGradients(
                x(a), weight: x(b), g, needX: wants(a), needWeight: wants(b), needBias: hasBias && wants(c))
            if let dx { send(dx, to: a, &adjoints) }
            if let dw { send(dw, to: b, &adjoints) }
            if let db { send(db, to: c, &adjoints) }
        case .permute(let attribute):
            guard case .permutation(let permutation) = attributes[Int(attribute)] else { return }
            var inverse = [Int](repeating: 0, count: permutation.count)
            for (i, p) in permutation.enumerated() { inverse[p] = i }
            send(try! g.permuted(inverse), to: a, &adjoints)
        case .reshape:
            send(try! g.reshaped(x(a).shape), to: a, &adjoints)
        case .index(let attribute):
            guard case .index(let resolved) = attributes[Int(attribute)] else { return }
            send(g.scattering(resolved), to: a, &adjoints)
        case .scatter(let attribute):
            guard case .index(let resolved) = attributes[Int(attribute)] else { return }
            send(g.gathering(resolved), to: a, &adjoints)
        case let .concat(axis32, attribute):
            guard case .inputs(let inputs) = attributes[Int(attribute)] else { return }
            let axis = Int(axis32)
            let pieces = g.split(axis: axis, sizes: inputs.map { x($0).shape.dims[axis] })
            for (input, piece) in zip(inputs, pieces) { send(piece, to: input, &adjoints) }
        case .custom:
            // The rule is the operation's own, in tensor operations, run on constants.
            do {
                for (input, contribution) in try customRule(at: Int32(k), Tensor(g), recording: false) {
                    send(contribution.value, to: input, &adjoints)
                }
            } catch {
                // Reported by the pass once it ends (this rule cannot throw).
                backwardFailure = backwardFailure ?? error
            }
        case .softmax(let axis):
            send(Op.softmaxGradient(NumericArray(g), NumericArray(y), axis: axis).array, to: a, &adjoints)
        case .logSoftmax(let axis):
            send(Op.logSoftmaxGradient(NumericArray(g), NumericArray(y), axis: axis).array, to: a, &adjoints)

        case .meanSquaredError:
            let scale = Op.meanSquaredErrorScale(g.scalar!, count: x(a).count)
            sendPairwise(a, b, &adjoints) { Op.squaredErrorGradients(scale, $0, $1) }
        case .halfSumSquares:
            let scale = g.scalar!
            sendPairwise(a, b, &adjoints) { Op.squaredErrorGradients(scale, $0, $1) }
        case .binaryCrossEntropy:
            // At the probability clamped as the forward pass clamps it.
            let scale = Op.meanGradient(g.scalar!, count: x(a).count)
            sendPairwise(a, b, &adjoints) { Op.binaryCrossEntropyGradients(scale, Loss.clampProbability($0), $1) }
        case .softmaxCrossEntropy(let attribute):
            guard case .crossEntropy(let targets, let probabilities) = attributes[Int(attribute)] else { return }
            let scale = Op.meanGradient(g.scalar!, count: probabilities.rank > 1 ? probabilities.shape.dims[0] : 1)
            send(try! NDArray.zip(probabilities, targets, operation: "gradient") { Op.softmaxCrossEntropyGradient(scale, $0, $1) },
                 to: a, &adjoints)
        }
    }

    /// A loss's rule at each pair of elements of its inputs (broadcast together), each
    /// input's contributions summed back to its shape.
    private func sendPairwise(_ a: Int32, _ b: Int32, _ adjoints: inout Adjoints, _ rule: (Double, Double) -> (a: Double, b: Double)) {
        let xa = value(a), xb = value(b)
        send(try! NDArray.zip(xa, xb, operation: "gradient") { rule($0, $1).a }.summed(toShape: xa.shape), to: a, &adjoints)
        send(try! NDArray.zip(xa, xb, operation: "gradient") { rule($0, $1).b }.summed(toShape: xb.shape), to: b, &adjoints)
    }

    /// An elementwise rule on arrays: `Op.gradients` at every element of the result, with
    /// the inputs broadcast to its shape, and each input's contributions summed over the
    /// axes that broadcasting added to it. Only inputs that want a gradient get one.
    private func sendElementwise(_ op: Op, _ a: Int32, _ b: Int32, _ y: NDArray, _ g: NDArray, _ adjoints: inout Adjoints) {
        let xa = value(a), xb = b >= 0 ? value(b) : xa, shape = g.shape
        // A single number is read in place (stride 0) rather than spread into an array.
        func spread(_ x: NDArray) -> (NDArray, stride: Int) {
            x.shape == shape ? (x, 1) : x.count == 1 ? (x, 0) : (try! x.broadcast(to: shape), 1)
        }
        let (spreadA, strideA) = spread(xa), (spreadB, strideB) = spread(xb)
        func contributions(to input: Int) -> NDArray {
            NDArray.build(shape) { out in
                g.withUnsafeBufferPointer { g in
                    spreadA.withUnsafeBufferPointer { xa in
                        spreadB.withUnsafeBufferPointer { xb in
                            y.withUnsafeBufferPointer { y in
                                Tape.contributions(op, to: input, g.baseAddress!, (xa.baseAddress!, strideA),
                                                   (xb.baseAddress!, strideB), y.baseAddress!, out.baseAddress!, count: out.count)
                            }
                        }
                    }
                }
            }
        }
        send(contributions(to: 0).summed(toShape: xa.shape), to: a, &adjoints)
        send(contributions(to: 1).summed(toShape: xb.shape), to: b, &adjoints)
    }

    typealias Operand = (values: UnsafePointer<Double>, stride: Int)

    /// `Op.gradients` at each of `count` elements: what input `input` (0: a, 1: b) gets. As
    /// `Tensor.values` does for the forward pass, the activations and the arithmetic get a
    /// loop each with the operation fixed, so no loop switches at every element (which cost
    /// the `digits` and `wide` rows a few percent).
    @inline(never)
    private static func contributions(
        _ op: Op, to input: Int, _ g: UnsafePointer<Double>, _ a: Operand, _ b: Operand, _ y: UnsafePointer<Double>,
        _ out: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch op {
        case .add: fill(.add, input, g, a, b, y, out, count)
        case .subtract: fill(.subtract, input, g, a, b, y, out, count)
        case .multiply: fill(.multiply, input, g, a, b, y, out, count)
        case .divide: fill(.divide, input, g, a, b, y, out, count)
        case .exp: fill(.exp, input, g, a, b, y, out, count)
        case .tanh: fill(.tanh, input, g, a, b, y, out, count)
        case .sigmoid: fill(.sigmoid, input, g, a, b, y, out, count)
        case .relu: fill(.relu, input, g, a, b, y, out, count)
        default: fill(op, input, g, a, b, y, out, count)
        }
    }

    /// The loops of `contributions`, inlined where `op` is fixed (`@inline(__always)` was not
    /// honoured for every such loop; transparent is). Each input is either of the result's
    /// shape or one number, read once: every case is a plain loop that LLVM can vectorise.
    @_transparent
    private static func fill(
        _ op: Op, _ input: Int, _ g: UnsafePointer<Double>, _ a: Operand, _ b: Operand, _ y: UnsafePointer<Double>,
        _ out: UnsafeMutablePointer<Double>, _ count: Int
    ) {
        let (pa, pb) = (a.values, b.values)
        switch (a.stride, b.stride) {
        case (1, 1): loop(op, input, out, count) { (g[$0], pa[$0], pb[$0], y[$0]) }
        case (1, _): loop(op, input, out, count) { [vb = pb[0]] in (g[$0], pa[$0], vb, y[$0]) }
        case (_, 1): loop(op, input, out, count) { [va = pa[0]] in (g[$0], va, pb[$0], y[$0]) }
        default: loop(op, input, out, count) { [va = pa[0], vb = pb[0]] in (g[$0], va, vb, y[$0]) }
        }
    }

    /// `out[i]`: `Op.gradients` of `element(i)` (g, a, b and y at i), for input `input`.
    @_transparent
    private static func loop(_ op: Op, _ input: Int, _ out: UnsafeMutablePointer<Double>, _ count: Int,
                             _ element: (Int) -> (Double, Double, Double, Double)) {
        if input == 0 {
            for i in 0..<count {
                let (g, a, b, y) = element(i)
                out[i] = op.gradients(g, a, b, y).unsafelyUnwrapped.a
            }
        } else {
            for i in 0..<count {
                let (g, a, b, y) = element(i)
                out[i] = op.gradients(g, a, b, y).unsafelyUnwrapped.b
            }
        }
    }
}

/// The rules of the mean, the losses and softmax, written once: the numeric pass runs them
/// on `Double` at each element (on `NumericArray` for softmax's sums along an axis), the
/// recorded pass on `RecordedNumber`s. `g` is dOutput/dEntry, a number for all but softmax.
extension Op {
    /// What each of `count` numbers gets from their mean.
    static func meanGradient<N: GradientArithmetic>(_ g: N, count: Int) -> N {
        g / N(Double(Swift.max(count, 1)))
    }

    /// The factor of (prediction − target) in the mean squared error's gradient: 2g/n.
    static func meanSquaredErrorScale<N: GradientArithmetic>(_ g: N, count: Int) -> N {
        meanGradient(g * 2, count: count)
    }

    /// A squared error's gradient: `scale` (g for ½ Σ (a − b)², 2g/n for the mean) times
    /// a − b for the prediction, the negation for the target.
    static func squaredErrorGradients<N: GradientArithmetic>(_ scale: N, _ a: N, _ b: N) -> (a: N, b: N) {
        let difference = (a - b) * scale
        return (difference, -difference)
    }

    /// Binary cross-entropy's gradient at probability `p` and target `t`, `scale` being g/n.
    static func binaryCrossEntropyGradients<N: GradientArithmetic>(_ scale: N, _ p: N, _ t: N) -> (a: N, b: N) {
        (scale * (p - t) / (p * (1 - p)), scale * ((1 - p).logarithm - p.logarithm))
    }

    /// Cross-entropy of softmax(logits) against target probabilities `t`, at the softmax
    /// probabilities `p`, `scale` being g over the number of rows.
    static func softmaxCrossEntropyGradient<N: GradientArithmetic>(_ scale: N, _ p: N, _ t: N) -> N {
        (p - t) * scale
    }

    /// dx = y ⊙ (g − Σ_axis g ⊙ y) for y = softmax(x).
    static func softmaxGradient<N: AxisArithmetic>(_ g: N, _ y: N, axis: Int) -> N {
        y * (g - (g * y).summed(alongAxis: axis))
    }

    /// dx = g − softmax(x) Σ_axis g for y = log_softmax(x).
    static func logSoftmaxGradient<N: AxisArithmetic>(_ g: N, _ y: N, axis: Int) -> N {
        g - y.exponential * g.summed(alongAxis: axis)
    }
}

/// What softmax's rules need besides the arithmetic of arrays: sums along an axis.
protocol AxisArithmetic {
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    /// The sums along `axis`, the axis kept (length 1).
    func summed(alongAxis axis: Int) -> Self
    /// e^x at each element, as `ElementaryFunctions.exp` gives it.
    var exponential: Self { get }
}

/// An array as the numeric pass gives it to softmax's rules. The shapes of a rule's
/// operands always fit one another, so its operations cannot throw.
struct NumericArray: AxisArithmetic {
    let array: NDArray

    init(_ array: NDArray) { self.array = array }

    static func - (a: NumericArray, b: NumericArray) -> NumericArray { NumericArray(try! a.array - b.array) }
    static func * (a: NumericArray, b: NumericArray) -> NumericArray { NumericArray(try! a.array * b.array) }
    func summed(alongAxis axis: Int) -> NumericArray { NumericArray(try! array.sum(axis: axis, keepingAxis: true)) }
    var exponential: NumericArray { NumericArray(array.map { ElementaryFunctions.exp($0) }) }
}
