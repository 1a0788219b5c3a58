import Foundation

/// The backward pass: reverse-mode accumulation over the tape, and the gradient rule of
/// every operation (one `case` each).
extension Tape {
    /// Sends `seed` (dOutput/dOutput) back from entry `root`. Variables reached accumulate
    /// into their `grad`; every entry reached accumulates into `grads` (for `.grad` on
    /// intermediate values and for graph diagrams).
    func backward(from root: Int32, seed: NDArray) {
        let end = Int(root)
        var adjoints = [NDArray?](repeating: nil, count: end + 1)
        adjoints[end] = seed
        var j = end
        while j >= 0 {
            if let g = adjoints[j] {
                propagate(entries[j], g, &adjoints)
            }
            j -= 1
        }
        if grads.count < entries.count {
            grads.append(contentsOf: repeatElement(nil, count: entries.count - grads.count))
        }
        for k in 0...end {
            guard let g = adjoints[k] else { continue }
            if case .variable(let slot) = entries[k].op {
                let variable = variables[slot]
                if var existing = variable.grad, existing.shape == g.shape {
                    existing.accumulate(g)
                    variable.grad = existing
                } else {
                    variable.grad = g
                }
            }
            if var existing = grads[k] {
                existing.accumulate(g)
                grads[k] = existing
            } else {
                grads[k] = g
            }
        }
    }

    /// Whether entry `k` wants a gradient: constants never do, so work such as the
    /// gradient with respect to a batch of data is skipped.
    @inline(__always)
    private func wants(_ k: Int32) -> Bool {
        k >= 0 && !entries[Int(k)].isConstant
    }

    @inline(__always)
    private func send(_ g: @autoclosure () -> NDArray, to k: Int32, _ adjoints: inout [NDArray?]) {
        guard wants(k) else { return }
        let contribution = g()
        if adjoints[Int(k)] == nil {
            adjoints[Int(k)] = contribution
        } else {
            adjoints[Int(k)]!.accumulate(contribution)
        }
    }

    /// The chain rule at one entry: given g = dOutput/dEntry, add dOutput/dInput to each input.
    private func propagate(_ entry: Entry, _ g: NDArray, _ adjoints: inout [NDArray?]) {
        let a = entry.a, b = entry.b
        let y = entry.value
        // Elementwise rules: the gradient of an operand is g times the local derivative,
        // summed over any axes that broadcasting added to that operand.
        func x(_ k: Int32) -> NDArray { entries[Int(k)].value }
        func local(_ f: (Double, Double) -> Double, _ input: NDArray) -> NDArray {
            try! NDArray.zip(g, input, operation: "gradient", f)
        }
        switch entry.op {
        case .constant, .variable:
            return

        case .add:
            send(g.summed(toShape: x(a).shape), to: a, &adjoints)
            send(g.summed(toShape: x(b).shape), to: b, &adjoints)
        case .subtract:
            send(g.summed(toShape: x(a).shape), to: a, &adjoints)
            send((-g).summed(toShape: x(b).shape), to: b, &adjoints)
        case .multiply:
            send(try! (g * x(b)).summed(toShape: x(a).shape), to: a, &adjoints)
            send(try! (g * x(a)).summed(toShape: x(b).shape), to: b, &adjoints)
        case .divide:
            send(try! (g / x(b)).summed(toShape: x(a).shape), to: a, &adjoints)
            // d(a/b)/db = -a/b² = -y/b
            send(try! (-(g * y) / x(b)).summed(toShape: x(b).shape), to: b, &adjoints)
        case .negate:
            send(-g, to: a, &adjoints)
        case .power(let e):
            send(local({ gi, xi in gi * e * Foundation.pow(xi, e - 1) }, x(a)), to: a, &adjoints)
        case .powerTensor:
            // d(a^b)/da = b a^(b-1); d(a^b)/db = a^b log a
            let base = x(a), exponent = x(b)
            send(try! (g * NDArray.zip(base, exponent, operation: "power") { p, q in q * Foundation.pow(p, q - 1) })
                .summed(toShape: base.shape), to: a, &adjoints)
            send(try! (g * NDArray.zip(y, base, operation: "power") { v, p in v * Foundation.log(p) })
                .summed(toShape: exponent.shape), to: b, &adjoints)
        case .exp:
            send(try! g * y, to: a, &adjoints)
        case .log:
            send(try! g / x(a), to: a, &adjoints)
        case .sqrt:
            send(local({ gi, yi in gi / (2 * yi) }, y), to: a, &adjoints)
        case .abs:
            send(local({ gi, xi in xi > 0 ? gi : (xi < 0 ? -gi : 0) }, x(a)), to: a, &adjoints)
        case .sigmoid:
            send(local({ gi, yi in gi * yi * (1 - yi) }, y), to: a, &adjoints)
        case .tanh:
            send(local({ gi, yi in gi * (1 - yi * yi) }, y), to: a, &adjoints)
        case .relu:
            send(local({ gi, xi in xi > 0 ? gi : 0 }, x(a)), to: a, &adjoints)
        case .leakyRelu(let slope):
            send(local({ gi, xi in xi > 0 ? gi : slope * gi }, x(a)), to: a, &adjoints)
        case .maximum, .minimum:
            // The gate routes the whole gradient to the operand that won (ties: the first).
            let wonByA = try! NDArray.zip(x(a), y, operation: "gradient") { xi, yi in xi == yi || xi.isNaN ? 1 : 0 }
            send(try! (g * wonByA).summed(toShape: x(a).shape), to: a, &adjoints)
            send(try! (g * wonByA.map { 1 - $0 }).summed(toShape: x(b).shape), to: b, &adjoints)
        case .clamp(let lower, let upper):
            send(local({ gi, xi in xi >= lower && xi <= upper ? gi : 0 }, x(a)), to: a, &adjoints)

        case .sum:
            send(NDArray(shape: x(a).shape, repeating: g.scalar!), to: a, &adjoints)
        case .mean:
            let shape = x(a).shape
            send(NDArray(shape: shape, repeating: g.scalar! / Double(Swift.max(shape.count, 1))), to: a, &adjoints)
        case let .sumAxis(axis, keep), let .meanAxis(axis, keep):
            let shape = x(a).shape
            var spread = try! (keep ? g : g.reshaped(NDArray.reducedShape(shape, axis: axis, keepingAxis: true)))
                .broadcast(to: shape)
            if case .meanAxis = entry.op { spread = spread.scaled(by: 1 / Double(shape.dims[axis])) }
            send(spread, to: a, &adjoints)
        case .extremum(_, let index):
            var spread = [Double](repeating: 0, count: x(a).count)
            spread[index] = g.scalar!
            send(NDArray(shape: x(a).shape, values: spread), to: a, &adjoints)
        case let .extremumAxis(axis, _, _, indices):
            let shape = x(a).shape
            let (outer, length, inner) = x(a).axisLayout(axis)
            var spread = [Double](repeating: 0, count: shape.count)
            g.withUnsafeBufferPointer { pg in
                for o in 0..<outer {
                    for i in 0..<inner {
                        spread[(o * length + indices[o * inner + i]) * inner + i] = pg[o * inner + i]
                    }
                }
            }
            send(NDArray(shape: shape, values: spread), to: a, &adjoints)

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
        case .permute(let permutation):
            var inverse = [Int](repeating: 0, count: permutation.count)
            for (i, p) in permutation.enumerated() { inverse[p] = i }
            send(try! g.permuted(inverse), to: a, &adjoints)
        case .reshape:
            send(try! g.reshaped(x(a).shape), to: a, &adjoints)
        case .index(let resolved):
            send(g.scattering(resolved), to: a, &adjoints)
        case let .concat(axis, inputs):
            let pieces = g.split(axis: axis, sizes: inputs.map { x($0).shape.dims[axis] })
            for (input, piece) in zip(inputs, pieces) { send(piece, to: input, &adjoints) }
        case .softmax(let axis):
            // dx = y ⊙ (g − Σ_axis g ⊙ y)
            let gy = try! g * y
            let total = try! gy.sum(axis: axis, keepingAxis: true)
            send(try! y * (g - total), to: a, &adjoints)
        case .logSoftmax(let axis):
            // dx = g − softmax(x) Σ_axis g
            let total = try! g.sum(axis: axis, keepingAxis: true)
            send(try! g - y.map { Foundation.exp($0) } * total, to: a, &adjoints)

        case .meanSquaredError:
            let n = Double(Swift.max(x(a).count, 1))
            let scale = g.scalar! * 2 / n
            let diff = try! x(a) - x(b)
            send(diff.scaled(by: scale).summed(toShape: x(a).shape), to: a, &adjoints)
            send(diff.scaled(by: -scale).summed(toShape: x(b).shape), to: b, &adjoints)
        case .halfSumSquares:
            let scale = g.scalar!
            let diff = try! x(a) - x(b)
            send(diff.scaled(by: scale).summed(toShape: x(a).shape), to: a, &adjoints)
            send(diff.scaled(by: -scale).summed(toShape: x(b).shape), to: b, &adjoints)
        case .binaryCrossEntropy:
            let n = Double(Swift.max(x(a).count, 1))
            let scale = g.scalar! / n
            let p = x(a).map(Loss.clampProbability), t = x(b)
            send(try! NDArray.zip(p, t, operation: "gradient") { pi, ti in scale * (pi - ti) / (pi * (1 - pi)) }
                .summed(toShape: x(a).shape), to: a, &adjoints)
            send(p.map { pi in scale * (Foundation.log(1 - pi) - Foundation.log(pi)) }.summed(toShape: t.shape),
                 to: b, &adjoints)
        case .softmaxCrossEntropy(let targets):
            let logits = x(a)
            let rows = logits.rank > 1 ? logits.shape.dims[0] : 1
            let probabilities = try! Tensor.softmax(logits, axis: logits.rank - 1, log: false)
            send(try! (probabilities - targets).scaled(by: g.scalar! / Double(rows)), to: a, &adjoints)
        }
    }
}

extension Tensor {
    /// Runs the backward pass from this value: every variable it depends on gets
    /// d(self)/d(variable) added to its `grad` (gradients accumulate until zeroed).
    ///
    /// The graph is closed afterwards: values computed before this call act as constants in
    /// later computations (variables and parameters keep collecting gradients). This keeps
    /// memory flat in training loops, as PyTorch frees a graph after `backward`. Calling
    /// `backward` again on a value of a closed graph runs through it again.
    public func backward(seed: NDArray? = nil) throws(EngineError) {
        let start: NDArray
        if let seed {
            start = seed
        } else {
            guard value.count == 1 else { throw .nonScalarBackward(shape) }
            start = NDArray.ones(shape)
        }
        guard start.shape == shape else { throw .shapeMismatch(operation: "backward's seed", shape, start.shape) }
        switch origin {
        case .constant:
            return
        case .variable(let variable):
            if var existing = variable.grad, existing.shape == start.shape {
                existing.accumulate(start)
                variable.grad = existing
            } else {
                variable.grad = start
            }
        case .node(let tape, let index):
            tape.backward(from: index, seed: start)
            if tape.isOpen {
                let context = GraphContext.current
                if context.isolationDepth == 0 || context.tape === tape { context.close(tape) }
            }
        }
    }
}
