import Foundation
import Display

/// Draws a `ContourPlot`: lightly filled regions below each level (stacked, so valleys are
/// darker), iso-lines with a few levels labelled along the line, and descent paths on top
/// with a dot at each iterate, a ring at the start and an arrow at the end.
struct ContourPlotRenderer {
    var plot: ContourPlot
    var title: String?
    var metrics: FigureMetrics
    var id: String

    static let labelSize = 10.5

    func render() -> (body: String, width: Double, height: Double) {
        let gridOK = plot.xs.count >= 2 && plot.ys.count >= 2 && plot.z.count == plot.ys.count
            && plot.z.allSatisfy { $0.count == plot.xs.count }
            && plot.xs.allSatisfy(\.isFinite) && plot.ys.allSatisfy(\.isFinite)
        let squares = gridOK ? MarchingSquares(plot.z) : nil

        var xs = plot.xs.filter(\.isFinite)
        var ys = plot.ys.filter(\.isFinite)
        if squares == nil {
            // No usable grid: frame the paths instead.
            for path in plot.paths {
                xs += path.points.map(\.x).filter(\.isFinite)
                ys += path.points.map(\.y).filter(\.isFinite)
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
        svg.open("defs")
        svg.open("clipPath", [("id", clip)])
        svg.element("rect", [
            ("x", SVGWriter.n(layout.plot.x)), ("y", SVGWriter.n(layout.plot.y)),
            ("width", SVGWriter.n(layout.plot.width)), ("height", SVGWriter.n(layout.plot.height)),
        ])
        svg.close("clipPath")
        svg.close("defs")

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
                Array(Set(given.filter(\.isFinite))).sorted()
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
                svg.element("text", [
                    ("class", "cr-note"), ("text-anchor", "middle"),
                    ("x", SVGWriter.n(layout.plot.midX)), ("y", SVGWriter.n(layout.plot.midY)),
                ], content: "grid does not match its coordinates")
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
                text: text, fontSize: ContourPlotRenderer.labelSize, on: lines,
                within: layout.plot.insetBy(3), avoiding: avoid, taken: taken
            ) {
                labels.append((text, place.x, place.y, place.angle))
                taken.append(place.box)
            }
        }
        if !plain.isEmpty { svg.element("path", [("class", "cr-contour"), ("d", plain.text)]) }
        if !strong.isEmpty { svg.element("path", [("class", "cr-contour cr-contour-labelled"), ("d", strong.text)]) }
        guard !labels.isEmpty else { return }
        svg.open("g", [("class", "cr-contour-labels"), ("font-size", SVGWriter.n(ContourPlotRenderer.labelSize)), ("text-anchor", "middle")])
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
            let cls = "cr-p\(Marks.colourIndex(index))"
            // Iterates crowd near a minimum: a dot every 1.5 units at most.
            var dots = PathData()
            var lastDot: CanvasPoint? = nil
            for point in points {
                if let lastDot, hypot(point.x - lastDot.x, point.y - lastDot.y) < 1.5 { continue }
                dots.append(Marks.dot(point.x, point.y))
                lastDot = point
            }
            // The arrow points along the last step long enough to have a direction, and the
            // line stops at its base so the tip stays sharp.
            let arrowLength = 11.0
            let back = points.reversed().first { hypot($0.x - last.x, $0.y - last.y) >= 4 }
            var line = points
            var arrow: String? = nil
            if let back {
                let dx = last.x - back.x
                let dy = last.y - back.y
                let length = hypot(dx, dy)
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

/// Choosing the levels of a contour plot.
enum ContourLevels {
    /// Round levels inside the range of `z`. For a non-negative function that reaches
    /// down near zero or whose values crowd near its minimum (a bowl, a loss with a steep
    /// wall, Rosenbrock's valley): 1-2-5 steps per decade, so the rings tighten towards the
    /// minimum where descent paths end. Otherwise evenly spaced nice numbers.
    static func automatic(_ z: [[Double]]) -> [Double] {
        let values = z.joined().filter(\.isFinite).sorted()
        guard let lo = values.first, let hi = values.last, hi > lo else { return [] }
        let median = values[values.count / 2]
        if lo >= 0, lo <= 0.02 * hi || median - lo < 0.1 * (hi - lo) {
            let floor = max(values[values.count / 50], hi * 1e-5)
            var levels: [Double] = []
            var exponent = Int(log10(floor).rounded(.down))
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
                    let mantissa = level / NiceTicks.scaled(1, Int(log10(level).rounded(.down)))
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

/// Placing a level's label on one of its lines.
enum ContourLabels {
    struct Placement {
        var x: Double
        var y: Double
        var angle: Double
        var box: Rect
    }

    /// The straightest spot, on any of `lines`, where a label of `text` fits inside
    /// `within` clear of the `avoiding` points and the boxes already `taken`; nil if none.
    static func place(
        text: String, fontSize: Double, on lines: [[CanvasPoint]], within: Rect,
        avoiding: [CanvasPoint], taken: [Rect]
    ) -> Placement? {
        let width = TextWidth.of(text, fontSize: fontSize) + 6
        var best: (score: Double, placement: Placement)? = nil
        for line in lines where line.count > 1 {
            var arc = [0.0]
            for (a, b) in zip(line, line.dropFirst()) {
                arc.append(arc[arc.count - 1] + hypot(b.x - a.x, b.y - a.y))
            }
            let total = arc[arc.count - 1]
            guard total > width * 2.5 else { continue }
            let samples = 16
            for sample in 0..<samples {
                let centre = total * (Double(sample) + 0.5) / Double(samples)
                let a = point(at: centre - width / 2, line, arc)
                let b = point(at: centre + width / 2, line, arc)
                let c = point(at: centre, line, arc)
                let chord = hypot(b.x - a.x, b.y - a.y)
                guard chord > width * 0.92 else { continue }
                var angle = atan2(b.y - a.y, b.x - a.x) * 180 / .pi
                if angle > 90 { angle -= 180 }
                if angle < -90 { angle += 180 }
                let radians = angle * .pi / 180
                let halfW = width / 2
                let halfH = fontSize * 0.7
                let extentX = abs(cos(radians)) * halfW + abs(sin(radians)) * halfH
                let extentY = abs(sin(radians)) * halfW + abs(cos(radians)) * halfH
                let box = Rect(x: c.x - extentX, y: c.y - extentY, width: 2 * extentX, height: 2 * extentY)
                guard within.contains(box.x, box.y), within.contains(box.maxX, box.maxY) else { continue }
                let padded = box.insetBy(-6)
                guard !taken.contains(where: { $0.intersects(padded) }) else { continue }
                guard !avoiding.contains(where: { box.insetBy(-5).contains($0.x, $0.y) }) else { continue }
                // Straight and level text reads best.
                let score = (1 - chord / width) * 20 + abs(angle) / 90
                if best == nil || score < best!.score - 1e-9 {
                    best = (score, Placement(x: c.x, y: c.y, angle: angle, box: box))
                }
            }
        }
        return best?.placement
    }

    private static func point(at distance: Double, _ line: [CanvasPoint], _ arc: [Double]) -> CanvasPoint {
        let total = arc[arc.count - 1]
        let d = max(0, min(total, distance))
        var index = 1
        while index < arc.count - 1, arc[index] < d { index += 1 }
        let span = arc[index] - arc[index - 1]
        let t = span > 0 ? (d - arc[index - 1]) / span : 0
        let a = line[index - 1]
        let b = line[index]
        return CanvasPoint(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
    }
}
