import Display

/// Draws a `ContourPlot`: lightly filled regions below each level (stacked, so valleys are
/// darker), iso-lines with a few levels labelled along the line, and descent paths on top
/// with a dot at each iterate, a ring at the start and an arrow at the end.
struct ContourPlotRenderer {
    var plot: ContourPlot
    var title: String?
    var metrics: FigureMetrics
    var id: String

    func render() -> (body: String, width: Double, height: Double) {
        let gridOK = plot.xs.count >= 2 && plot.ys.count >= 2 && plot.z.count == plot.ys.count
            && plot.z.allSatisfy { $0.count == plot.xs.count }
            && plot.xs.allSatisfy { $0.isFinite } && plot.ys.allSatisfy { $0.isFinite }
        let squares = gridOK ? MarchingSquares(plot.z) : nil

        var xs = plot.xs.filter { $0.isFinite }
        var ys = plot.ys.filter { $0.isFinite }
        if squares == nil {
            // No usable grid: frame the paths instead.
            for path in plot.paths {
                xs += path.points.map { $0.x }.filter { $0.isFinite }
                ys += path.points.map { $0.y }.filter { $0.isFinite }
            }
        }
        let (xLo, xHi) = (xs.min() ?? 0, xs.max() ?? 1)
        let (yLo, yHi) = (ys.min() ?? 0, ys.max() ?? 1)
        let spanRatio = (yHi - yLo) / (xHi - xLo)
        let equal = squares != nil && spanRatio.isFinite && spanRatio > 0.25 && spanRatio < 4

        var legend: [LegendItem] = []
        if plot.paths.count > 1 || plot.paths.first?.name != nil {
            for (index, path) in plot.paths.enumerated() {
                legend.append(LegendItem(swatch: .path(index: index), text: path.name ?? "path \(index + 1)"))
            }
        }
        let frame = PlotFrame(metrics: metrics, title: title, legend: legend, xLabel: plot.xLabel, yLabel: plot.yLabel)
        let tight = squares != nil
        let layout = frame.layout(
            xTicks: { NiceTicks.linear(xLo, xHi, count: $0, loose: !tight) },
            yTicks: { NiceTicks.linear(yLo, yHi, count: $0, loose: !tight) },
            xLog: false, yLog: false, equalAspect: equal
        )
        let height = equal ? min(metrics.height, frame.usedHeight(layout)) : metrics.height

        var svg = SVGWriter()
        let clip = "\(id)-clip"
        svg.clipRectangle(id: clip, layout.plot)

        var avoid: [CanvasPoint] = []
        var pathLines: [[CanvasPoint]] = []
        for path in plot.paths {
            let points = path.points.compactMap { point -> CanvasPoint? in
                guard let px = layout.x.position(point.x), let py = layout.y.position(point.y) else { return nil }
                return CanvasPoint(px, py)
            }
            pathLines.append(points)
            avoid += points
            for (a, b) in zip(points, points.dropFirst()) {
                avoid.append(CanvasPoint((a.x + b.x) / 2, (a.y + b.y) / 2))
            }
        }

        if let squares {
            let levels = plot.levels.map { given in
                Array(Set(given.filter { $0.isFinite })).sorted()
            } ?? ContourLevels.automatic(plot.z)
            let toCanvas = { (point: GridPoint) -> CanvasPoint in
                CanvasPoint(
                    layout.x.at(GridInterpolation.value(plot.xs, point.column)),
                    layout.y.at(GridInterpolation.value(plot.ys, point.row))
                )
            }
            // Lines and fills are rounded the same way (Chaikin, border points pinned), so a
            // coarse grid does not show as polygons and the fills meet their lines.
            let border = layout.plot
            let onBorder = { (p: CanvasPoint) -> Bool in
                abs(p.x - border.x) < 0.01 || abs(p.x - border.maxX) < 0.01 || abs(p.y - border.y) < 0.01 || abs(p.y - border.maxY) < 0.01
            }
            let shape = { (points: [GridPoint], closed: Bool) -> [CanvasPoint] in
                Polyline.simplify(Polyline.smooth(points.map(toCanvas), passes: 2, closed: closed, pinned: onBorder), tolerance: 0.25)
            }
            drawFills(squares, levels: levels, shape: shape, into: &svg)
            frame.drawGrid(layout, into: &svg)
            drawLines(squares, levels: levels, shape: shape, layout: layout, avoid: avoid, into: &svg)
        } else {
            frame.drawGrid(layout, into: &svg)
            if gridOK == false, !plot.z.isEmpty {
                frame.drawNote("grid does not match its coordinates", layout, into: &svg)
            }
        }
        drawPaths(pathLines, clip: clip, into: &svg)
        frame.drawAxes(layout, into: &svg) { swatch, x, y, svg in
            Marks.drawSwatch(swatch, x: x, y: y, into: &svg)
        }
        return (svg.text, metrics.width, height)
    }

    private func drawFills(_ squares: MarchingSquares, levels: [Double], shape: ([GridPoint], Bool) -> [CanvasPoint], into svg: inout SVGWriter) {
        var group = SVGWriter()
        for level in levels {
            var path = PathData()
            for loop in squares.region(level: level) {
                let points = shape(loop, true)
                guard points.count > 2 else { continue }
                Polyline.append(points, to: &path)
                path.close()
            }
            if !path.isEmpty {
                group.element("path", [("d", path.text)])
            }
        }
        guard !group.text.isEmpty else { return }
        svg.open("g", [("class", "cr-contour-fill")])
        svg.raw(group.text)
        svg.close("g")
    }

    private func drawLines(
        _ squares: MarchingSquares, levels: [Double], shape: ([GridPoint], Bool) -> [CanvasPoint],
        layout: PlotFrame.Layout, avoid: [CanvasPoint], into svg: inout SVGWriter
    ) {
        let step = levels.count > 1 ? levels[1] - levels[0] : 1
        let labelled = ContourLevels.labelled(count: levels.count)
        var plain = PathData()
        var strong = PathData()
        var labels: [(text: String, x: Double, y: Double, angle: Double)] = []
        var taken: [Rect] = []
        for (index, level) in levels.enumerated() {
            let lines = squares.lines(level: level).map { shape($0.points, $0.closed) }
            let isLabelled = labelled.contains(index)
            for line in lines {
                if isLabelled {
                    Polyline.append(line, to: &strong)
                } else {
                    Polyline.append(line, to: &plain)
                }
            }
            guard isLabelled else { continue }
            let text = Typography.display(NiceTicks.label(level, step: ContourLevels.labelStep(level, step: step)))
            if let place = ContourLabels.place(
                text: text, fontSize: metrics.contourLabelSize, on: lines,
                within: layout.plot.insetBy(3), avoiding: avoid, taken: taken
            ) {
                labels.append((text, place.x, place.y, place.angle))
                taken.append(place.box)
            }
        }
        if !plain.isEmpty { svg.element("path", [("class", "cr-contour"), ("d", plain.text)]) }
        if !strong.isEmpty { svg.element("path", [("class", "cr-contour cr-contour-labelled"), ("d", strong.text)]) }
        guard !labels.isEmpty else { return }
        svg.open("g", [("class", "cr-contour-labels"), ("font-size", SVGWriter.n(metrics.contourLabelSize)), ("text-anchor", "middle")])
        for label in labels {
            let x = SVGWriter.n(label.x)
            let y = SVGWriter.n(label.y)
            svg.element("text", [
                ("class", "cr-contour-label cr-halo"), ("x", x), ("y", y), ("dy", "0.35em"),
                ("transform", "rotate(\(SVGWriter.n(label.angle)) \(x) \(y))"),
            ], content: label.text)
        }
        svg.close("g")
    }

    private func drawPaths(_ lines: [[CanvasPoint]], clip: String, into svg: inout SVGWriter) {
        guard lines.contains(where: { !$0.isEmpty }) else { return }
        svg.open("g", [("clip-path", "url(#\(clip))")])
        for (index, points) in lines.enumerated() {
            guard let first = points.first, let last = points.last else { continue }
            let cls = Palette.colourClass(index)
            // Iterates crowd near a minimum: a dot every 1.5 units at most.
            var dots = PathData()
            var lastDot: CanvasPoint? = nil
            for point in points {
                if let lastDot, FigureMath.hypot(point.x - lastDot.x, point.y - lastDot.y) < 1.5 { continue }
                dots.append(Marks.dot(point.x, point.y))
                lastDot = point
            }
            // The arrow points along the last step long enough to have a direction, and the
            // line stops at its base so the tip stays sharp.
            let arrowLength = 11.0
            let back = points.reversed().first { FigureMath.hypot($0.x - last.x, $0.y - last.y) >= 4 }
            var line = points
            var arrow: String? = nil
            if let back {
                let dx = last.x - back.x
                let dy = last.y - back.y
                let length = FigureMath.hypot(dx, dy)
                arrow = Marks.arrowhead(tipX: last.x, tipY: last.y, dx: dx, dy: dy, length: arrowLength)
                let baseX = last.x - dx / length * arrowLength * 0.8
                let baseY = last.y - dy / length * arrowLength * 0.8
                line[line.count - 1] = CanvasPoint(baseX, baseY)
            }
            var path = PathData()
            Polyline.append(Polyline.simplify(line, tolerance: 0.2), to: &path)
            if points.count > 1 {
                svg.element("path", [("class", "cr-descent " + cls), ("d", path.text)])
            }
            svg.element("path", [("class", "cr-descent-dots " + cls), ("d", dots.text)])
            if let arrow {
                svg.element("path", [("class", "cr-arrow " + cls), ("d", arrow)])
            }
            svg.element("circle", [
                ("class", "cr-start " + cls), ("cx", SVGWriter.n(first.x)), ("cy", SVGWriter.n(first.y)), ("r", "5.5"),
            ])
        }
        svg.close("g")
    }
}
