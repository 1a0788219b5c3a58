import Foundation
import Testing
@testable import Drawing

/// Drawing's own elementary functions: correctly rounded (against values computed to 300 bits
/// with mpmath), C's answers at the special values, and never more than an ulp from the C
/// library's anywhere (which is itself correctly rounded but for about one argument in a
/// thousand to a hundred).
@Suite struct FigureMathTests {
    static let sines: [(Double, Double)] = [
        (0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53),
        (0x1.921fb54442d18p+0, 0x1.0000000000000p+0),
        (0x1.921fb54442d18p+2, -0x1.1a62633145c07p-52),
        (-0x1.921fb54442d18p+1, -0x1.1a62633145c07p-53),
        (0x1.56e1fc2f8f359p-997, 0x1.56e1fc2f8f359p-997),
        (0x0.0000000000001p-1022, 0x0.0000000000001p-1022),
        (0x1.0000000000000p-1, 0x1.eaee8744b05f0p-2),
        (0x1.0000000000000p+0, 0x1.aed548f090ceep-1),
        (0x1.8000000000000p+1, 0x1.210386db6d55bp-3),
        (-0x1.4000000000000p+1, -0x1.326af0dcfcab1p-1),
        (0x1.c000000000000p+2, 0x1.50608c26d0a08p-1),
        (0x1.9000000000000p+6, -0x1.03425b78c4db8p-1),
        (0x1.86a0000000000p+16, 0x1.24daa9c527e96p-5),
        (0x1.02a9743bbb026p+2, -0x1.91103985da842p-1),
        (0x1.1eec82110f9e5p+1, 0x1.91103985da841p-1),
        (0x1.cbb94edddc6b2p+1, -0x1.bd679adf94625p-2),
        (0x1.2f61896184a5ap+1, 0x1.64f22ba8a109fp-1),
        (0x1.921fb54442d18p-1, 0x1.6a09e667f3bccp-1),
        (0x1.2d97c7f3321d2p+2, -0x1.0000000000000p+0),
        (0x1.6000000000000p+4, -0x1.220a29f6eb9f4p-7),
        (0x1.6300000000000p+8, -0x1.f9bd0307d1de3p-16),
    ]
    static let cosines: [(Double, Double)] = [
        (0x1.921fb54442d18p+1, -0x1.0000000000000p+0),
        (0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54),
        (0x1.921fb54442d18p+2, 0x1.0000000000000p+0),
        (-0x1.921fb54442d18p+1, -0x1.0000000000000p+0),
        (0x1.56e1fc2f8f359p-997, 0x1.0000000000000p+0),
        (0x0.0000000000001p-1022, 0x1.0000000000000p+0),
        (0x1.0000000000000p-1, 0x1.c1528065b7d50p-1),
        (0x1.0000000000000p+0, 0x1.14a280fb5068cp-1),
        (0x1.8000000000000p+1, -0x1.fae04be85e5d2p-1),
        (-0x1.4000000000000p+1, -0x1.9a2f7ef858b7dp-1),
        (0x1.c000000000000p+2, 0x1.81ff79ed92017p-1),
        (0x1.9000000000000p+6, 0x1.b981dbf665fdfp-1),
        (0x1.86a0000000000p+16, -0x1.ffac3841b3da7p-1),
        (0x1.02a9743bbb026p+2, -0x1.3e43a9692e21bp-1),
        (0x1.1eec82110f9e5p+1, -0x1.3e43a9692e21cp-1),
        (0x1.cbb94edddc6b2p+1, -0x1.cd076710c3f2dp-1),
        (0x1.2f61896184a5ap+1, -0x1.6f0f8b004b746p-1),
        (0x1.921fb54442d18p-1, 0x1.6a09e667f3bcdp-1),
        (0x1.2d97c7f3321d2p+2, -0x1.a79394c9e8a0ap-53),
        (0x1.6000000000000p+4, -0x1.fffadd8d4acdap-1),
        (0x1.6300000000000p+8, -0x1.fffffffc18e4cp-1),
    ]
    static let arctangents: [(Double, Double, Double)] = [
        (0x1.0000000000000p+0, 0x1.0000000000000p+0, 0x1.921fb54442d18p-1),
        (0x1.0000000000000p+0, -0x1.0000000000000p+0, 0x1.2d97c7f3321d2p+1),
        (-0x1.0000000000000p+0, -0x1.0000000000000p+0, -0x1.2d97c7f3321d2p+1),
        (-0x1.0000000000000p+0, 0x1.0000000000000p+0, -0x1.921fb54442d18p-1),
        (0x1.8000000000000p+1, 0x1.0000000000000p+2, 0x1.4978fa3269ee1p-1),
        (0x1.0000000000000p+2, 0x1.8000000000000p+1, 0x1.dac670561bb4fp-1),
        (-0x1.999999999999ap-4, 0x1.4000000000000p+3, -0x1.47ab48b1efb5ep-7),
        (0x0.012688b70e62bp-1022, 0x1.0000000000000p+0, 0x0.012688b70e62bp-1022),
        (0x1.0000000000000p+0, 0x0.012688b70e62bp-1022, 0x1.921fb54442d18p+0),
        (0x1.7e43c8800759cp+996, 0x1.56e1fc2f8f359p-997, 0x1.921fb54442d18p+0),
        (0x1.56e1fc2f8f359p-997, 0x1.7e43c8800759cp+996, 0x0.0p+0),
        (0x1.4000000000000p+1, -0x1.12e0be826d695p-30, 0x1.921fb545fa9f8p+0),
        (-0x1.c000000000000p+2, -0x1.c000000000001p+2, -0x1.2d97c7f3321d2p+1),
        (0x1.3333333333334p-2, 0x1.999999999999ap-4, 0x1.3fc176b7a8560p+0),
        (0x1.edd2f1a9fbe77p+6, -0x1.472916872b021p+9, 0x1.7a40f18fca979p+1),
    ]
    static let hypotenuses: [(Double, Double, Double)] = [
        (0x1.8000000000000p+1, 0x1.0000000000000p+2, 0x1.4000000000000p+2),
        (0x1.7e43c8800759cp+996, 0x1.7e43c8800759cp+996, 0x1.0e4d50f99b211p+997),
        (0x1.56e1fc2f8f359p-997, 0x1.56e1fc2f8f359p-997, 0x1.e4e8d12762225p-997),
        (0x0.0000000000001p-1022, 0x0.0000000000001p-1022, 0x0.0000000000001p-1022),
        (0x1.0000000000000p+0, 0x1.79ca10c924223p-67, 0x1.0000000000000p+0),
        (0x1.999999999999ap-4, 0x1.999999999999ap-3, 0x1.c9f25c5bfeddap-3),
        (-0x1.c000000000000p+2, 0x1.8000000000000p+4, 0x1.9000000000000p+4),
        (0x1.fffffffffffffp+1023, 0x1.0000000000000p+0, 0x1.fffffffffffffp+1023),
        (0x1.4000000000000p+1, 0x1.4000000000000p+1, 0x1.c48c6001f0ac0p+1),
        (0x1.67e9c127b6e74p-532, 0x1.0def50ddc92d7p-530, 0x1.1c894a6a87fdfp-530),
        (0x1.8ae147ae147aep+3, 0x1.c63d70a3d70a4p+5, 0x1.d0d7f93d2079ep+5),
    ]
    static let logarithms: [(Double, Double)] = [
        (0x1.0000000000000p+0, 0x0.0p+0),
        (0x1.4000000000000p+3, 0x1.0000000000000p+0),
        (0x1.9000000000000p+6, 0x1.0000000000000p+1),
        (0x1.0f0cf064dd592p+73, 0x1.6000000000000p+4),
        (0x1.52d02c7e14af6p+76, 0x1.7000000000000p+4),
        (0x1.4f8b588e368f1p-17, -0x1.4000000000000p+2),
        (0x1.7e43c8800759cp+996, 0x1.2c00000000000p+8),
        (0x1.56e1fc2f8f359p-997, -0x1.2c00000000000p+8),
        (0x0.0000000000001p-1022, -0x1.434e6420f4374p+8),
        (0x1.0000000000000p-1022, -0x1.33a7146f72a42p+8),
        (0x1.999999999999ap-4, -0x1.0000000000000p+0),
        (0x1.0000000000000p+1, 0x1.34413509f79ffp-2),
        (0x1.8000000000000p+1, 0x1.e8927964fd5fdp-2),
        (0x1.f3fffffffffffp+9, 0x1.8000000000000p+1),
        (0x1.0000000000001p+0, 0x1.bcb7b1526e50dp-54),
        (0x1.fffffffffffffp-1, -0x1.bcb7b1526e50fp-55),
        (0x1.fffffffffffffp+1023, 0x1.34413509f79ffp+8),
        (0x1.edd2f1a9fbe77p+6, 0x1.0bb6abfc968efp+1),
        (0x1.2ca5d05ea7ab3p-24, -0x1.c9e9e9e90e678p+2),
    ]

    @Test func correctlyRounded() {
        for (x, expected) in Self.sines { #expect(FigureMath.sin(x) == expected, "sin(\(x))") }
        for (x, expected) in Self.cosines { #expect(FigureMath.cos(x) == expected, "cos(\(x))") }
        for (y, x, expected) in Self.arctangents { #expect(FigureMath.atan2(y, x) == expected, "atan2(\(y), \(x))") }
        for (x, y, expected) in Self.hypotenuses { #expect(FigureMath.hypot(x, y) == expected, "hypot(\(x), \(y))") }
        for (x, expected) in Self.logarithms { #expect(FigureMath.log10(x) == expected, "log10(\(x))") }
    }

    /// Zeros, infinities and NaNs as C's functions treat them, signs of zero included.
    @Test func specialValuesAsInC() {
        func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern }
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1, -1, 0x1p-1074, -0x1p-1074, .greatestFiniteMagnitude]
        for x in specials {
            if abs(x) < FigureMath.reductionLimit || !x.isFinite {
                #expect(same(FigureMath.sin(x), Foundation.sin(x)), "sin(\(x))")
                #expect(same(FigureMath.cos(x), Foundation.cos(x)), "cos(\(x))")
            }
            #expect(same(FigureMath.log10(x), Foundation.log10(x)), "log10(\(x))")
            for y in specials {
                #expect(same(FigureMath.atan2(y, x), Foundation.atan2(y, x)), "atan2(\(y), \(x))")
                #expect(same(FigureMath.hypot(x, y), Foundation.hypot(x, y)), "hypot(\(x), \(y))")
            }
        }
    }

    /// Beyond 2²⁰·π/2, where its reduction stops being exact, sin and cos are NaN rather
    /// than wrong.
    @Test func anglesBeyondTheReductionAreNaN() {
        for x in [FigureMath.reductionLimit, -FigureMath.reductionLimit, 1e10, .greatestFiniteMagnitude] {
            #expect(FigureMath.sin(x).isNaN && FigureMath.cos(x).isNaN)
        }
        #expect(!FigureMath.sin(FigureMath.reductionLimit.nextDown).isNaN)
    }

    /// Over the ranges figures use and beyond, never more than an ulp from the C library.
    @Test func withinAnUlpOfTheCLibrary() {
        var generator = SystemRandomNumberGenerator()
        func ulps(_ a: Double, _ b: Double) -> UInt64 {
            guard a.sign == b.sign else { return a == b ? 0 : .max }
            return a.bitPattern > b.bitPattern ? a.bitPattern - b.bitPattern : b.bitPattern - a.bitPattern
        }
        for _ in 0..<20_000 {
            let angle = Double.random(in: -20...20, using: &generator)
            let x = Double.random(in: -1e3...1e3, using: &generator), y = Double.random(in: -1e3...1e3, using: &generator)
            let positive = Double(sign: .plus, exponent: Int.random(in: -1074...1023, using: &generator),
                                  significand: Double.random(in: 1..<2, using: &generator))
            #expect(ulps(FigureMath.sin(angle), Foundation.sin(angle)) <= 1, "sin(\(angle))")
            #expect(ulps(FigureMath.cos(angle), Foundation.cos(angle)) <= 1, "cos(\(angle))")
            #expect(ulps(FigureMath.atan2(y, x), Foundation.atan2(y, x)) <= 1, "atan2(\(y), \(x))")
            #expect(ulps(FigureMath.hypot(x, y), Foundation.hypot(x, y)) <= 1, "hypot(\(x), \(y))")
            #expect(ulps(FigureMath.log10(positive), Foundation.log10(positive)) <= 1, "log10(\(positive))")
        }
    }
}
