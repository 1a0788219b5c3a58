/// Linear algebra with gradients: each operation is a `CustomOperation` whose
/// vector-Jacobian product is written with tensor operations (these among them), so it can be
/// differentiated again. The rules are the standard ones (Giles, "Collected matrix
/// derivative results for forward and reverse mode algorithmic differentiation", 2008).
extension Tensor {
    /// x with `A x = b`: dL/db = A⁻ᵀ g, dL/dA = −(dL/db) xᵀ.
    public static func solve(_ matrix: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try custom(solveOperation, [matrix, b], value: NDArray.solve(matrix.value, b.value))
    }

    /// A⁻¹: dL/dA = −A⁻ᵀ g A⁻ᵀ.
    public static func inverse(_ matrix: Tensor) throws(EngineError) -> Tensor {
        try custom(inverseOperation, [matrix], value: matrix.value.inverse)
    }

    /// det A: dL/dA = g det(A) A⁻ᵀ (a singular matrix has a determinant but, here, no gradient).
    public static func determinant(_ matrix: Tensor) throws(EngineError) -> Tensor {
        try custom(determinantOperation, [matrix], value: NDArray(matrix.value.determinant))
    }

    /// The eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix. The
    /// gradients assume distinct eigenvalues: for the values dL/dA = V diag(g) Vᵀ; for the
    /// vectors dL/dA = V (F ∘ Vᵀ G) Vᵀ, symmetrised, with F_ij = 1 / (λ_j − λ_i) off the diagonal.
    public static func symmetricEigen(_ matrix: Tensor) throws(EngineError) -> (values: Tensor, vectors: Tensor) {
        let (values, vectors) = try matrix.value.symmetricEigen()
        return (custom(eigenvaluesOperation, [matrix], value: values), custom(eigenvectorsOperation, [matrix], value: vectors))
    }

    /// The Euclidean norm of all elements, √Σx² (its gradient x / ‖x‖ is undefined at 0).
    public var norm: Tensor {
        get throws(EngineError) { try (self * self).sum().sqrt() }
    }

    static let solveOperation = CustomOperation(name: "solve") { inputs, x, g throws(EngineError) in
        let (matrix, b) = (inputs[0], inputs[1])
        let gb = try Tensor.solve(matrix.transposed, g)
        let ga = b.rank == 1 ? try Tensor.outer(gb, x) : try Tensor.matmul(gb, x.transposed)
        return [-ga, gb]
    }

    static let inverseOperation = CustomOperation(name: "inv") { _, y, g throws(EngineError) in
        let yt = y.transposed
        return [-(try Tensor.matmul(try Tensor.matmul(yt, g), yt))]
    }

    static let determinantOperation = CustomOperation(name: "det") { inputs, d, g throws(EngineError) in
        [try g * d * Tensor.inverse(inputs[0]).transposed]
    }

    static let eigenvaluesOperation = CustomOperation(name: "eigenvalues") { inputs, _, g throws(EngineError) in
        let vectors = try Tensor.symmetricEigen(inputs[0]).vectors
        let n = g.value.count
        // V diag(g) Vᵀ, with diag(g) as g broadcast over the identity.
        let diagonal = try g.reshaped(Shape([1, n])) * Tensor(NDArray.identity(n))
        return [try Tensor.matmul(try Tensor.matmul(vectors, diagonal), vectors.transposed)]
    }

    static let eigenvectorsOperation = CustomOperation(name: "eigenvectors") { inputs, vectors, g throws(EngineError) in
        let values = try Tensor.symmetricEigen(inputs[0]).values
        let n = values.value.count
        let identity = Tensor(NDArray.identity(n))
        // λ_j − λ_i, with ones on the diagonal so that it never divides by zero there.
        let differences = try values.reshaped(Shape([1, n])) - values.reshaped(Shape([n, 1])) + identity
        let f = try (Tensor(1.0) - identity) / differences
        let inner = try f * Tensor.matmul(vectors.transposed, g)
        let whole = try Tensor.matmul(try Tensor.matmul(vectors, inner), vectors.transposed)
        return [try (whole + whole.transposed) * Tensor(0.5)]
    }
}

extension NDArray {
    /// The n×n identity matrix.
    static func identity(_ n: Int) -> NDArray {
        var values = [Double](repeating: 0, count: n * n)
        for i in 0..<n { values[i * n + i] = 1 }
        return NDArray(shape: Shape([n, n]), values: values)
    }
}
