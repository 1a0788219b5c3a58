/// exp, tanh and the logistic function, computed by the engine itself rather than by the
/// platform's libm, for two reasons: the same bits on every platform (so a recorded output
/// does not depend on the C library), and speed: each is written without branches (both
/// sides are computed and one selected) and without trapping arithmetic, so LLVM vectorises
/// the plain loops over tensors that call them; a lone scalar runs the same code, so a
/// scalar graph and a tensor give the same numbers.
///
/// exp: Cody–Waite reduction x = n ln 2 + r, |r| ≤ ½ ln 2, then exp(r) by its Taylor series
/// to degree 13 (truncation below 2⁻⁵⁸) in Horner form, scaled by 2ⁿ through the exponent
/// bits. n is rounded by adding and subtracting 1.5·2⁵², which also leaves n in the low bits.
/// tanh: for |x| < 0.55, its Taylor series x + x³ P(x²) to degree 37 (the terms fall below
/// 2⁻⁵⁶ of the result); above, 1 − 2/(exp(2|x|) + 1). Measured against glibc in the tests:
/// within 1 ulp (exp) and 2 ulp (tanh).
public enum ElementaryFunctions {
    static let ln2High = 0.693_147_180_369_123_816_49   // ln 2 with its low 32 bits cleared
    static let ln2Low = 1.908_214_929_270_587_700_02e-10
    static let log2e = 1.442_695_040_888_963_407_36
    static let expOverflow = 709.782_712_893_383_973_096
    static let expUnderflow = -745.133_219_101_941_108_420
    /// 1.5·2⁵²: adding it rounds to an integer (half to even) held in the low mantissa bits.
    static let shifter = 6_755_399_441_055_744.0

    @inline(__always)
    public static func exp(_ input: Double) -> Double {
        let x = input < expUnderflow ? expUnderflow : (input < expOverflow ? input : expOverflow)
        let shifted = x * log2e + shifter
        let n = shifted - shifter
        let r = (x - n * ln2High) - n * ln2Low
        let er = 1 + r + r * r * expPolynomial(r)
        let n2 = Int64(bitPattern: shifted.bitPattern &- shifter.bitPattern)
        let half = n2 &>> 1
        let result = er * powerOfTwo(half) * powerOfTwo(n2 &- half)
        let high = input < expOverflow ? result : .infinity
        let low = input < expUnderflow ? 0 : high
        return input != input ? input : low
    }

    /// 2ᵏ for k in −1022...1023, from its bits. exp scales by 2ⁿ as 2^⌊n/2⌋ · 2^⌈n/2⌉:
    /// both factors are normal for every n exp can produce, the first product is exact,
    /// and only the second rounds (when the result is subnormal), so the scaling is as
    /// good as one exact multiply and needs no branch.
    @inline(__always)
    static func powerOfTwo(_ k: Int64) -> Double {
        Double(bitPattern: UInt64(bitPattern: (k &+ 1023) &<< 52))
    }

    /// (exp(r) − 1 − r) / r², Taylor to degree 13, in Horner form.
    @inline(__always)
    static func expPolynomial(_ r: Double) -> Double {
        var p = 1.0 / 6_227_020_800   // 1/13!
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        return p
    }

    /// (tanh(a) − a) / a³ for |a| < 0.55: the Taylor coefficients of tanh, degrees 37 to 3.
    @inline(__always)
    static func tanhPolynomial(_ a2: Double) -> Double {
        var p = 7.054636946400968e-08
        p = p * a2 + -1.7406618963571648e-07
        p = p * a2 + 4.294911078273806e-07
        p = p * a2 + -1.0597268320104654e-06
        p = p * a2 + 2.6147711512907546e-06
        p = p * a2 + -6.451689215655431e-06
        p = p * a2 + 1.5918905069328964e-05
        p = p * a2 + -3.927832388331683e-05
        p = p * a2 + 9.691537956929451e-05
        p = p * a2 + -0.00023912911424355248
        p = p * a2 + 0.000590027440945586
        p = p * a2 + -0.0014558343870513183
        p = p * a2 + 0.003592128036572481
        p = p * a2 + -0.008863235529902197
        p = p * a2 + 0.021869488536155203
        p = p * a2 + -0.05396825396825397
        p = p * a2 + 0.13333333333333333
        p = p * a2 + -0.3333333333333333
        return p
    }

    /// Beyond 19.1 the second form rounds to exactly ±1.
    @inline(__always)
    public static func tanh(_ x: Double) -> Double {
        let a = Swift.abs(x)
        let a2 = a * a
        let small = a + a * a2 * tanhPolynomial(a2)
        let large = 1 - 2 / (exp(2 * a) + 1)
        let t = a < 0.55 ? small : large
        return x < 0 ? -t : t
    }

    /// 1 / (1 + e⁻ˣ) for x ≥ 0 and eˣ / (1 + eˣ) below, so that neither side overflows.
    @inline(__always)
    public static func sigmoid(_ x: Double) -> Double {
        let e = exp(-Swift.abs(x))
        let positive = 1 / (1 + e)
        let negative = e / (1 + e)
        return x < 0 ? negative : positive
    }
}
