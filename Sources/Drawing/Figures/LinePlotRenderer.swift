import Display

/// Draws a `LinePlot`: series as paths (one `path` per series, simplified to what the
/// screen can show), dots for point styles, a legend for several or named series.
struct LinePlotRenderer {
    var plot: LinePlot
    var title: String?
    var metrics: FigureMetrics
    var id: String

    func render() -> (body: String, width: Double, height: Double) {
        let series = plot.series.map { one in
            (0..<min(one.x.count, one.y.count)).map { (one.x[$0], one.y[$0]) }
        }
        let drawableX = series.joined().map { $0.0 }.filter { $0.isFinite && (!plot.xLog || $0 > 0) }
        let drawableY = series.joined().map { $0.1 }.filter { $0.isFinite && (!plot.yLog || $0 > 0) }
        let (xLo, xHi) = (drawableX.min() ?? 0, drawableX.max() ?? 1)
        let (yLo, yHi) = (drawableY.min() ?? 0, drawableY.max() ?? 1)

        var legend: [LegendItem] = []
        if plot.series.count > 1 || plot.series.first?.name != nil {
            for (index, one) in plot.series.enumerated() {
                legend.append(LegendItem(
                    swatch: .series(index: index, style: one.style),
                    text: one.name ?? "series \(index + 1)"
                ))
            }
        }
        let frame = PlotFrame(metrics: metrics, title: title, legend: legend, xLabel: plot.xLabel, yLabel: plot.yLabel)
        let (xLog, yLog) = (plot.xLog, plot.yLog)
        let layout = frame.layout(
            xTicks: { xLog ? NiceTicks.logarithmic(xLo, xHi) : NiceTicks.linear(xLo, xHi, count: $0) },
            yTicks: { yLog ? NiceTicks.logarithmic(yLo, yHi) : NiceTicks.linear(yLo, yHi, count: $0) },
            xLog: xLog, yLog: yLog
        )

        var svg = SVGWriter()
        let clip = "\(id)-clip"
        svg.clipRectangle(id: clip, layout.plot.insetBy(-4))
        frame.drawGrid(layout, into: &svg)

        svg.open("g", [("clip-path", "url(#\(clip))")])
        for (index, one) in plot.series.enumerated() {
            let colour = Palette.colourClass(index)
            let runs = canvasRuns(series[index], layout: layout)
            var line = PathData()
            var marks = PathData()
            var lastMark: (Int, Int)? = nil
            for run in runs {
                if one.style.line != nil, run.count > 1 {
                    var points = run
                    if points.count > Int(layout.plot.width) * 2, zip(points, points.dropFirst()).allSatisfy({ $0.x <= $1.x }) {
                        points = Polyline.decimateColumns(points)
                    }
                    Polyline.append(Polyline.simplify(points), to: &line)
                }
                if one.style.marker != nil || run.count == 1 {
                    for point in run {
                        // Marks closer than half a pixel are one mark.
                        let key = (Int((point.x * 2).rounded()), Int((point.y * 2).rounded()))
                        if let lastMark, lastMark == key { continue }
                        lastMark = key
                        marks.append(Marks.seriesMark(one.style.marker ?? .dot, point.x, point.y))
                    }
                }
            }
            if !line.isEmpty {
                svg.element("path", [("class", Marks.lineClass(one.style.line ?? .solid) + " " + colour), ("d", line.text)])
            }
            if !marks.isEmpty {
                svg.element("path", [("class", Marks.markClass(one.style.marker ?? .dot) + " " + colour), ("d", marks.text)])
            }
        }
        svg.close("g")
        if drawableY.isEmpty {
            frame.drawNote("no finite values to plot", layout, into: &svg)
        }
        frame.drawAxes(layout, into: &svg) { swatch, x, y, svg in
            Marks.drawSwatch(swatch, x: x, y: y, into: &svg)
        }
        return (svg.text, metrics.width, metrics.height)
    }

    /// The series as canvas points, split wherever a value cannot be drawn (NaN, infinity,
    /// or not positive on a log axis), so a gap shows instead of a wrong line.
    private func canvasRuns(_ pairs: [(Double, Double)], layout: PlotFrame.Layout) -> [[CanvasPoint]] {
        var runs: [[CanvasPoint]] = []
        var current: [CanvasPoint] = []
        for (x, y) in pairs {
            if let px = layout.x.position(x), let py = layout.y.position(y) {
                current.append(CanvasPoint(px, py))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
