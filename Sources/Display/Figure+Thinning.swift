/// Figures with more points than a page can draw: a browser gains nothing from ten million
/// points in one plot, and building them into a page would take minutes and gigabytes.
///
/// A thinned figure keeps, for each line, its first and last points and the lowest and the
/// highest point of every stretch of it (so spikes and the envelope survive), and for a
/// scatter an even sample of its points. Its record is the record of the whole figure, taken
/// before thinning: what the notebook records does not depend on how much of it is drawn.
extension Figure {
    /// The most points a page draws of one figure (lines, scatter points and paths together).
    public static let pointsDrawn = 20_000

    /// The figure as a page draws it: itself when small enough, else thinned, carrying the
    /// record of the whole.
    public func thinnedForDrawing(limit: Int = pointsDrawn) -> Figure {
        guard wholeRecord == nil, pointCount > limit else { return self }
        var thinned = self
        thinned.wholeRecord = FigureRecord(summary: summary, digest: recordDigest)
        thinned.content = content.thinned(limit: limit)
        return thinned
    }

    /// Points drawn as marks or line vertices (grids of contours and regions are bounded by
    /// their own limits).
    var pointCount: Int {
        switch content {
        case .line(let plot): return plot.series.reduce(0) { $0 + $1.y.count }
        case .scatter(let plot): return plot.x.count
        case .contour(let plot): return plot.paths.reduce(0) { $0 + $1.points.count }
        case .graph, .network: return 0
        case .panels(let figures): return figures.reduce(0) { $0 + $1.pointCount }
        }
    }
}

/// The record of a figure that was thinned: its summary and digest from before.
public struct FigureRecord: Hashable, Sendable {
    public var summary: String
    public var digest: String
}

extension Figure.Content {
    func thinned(limit: Int) -> Figure.Content {
        switch self {
        case .line(var plot):
            let share = Swift.max(limit / Swift.max(plot.series.count, 1), 16)
            for index in plot.series.indices {
                let kept = Thinning.envelope(plot.series[index].y, budget: share)
                plot.series[index].x = kept.map { plot.series[index].x[$0] }
                plot.series[index].y = kept.map { plot.series[index].y[$0] }
            }
            return .line(plot)
        case .scatter(var plot):
            let kept = Thinning.even(plot.x.count, budget: limit)
            plot.x = kept.map { plot.x[$0] }
            plot.y = kept.map { plot.y[$0] }
            plot.classes = plot.classes.map { classes in kept.map { classes[$0] } }
            return .scatter(plot)
        case .contour(var plot):
            let share = Swift.max(limit / Swift.max(plot.paths.count, 1), 16)
            for index in plot.paths.indices {
                let points = plot.paths[index].points
                plot.paths[index].points = Thinning.envelope(points.map { $0.y }, budget: share).map { points[$0] }
            }
            return .contour(plot)
        case .graph, .network:
            return self
        case .panels(let figures):
            let share = Swift.max(limit / Swift.max(figures.count, 1), 16)
            return .panels(figures.map { $0.thinnedForDrawing(limit: share) })
        }
    }
}

/// Which points of a long sequence to keep, by index, in order.
enum Thinning {
    /// The first and last index, and in each of about `budget / 2` equal stretches the
    /// indices of the lowest and the highest value (nan counts as neither).
    static func envelope(_ values: [Double], budget: Int) -> [Int] {
        guard values.count > budget, budget >= 4 else { return Array(values.indices) }
        let stretches = (budget - 2) / 2
        var kept: [Int] = [0]
        for stretch in 0..<stretches {
            let start = Swift.max(1, stretch * values.count / stretches)
            let end = Swift.min(values.count - 1, (stretch + 1) * values.count / stretches)
            guard start < end else { continue }
            var low = start, high = start
            for index in start..<end {
                if values[index] < values[low] || values[low].isNaN { low = index }
                if values[index] > values[high] || values[high].isNaN { high = index }
            }
            kept += low == high ? [low] : [Swift.min(low, high), Swift.max(low, high)]
        }
        kept.append(values.count - 1)
        return kept
    }

    /// About `budget` indices spread evenly over `count`, the first and the last among them.
    static func even(_ count: Int, budget: Int) -> [Int] {
        guard count > budget, budget >= 2 else { return Array(0..<count) }
        return (0..<budget).map { $0 * (count - 1) / (budget - 1) }
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension FigureRecord: Codable {}
#endif
