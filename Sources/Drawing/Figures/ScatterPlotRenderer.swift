import Display

/// Draws a `ScatterPlot`: decision regions as lightly tinted cells (runs of equal cells
/// merged into one rectangle, one `path` per class) with the boundary between them, and
/// the points on top, coloured and shaped by class.
struct ScatterPlotRenderer {
    var plot: ScatterPlot
    var title: String?
    var metrics: FigureMetrics
    var id: String

    func render() -> (body: String, width: Double, height: Double) {
        let count = min(plot.x.count, plot.y.count)
        let classes: [Int]? = plot.classes.map { Array($0.prefix(count)) }
        var points: [(x: Double, y: Double, cls: Int)] = []
        for index in 0..<count where plot.x[index].isFinite && plot.y[index].isFinite {
            points.append((plot.x[index], plot.y[index], classes.flatMap { index < $0.count ? $0[index] : nil } ?? 0))
        }
        let regions = plot.regions.flatMap(RegionGrid.init)

        var xs = points.map { $0.x }
        var ys = points.map { $0.y }
        // The axes hug the data (or the regions' grid) with ticks inside: widening a
        // scatter to round numbers can waste a fifth of the plot.
        if let regions {
            xs += [regions.xEdges.first!, regions.xEdges.last!]
            ys += [regions.yEdges.first!, regions.yEdges.last!]
        } else if let lo = xs.min(), let hi = xs.max(), let ylo = ys.min(), let yhi = ys.max() {
            // A little air so points do not sit on the axes.
            let padX = (hi - lo) * 0.04
            let padY = (yhi - ylo) * 0.04
            xs += [lo - padX, hi + padX]
            ys += [ylo - padY, yhi + padY]
        }
        let (xLo, xHi) = (xs.min() ?? 0, xs.max() ?? 1)
        let (yLo, yHi) = (ys.min() ?? 0, ys.max() ?? 1)

        var legend: [LegendItem] = []
        let present = Set(points.map { $0.cls }).union(regions?.classesPresent ?? [])
        if plot.classes != nil || regions != nil {
            for cls in present.sorted() {
                legend.append(LegendItem(swatch: .marker(index: cls), text: "class \(cls)"))
            }
        }
        let frame = PlotFrame(metrics: metrics, title: title, legend: legend, xLabel: plot.xLabel, yLabel: plot.yLabel)
        let layout = frame.layout(
            xTicks: { NiceTicks.linear(xLo, xHi, count: $0, loose: false) },
            yTicks: { NiceTicks.linear(yLo, yHi, count: $0, loose: false) },
            xLog: false, yLog: false, equalAspect: false
        )

        var svg = SVGWriter()
        let clip = "\(id)-clip"
        svg.clipRectangle(id: clip, layout.plot)
        if let regions {
            drawRegions(regions, layout: layout, into: &svg)
        }
        frame.drawGrid(layout, into: &svg)
        if let regions {
            drawBoundary(regions, layout: layout, clip: clip, into: &svg)
        }

        // Points, one path per class; the largest class first so smaller ones stay on top.
        let radius = count > 400 ? 3.2 : 4.2
        var byClass: [Int: PathData] = [:]
        for point in points {
            guard let px = layout.x.position(point.x), let py = layout.y.position(point.y) else { continue }
            byClass[point.cls, default: PathData()].append(Marks.marker(Marks.shape(forClass: point.cls), px, py, r: radius))
        }
        let order = byClass.keys.sorted { a, b in
            let ca = points.lazy.filter { $0.cls == a }.count
            let cb = points.lazy.filter { $0.cls == b }.count
            return ca != cb ? ca > cb : a < b
        }
        svg.open("g", [("clip-path", "url(#\(clip))")])
        for cls in order {
            svg.element("path", [("class", "cr-point " + Palette.colourClass(cls)), ("d", byClass[cls]!.text)])
        }
        svg.close("g")
        if points.isEmpty {
            frame.drawNote("no points", layout, into: &svg)
        }
        frame.drawAxes(layout, into: &svg) { swatch, x, y, svg in
            Marks.drawSwatch(swatch, x: x, y: y, into: &svg)
        }
        return (svg.text, metrics.width, metrics.height)
    }

    /// Tinted cells: in each row, runs of one class become one rectangle; all rectangles
    /// of a class are one `path`, so abutting cells show no seams.
    private func drawRegions(_ regions: RegionGrid, layout: PlotFrame.Layout, into svg: inout SVGWriter) {
        var byClass: [Int: PathData] = [:]
        let xEdges = regions.xEdges.map { layout.x.at($0) }
        let yEdges = regions.yEdges.map { layout.y.at($0) }
        for (row, line) in regions.classes.enumerated() {
            var column = 0
            while column < line.count {
                let cls = line[column]
                var end = column + 1
                while end < line.count, line[end] == cls { end += 1 }
                let x0 = min(xEdges[column], xEdges[end])
                let x1 = max(xEdges[column], xEdges[end])
                let y0 = min(yEdges[row], yEdges[row + 1])
                let y1 = max(yEdges[row], yEdges[row + 1])
                let n = SVGWriter.number
                byClass[cls, default: PathData()].append("M\(n(x0)) \(n(y0))H\(n(x1))V\(n(y1))H\(n(x0))Z")
                column = end
            }
        }
        svg.open("g", [("class", "cr-regions")])
        for cls in byClass.keys.sorted() {
            svg.element("path", [("class", "cr-region " + Palette.colourClass(cls)), ("d", byClass[cls]!.text)])
        }
        svg.close("g")
    }

    /// The boundary between regions: for each class but the last, the half-way level of
    /// its indicator, by marching squares over the cell centres, so the line runs between
    /// cells of different classes. The indicator is blurred first (a 3x3 binomial kernel)
    /// so the line is a curve within a cell of the staircase rather than the staircase
    /// itself: the classifier's true boundary is a curve and the cells only sample it.
    private func drawBoundary(_ regions: RegionGrid, layout: PlotFrame.Layout, clip: String, into svg: inout SVGWriter) {
        let present = regions.classesPresent.sorted()
        guard present.count > 1 else { return }
        var path = PathData()
        for cls in present.dropLast() {
            let indicator = regions.classes.map { row in row.map { $0 == cls ? 0.0 : 1.0 } }
            guard let squares = MarchingSquares(ScatterPlotRenderer.blur(indicator)) else { continue }
            for line in squares.lines(level: 0.5) {
                let points = line.points.compactMap { point -> CanvasPoint? in
                    let x = GridInterpolation.value(regions.xs, point.column)
                    let y = GridInterpolation.value(regions.ys, point.row)
                    guard let px = layout.x.position(x), let py = layout.y.position(y) else { return nil }
                    return CanvasPoint(px, py)
                }
                Polyline.append(Polyline.simplify(Polyline.smooth(points, passes: 2), tolerance: 0.2), to: &path)
            }
        }
        if !path.isEmpty {
            svg.element("path", [("class", "cr-boundary"), ("clip-path", "url(#\(clip))"), ("d", path.text)])
        }
    }
}

extension ScatterPlotRenderer {
    /// A 3x3 binomial blur ([1 2 1] by [1 2 1] / 16), edges clamped.
    static func blur(_ grid: [[Double]]) -> [[Double]] {
        let rows = grid.count
        guard rows > 0 else { return grid }
        let columns = grid[0].count
        let weights = [1.0, 2, 1]
        var out = grid
        for r in 0..<rows {
            for c in 0..<columns {
                var sum = 0.0
                for dr in -1...1 {
                    for dc in -1...1 {
                        let rr = min(rows - 1, max(0, r + dr))
                        let cc = min(columns - 1, max(0, c + dc))
                        sum += weights[dr + 1] * weights[dc + 1] * grid[rr][cc]
                    }
                }
                out[r][c] = sum / 16
            }
        }
        return out
    }
}
