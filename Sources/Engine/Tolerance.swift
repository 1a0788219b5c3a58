/// When two numbers count as equal in a check: `|a − b| <= atol + rtol·|b|`, with `b` the
/// reference (numpy's `assert_allclose` rule). The relative part scales with the reference;
/// the absolute part, small, is for references at or near zero, where a relative tolerance
/// alone would ask for exact equality.
public struct Tolerance: Sendable, Hashable {
    public var rtol: Double
    public var atol: Double

    public init(rtol: Double, atol: Double) {
        self.rtol = rtol
        self.atol = atol
    }

    /// `assert_close`'s defaults: six significant digits, as the notebook writes numbers,
    /// and an absolute part far below them (so 1e-7 and 2e-7 differ).
    public static let assertClose = Tolerance(rtol: 1e-6, atol: 1e-12)

    /// `gradcheck`'s defaults. A central difference with a step of 1e-6 is exact to about
    /// 1e-10 relative (rounding, not truncation, dominates), so its agreement with the
    /// backward pass is asked to 5 digits, and to 1e-8 near zero.
    public static let gradcheck = Tolerance(rtol: 1e-5, atol: 1e-8)

    /// One element that fails the rule.
    public struct Mismatch: Sendable, Hashable {
        /// Its flat index and its index per axis.
        public var index: Int
        public var position: [Int]
        public var actual: Double
        public var expected: Double
        /// `atol + rtol·|expected|`.
        public var allowed: Double

        public var difference: Double { (actual - expected).magnitude }

        /// The position as a message writes it, `[1, 0]` (written out rather than through an
        /// array's description, which the WebAssembly build cannot print).
        public var positionText: String {
            "[" + position.map { String($0) }.joined(separator: ", ") + "]"
        }
    }

    /// The element of `actual` that fails the rule by the largest factor, or nil when every
    /// element holds. Both nan, or equal infinities, count as equal. The shapes must agree.
    public func worst(_ actual: NDArray, _ expected: NDArray) -> Mismatch? {
        precondition(actual.shape == expected.shape, "Tolerance.worst compares arrays of one shape")
        var worst: (excess: Double, index: Int)?
        let a = actual.values, b = expected.values
        for i in a.indices {
            let (x, y) = (a[i], b[i])
            if x == y || (x.isNaN && y.isNaN) { continue }
            let allowed = atol + rtol * y.magnitude
            let difference = (x - y).magnitude
            guard !(difference <= allowed) else { continue }
            // nan differences and infinite ones rank first.
            let excess = difference.isFinite ? difference / Swift.max(allowed, .leastNonzeroMagnitude) : .infinity
            if worst == nil || excess > worst!.excess { worst = (excess, i) }
        }
        guard let worst else { return nil }
        var position: [Int] = [], rest = worst.index
        for stride in actual.shape.strides {
            position.append(rest / stride)
            rest %= stride
        }
        return Mismatch(index: worst.index, position: position, actual: a[worst.index], expected: b[worst.index],
                        allowed: atol + rtol * b[worst.index].magnitude)
    }
}
