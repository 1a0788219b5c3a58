import Foundation

/// One axis of a plot: its ticks and where they land on the canvas.
struct Axis {
    var ticks: Ticks
    var log: Bool
    /// Canvas coordinate of `ticks.lo` and `ticks.hi` (for a y axis, lo is at the bottom).
    var start: Double
    var end: Double

    /// The canvas coordinate of a data value; nil when it cannot be drawn (not finite, or
    /// not positive on a log axis).
    func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let t: Double
        if log {
            guard value > 0 else { return nil }
            t = (log10(value) - log10(ticks.lo)) / (log10(ticks.hi) - log10(ticks.lo))
        } else {
            t = (value - ticks.lo) / (ticks.hi - ticks.lo)
        }
        let p = start + t * (end - start)
        return p.isFinite ? p : nil
    }

    /// Like `position`, for values known to be drawable (ticks).
    func at(_ value: Double) -> Double { position(value) ?? start }
}
