/// The elementary functions figures are laid out with (sin, cos, atan2, hypot, log10),
/// computed by Drawing itself rather than by the C library: a live page draws in WebAssembly
/// with wasi-libc (musl), the build with glibc or Darwin's libm, and musl and glibc disagree
/// in the last bit for one argument in thirty (sin) to one in six (atan2); one bit is enough to
/// move a coordinate written with two decimals when it lies on a halfway point, which the
/// layout's round constants make common. These are correctly rounded but for results within
/// about 2⁻¹⁰⁰ of a halfway point (computed in `DoubleDouble`), so they give the same bits
/// everywhere, and the bits glibc gives wherever glibc is correctly rounded (all but about
/// one argument in a thousand for sin, cos and atan2; in a hundred for hypot and log10).
enum FigureMath {
    static let pi = DoubleDouble(0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53)
    static let halfPi = DoubleDouble(0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54)
    static let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)
    static let inverseLn10 = DoubleDouble(0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57)

    // MARK: sin and cos

    /// π/2 in four parts, the first three with 33 significant bits, so that k times each
    /// is exact for k < 2²⁰ (fdlibm's pio2_1, pio2_2, pio2_3, pio2_3t).
    static let halfPiParts = (0x1.921fb54400000p+0, 0x1.0b4611a600000p-34, 0x1.3198a2e000000p-69, 0x1.b839a252049c1p-104)

    /// The sine of an angle within 2²⁰·π/2 of zero; NaN further out, where `reduced` is no
    /// longer exact (the figures take sines of angles of a turn or less).
    static func sin(_ x: Double) -> Double {
        guard abs(x) < reductionLimit else { return .nan }
        // The reduction would lose the sign of −0.
        if x == 0 { return x }
        let (r, quadrant) = reduced(x)
        switch quadrant {
        case 0: return sine(r).value
        case 1: return cosine(r).value
        case 2: return -sine(r).value
        default: return -cosine(r).value
        }
    }

    /// The cosine of an angle within 2²⁰·π/2 of zero; NaN further out, as `sin`.
    static func cos(_ x: Double) -> Double {
        guard abs(x) < reductionLimit else { return .nan }
        let (r, quadrant) = reduced(x)
        switch quadrant {
        case 0: return cosine(r).value
        case 1: return -sine(r).value
        case 2: return -cosine(r).value
        default: return sine(r).value
        }
    }

    /// Where k·π/2 stops being exact in `reduced`: k reaches 2²⁰.
    static let reductionLimit = 0x1p20 * 0x1.921fb54442d18p+0

    /// `x = k·π/2 + r` with `|r| ≤ π/4` (a little more where rounding puts it) and k mod 4,
    /// for |x| below `reductionLimit`: π/2 is known there to 2⁻¹⁶⁰, so r is exact to far
    /// below its ulp even next to a multiple of π/2.
    static func reduced(_ x: Double) -> (DoubleDouble, Int) {
        let k = (x * 0x1.45f306dc9c883p-1).rounded()
        var r = DoubleDouble(x - k * halfPiParts.0)
        r = r - DoubleDouble(k * halfPiParts.1)
        r = r - DoubleDouble(k * halfPiParts.2)
        r = r - DoubleDouble(k * halfPiParts.3)
        let quadrant = k.truncatingRemainder(dividingBy: 4)
        return (r, Int(quadrant < 0 ? quadrant + 4 : quadrant))
    }

    /// 1/(2n+1)! and 1/(2n)!, n = 0...15, alternating in sign: the Taylor coefficients of
    /// sin and cos, whose terms fall below 2⁻¹¹⁰ of the result by degree 31 on |r| ≤ π/4.
    static let sineCoefficients: [DoubleDouble] = taylorCoefficients(odd: true)
    static let cosineCoefficients: [DoubleDouble] = taylorCoefficients(odd: false)

    static func taylorCoefficients(odd: Bool) -> [DoubleDouble] {
        var coefficients: [DoubleDouble] = []
        var term = DoubleDouble(1)
        var n = odd ? 1.0 : 0.0
        for index in 0..<16 {
            coefficients.append(index % 2 == 0 ? term : -term)
            term = term / DoubleDouble((n + 1) * (n + 2))
            n += 2
        }
        return coefficients
    }

    static func sine(_ r: DoubleDouble) -> DoubleDouble {
        r * polynomial(sineCoefficients, r * r)
    }

    static func cosine(_ r: DoubleDouble) -> DoubleDouble {
        polynomial(cosineCoefficients, r * r)
    }

    /// `c₀ + c₁x + c₂x² + ...` in Horner form.
    static func polynomial(_ coefficients: [DoubleDouble], _ x: DoubleDouble) -> DoubleDouble {
        var sum = coefficients[coefficients.count - 1]
        for index in coefficients.indices.dropLast().reversed() {
            sum = sum * x + coefficients[index]
        }
        return sum
    }

    // MARK: atan2

    /// The angle of the point (x, y), as C's atan2 gives it, zeros, infinities and NaNs
    /// included.
    static func atan2(_ y: Double, _ x: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        let negative = y.sign == .minus
        let angle: DoubleDouble
        if y == 0 {
            angle = x.sign == .minus ? pi : DoubleDouble(0)
        } else if x == 0 {
            angle = halfPi
        } else if x.isInfinite || y.isInfinite {
            let quarter = DoubleDouble(0x1.921fb54442d18p-1, 0x1.1a62633145c07p-55)
            if x.isInfinite && y.isInfinite {
                angle = x < 0 ? pi - quarter : quarter
            } else if x.isInfinite {
                angle = x < 0 ? pi : DoubleDouble(0)
            } else {
                angle = halfPi
            }
        } else {
            let ax = abs(x), ay = abs(y)
            let swapped = ay > ax
            // t = small / large in [0, 1], both scaled to keep Dekker's products exact.
            let large = swapped ? ay : ax, small = swapped ? ax : ay
            let scale = Double(sign: .plus, exponent: min(-large.exponent, 1023), significand: 1)
            let scaledSmall = small * scale
            var a: DoubleDouble
            if scaledSmall < 0x1p-900 {
                // atan(t) = t to far below an ulp, and t is the correctly rounded quotient.
                a = DoubleDouble(small / large)
            } else {
                a = arctangent(DoubleDouble(scaledSmall) / DoubleDouble(large * scale))
            }
            if swapped { a = halfPi - a }
            if x < 0 { a = pi - a }
            angle = a
        }
        return negative ? -angle.value : angle.value
    }

    /// 1/(2n+1), n = 0...17, alternating in sign: atan's Taylor coefficients, whose terms
    /// fall below 2⁻¹¹⁰ of the result by degree 35 on |u| ≤ tan(π/32).
    static let arctangentCoefficients: [DoubleDouble] = (0..<18).map { n in
        let c = DoubleDouble(1) / DoubleDouble(Double(2 * n + 1))
        return n % 2 == 0 ? c : -c
    }

    /// atan(t) for t in [0, 1]: three halvings, atan(t) = 2·atan(t / (1 + √(1 + t²))),
    /// bring t below tan(π/32), where the series converges fast.
    static func arctangent(_ t: DoubleDouble) -> DoubleDouble {
        var u = t
        for _ in 0..<3 {
            u = u / (DoubleDouble(1) + (DoubleDouble(1) + u * u).squareRoot())
        }
        return u * polynomial(arctangentCoefficients, u * u) * 8
    }

    // MARK: hypot

    /// √(x² + y²) without overflow or underflow in between, as C's hypot: infinite when
    /// either is, even the other NaN.
    static func hypot(_ x: Double, _ y: Double) -> Double {
        if x.isInfinite || y.isInfinite { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        let ax = abs(x), ay = abs(y)
        let large = max(ax, ay), small = min(ax, ay)
        guard large > 0 else { return 0 }
        // A power of two near 1/large (2¹⁰²³ at most: a subnormal stays below 1).
        let exponent = max(large.exponent, -1023)
        let scale = Double(sign: .plus, exponent: -exponent, significand: 1)
        let scaledSmall = small * scale
        // Below 2⁻³⁰ of the larger, the smaller changes the root by less than 2⁻⁶¹ of it.
        guard scaledSmall >= 0x1p-30 else { return large }
        let scaledLarge = large * scale
        let sum = DoubleDouble.twoProduct(scaledLarge, scaledLarge) + DoubleDouble.twoProduct(scaledSmall, scaledSmall)
        return sum.squareRoot().value * Double(sign: .plus, exponent: exponent, significand: 1)
    }

    // MARK: log10

    /// 1/(2n+1), n = 0...7: atanh's Taylor coefficients, whose terms fall below 2⁻¹¹⁰ of
    /// the result by degree 15 on |f| < 1/256.
    static let atanhCoefficients: [DoubleDouble] = (0..<8).map { n in DoubleDouble(1) / DoubleDouble(Double(2 * n + 1)) }

    /// ln(1 + i/128), i = 0...128, for reducing log's argument: computed once, by the series
    /// on f = i / (256 + i), which converges slower but needs no table.
    static let logTable: [DoubleDouble] = (0...128).map { i in
        let c = Double(i)
        return logarithmSeries(DoubleDouble(c) / DoubleDouble(256 + c), terms: 40)
    }

    /// 2·atanh(f) = ln((1 + f) / (1 - f)), by the series in f² with `terms` terms.
    static func logarithmSeries(_ f: DoubleDouble, terms: Int) -> DoubleDouble {
        let f2 = f * f
        var sum = DoubleDouble(1) / DoubleDouble(Double(2 * terms - 1))
        for n in (0..<(terms - 1)).reversed() {
            sum = sum * f2 + DoubleDouble(1) / DoubleDouble(Double(2 * n + 1))
        }
        return f * sum * 2
    }

    /// The common logarithm: NaN below zero, −∞ at zero, exact at the powers of ten.
    static func log10(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return .infinity }
        // x = m·2ᵏ with m in [1, 2); then m = c·(m/c) with c = 1 + i/128 the nearest below.
        let k = Double(x.exponent)
        let m = x.significand
        let i = ((m - 1) * 128).rounded(.down)
        let c = 1 + i / 128
        // ln(m/c) = 2·atanh(f), f = (m − c)/(m + c), |f| < 1/256; m − c is exact.
        let f = DoubleDouble(m - c) / DoubleDouble.twoSum(m, c)
        let f2 = f * f
        let lnRatio = f * polynomial(atanhCoefficients, f2) * 2
        let ln = DoubleDouble.twoProduct(k, ln2.hi) + DoubleDouble(k * ln2.lo) + logTable[Int(i)] + lnRatio
        return (ln * inverseLn10).value
    }
}
