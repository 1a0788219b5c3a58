/// Dense linear algebra on square matrices: LU with partial pivoting (solve, inverse,
/// determinant) and the cyclic Jacobi method for symmetric eigenproblems. Small matrices,
/// deterministic results: the same bits on every run and machine, no threads.
extension NDArray {
    /// `P A = L U`, packed into one matrix (L below the diagonal, its unit diagonal implied),
    /// with the row of A each row came from and the sign of the permutation.
    struct LUFactors {
        var lu: [Double]
        var rows: [Int]
        var sign: Double
        let n: Int
        /// Whether a pivot is zero: the matrix is singular.
        var singular: Bool
    }

    func squareSize(_ operation: String) throws(EngineError) -> Int {
        guard rank == 2, shape.dims[0] == shape.dims[1] else {
            throw .invalidArgument("\(operation) needs a square matrix, not one of shape \(shape)")
        }
        return shape.dims[0]
    }

    func luFactors(_ operation: String) throws(EngineError) -> LUFactors {
        let n = try squareSize(operation)
        var a = values
        var rows = Array(0..<n)
        var sign = 1.0
        var singular = false
        for column in 0..<n {
            // The largest pivot in the column keeps the elimination stable.
            var pivot = column
            for row in (column + 1)..<Swift.max(n, column + 1) where Swift.abs(a[row * n + column]) > Swift.abs(a[pivot * n + column]) {
                pivot = row
            }
            if a[pivot * n + column] == 0 {
                singular = true
                continue
            }
            if pivot != column {
                for j in 0..<n { a.swapAt(pivot * n + j, column * n + j) }
                rows.swapAt(pivot, column)
                sign = -sign
            }
            let diagonal = a[column * n + column]
            for row in (column + 1)..<Swift.max(n, column + 1) {
                let factor = a[row * n + column] / diagonal
                a[row * n + column] = factor
                guard factor != 0 else { continue }
                for j in (column + 1)..<n { a[row * n + j] -= factor * a[column * n + j] }
            }
        }
        return LUFactors(lu: a, rows: rows, sign: sign, n: n, singular: singular)
    }

    /// x with `A x = b`, for b a vector or a matrix of right-hand sides (one per column).
    public static func solve(_ matrix: NDArray, _ b: NDArray) throws(EngineError) -> NDArray {
        let factors = try matrix.luFactors("solve")
        let n = factors.n
        guard b.rank == 1 || b.rank == 2, b.shape.dims[0] == n else {
            throw .shapeMismatch(operation: "solve", matrix.shape, b.shape, detail: "b needs one row per row of A")
        }
        guard !factors.singular else { throw .invalidArgument("the matrix is singular: solve has no unique solution") }
        let columns = b.rank == 1 ? 1 : b.shape.dims[1]
        let right = b.values
        var x = [Double](repeating: 0, count: n * columns)
        let lu = factors.lu
        for c in 0..<columns {
            var y = (0..<n).map { right[factors.rows[$0] * columns + c] }
            for i in 0..<n {
                for j in 0..<i { y[i] -= lu[i * n + j] * y[j] }
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in (i + 1)..<Swift.max(n, i + 1) { y[i] -= lu[i * n + j] * y[j] }
                y[i] /= lu[i * n + i]
            }
            for i in 0..<n { x[i * columns + c] = y[i] }
        }
        return NDArray(shape: b.shape, values: x)
    }

    public var inverse: NDArray {
        get throws(EngineError) {
            let n = try squareSize("inv")
            var identity = [Double](repeating: 0, count: n * n)
            for i in 0..<n { identity[i * n + i] = 1 }
            do {
                return try NDArray.solve(self, NDArray(shape: shape, values: identity))
            } catch {
                throw .invalidArgument("the matrix is singular: it has no inverse")
            }
        }
    }

    public var determinant: Double {
        get throws(EngineError) {
            let factors = try luFactors("det")
            if factors.singular { return 0 }
            var product = factors.sign
            for i in 0..<factors.n { product *= factors.lu[i * factors.n + i] }
            return product
        }
    }

    /// The eigenvalues of a symmetric matrix, in ascending order, and its eigenvectors as
    /// the columns of an orthogonal matrix, each with its largest component positive (an
    /// eigenvector's sign is otherwise arbitrary).
    public func symmetricEigen() throws(EngineError) -> (values: NDArray, vectors: NDArray) {
        let n = try squareSize("eigh")
        var a = values
        let scale = a.reduce(0) { Swift.max($0, Swift.abs($1)) }
        for i in 0..<n {
            for j in (i + 1)..<Swift.max(n, i + 1) where Swift.abs(a[i * n + j] - a[j * n + i]) > 1e-12 * Swift.max(scale, 1) {
                throw .invalidArgument("eigh needs a symmetric matrix; entries [\(i), \(j)] and [\(j), \(i)] differ")
            }
        }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        // Cyclic Jacobi: rotate away each off-diagonal entry in turn until none is left.
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<Swift.max(n, i + 1) { off += a[i * n + j] * a[i * n + j] } }
            if off <= 1e-30 * Swift.max(scale * scale, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<Swift.max(n, p + 1) where a[p * n + q] != 0 {
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] || (a[$0 * n + $0] == a[$1 * n + $1] && $0 < $1) }
        var eigenvalues = [Double](repeating: 0, count: n), eigenvectors = [Double](repeating: 0, count: n * n)
        for (column, source) in order.enumerated() {
            eigenvalues[column] = a[source * n + source]
            var largest = 0
            for k in 0..<n where Swift.abs(v[k * n + source]) > Swift.abs(v[largest * n + source]) { largest = k }
            let sign = v[largest * n + source] < 0 ? -1.0 : 1.0
            for k in 0..<n { eigenvectors[k * n + column] = sign * v[k * n + source] }
        }
        return (NDArray(shape: Shape([n]), values: eigenvalues), NDArray(shape: shape, values: eigenvectors))
    }
}
