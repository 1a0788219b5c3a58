/// One axis of a plot: its ticks and where they land on the canvas.
struct Axis {
    let ticks: Ticks
    let log: Bool
    /// Canvas coordinate of `ticks.lo` and `ticks.hi` (for a y axis, lo is at the bottom).
    var start: Double
    var end: Double
    /// The logarithms of `ticks.lo` and `ticks.hi` on a log axis, taken once for every point.
    private let logLo: Double
    private let logHi: Double

    init(ticks: Ticks, log: Bool, start: Double, end: Double) {
        self.ticks = ticks
        self.log = log
        self.start = start
        self.end = end
        logLo = log ? FigureMath.log10(ticks.lo) : 0
        logHi = log ? FigureMath.log10(ticks.hi) : 0
    }

    /// The canvas coordinate of a data value; nil when it cannot be drawn (not finite, or
    /// not positive on a log axis).
    func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let t: Double
        if log {
            guard value > 0 else { return nil }
            t = (FigureMath.log10(value) - logLo) / (logHi - logLo)
        } else {
            t = (value - ticks.lo) / (ticks.hi - ticks.lo)
        }
        let p = start + t * (end - start)
        return p.isFinite ? p : nil
    }

    /// Like `position`, for values known to be drawable (ticks).
    func at(_ value: Double) -> Double { position(value) ?? start }
}
