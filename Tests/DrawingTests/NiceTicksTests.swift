import Testing
@testable import Drawing

@Suite struct NiceTicksTests {
    @Test func unitIntervalInFifths() {
        let ticks = NiceTicks.linear(0, 1, count: 6)
        #expect(ticks.major == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(ticks.lo == 0 && ticks.hi == 1)
    }

    @Test func looseAxisEndsOnTicks() {
        let ticks = NiceTicks.linear(0, 1999, count: 6)
        #expect(ticks.major == [0, 500, 1000, 1500, 2000])
        #expect(ticks.labels == ["0", "500", "1000", "1500", "2000"])
        #expect(ticks.hi == 2000)
    }

    @Test func tightAxisKeepsItsRangeAndTicksInside() {
        let ticks = NiceTicks.linear(-1.02, 1.52, count: 6, loose: false)
        #expect(ticks.lo == -1.02 && ticks.hi == 1.52)
        #expect(ticks.major == [-1, -0.5, 0, 0.5, 1, 1.5])
    }

    @Test func multiplesAreExact() {
        // 3 * 0.1 is 0.30000000000000004 in floating point; ticks are computed as 3 / 10.
        let ticks = NiceTicks.linear(0, 0.7, count: 8)
        #expect(ticks.major.contains(0.3))
        #expect(ticks.labels.contains("0.3"))
        #expect(ticks.labels.allSatisfy { $0.count <= 3 })
    }

    /// Data far from zero for its span puts its ticks' indices past 2^31, where WebAssembly's
    /// `Int` ends: they are counted in 64 bits.
    @Test func dataFarFromZeroForItsSpan() {
        let ticks = NiceTicks.linear(1e10, 1e10 + 1, count: 6)
        #expect(ticks.major.count == 6)
        #expect(ticks.lo == 1e10 && ticks.hi == 1e10 + 1)
    }

    @Test func negativeAndSmallRanges() {
        #expect(NiceTicks.linear(-0.013, 0.021, count: 5).labels == ["-0.02", "-0.01", "0", "0.01", "0.02", "0.03"])
        #expect(NiceTicks.linear(1e-7, 5e-7, count: 5).labels.last == "5e-7")
    }

    @Test func constantAndNonFiniteRanges() {
        let constant = NiceTicks.linear(5, 5)
        #expect(constant.lo < 5 && constant.hi > 5)
        #expect(constant.major.contains(5))
        let zero = NiceTicks.linear(0, 0)
        #expect(zero.lo < 0 && zero.hi > 0)
        let broken = NiceTicks.linear(.nan, .infinity)
        #expect(broken.lo == 0 && broken.hi == 1)
    }

    @Test(arguments: [(-1e308, 1e308), (5e-324, 5e-324), (1e-310, 2e-310), (1e300, 1e300), (-0.0, 0.0), (1.0, 1.0 + 2e-16)] as [(Double, Double)])
    func extremeRangesStayFinite(lo: Double, hi: Double) {
        for ticks in [NiceTicks.linear(lo, hi), NiceTicks.linear(lo, hi, loose: false), NiceTicks.logarithmic(lo, hi)] {
            #expect(ticks.lo.isFinite && ticks.hi.isFinite && ticks.lo < ticks.hi)
            #expect(ticks.major.allSatisfy { $0.isFinite })
            #expect(ticks.major.count <= 40)
        }
    }

    @Test func fewestSurprisesInTheTickCount() {
        #expect(NiceTicks.linear(0.6237, 0.7623, count: 6).major == [0.6, 0.65, 0.7, 0.75, 0.8])
        #expect(NiceTicks.linear(0, 0.98, count: 5).major == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func logAxisInDecades() {
        let ticks = NiceTicks.logarithmic(0.00213, 0.262)
        #expect(ticks.major == [0.001, 0.01, 0.1, 1])
        #expect(ticks.labels == ["0.001", "0.01", "0.1", "1"])
        #expect(ticks.lo == 0.001 && ticks.hi == 1)
        #expect(ticks.minor.contains(0.002) && ticks.minor.contains(0.9))
    }

    @Test func logAxisOfLargeNumbers() {
        let ticks = NiceTicks.logarithmic(3, 4200)
        #expect(ticks.labels == ["1", "10", "100", "1000", "10000"])
    }

    @Test func wideLogAxisThinsDecadesAndUsesPowers() {
        let ticks = NiceTicks.logarithmic(1e-12, 1e3)
        #expect(ticks.major.count <= 8)
        #expect(ticks.labels.contains("10\u{207B}\u{00B9}\u{2070}"))  // 10⁻¹⁰
        #expect(ticks.labels.contains("1") == false)
        #expect(ticks.labels.contains("10\u{2070}"))  // 10⁰
    }

    @Test func logAxisWithinOneDecadeOrWithoutPositives() {
        let narrow = NiceTicks.logarithmic(0.3, 0.9)
        #expect(narrow.major == [0.1, 1])
        let single = NiceTicks.logarithmic(1, 1)
        #expect(single.major == [0.1, 1, 10])
        let none = NiceTicks.logarithmic(-1, 0)
        #expect(none.major == [1, 10])
    }

    @Test(arguments: [
        (2000.0, 500.0, "2000"), (2.5e6, 5e5, "2.5e6"), (1e-5, 1e-5, "1e-5"),
        (0.30000000000000004, 0.1, "0.3"), (-1.5, 0.5, "-1.5"), (0.0, 0.2, "0"),
        (1e-17, 0.1, "0"), (123456.0, 1.0, "123456"), (1.0e6, 2e5, "1e6"),
    ])
    func labels(value: Double, step: Double, expected: String) {
        #expect(NiceTicks.label(value, step: step) == expected)
    }

    @Test func niceNumbers() {
        #expect(NiceTicks.nice(0.21, round: true) == .init(mantissa: 2, exponent: -1))
        #expect(NiceTicks.nice(0.34, round: true) == .init(mantissa: 5, exponent: -1))
        #expect(NiceTicks.nice(740, round: true) == .init(mantissa: 1, exponent: 3))
        #expect(NiceTicks.nice(1.1, round: false) == .init(mantissa: 2, exponent: 0))
    }

    @Test func typographicMinus() {
        #expect(Typography.display("-12") == "\u{2212}12")
        #expect(Typography.display("1e-5") == "1e\u{2212}5")
        #expect(Typography.display("[-1, -2]") == "[\u{2212}1, \u{2212}2]")
        #expect(Typography.display("leaky-relu") == "leaky-relu")
    }
}
