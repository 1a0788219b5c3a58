/// Choosing the levels of a contour plot.
enum ContourLevels {
    /// Round levels inside the range of `z`. For a non-negative function that reaches
    /// down near zero or whose values crowd near its minimum (a bowl, a loss with a steep
    /// wall, Rosenbrock's valley): 1-2-5 steps per decade, so the rings tighten towards the
    /// minimum where descent paths end. Otherwise evenly spaced nice numbers.
    static func automatic(_ z: [[Double]]) -> [Double] {
        let values = z.joined().filter { $0.isFinite }.sorted()
        guard let lo = values.first, let hi = values.last, hi > lo else { return [] }
        let median = values[values.count / 2]
        if lo >= 0, lo <= 0.02 * hi || median - lo < 0.1 * (hi - lo) {
            let floor = max(values[values.count / 50], hi * 1e-5)
            var levels: [Double] = []
            var exponent = Int(FigureMath.log10(floor).rounded(.down))
            while NiceTicks.scaled(1, exponent) < hi {
                for mantissa in [1.0, 2, 5] {
                    let level = NiceTicks.scaled(mantissa, exponent)
                    if level > lo, level >= floor, level < hi { levels.append(level) }
                }
                exponent += 1
            }
            if levels.count > 12 {
                // Many decades: keep the 1s and 5s.
                levels = levels.filter { level in
                    let mantissa = level / NiceTicks.scaled(1, Int(FigureMath.log10(level).rounded(.down)))
                    return abs(mantissa - 2) > 0.01
                }
            }
            if levels.count >= 4 { return levels }
        }
        let ticks = NiceTicks.linear(lo, hi, count: 10, loose: false)
        return ticks.major.filter { $0 > lo && $0 < hi }
    }

    /// Which levels carry a label: every other one, at most about six.
    static func labelled(count: Int) -> Set<Int> {
        guard count > 0 else { return [] }
        let stride = max(2, (count + 5) / 6)
        return Set(Swift.stride(from: count <= 2 ? 0 : 1, to: count, by: stride))
    }

    /// The step that decides a level's label precision: for geometric levels the level
    /// itself, so `0.02` is not written `0.020000`.
    static func labelStep(_ level: Double, step: Double) -> Double {
        min(abs(step), abs(level) > 0 ? abs(level) : abs(step))
    }
}
