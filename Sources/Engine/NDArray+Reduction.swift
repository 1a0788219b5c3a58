/// Sums, means, maxima and minima, over everything or along one axis.
///
/// Every reduction adds in one fixed order (row-major), so results are bit-identical from
/// run to run.
extension NDArray {
    /// The sum of all elements.
    public func sum() -> Double {
        if case .scalar(let x) = storage { return x }
        return withUnsafeBufferPointer { buffer in
            var total = 0.0
            for x in buffer { total += x }
            return total
        }
    }

    /// The mean of all elements.
    public func mean() -> Double { sum() / Double(count) }

    /// The largest element and its flat index (the first one on ties; NaN wins, as numpy's max).
    public func argmax() -> (value: Double, index: Int) { extremum(greater: true) }

    /// The smallest element and its flat index.
    public func argmin() -> (value: Double, index: Int) { extremum(greater: false) }

    private func extremum(greater: Bool) -> (value: Double, index: Int) {
        withUnsafeBufferPointer { buffer in
            var best = buffer[0], index = 0
            for i in 1..<max(buffer.count, 1) {
                let x = buffer[i]
                if best.isNaN { break }
                if x.isNaN || (greater ? x > best : x < best) {
                    best = x
                    index = i
                }
            }
            return (best, index)
        }
    }

    /// The shape left after reducing `axis` (kept as size 1 when `keepingAxis`).
    static func reducedShape(_ shape: Shape, axis: Int, keepingAxis: Bool) -> Shape {
        var dims = shape.dims
        if keepingAxis { dims[axis] = 1 } else { dims.remove(at: axis) }
        return Shape(dims)
    }

    /// Visits `axis` as (outer, inner) blocks: element (o, k, i) is at `o*n*inner + k*inner + i`.
    func axisLayout(_ axis: Int) -> (outer: Int, length: Int, inner: Int) {
        let dims = shape.dims
        let outer = dims[..<axis].reduce(1, *)
        let inner = dims[(axis + 1)...].reduce(1, *)
        return (outer, dims[axis], inner)
    }

    /// Sums along `axis` (negative counts from the end).
    public func sum(axis: Int, keepingAxis: Bool = false) throws(EngineError) -> NDArray {
        guard let axis = shape.normalizedAxis(axis) else { throw .invalidAxis(axis: axis, rank: rank) }
        let (outer, length, inner) = axisLayout(axis)
        let result = NDArray.reducedShape(shape, axis: axis, keepingAxis: keepingAxis)
        return withUnsafeBufferPointer { source in
            NDArray.build(result) { out in
                for o in 0..<outer {
                    for i in 0..<inner { out[o * inner + i] = 0 }
                    for k in 0..<length {
                        let base = (o * length + k) * inner
                        for i in 0..<inner { out[o * inner + i] += source[base + i] }
                    }
                }
            }
        }
    }

    /// Means along `axis`.
    public func mean(axis: Int, keepingAxis: Bool = false) throws(EngineError) -> NDArray {
        guard let resolved = shape.normalizedAxis(axis) else { throw .invalidAxis(axis: axis, rank: rank) }
        return try sum(axis: resolved, keepingAxis: keepingAxis).scaled(by: 1 / Double(shape.dims[resolved]))
    }

    /// Maxima (or minima) along `axis`, and the index along the axis where each was found.
    public func extremum(axis: Int, greater: Bool, keepingAxis: Bool = false) throws(EngineError) -> (values: NDArray, indices: [Int]) {
        guard let axis = shape.normalizedAxis(axis) else { throw .invalidAxis(axis: axis, rank: rank) }
        let (outer, length, inner) = axisLayout(axis)
        guard length > 0 else { throw .invalidArgument("cannot take the \(greater ? "max" : "min") of an empty axis") }
        let result = NDArray.reducedShape(shape, axis: axis, keepingAxis: keepingAxis)
        var indices = [Int](repeating: 0, count: outer * inner)
        let values = withUnsafeBufferPointer { source in
            NDArray.build(result) { out in
                for o in 0..<outer {
                    for i in 0..<inner {
                        var best = source[o * length * inner + i], bestIndex = 0
                        for k in 1..<max(length, 1) where !best.isNaN {
                            let x = source[(o * length + k) * inner + i]
                            if x.isNaN || (greater ? x > best : x < best) {
                                best = x
                                bestIndex = k
                            }
                        }
                        out[o * inner + i] = best
                        indices[o * inner + i] = bestIndex
                    }
                }
            }
        }
        return (values, indices)
    }
}
