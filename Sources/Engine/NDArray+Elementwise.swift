/// Elementwise arithmetic with numpy broadcasting.
extension NDArray {
    /// `f` applied to every element.
    @inlinable
    public func map(_ f: (Double) -> Double) -> NDArray {
        if case .scalar(let x) = storage { return NDArray(f(x)) }
        return withUnsafeBufferPointer { source in
            NDArray.build(shape) { out in
                for i in 0..<source.count { out[i] = f(source[i]) }
            }
        }
    }

    /// `f` applied to pairs of elements, broadcasting the shapes as numpy does.
    @inlinable
    public static func zip(
        _ a: NDArray, _ b: NDArray, operation: String, _ f: (Double, Double) -> Double
    ) throws(EngineError) -> NDArray {
        if case .scalar(let x) = a.storage, case .scalar(let y) = b.storage { return NDArray(f(x, y)) }
        if a.shape == b.shape {
            return a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    NDArray.build(a.shape) { out in
                        for i in 0..<out.count { out[i] = f(pa[i], pb[i]) }
                    }
                }
            }
        }
        guard let shape = Shape.broadcast(a.shape, b.shape) else {
            throw .shapeMismatch(operation: operation, a.shape, b.shape, detail: "sizes must match or be 1, aligned from the right")
        }
        try Limits.check(shape)
        if case .scalar(let y) = b.storage {
            return a.withUnsafeBufferPointer { pa in
                NDArray.build(shape) { out in for i in 0..<out.count { out[i] = f(pa[i], y) } }
            }
        }
        if case .scalar(let x) = a.storage {
            return b.withUnsafeBufferPointer { pb in
                NDArray.build(shape) { out in for i in 0..<out.count { out[i] = f(x, pb[i]) } }
            }
        }
        let stridesA = broadcastStrides(a.shape, to: shape)
        let stridesB = broadcastStrides(b.shape, to: shape)
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                NDArray.build(shape) { out in
                    forEachBroadcastRun(shape, stridesA, stridesB) { outStart, offsetA, offsetB, length, stepA, stepB in
                        var ia = offsetA, ib = offsetB
                        for i in outStart..<(outStart + length) {
                            out[i] = f(pa[ia], pb[ib])
                            ia += stepA
                            ib += stepB
                        }
                    }
                }
            }
        }
    }

    /// Element strides of `shape` seen as `target` (0 along broadcast axes).
    @usableFromInline
    static func broadcastStrides(_ shape: Shape, to target: Shape) -> [Int] {
        let own = shape.strides
        let offset = target.rank - shape.rank
        return (0..<target.rank).map { axis in
            axis < offset || shape.dims[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }

    /// Walks `shape` in row-major order as runs along the last axis, giving each run's
    /// output start, the two input offsets and their steps. Keeps the inner loop tight.
    @usableFromInline
    static func forEachBroadcastRun(
        _ shape: Shape, _ stridesA: [Int], _ stridesB: [Int],
        _ body: (_ outStart: Int, _ offsetA: Int, _ offsetB: Int, _ length: Int, _ stepA: Int, _ stepB: Int) -> Void
    ) {
        let rank = shape.rank
        guard rank > 0 else { body(0, 0, 0, 1, 0, 0); return }
        let length = shape.dims[rank - 1]
        let total = shape.count
        guard length > 0, total > 0 else { return }
        var counter = [Int](repeating: 0, count: rank - 1)
        var offsetA = 0, offsetB = 0
        var outStart = 0
        while outStart < total {
            body(outStart, offsetA, offsetB, length, stridesA[rank - 1], stridesB[rank - 1])
            outStart += length
            var axis = rank - 2
            while axis >= 0 {
                counter[axis] += 1
                offsetA += stridesA[axis]
                offsetB += stridesB[axis]
                if counter[axis] < shape.dims[axis] { break }
                offsetA -= stridesA[axis] * counter[axis]
                offsetB -= stridesB[axis] * counter[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }

    public static func + (a: NDArray, b: NDArray) throws(EngineError) -> NDArray { try zip(a, b, operation: "addition", +) }
    public static func - (a: NDArray, b: NDArray) throws(EngineError) -> NDArray { try zip(a, b, operation: "subtraction", -) }
    public static func * (a: NDArray, b: NDArray) throws(EngineError) -> NDArray { try zip(a, b, operation: "multiplication", *) }
    public static func / (a: NDArray, b: NDArray) throws(EngineError) -> NDArray { try zip(a, b, operation: "division", /) }
    public static prefix func - (a: NDArray) -> NDArray { a.map { -$0 } }

    /// `self` times a number.
    public func scaled(by factor: Double) -> NDArray { map { $0 * factor } }

    /// Adds `other` (of the same shape) into `self` in place: the gradient accumulator's `+=`.
    public mutating func accumulate(_ other: NDArray) {
        precondition(other.shape == shape, "accumulate: \(other.shape) into \(shape)")
        if case .scalar(let x) = storage, case .scalar(let y) = other.storage {
            storage = .scalar(x + y)
            return
        }
        other.withUnsafeBufferPointer { source in
            withUnsafeMutableBufferPointer { target in
                for i in 0..<target.count { target[i] += source[i] }
            }
        }
    }

    /// Sums the broadcast axes away so that a gradient gets the shape of the operand that
    /// was broadcast (the reverse of broadcasting).
    public func summed(toShape target: Shape) -> NDArray {
        if target == shape { return self }
        if target.isScalar { return NDArray(sum()) }
        let strides = NDArray.broadcastStrides(target, to: shape)
        return withUnsafeBufferPointer { source in
            var result = [Double](repeating: 0, count: target.count)
            result.withUnsafeMutableBufferPointer { out in
                NDArray.forEachBroadcastRun(shape, strides, strides) { start, offset, _, length, step, _ in
                    var o = offset
                    for i in start..<(start + length) {
                        out[o] += source[i]
                        o += step
                    }
                }
            }
            return NDArray(uncheckedShape: target, buffer: result)
        }
    }

    /// This array repeated along broadcast axes to `target`.
    public func broadcast(to target: Shape) throws(EngineError) -> NDArray {
        if target == shape { return self }
        guard Shape.broadcast(shape, target) == target else {
            throw .shapeMismatch(operation: "broadcasting", shape, target)
        }
        return try NDArray.zip(self, NDArray.zeros(target), operation: "broadcasting") { x, _ in x }
    }
}
