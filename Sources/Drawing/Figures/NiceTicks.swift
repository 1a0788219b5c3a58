import Display

/// Round tick values: 1, 2 and 5 times a power of ten ("nice numbers", after Heckbert,
/// "Nice numbers for graph labels", Graphics Gems, 1990).
enum NiceTicks {
    /// A step of `mantissa` times ten to the `exponent`, kept apart so multiples of it are
    /// computed exactly (`3 * 0.2` as `6 / 10`, which is the double nearest 0.6).
    struct Step: Equatable {
        var mantissa: Int
        var exponent: Int

        var value: Double { NiceTicks.scaled(Double(mantissa), exponent) }

        func multiple(_ k: Int64) -> Double { NiceTicks.scaled(Double(k * Int64(mantissa)), exponent) }
    }

    /// The nice number near `x > 0`: the nearest of 1, 2, 5, 10 times a power of ten when
    /// `round`, else the smallest such number at least `x`.
    static func nice(_ x: Double, round: Bool) -> Step {
        let exponent = Int((FigureMath.log10(x)).rounded(.down))
        let fraction = x / scaled(1, exponent)
        let mantissa: Int
        if round {
            mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return mantissa == 10 ? Step(mantissa: 1, exponent: exponent + 1) : Step(mantissa: mantissa, exponent: exponent)
    }

    /// Ticks for `lo...hi` on a linear axis, about `count` of them. `loose` widens the
    /// interval to the ticks just outside the data (the axis then starts and ends on a
    /// labelled tick); otherwise the interval is `lo...hi` and only ticks inside it appear.
    static func linear(_ lo: Double, _ hi: Double, count: Int = 6, loose: Bool = true) -> Ticks {
        var (lo, hi) = (lo, hi)
        if !lo.isFinite || !hi.isFinite { (lo, hi) = (0, 1) }
        if lo > hi { swap(&lo, &hi) }
        // Keep the arithmetic finite: no span beyond 1e307, none below 1e-290.
        (lo, hi) = (max(lo, -1e307), min(hi, 1e307))
        if hi - lo < 1e-290 {
            let half = abs(lo) * 0.1 > 1e-290 ? abs(lo) * 0.1 : 1
            (lo, hi) = (lo - half, hi + half)
        }
        // Heckbert rounds the step to the nearest of 1, 2, 5; here the step among those
        // (around the raw step) whose tick count comes closest to `count` wins, then the
        // one that widens a loose axis least, then the smaller (the caller drops ticks when
        // labels would touch): 0.62..0.76 gets steps of 0.05 (5 ticks), not 0.02 (9).
        let raw = nice((hi - lo) / Double(max(1, count - 1)), round: true)
        let slack = 1e-9
        // Ticks are counted in 64 bits: data far from zero for its span (`1e10...1e10 + 1`)
        // puts them beyond 2^31, which is past WebAssembly's `Int`.
        func bounds(_ step: Step) -> (first: Int64, last: Int64) {
            let value = step.value
            if loose {
                return (Int64((lo / value + slack).rounded(.down)), Int64((hi / value - slack).rounded(.up)))
            }
            return (Int64((lo / value - slack).rounded(.up)), Int64((hi / value + slack).rounded(.down)))
        }
        var candidates: [Step] = []
        for exponent in (raw.exponent - 1)...(raw.exponent + 1) {
            for mantissa in [1, 2, 5] { candidates.append(Step(mantissa: mantissa, exponent: exponent)) }
        }
        let scored = candidates.map { step -> (step: Step, miss: Int64, waste: Double) in
            let (first, last) = bounds(step)
            let ticks = last - first + 1
            let waste = loose ? step.multiple(last) - step.multiple(first) - (hi - lo) : 0
            return (step, abs(ticks - Int64(count)), waste)
        }
        let step = scored.min { a, b in
            if a.miss != b.miss { return a.miss < b.miss }
            if abs(a.waste - b.waste) > 1e-12 * (hi - lo) { return a.waste < b.waste }
            return a.step.value < b.step.value
        }!.step
        let stepValue = step.value
        let (first, last) = bounds(step)
        let major = first <= last ? (first...last).map(step.multiple) : []
        let domain = loose ? (major.first ?? lo, major.last ?? hi) : (lo, hi)
        return Ticks(
            lo: domain.0, hi: domain.1, major: major, minor: [],
            labels: major.map { label($0, step: stepValue) }
        )
    }

    /// Ticks for positive `lo...hi` on a log axis: whole decades (every second or third
    /// one when there are more than `maxLabels`), the interval widened to decades, and the
    /// 2..9 multiples as minor ticks while they are not too dense.
    static func logarithmic(_ lo: Double, _ hi: Double, maxLabels: Int = 8) -> Ticks {
        var (lo, hi) = (lo, hi)
        if !(lo > 0) || !lo.isFinite || !(hi > 0) || !hi.isFinite { (lo, hi) = (1, 10) }
        if lo > hi { swap(&lo, &hi) }
        let slack = 1e-9
        // Decades within 1e-300..1e300, where powers of ten are normal doubles.
        var first = max(-300, min(299, Int((FigureMath.log10(lo) + slack).rounded(.down))))
        var last = max(-299, min(300, Int((FigureMath.log10(hi) - slack).rounded(.up))))
        if first >= last {
            first -= 1
            last += 1
        }
        let decades = last - first
        let stride = max(1, (decades + maxLabels - 1) / maxLabels)
        let major = (first...last).filter { $0 % stride == 0 }.map { scaled(1, $0) }
        var minor: [Double] = []
        if stride == 1, decades <= 8 {
            for k in first..<last {
                minor += (2...9).map { scaled(Double($0), k) }
            }
        } else if stride > 1 {
            minor = (first...last).filter { $0 % stride != 0 }.map { scaled(1, $0) }
        }
        let plain = major.allSatisfy { $0 >= 1e-4 && $0 <= 1e5 }
        let labels = major.map { value -> String in
            plain ? label(value, step: value) : power(Int((FigureMath.log10(value)).rounded()))
        }
        return Ticks(lo: scaled(1, first), hi: scaled(1, last), major: major, minor: minor, labels: labels)
    }

    /// `value`, a multiple of `step`, written compactly: as many significant digits as the
    /// step needs (`NumberFormat.g` with fewer digits), whole numbers below a million in
    /// full, exponents without padding (`1e-5`, `2.5e6`).
    static func label(_ value: Double, step: Double) -> String {
        if value == 0 || abs(value) < abs(step) * 1e-9 { return "0" }
        let exponent = Int((FigureMath.log10(abs(value))).rounded(.down))
        let stepExponent = Int((FigureMath.log10(abs(step))).rounded(.down))
        var digits = max(1, exponent - stepExponent + 1)
        if exponent >= 0, exponent < 6 { digits = max(digits, exponent + 1) }
        digits = min(digits, NumberFormat.significantDigits)
        return compactExponent(NumberFormat.g(value, digits: digits))
    }

    /// `1e+06` -> `1e6`, `1.5e-05` -> `1.5e-5`.
    static func compactExponent(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        guard let exponent = Int(String(text[text.index(after: e)...].filter { $0 != "+" })) else {
            return text
        }
        return String(mantissa) + "e" + String(exponent)
    }

    /// `10⁻⁵`.
    static func power(_ exponent: Int) -> String {
        let superscripts: [Character: Character] = [
            "0": "\u{2070}", "1": "\u{00B9}", "2": "\u{00B2}", "3": "\u{00B3}", "4": "\u{2074}",
            "5": "\u{2075}", "6": "\u{2076}", "7": "\u{2077}", "8": "\u{2078}", "9": "\u{2079}", "-": "\u{207B}",
        ]
        return "10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }

    /// `m * 10^e`, exactly rounded (dividing by an exact power of ten, never multiplying
    /// by an inexact negative one).
    static func scaled(_ m: Double, _ e: Int) -> Double {
        if e >= 0 { return m * exactPower(e) }
        return m / exactPower(-e)
    }

    private static func exactPower(_ e: Int) -> Double {
        // Powers of ten up to 1e22 are exact doubles; beyond that, parse the literal.
        if e <= 22 {
            var p = 1.0
            for _ in 0..<e { p *= 10 }
            return p
        }
        return Double("1e\(e)") ?? .infinity
    }
}
