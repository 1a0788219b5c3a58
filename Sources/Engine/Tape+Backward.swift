import Foundation

/// The backward pass: reverse-mode accumulation over the tape, and the gradient rule of
/// every operation (one `case` each; scalar entries have a second, array-free copy of the
/// elementwise rules, which is what makes micrograd-style graphs fast).
extension Tape {
    /// dOutput/dEntry for one backward pass: scalars and arrays kept apart, and whether
    /// each entry was reached at all (a zero gradient still counts as reached). The
    /// buffers are either the tape's own gradients (the first pass over a tape) or scratch
    /// memory that `backward` frees.
    struct Adjoints {
        var scalars: UnsafeMutablePointer<Double>
        var reached: UnsafeMutablePointer<Bool>
        var arrays: [NDArray?]
    }

    /// Sends `seed` (dOutput/dOutput) back from entry `root`. Variables reached accumulate
    /// into their `grad`; every entry reached accumulates into the tape's gradients (for
    /// `.grad` on intermediate values and for graph diagrams).
    ///
    /// A second pass that reaches an operation an earlier pass went through is refused
    /// (nothing changes) unless the earlier pass kept the graph (`retainGraph`): its
    /// gradients are already in `.grad`, and adding them again is PyTorch's
    /// "backward through the graph a second time". Returns how many variables the pass
    /// reached.
    func backward(from root: Int32, seed: NDArray, retainGraph: Bool, site: Int) throws(EngineError) -> Int {
        try run(from: root, retainGraph: retainGraph, site: site) { adjoints in send(seed, to: root, &adjoints) }
    }

    /// The same with a scalar seed, without building an array.
    func backward(from root: Int32, scalarSeed seed: Double, retainGraph: Bool, site: Int) throws(EngineError) -> Int {
        try run(from: root, retainGraph: retainGraph, site: site) { adjoints in sendScalar(seed, to: root, &adjoints) }
    }

    /// The pass itself. The first pass over a tape accumulates straight into the tape's own
    /// gradients, which are all zero and unreached then: adding this pass's adjoints to
    /// zeros afterwards would give the same bits (an adjoint starts at +0 and only has
    /// contributions added, so it is never -0, and 0 + a = a for every other a), so only
    /// the variables need the result delivered. Later passes use scratch buffers and add.
    private func run(from root: Int32, retainGraph: Bool, site: Int, seeding: (inout Adjoints) -> Void) throws(EngineError) -> Int {
        let end = Int(root)
        prepareGradients()
        let direct = !hasRunBackward
        var adjoints: Adjoints
        if direct {
            adjoints = Adjoints(scalars: scalarGrads!, reached: reached!, arrays: [])
            swap(&adjoints.arrays, &arrayGrads)
        } else {
            adjoints = Adjoints(scalars: .allocate(capacity: end + 1), reached: .allocate(capacity: end + 1),
                                arrays: arrays.isEmpty ? [] : [NDArray?](repeating: nil, count: end + 1))
            adjoints.scalars.initialize(repeating: 0, count: end + 1)
            adjoints.reached.initialize(repeating: false, count: end + 1)
        }
        seeding(&adjoints)
        propagateAll(through: end, &adjoints)
        if let failure = backwardFailure {
            backwardFailure = nil
            if direct { swap(&adjoints.arrays, &arrayGrads) } else {
                adjoints.scalars.deallocate()
                adjoints.reached.deallocate()
            }
            throw failure
        }
        let reachedVariables: Int
        if direct {
            swap(&adjoints.arrays, &arrayGrads)
            reachedVariables = deliver(from: scalarGrads!, self.reached!, arrayGrads, through: end)
        } else {
            defer {
                adjoints.scalars.deallocate()
                adjoints.reached.deallocate()
            }
            // Entries past `gradientCount` came after the last pass, so no pass reached them.
            let earlier = self.reached!, entries = storage
            if !backwardRetained, (0..<min(end + 1, gradientCount)).contains(where: {
                adjoints.reached[$0] && earlier[$0] && !entries[$0].isLeaf
            }) {
                throw .backwardTwice(firstSite: backwardSite)
            }
            persist(adjoints, through: end)
            reachedVariables = deliver(from: adjoints.scalars, adjoints.reached, adjoints.arrays, through: end)
        }
        if !hasRunBackward { backwardSite = site }
        hasRunBackward = true
        backwardRetained = retainGraph
        return reachedVariables
    }

    /// Runs the chain rule at every entry from `end` down to the first, in tape order.
    @inline(__always)
    private func propagateAll(through end: Int, _ adjoints: inout Adjoints) {
        let entries = storage, scalars = adjoints.scalars, reached = adjoints.reached
        var j = end
        if arrays.isEmpty {
            // Every entry is a scalar: no checks of the inputs' kinds, pointers in registers,
            // and leaves (constants and variables: half the entries of a micrograd-style
            // graph) skipped without copying the entry.
            // The entry is read in place, field by field: copying it out first
            // made every step wait on a store of the copy before reading it back.
            while j >= 0 {
                if reached[j] && !entries[j].isLeaf {
                    if !Tape.propagateScalar(entries + j, scalars[j], entries, scalars, reached, checkingInputs: false) {
                        propagate(entries[j], at: j, NDArray(scalars[j]), &adjoints)
                    }
                }
                j -= 1
            }
        } else {
            while j >= 0 {
                if reached[j] {
                    let entry = entries[j]
                    if entry.isScalar {
                        let g = scalars[j]
                        if !Tape.propagateScalar(entries + j, g, entries, scalars, reached, checkingInputs: true) {
                            propagate(entry, at: j, NDArray(g), &adjoints)
                        }
                    } else if let g = adjoints.arrays[j] {
                        propagate(entry, at: j, g, &adjoints)
                    }
                }
                j -= 1
            }
        }
    }

    /// d(root)/d(entry) at each of `targets`, for a seed at `root`, without touching the
    /// gradients the tape or its variables hold: the rows of a Jacobian or a Hessian, each
    /// one pass over a graph that stays as it was (nil: the pass did not reach the target).
    func adjoints(from root: Int32, seed: NDArray, at targets: [Int32]) throws(EngineError) -> [NDArray?] {
        let end = Int(root)
        var adjoints = Adjoints(scalars: .allocate(capacity: end + 1), reached: .allocate(capacity: end + 1),
                                arrays: arrays.isEmpty ? [] : [NDArray?](repeating: nil, count: end + 1))
        defer {
            adjoints.scalars.deallocate()
            adjoints.reached.deallocate()
        }
        adjoints.scalars.initialize(repeating: 0, count: end + 1)
        adjoints.reached.initialize(repeating: false, count: end + 1)
        send(seed, to: root, &adjoints)
        propagateAll(through: end, &adjoints)
        if let failure = backwardFailure {
            backwardFailure = nil
            throw failure
        }
        return targets.map { k in
            guard k >= 0, Int(k) <= end, adjoints.reached[Int(k)] else { return nil }
            return storage[Int(k)].isScalar ? NDArray(adjoints.scalars[Int(k)]) : adjoints.arrays[Int(k)]
        }
    }

    /// Adds one pass's gradients to the tape's accumulated gradients.
    private func persist(_ adjoints: Adjoints, through end: Int) {
        let scalarGrads = scalarGrads!, reached = reached!
        for k in 0...end where adjoints.reached[k] {
            if storage[k].isScalar {
                scalarGrads[k] += adjoints.scalars[k]
            } else if var existing = arrayGrads[k] {
                arrayGrads[k] = nil   // so `existing` is the only reference and adds in place
                existing.accumulate(adjoints.arrays[k]!)
                arrayGrads[k] = existing
            } else {
                arrayGrads[k] = adjoints.arrays[k]!
            }
            reached[k] = true
        }
    }

    /// Adds one pass's gradients to the variables it reached. Slot by slot, which is tape
    /// order for the entries of any one variable (a variable only gets a second slot after
    /// its first, and a slot's entry is always later than those of earlier slots of the
    /// same variable); different variables accumulate independently. The tape holds every
    /// variable, so they are borrowed from its list rather than retained one by one.
    private func deliver(from scalars: UnsafeMutablePointer<Double>, _ reached: UnsafeMutablePointer<Bool>,
                         _ arrays: [NDArray?], through end: Int) -> Int {
        let slots = slots, entries = storage
        var delivered = 0
        variables.withUnsafeBufferPointer { variables in
            for slot in 0..<variables.count {
                let k = Int(slots[slot].entry)
                guard k >= 0, k <= end, reached[k] else { continue }
                delivered += 1
                if entries[k].isScalar {
                    variables[slot].accumulateGrad(scalars[k])
                } else {
                    variables[slot].accumulateGrad(arrays[k]!)
                }
            }
        }
        return delivered
    }

    /// Whether entry `k` wants a gradient: constants never do, so work such as the
    /// gradient with respect to a batch of data is skipped.
    @inline(__always)
    private func wants(_ k: Int32) -> Bool {
        k >= 0 && !storage[Int(k)].isConstant
    }

    @inline(__always)
    private func sendScalar(_ g: Double, to k: Int32, _ adjoints: inout Adjoints) {
        Tape.sendScalar(g, to: k, storage, adjoints.scalars, adjoints.reached)
    }

    @inline(__always)
    private static func sendScalar(
        _ g: Double, to k: Int32, _ entries: UnsafeMutablePointer<Entry>,
        _ scalars: UnsafeMutablePointer<Double>, _ reached: UnsafeMutablePointer<Bool>
    ) {
        guard k >= 0, !entries[Int(k)].isConstant else { return }
        scalars[Int(k)] += g
        reached[Int(k)] = true
    }

    @inline(__always)
    private func send(_ g: @autoclosure () -> NDArray, to k: Int32, _ adjoints: inout Adjoints) {
        guard wants(k) else { return }
        let contribution = g()
        let i = Int(k)
        if storage[i].isScalar {
            adjoints.scalars[i] += contribution.scalar!
        } else if adjoints.arrays[i] == nil {
            adjoints.arrays[i] = contribution
        } else {
            adjoints.arrays[i]!.accumulate(contribution)
        }
        adjoints.reached[i] = true
    }

    /// The elementwise rules on plain numbers, when an entry and its inputs are scalars.
    /// Returns false for anything else, which then takes the general path.
    /// `checkingInputs` can be false when every entry of the tape is a scalar.
    @inline(__always)
    private static func propagateScalar(
        _ entry: UnsafeMutablePointer<Entry>, _ g: Double, _ entries: UnsafeMutablePointer<Entry>,
        _ scalars: UnsafeMutablePointer<Double>, _ reached: UnsafeMutablePointer<Bool>, checkingInputs: Bool
    ) -> Bool {
        let a = entry.pointee.a, b = entry.pointee.b
        if checkingInputs {
            guard a < 0 || entries[Int(a)].isScalar, b < 0 || entries[Int(b)].isScalar else { return false }
        }
        guard entry.pointee.c < 0 else { return false }
        let y = entry.pointee.scalar
        let xa = a >= 0 ? entries[Int(a)].scalar : 0
        let xb = b >= 0 ? entries[Int(b)].scalar : 0
        switch entry.pointee.op {
        case .constant, .variable: break
        case .add: sendScalar(g, to: a, entries, scalars, reached); sendScalar(g, to: b, entries, scalars, reached)
        case .subtract: sendScalar(g, to: a, entries, scalars, reached); sendScalar(-g, to: b, entries, scalars, reached)
        case .multiply: sendScalar(g * xb, to: a, entries, scalars, reached); sendScalar(g * xa, to: b, entries, scalars, reached)
        case .divide: sendScalar(g / xb, to: a, entries, scalars, reached); sendScalar(-(g * y) / xb, to: b, entries, scalars, reached)
        case .negate: sendScalar(-g, to: a, entries, scalars, reached)
        case .power(let e): sendScalar(g * e * (e == 2 ? xa : Foundation.pow(xa, e - 1)), to: a, entries, scalars, reached)
        case .powerTensor:
            sendScalar(g * xb * Foundation.pow(xa, xb - 1), to: a, entries, scalars, reached)
            sendScalar(g * y * Foundation.log(xa), to: b, entries, scalars, reached)
        case .exp: sendScalar(g * y, to: a, entries, scalars, reached)
        case .log: sendScalar(g / xa, to: a, entries, scalars, reached)
        case .sqrt: sendScalar(g / (2 * y), to: a, entries, scalars, reached)
        case .abs: sendScalar(xa > 0 ? g : (xa < 0 ? -g : 0), to: a, entries, scalars, reached)
        case .sigmoid: sendScalar(g * y * (1 - y), to: a, entries, scalars, reached)
        case .tanh: sendScalar(g * (1 - y * y), to: a, entries, scalars, reached)
        case .relu: sendScalar(xa > 0 ? g : 0, to: a, entries, scalars, reached)
        case .leakyRelu(let slope): sendScalar(xa > 0 ? g : slope * g, to: a, entries, scalars, reached)
        case .maximum, .minimum:
            let first = xa == y || xa.isNaN
            sendScalar(first ? g : 0, to: a, entries, scalars, reached)
            sendScalar(first ? 0 : g, to: b, entries, scalars, reached)
        default: return false
        }
        return true
    }

    /// The chain rule at one entry: given g = dOutput/dEntry, add dOutput/dInput to each input.
    private func propagate(_ entry: Entry, at k: Int, _ g: NDArray, _ adjoints: inout Adjoints) {
        let a = entry.a, b = entry.b
        let y = entry.isScalar ? NDArray(entry.scalar) : arrays[Int(entry.array)]
        func x(_ k: Int32) -> NDArray { value(k) }
        // Elementwise rules: the gradient of an operand is g times the local derivative,
        // summed over any axes that broadcasting added to that operand.
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
        case .clamp(let attribute):
            guard case let .bounds(lower, upper) = attributes[Int(attribute)] else { return }
            send(local({ gi, xi in xi >= lower && xi <= upper ? gi : 0 }, x(a)), to: a, &adjoints)

        case .sum:
            send(NDArray(shape: x(a).shape, repeating: g.scalar!), to: a, &adjoints)
        case .mean:
            let shape = x(a).shape
            send(NDArray(shape: shape, repeating: g.scalar! / Double(Swift.max(shape.count, 1))), to: a, &adjoints)
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
            // dx = y ⊙ (g − Σ_axis g ⊙ y)
            let gy = try! g * y
            let total = try! gy.sum(axis: axis, keepingAxis: true)
            send(try! y * (g - total), to: a, &adjoints)
        case .logSoftmax(let axis):
            // dx = g − softmax(x) Σ_axis g
            let total = try! g.sum(axis: axis, keepingAxis: true)
            send(try! g - y.applying(.exp) * total, to: a, &adjoints)

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
        case .softmaxCrossEntropy(let attribute):
            guard case .crossEntropy(let targets, let probabilities) = attributes[Int(attribute)] else { return }
            let rows = probabilities.rank > 1 ? probabilities.shape.dims[0] : 1
            let scale = g.scalar! / Double(rows)
            send(try! NDArray.zip(probabilities, targets, operation: "gradient") { p, t in (p - t) * scale },
                 to: a, &adjoints)
        }
    }
}

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
