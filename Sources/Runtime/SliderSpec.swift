import Diagnostics

/// A `slider(default, from:, to:, step:, label:)` a block evaluated: what a page needs to
/// draw the control. The CLI never moves a slider, so a spec always holds the default, even
/// when `Interpreter.Configuration.sliderValues` gave the slider another value.
public struct SliderSpec: Sendable, Hashable {
    /// The call, `slider(...)` through its closing parenthesis; its start is the key of
    /// `Interpreter.Configuration.sliderValues`.
    public let range: SourceRange
    public let defaultValue: Double
    public let from: Double
    public let to: Double
    public let step: Double
    /// What the page shows beside the control; nil when the notebook gave none.
    public let label: String?

    public init(range: SourceRange, defaultValue: Double, from: Double, to: Double, step: Double, label: String? = nil) {
        self.range = range
        self.defaultValue = defaultValue
        self.from = from
        self.to = to
        self.step = step
        self.label = label
    }

    /// What the slider gives when set to `requested`: the nearest of from, from + step,
    /// from + 2·step, ... that is not past `to`, as a browser's range input snaps. A
    /// request already on a step, up to rounding, is kept as given, so 0.5 on a slider from
    /// 0.01 by 0.01 stays 0.5 rather than becoming 0.01 + 49 × 0.01 = 0.5000000000000001.
    /// NaN, which no control can mean, gives the default.
    public func value(for requested: Double) -> Double {
        guard !requested.isNaN else { return defaultValue }
        let tolerance = step * 1e-9
        // (to - from) / step rounded down, except that 0.99 / 0.01 = 98.99999999999999 must
        // count 99 steps.
        var last = ((to - from) / step).rounded()
        if from + last * step > to + tolerance { last -= 1 }
        let k = min(max(((requested - from) / step).rounded(), 0), last)
        let snapped = min(from + k * step, to)
        if abs(requested - snapped) <= tolerance, requested >= from, requested <= to { return requested }
        return snapped
    }
}

// The build caches results; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension SliderSpec: Codable {}
#endif
