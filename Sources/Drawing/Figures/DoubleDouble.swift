/// A number as the unevaluated sum of two doubles, `hi + lo` with `|lo| ≤ ½ ulp(hi)`: about
/// 106 bits of precision from plain double arithmetic, which every platform and WebAssembly
/// do alike. `FigureMath` computes in it so that rounding its result to a double is the
/// correct rounding but for values within about 2⁻¹⁰⁰ of a halfway point.
///
/// The error-free transformations are Knuth's two-sum and Dekker's product with Veltkamp's
/// split (no fused multiply-add, which WebAssembly lacks); products are exact while their
/// factors stay below 2⁹⁹⁵ and above the subnormals, which `FigureMath` scales its
/// arguments to.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// The nearest double.
    var value: Double { hi + lo }

    /// `a + b` exactly, as a sum and its rounding error.
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(s, (a - (s - bb)) + (b - bb))
    }

    /// `a + b` exactly when `|a| ≥ |b|` (or a is zero).
    @inline(__always)
    static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// Veltkamp's split: `a = high + low`, each half with at most 26 significant bits.
    @inline(__always)
    static func split(_ a: Double) -> (high: Double, low: Double) {
        let c = 134_217_729.0 * a   // 2²⁷ + 1
        let high = c - (c - a)
        return (high, a - high)
    }

    /// `a · b` exactly, as a product and its rounding error (Dekker).
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        let (ah, al) = split(a)
        let (bh, bl) = split(b)
        return DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        let u = quickTwoSum(s.hi, s.lo + t.hi)
        return quickTwoSum(u.hi, u.lo + t.lo)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(-a.hi, -a.lo)
    }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        a + -b
    }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = twoProduct(a.hi, b.hi)
        return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
    }

    static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
        let p = twoProduct(a.hi, b)
        return quickTwoSum(p.hi, p.lo + a.lo * b)
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        // Long division: a first quotient, then the quotient of what it leaves.
        let q1 = a.hi / b.hi
        let r = a - b * q1
        let q2 = r.hi / b.hi
        let r2 = r - b * q2
        let q3 = r2.hi / b.hi
        return quickTwoSum(q1, q2) + DoubleDouble(q3)
    }

    /// The square root, for a positive number: the double root, then one Newton step
    /// computed with its exact square.
    func squareRoot() -> DoubleDouble {
        let root = hi.squareRoot()
        let square = DoubleDouble.twoProduct(root, root)
        let correction = (((hi - square.hi) - square.lo) + lo) / (2 * root)
        return DoubleDouble.quickTwoSum(root, correction)
    }
}
