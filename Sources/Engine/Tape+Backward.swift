/// The backward pass: reverse-mode accumulation over the tape. Walking it from the end is a
/// topological order; at each entry reached, the operation's rule (`Rules.swift` for
/// elementwise operations, `Tape+Rules.swift` for the rest) adds its inputs' share.
extension Tape {
    /// dOutput/dEntry for one backward pass: scalars and arrays kept apart, and whether
    /// each entry was reached at all (a zero gradient still counts as reached). The
    /// buffers are either the tape's own gradients (the first pass over a tape) or scratch
    /// memory that `backward` frees.
    struct Adjoints {
        var scalars: UnsafeMutablePointer<Double>
        var reached: UnsafeMutablePointer<Bool>
        var arrays: [NDArray?]

        /// Scratch memory for entries `0...end`, all zero and unreached (`free` gives it back).
        static func scratch(through end: Int, arrays: Bool) -> Adjoints {
            let scalars = UnsafeMutablePointer<Double>.allocate(capacity: end + 1)
            let reached = UnsafeMutablePointer<Bool>.allocate(capacity: end + 1)
            scalars.initialize(repeating: 0, count: end + 1)
            reached.initialize(repeating: false, count: end + 1)
            return Adjoints(scalars: scalars, reached: reached, arrays: arrays ? [NDArray?](repeating: nil, count: end + 1) : [])
        }

        func free() {
            scalars.deallocate()
            reached.deallocate()
        }
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
        try run(from: root, retainGraph: retainGraph, site: site) { adjoints in
            Tape.sendScalar(seed, to: root, storage, adjoints.scalars, adjoints.reached)
        }
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
            adjoints = Adjoints.scratch(through: end, arrays: !arrays.isEmpty)
        }
        seeding(&adjoints)
        propagateAll(through: end, &adjoints)
        if let failure = backwardFailure {
            backwardFailure = nil
            if direct { swap(&adjoints.arrays, &arrayGrads) } else { adjoints.free() }
            throw failure
        }
        let reachedVariables: Int
        if direct {
            swap(&adjoints.arrays, &arrayGrads)
            reachedVariables = deliver(from: scalarGrads!, self.reached!, arrayGrads, through: end)
        } else {
            defer { adjoints.free() }
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
                if reached[j] && !entries[j].isLeaf {
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
        var adjoints = Adjoints.scratch(through: end, arrays: !arrays.isEmpty)
        defer { adjoints.free() }
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
    func wants(_ k: Int32) -> Bool {
        k >= 0 && !storage[Int(k)].isConstant
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
    func send(_ g: @autoclosure () -> NDArray, to k: Int32, _ adjoints: inout Adjoints) {
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

    /// The chain rule at a scalar entry of an elementwise operation with scalar inputs: its
    /// rule from `Rules.swift` on the numbers in the entries, with no array built. False
    /// for any other entry, which then takes the general path. `checkingInputs` can be
    /// false when every entry of the tape is a scalar.
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
        let xa = a >= 0 ? entries[Int(a)].scalar : 0
        let xb = b >= 0 ? entries[Int(b)].scalar : 0
        guard let (da, db) = entry.pointee.op.gradients(g, xa, xb, entry.pointee.scalar) else { return false }
        sendScalar(da, to: a, entries, scalars, reached)
        sendScalar(db, to: b, entries, scalars, reached)
        return true
    }
}
