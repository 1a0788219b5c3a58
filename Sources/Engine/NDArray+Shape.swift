/// One axis of an index expression: `x[1]`, `x[-1]`, `x[1..<3]`, `x[:, 0]`.
public enum IndexComponent: Hashable, Sendable {
    /// One position; the axis disappears from the result. Negative counts from the end.
    case index(Int)
    /// Positions `start, start+step, ...` before `end`; the axis stays. nil bounds mean the
    /// whole axis; negative bounds count from the end.
    case slice(start: Int?, end: Int?, step: Int)
    /// The positions listed, in order, repeats allowed; the axis stays, as long as the list
    /// (numpy's integer-array index). Negative positions count from the end.
    case positions([Int])

    /// Every position of the axis (`:`).
    public static let all = IndexComponent.slice(start: nil, end: nil, step: 1)
}

/// An index expression resolved against a shape: the source positions along every axis.
public struct ResolvedIndex: Hashable, Sendable {
    /// Selected positions along each axis of the source.
    let positions: [[Int]]
    /// Whether each source axis stays in the result.
    let kept: [Bool]
    public let resultShape: Shape
    public let sourceShape: Shape
}

extension NDArray {
    /// Resolves `components` (one per leading axis; missing trailing axes are taken whole).
    public static func resolve(_ components: [IndexComponent], in shape: Shape) throws(EngineError) -> ResolvedIndex {
        guard components.count <= shape.rank else {
            throw .invalidArgument("too many indices (\(components.count)) for a tensor of rank \(shape.rank)")
        }
        var positions: [[Int]] = [], kept: [Bool] = [], dims: [Int] = []
        for axis in 0..<shape.rank {
            let size = shape.dims[axis]
            let component = axis < components.count ? components[axis] : .all
            switch component {
            case .index(let i):
                let resolved = i < 0 ? i + size : i
                guard resolved >= 0 && resolved < size else { throw .indexOutOfRange(index: i, axis: axis, size: size) }
                positions.append([resolved])
                kept.append(false)
            case .positions(let listed):
                var selected: [Int] = []
                selected.reserveCapacity(listed.count)
                for i in listed {
                    let resolved = i < 0 ? i + size : i
                    guard resolved >= 0 && resolved < size else { throw .indexOutOfRange(index: i, axis: axis, size: size) }
                    selected.append(resolved)
                }
                positions.append(selected)
                kept.append(true)
                dims.append(selected.count)
            case let .slice(start, end, step):
                guard step != 0 else { throw .invalidArgument("a slice step cannot be 0") }
                let clamp = { (value: Int) in min(max(value < 0 ? value + size : value, 0), size) }
                var selected: [Int] = []
                if step > 0 {
                    var p = start.map(clamp) ?? 0
                    let stop = end.map(clamp) ?? size
                    while p < stop { selected.append(p); p += step }
                } else {
                    var p = start.map { min(max($0 < 0 ? $0 + size : $0, -1), size - 1) } ?? size - 1
                    let stop = end.map { min(max($0 < 0 ? $0 + size : $0, -1), size - 1) } ?? -1
                    while p > stop { selected.append(p); p += step }
                }
                positions.append(selected)
                kept.append(true)
                dims.append(selected.count)
            }
        }
        return ResolvedIndex(positions: positions, kept: kept, resultShape: Shape(dims), sourceShape: shape)
    }

    /// Visits the flat source offset of every selected element, in result order.
    private static func forEachOffset(_ index: ResolvedIndex, _ body: (_ resultOffset: Int, _ sourceOffset: Int) -> Void) {
        let strides = index.sourceShape.strides
        let rank = index.positions.count
        if rank == 0 { body(0, 0); return }
        if index.positions.contains(where: { $0.isEmpty }) { return }
        var counter = [Int](repeating: 0, count: rank)
        var resultOffset = 0
        while true {
            var source = 0
            for axis in 0..<rank { source += index.positions[axis][counter[axis]] * strides[axis] }
            body(resultOffset, source)
            resultOffset += 1
            var axis = rank - 1
            while axis >= 0 {
                counter[axis] += 1
                if counter[axis] < index.positions[axis].count { break }
                counter[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }

    /// The selected elements.
    public func gathering(_ index: ResolvedIndex) -> NDArray {
        withUnsafeBufferPointer { source in
            NDArray.build(index.resultShape) { out in
                NDArray.forEachOffset(index) { r, s in out[r] = source[s] }
            }
        }
    }

    /// Zeros of the source shape with `self` added at the selected positions (the gradient
    /// of `gathering`: positions selected twice receive both contributions).
    public func scattering(_ index: ResolvedIndex) -> NDArray {
        var result = [Double](repeating: 0, count: index.sourceShape.count)
        withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { out in
                NDArray.forEachOffset(index) { r, s in out[s] += source[r] }
            }
        }
        return NDArray(shape: index.sourceShape, values: result)
    }

    /// A copy of `self` with the elements `index` selects replaced by `values` (of the
    /// selection's shape): what `x[i] = v` gives, without touching `self`.
    public func replacing(_ index: ResolvedIndex, with values: NDArray) -> NDArray {
        precondition(values.shape == index.resultShape && index.sourceShape == shape, "replacing needs the selection's shape")
        var result = self.values
        values.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { out in
                NDArray.forEachOffset(index) { r, s in out[s] = source[r] }
            }
        }
        return NDArray(shape: shape, values: result)
    }

    /// Axes reordered: axis `i` of the result is axis `permutation[i]` of `self`.
    public func permuted(_ permutation: [Int]) throws(EngineError) -> NDArray {
        guard permutation.sorted() == Array(0..<rank) else {
            throw .invalidArgument("\(permutation) is not a permutation of the \(rank) axes")
        }
        let dims = permutation.map { shape.dims[$0] }
        let result = Shape(dims)
        if rank == 2 && permutation == [1, 0] {
            let rows = shape.dims[0], columns = shape.dims[1]
            return withUnsafeBufferPointer { source in
                NDArray.build(result) { out in
                    for r in 0..<rows { for c in 0..<columns { out[c * rows + r] = source[r * columns + c] } }
                }
            }
        }
        let sourceStrides = shape.strides
        let strides = permutation.map { sourceStrides[$0] }
        return withUnsafeBufferPointer { source in
            NDArray.build(result) { out in
                NDArray.forEachBroadcastRun(result, strides, strides) { start, offset, _, length, step, _ in
                    var s = offset
                    for i in start..<(start + length) { out[i] = source[s]; s += step }
                }
            }
        }
    }

    /// The transpose: the last two axes swapped (a vector is its own transpose).
    public func transposed() -> NDArray {
        guard rank >= 2 else { return self }
        var permutation = Array(0..<rank)
        permutation.swapAt(rank - 1, rank - 2)
        return try! permuted(permutation)
    }

    /// Arrays joined along `axis`; all other sizes must agree.
    public static func concatenating(_ arrays: [NDArray], axis: Int) throws(EngineError) -> NDArray {
        guard let first = arrays.first else { throw .invalidArgument("concatenate needs at least one tensor") }
        guard first.rank > 0 else { throw .invalidArgument("cannot concatenate scalars; make them vectors first") }
        guard let resolved = first.shape.normalizedAxis(axis) else { throw .invalidAxis(axis: axis, rank: first.rank) }
        var dims = first.shape.dims
        dims[resolved] = 0
        for array in arrays {
            var other = array.shape.dims
            guard other.count == dims.count else {
                throw .shapeMismatch(operation: "concatenation", first.shape, array.shape, detail: "ranks differ")
            }
            let size = other[resolved]
            other[resolved] = 0
            var expected = first.shape.dims
            expected[resolved] = 0
            guard other == expected else {
                throw .shapeMismatch(operation: "concatenation along axis \(resolved)", first.shape, array.shape)
            }
            dims[resolved] += size
        }
        let result = Shape(dims)
        try Limits.check(result)
        let outer = dims[..<resolved].reduce(1, *)
        let inner = dims[(resolved + 1)...].reduce(1, *)
        var values = [Double]()
        values.reserveCapacity(result.count)
        for o in 0..<outer {
            for array in arrays {
                let block = array.shape.dims[resolved] * inner
                array.withUnsafeBufferPointer { source in
                    values.append(contentsOf: source[(o * block)..<((o + 1) * block)])
                }
            }
        }
        return NDArray(shape: result, values: values)
    }

    /// The pieces of `self` along `axis` with the given sizes (the gradient of concatenation).
    public func split(axis: Int, sizes: [Int]) -> [NDArray] {
        var start = 0
        return sizes.map { size in
            defer { start += size }
            var components = [IndexComponent](repeating: .all, count: axis)
            components.append(.slice(start: start, end: start + size, step: 1))
            return gathering(try! NDArray.resolve(components, in: shape))
        }
    }
}
