/// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64: the same stream of
/// numbers on every platform and every run, independent of the system's generator.
///
/// Uniform draws use the top 53 bits, so they are bit-identical everywhere. Normal draws
/// use Marsaglia's polar method, which calls the platform's `log` and `sqrt`.
public struct RandomGenerator: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1).
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Normally distributed.
    public mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return mean + deviation * spare
        }
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * _log(s) / s).squareRoot()
                spareNormal = v * factor
                return mean + deviation * u * factor
            }
        }
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method).
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound > 0, "integer(below:) needs a positive bound")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }

    /// Fisher–Yates, with our own draws so the order is the same on every platform.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, integer(below: i + 1))
        }
    }

    /// An array of `shape` with uniform draws in [low, high), in row-major order.
    public mutating func uniformArray(_ shape: Shape, _ low: Double = 0, _ high: Double = 1) -> NDArray {
        NDArray(shape: shape, values: (0..<shape.count).map { _ in uniform(low, high) })
    }

    /// An array of `shape` with normal draws.
    public mutating func normalArray(_ shape: Shape, mean: Double = 0, deviation: Double = 1) -> NDArray {
        NDArray(shape: shape, values: (0..<shape.count).map { _ in normal(mean: mean, deviation: deviation) })
    }
}
