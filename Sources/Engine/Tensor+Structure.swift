/// Reductions, matrix products, and operations that move elements around.
extension Tensor {
    /// The sum of all elements (a scalar).
    public func sum() -> Tensor { Tensor.record(.sum, self, value: NDArray(value.sum())) }

    /// The mean of all elements (a scalar).
    public func mean() -> Tensor { Tensor.record(.mean, self, value: NDArray(value.mean())) }

    public func sum(axis: Int, keepingAxis: Bool = false) throws(EngineError) -> Tensor {
        let resolved = try resolve(axis)
        return Tensor.record(.sumAxis(axis: Int32(resolved), keep: keepingAxis), self,
                             value: try value.sum(axis: resolved, keepingAxis: keepingAxis))
    }

    public func mean(axis: Int, keepingAxis: Bool = false) throws(EngineError) -> Tensor {
        let resolved = try resolve(axis)
        return Tensor.record(.meanAxis(axis: Int32(resolved), keep: keepingAxis), self,
                             value: try value.mean(axis: resolved, keepingAxis: keepingAxis))
    }

    /// The largest element (a scalar); its gradient goes to that element.
    public func max() throws(EngineError) -> Tensor { try extremum(greater: true) }

    /// The smallest element (a scalar).
    public func min() throws(EngineError) -> Tensor { try extremum(greater: false) }

    private func extremum(greater: Bool) throws(EngineError) -> Tensor {
        guard value.count > 0 else { throw .invalidArgument("cannot take the \(greater ? "max" : "min") of an empty tensor") }
        let (best, index) = greater ? value.argmax() : value.argmin()
        return Tensor.record(.extremum(greater: greater, index: Int32(index)), self, value: NDArray(best))
    }

    public func max(axis: Int, keepingAxis: Bool = false) throws(EngineError) -> Tensor {
        try extremum(axis: axis, greater: true, keepingAxis: keepingAxis)
    }

    public func min(axis: Int, keepingAxis: Bool = false) throws(EngineError) -> Tensor {
        try extremum(axis: axis, greater: false, keepingAxis: keepingAxis)
    }

    private func extremum(axis: Int, greater: Bool, keepingAxis: Bool) throws(EngineError) -> Tensor {
        let resolved = try resolve(axis)
        let (values, indices) = try value.extremum(axis: resolved, greater: greater, keepingAxis: keepingAxis)
        return Tensor.record([self], attribute: .indices(indices), value: values) {
            .extremumAxis(axis: Int16(resolved), greater: greater, keep: keepingAxis, attribute: $0)
        }
    }

    private func resolve(_ axis: Int) throws(EngineError) -> Int {
        guard let resolved = shape.normalizedAxis(axis) else { throw .invalidAxis(axis: axis, rank: rank) }
        return resolved
    }

    /// The matrix product with numpy's rules (`@`).
    public static func matmul(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try record(.matmul, a, b, value: NDArray.matmul(a.value, b.value))
    }

    /// `x Wᵀ + b`: a linear layer applied to a vector or to a batch of rows.
    public static func affine(_ x: Tensor, weight: Tensor, bias: Tensor?) throws(EngineError) -> Tensor {
        if let bias {
            guard bias.shape == Shape([weight.shape.dims.first ?? 0]) else {
                throw .shapeMismatch(operation: "a linear layer's bias", weight.shape, bias.shape,
                                     detail: "the bias needs one entry per output")
            }
            return try record(.affine(hasBias: true), x, weight, bias,
                              value: NDArray.affine(x.value, weight: weight.value, bias: bias.value))
        }
        return try record(.affine(hasBias: false), x, weight,
                          value: NDArray.affine(x.value, weight: weight.value, bias: nil))
    }

    /// The outer product of two vectors.
    public static func outer(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        guard a.rank <= 1, b.rank <= 1 else {
            throw .shapeMismatch(operation: "an outer product", a.shape, b.shape, detail: "both must be vectors")
        }
        return try a.reshaped(Shape([a.value.count, 1])) * b.reshaped(Shape([1, b.value.count]))
    }

    /// The last two axes swapped (`W.T`).
    public var transposed: Tensor {
        guard rank >= 2 else { return self }
        var permutation = Array(0..<rank)
        permutation.swapAt(rank - 1, rank - 2)
        return try! permuted(permutation)
    }

    public func permuted(_ permutation: [Int]) throws(EngineError) -> Tensor {
        Tensor.record([self], attribute: .permutation(permutation), value: try value.permuted(permutation)) {
            .permute(attribute: $0)
        }
    }

    /// The same elements in another shape; one size may be -1 (inferred).
    public func reshaped(_ newShape: Shape) throws(EngineError) -> Tensor {
        var dims = newShape.dims
        if let unknown = dims.firstIndex(of: -1) {
            let known = dims.enumerated().filter { $0.offset != unknown }.reduce(1) { $0 * $1.element }
            guard known > 0, value.count % known == 0 else { throw .invalidReshape(from: shape, to: newShape) }
            dims[unknown] = value.count / known
        }
        let target = Shape(dims)
        if target == shape { return self }
        return Tensor.record(.reshape, self, value: try value.reshaped(target))
    }

    /// Elements selected by an index expression.
    public func indexed(_ components: [IndexComponent]) throws(EngineError) -> Tensor {
        let resolved = try NDArray.resolve(components, in: shape)
        return Tensor.record([self], attribute: .index(resolved), value: value.gathering(resolved)) {
            .index(attribute: $0)
        }
    }

    /// A tensor of `resolved.sourceShape` holding this one's elements where `resolved`
    /// selects them (summed where it selects a position twice) and zeros elsewhere: the
    /// inverse direction of `indexed`.
    public func scattered(_ resolved: ResolvedIndex) throws(EngineError) -> Tensor {
        guard shape == resolved.resultShape else { throw .shapeMismatch(operation: "scatter", shape, resolved.resultShape) }
        return Tensor.record([self], attribute: .index(resolved), value: value.scattering(resolved)) { .scatter(attribute: $0) }
    }

    /// Tensors joined along an axis.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) throws(EngineError) -> Tensor {
        let joined = try NDArray.concatenating(tensors.map { $0.value }, axis: axis)
        let resolved = tensors[0].shape.normalizedAxis(axis)!
        return record(tensors, attribute: .inputs([]), value: joined) { .concat(axis: Int32(resolved), attribute: $0) }
    }

    /// Softmax along `axis`, computed after subtracting the maximum so it stays finite.
    public func softmax(axis: Int = -1) throws(EngineError) -> Tensor {
        let resolved = try resolve(axis)
        return Tensor.record(.softmax(axis: resolved), self, value: try Tensor.softmax(value, axis: resolved, log: false))
    }

    /// log(softmax) along `axis`, as `x - max - log Σ exp(x - max)`: finite for any input.
    public func logSoftmax(axis: Int = -1) throws(EngineError) -> Tensor {
        let resolved = try resolve(axis)
        return Tensor.record(.logSoftmax(axis: resolved), self, value: try Tensor.softmax(value, axis: resolved, log: true))
    }

    static func softmax(_ x: NDArray, axis: Int, log: Bool) throws(EngineError) -> NDArray {
        guard x.rank > 0 else { return NDArray(log ? 0 : 1) }
        let (outer, length, inner) = x.axisLayout(axis)
        return x.withUnsafeBufferPointer { source in
            NDArray.build(x.shape) { out in
                for o in 0..<outer {
                    for i in 0..<inner {
                        let base = o * length * inner + i
                        var top = -Double.infinity
                        for k in 0..<length { top = Swift.max(top, source[base + k * inner]) }
                        if !top.isFinite { top = top.isNaN ? top : 0 }
                        // exp(x − max) in one loop (vectorised when contiguous), then the sum in order.
                        if inner == 1 {
                            let input = source.baseAddress! + base, output = out.baseAddress! + base
                            for k in 0..<length { output[k] = ElementaryFunctions.exp(input[k] - top) }
                        } else {
                            for k in 0..<length {
                                out[base + k * inner] = ElementaryFunctions.exp(source[base + k * inner] - top)
                            }
                        }
                        var total = 0.0
                        for k in 0..<length { total += out[base + k * inner] }
                        if log {
                            let logTotal = _log(total)
                            for k in 0..<length { out[base + k * inner] = source[base + k * inner] - top - logTotal }
                        } else {
                            for k in 0..<length { out[base + k * inner] /= total }
                        }
                    }
                }
            }
        }
    }
}
