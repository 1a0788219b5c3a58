/// Matrix products with numpy's `matmul` rules, their gradients, and the fused affine map
/// of a `Linear` layer.
extension NDArray {
    /// `a @ b`: vector·vector is the dot product; a vector on the left is a row and on the
    /// right a column (that axis is removed from the result); leading axes of stacks of
    /// matrices broadcast.
    public static func matmul(_ a: NDArray, _ b: NDArray) throws(EngineError) -> NDArray {
        guard a.rank >= 1, b.rank >= 1 else {
            throw .shapeMismatch(operation: "a matrix product", a.shape, b.shape, detail: "use * to multiply by a scalar")
        }
        let (a2, b2, resultDims) = try promoted(a, b)
        let product = try batched(a2, transposeA: false, b2, transposeB: false)
        return try! product.reshaped(Shape(resultDims))
    }

    /// The operands of `a @ b` as stacks of matrices, and the shape of the true result.
    static func promoted(_ a: NDArray, _ b: NDArray) throws(EngineError) -> (NDArray, NDArray, [Int]) {
        let innerA = a.shape.dims.last!
        let innerB = b.rank == 1 ? b.shape.dims[0] : b.shape.dims[b.rank - 2]
        guard innerA == innerB else {
            throw .shapeMismatch(operation: "a matrix product", a.shape, b.shape,
                                 detail: "inner sizes \(innerA) and \(innerB) differ")
        }
        let a2 = a.rank == 1 ? try! a.reshaped(Shape([1, innerA])) : a
        let b2 = b.rank == 1 ? try! b.reshaped(Shape([innerB, 1])) : b
        let batchA = Shape(Array(a2.shape.dims.dropLast(2)))
        let batchB = Shape(Array(b2.shape.dims.dropLast(2)))
        guard let batch = Shape.broadcast(batchA, batchB) else {
            throw .shapeMismatch(operation: "a matrix product", a.shape, b.shape, detail: "stack sizes do not broadcast")
        }
        var dims = batch.dims
        if a.rank > 1 { dims.append(a2.shape.dims[a2.rank - 2]) }
        if b.rank > 1 { dims.append(b2.shape.dims[b2.rank - 1]) }
        try Limits.check(Shape(dims))
        return (a2, b2, dims)
    }

    /// Stacks of matrices multiplied pairwise, each optionally transposed (its last two axes),
    /// with the leading axes broadcast.
    static func batched(_ a: NDArray, transposeA: Bool, _ b: NDArray, transposeB: Bool) throws(EngineError) -> NDArray {
        let ra = a.rank, rb = b.rank
        let (rowsA, colsA) = (a.shape.dims[ra - 2], a.shape.dims[ra - 1])
        let (rowsB, colsB) = (b.shape.dims[rb - 2], b.shape.dims[rb - 1])
        let (m, k) = transposeA ? (colsA, rowsA) : (rowsA, colsA)
        let (kb, n) = transposeB ? (colsB, rowsB) : (rowsB, colsB)
        guard k == kb else {
            throw .shapeMismatch(operation: "a matrix product", a.shape, b.shape, detail: "inner sizes \(k) and \(kb) differ")
        }
        let batchA = Shape(Array(a.shape.dims.dropLast(2)))
        let batchB = Shape(Array(b.shape.dims.dropLast(2)))
        guard let batch = Shape.broadcast(batchA, batchB) else {
            throw .shapeMismatch(operation: "a matrix product", a.shape, b.shape, detail: "stack sizes do not broadcast")
        }
        let result = Shape(batch.dims + [m, n])
        try Limits.check(result)
        let stridesA = broadcastStrides(batchA, to: batch).map { $0 * rowsA * colsA }
        let stridesB = broadcastStrides(batchB, to: batch).map { $0 * rowsB * colsB }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                NDArray.build(result) { out in
                    guard out.count > 0 else { return }
                    forEachBroadcastRun(batch, stridesA, stridesB) { start, offsetA, offsetB, length, stepA, stepB in
                        for i in 0..<length {
                            let operandA = MatrixMultiply.Operand(
                                base: pa.baseAddress! + offsetA + i * stepA,
                                rowStride: transposeA ? 1 : colsA, columnStride: transposeA ? colsA : 1)
                            let operandB = MatrixMultiply.Operand(
                                base: pb.baseAddress! + offsetB + i * stepB,
                                rowStride: transposeB ? 1 : colsB, columnStride: transposeB ? colsB : 1)
                            MatrixMultiply.multiply(
                                m: m, n: n, k: k, a: operandA, b: operandB,
                                c: out.baseAddress! + (start + i) * m * n, ldc: n, accumulate: false)
                        }
                    }
                }
            }
        }
    }

    /// The gradients of `c = a @ b` with respect to `a` and `b`, given `dc`:
    /// `da = dc bᵀ` and `db = aᵀ dc`, summed over broadcast stacks.
    static func matmulGradients(
        _ a: NDArray, _ b: NDArray, _ dc: NDArray, needA: Bool, needB: Bool
    ) -> (NDArray?, NDArray?) {
        let (a2, b2, _) = try! promoted(a, b)
        var dims = Array(dc.shape.dims)
        if a.rank == 1 { dims.insert(1, at: dims.count - (b.rank == 1 ? 0 : 1)) }
        if b.rank == 1 { dims.append(1) }
        let dc2 = try! dc.reshaped(Shape(dims))
        var da: NDArray?, db: NDArray?
        if needA {
            let full = try! batched(dc2, transposeA: false, b2, transposeB: true)
            da = try! full.summed(toShape: a2.shape).reshaped(a.shape)
        }
        if needB {
            let full = try! batched(a2, transposeA: true, dc2, transposeB: false)
            db = try! full.summed(toShape: b2.shape).reshaped(b.shape)
        }
        return (da, db)
    }

    /// The outer product of two vectors: `result[i, j] = a[i] * b[j]`.
    public static func outer(_ a: NDArray, _ b: NDArray) throws(EngineError) -> NDArray {
        let u = try a.reshaped(Shape([a.count, 1]))
        let v = try b.reshaped(Shape([1, b.count]))
        return try u * v
    }

    /// `x Wᵀ + bias` for `x` of shape `[in]` or `[batch, in]`, `W` of shape `[out, in]`:
    /// a `Linear` layer's forward pass in one product (as PyTorch's `addmm`).
    static func affine(_ x: NDArray, weight: NDArray, bias: NDArray?) throws(EngineError) -> NDArray {
        guard weight.rank == 2 else {
            throw .invalidArgument("a linear layer's weight must be a matrix, not of shape \(weight.shape)")
        }
        guard x.rank == 1 || x.rank == 2, x.shape.dims.last == weight.shape.dims[1] else {
            throw .invalidArgument(
                "a linear layer with weight \(weight.shape) takes inputs of size \(weight.shape.dims[1]) "
                    + "(a vector, or one sample per row), not of shape \(x.shape)")
        }
        let (rows, inputs, outputs) = (x.rank == 1 ? 1 : x.shape.dims[0], weight.shape.dims[1], weight.shape.dims[0])
        let result = Shape(x.rank == 1 ? [outputs] : [rows, outputs])
        try Limits.check(result)
        return x.withUnsafeBufferPointer { px in
            weight.withUnsafeBufferPointer { pw in
                NDArray.build(result) { out in
                    guard out.count > 0 else { return }
                    let c = out.baseAddress!
                    if let bias {
                        bias.withUnsafeBufferPointer { pb in
                            for r in 0..<rows { (c + r * outputs).update(from: pb.baseAddress!, count: outputs) }
                        }
                    }
                    MatrixMultiply.multiply(
                        m: rows, n: outputs, k: inputs,
                        a: .init(base: px.baseAddress!, rowStride: inputs, columnStride: 1),
                        b: .init(base: pw.baseAddress!, rowStride: 1, columnStride: inputs),
                        c: c, ldc: outputs, accumulate: bias != nil)
                }
            }
        }
    }

    /// Gradients of `affine`: `dx = dy W`, `dW = dyᵀ x`, `db = Σ_rows dy`.
    static func affineGradients(
        _ x: NDArray, weight: NDArray, _ dy: NDArray, needX: Bool, needWeight: Bool, needBias: Bool
    ) -> (dx: NDArray?, dWeight: NDArray?, dBias: NDArray?) {
        let (rows, inputs, outputs) = (x.rank == 1 ? 1 : x.shape.dims[0], weight.shape.dims[1], weight.shape.dims[0])
        var dx: NDArray?, dWeight: NDArray?, dBias: NDArray?
        dy.withUnsafeBufferPointer { pdy in
            let dyOperand = MatrixMultiply.Operand(base: pdy.baseAddress!, rowStride: outputs, columnStride: 1)
            if needX {
                dx = weight.withUnsafeBufferPointer { pw in
                    NDArray.build(x.shape) { out in
                        MatrixMultiply.multiply(
                            m: rows, n: inputs, k: outputs, a: dyOperand,
                            b: .init(base: pw.baseAddress!, rowStride: inputs, columnStride: 1),
                            c: out.baseAddress!, ldc: inputs, accumulate: false)
                    }
                }
            }
            if needWeight {
                dWeight = x.withUnsafeBufferPointer { px in
                    NDArray.build(weight.shape) { out in
                        MatrixMultiply.multiply(
                            m: outputs, n: inputs, k: rows,
                            a: .init(base: pdy.baseAddress!, rowStride: 1, columnStride: outputs),
                            b: .init(base: px.baseAddress!, rowStride: inputs, columnStride: 1),
                            c: out.baseAddress!, ldc: inputs, accumulate: false)
                    }
                }
            }
            if needBias {
                dBias = NDArray.build(Shape([outputs])) { out in
                    for j in 0..<outputs { out[j] = 0 }
                    for r in 0..<rows { for j in 0..<outputs { out[j] += pdy[r * outputs + j] } }
                }
            }
        }
        return (dx, dWeight, dBias)
    }
}
