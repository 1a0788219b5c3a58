/// The frame shared by line, scatter and contour plots: title, legend row, plot area,
/// axes with ticks, grid and labels. Computes the layout first, then draws.
struct PlotFrame {
    var metrics: FigureMetrics
    var title: String?
    var legend: [LegendItem]
    var xLabel: String?
    var yLabel: String?

    /// Laid-out frame.
    struct Layout {
        var plot: Rect
        var x: Axis
        var y: Axis
        var titleBaseline: Double?
        /// The title broken into lines that fit the canvas.
        var titleLines: [String] = []
        var legendRows: [[(item: LegendItem, x: Double)]]
        var legendTop: Double
    }

    static let legendRowHeight = 20.0
    static let swatchWidth = 26.0

    /// Places everything. `xTicks` and `yTicks` give ticks for about `count` labels;
    /// `aspect`, when given, is data-units-per-pixel equality: the plot area is shrunk so
    /// one unit of x and y have the same length on screen (contour plots).
    func layout(
        xTicks: (Int) -> Ticks, yTicks: (Int) -> Ticks, xLog: Bool, yLog: Bool,
        equalAspect: Bool = false
    ) -> Layout {
        let m = metrics
        var top = m.padding
        var titleBaseline: Double?
        var titleLines: [String] = []
        if let title, !title.isEmpty {
            // The title is semibold, about a tenth wider than the estimate for regular text.
            titleLines = PlotFrame.lines(of: title, width: m.width - 2 * m.padding, fontSize: m.titleSize * 1.12)
            titleBaseline = top + m.titleSize
            top += m.titleSize + 10 + Double(titleLines.count - 1) * PlotFrame.lineHeight(m.titleSize)
        }
        // Legend entries flow left to right and wrap.
        var rows: [[(item: LegendItem, x: Double)]] = []
        let legendTop = top
        if !legend.isEmpty {
            var row: [(item: LegendItem, x: Double)] = []
            var x = m.padding + 4
            let limit = m.width - m.padding
            for item in legend {
                let width = PlotFrame.swatchWidth + 6 + TextWidth.of(item.text, fontSize: m.legendSize)
                if !row.isEmpty, x + width > limit {
                    rows.append(row)
                    row = []
                    x = m.padding + 4
                }
                row.append((item, x))
                x += width + 18
            }
            rows.append(row)
            top += Double(rows.count) * PlotFrame.legendRowHeight + 4
        }
        top += 6  // room above the topmost tick label

        let bottom = m.padding + m.tickSize + 8 + (xLabel == nil ? 0 : m.labelSize + 10)
        let right = m.padding + 14
        let plotHeight = max(40, m.height - top - bottom)
        let yCount = max(4, min(9, Int(plotHeight / 34)))
        var yAxisTicks = yTicks(yCount)
        if yLog == false, yAxisTicks.major.count > 10 { yAxisTicks = yTicks(yCount - 2) }
        let yLabelWidth = yAxisTicks.labels.map { TextWidth.of(Typography.display($0), fontSize: m.tickSize) }.max() ?? 0
        let left = m.padding + (yLabel == nil ? 0 : m.labelSize + 10) + yLabelWidth + 8
        var plot = Rect(x: left, y: top, width: max(40, m.width - left - right), height: plotHeight)

        // As many x ticks as fit without labels touching.
        var xCount = max(2, min(10, Int(plot.width / 70)))
        var xAxisTicks = xTicks(xCount)
        while xCount > 2 {
            let widths = xAxisTicks.labels.map { TextWidth.of(Typography.display($0), fontSize: m.tickSize) }
            let needed = (widths.max() ?? 0) + 12
            let available = plot.width / Double(max(1, xAxisTicks.major.count - 1))
            if needed <= available { break }
            xCount -= 1
            xAxisTicks = xTicks(xCount)
        }

        if equalAspect {
            let spanX = xAxisTicks.hi - xAxisTicks.lo
            let spanY = yAxisTicks.hi - yAxisTicks.lo
            if spanX > 0, spanY > 0 {
                let scale = min(plot.width / spanX, plot.height / spanY)
                let width = spanX * scale
                let height = spanY * scale
                plot.x += (plot.width - width) / 2
                plot.width = width
                plot.height = height
            }
        }
        let x = Axis(ticks: xAxisTicks, log: xLog, start: plot.x, end: plot.maxX)
        let y = Axis(ticks: yAxisTicks, log: yLog, start: plot.maxY, end: plot.y)
        return Layout(plot: plot, x: x, y: y, titleBaseline: titleBaseline, titleLines: titleLines, legendRows: rows, legendTop: legendTop)
    }

    static func lineHeight(_ fontSize: Double) -> Double { fontSize * 1.25 }

    /// `text` in lines no wider than `width`, broken between words (a word wider than that
    /// has a line of its own) and as even as the fewest lines allow: a title too long for a
    /// phone's canvas wraps instead of running off its edges.
    static func lines(of text: String, width: Double, fontSize: Double) -> [String] {
        let greedy = filled(text, width: width, fontSize: fontSize)
        guard greedy.count > 1 else { return greedy }
        // The narrowest measure that needs no more lines evens them out.
        var (narrow, wide) = (0.0, width)
        for _ in 0..<24 {
            let middle = (narrow + wide) / 2
            if filled(text, width: middle, fontSize: fontSize).count <= greedy.count { wide = middle } else { narrow = middle }
        }
        return filled(text, width: wide, fontSize: fontSize)
    }

    /// Words on each line while they fit.
    private static func filled(_ text: String, width: Double, fontSize: Double) -> [String] {
        guard TextWidth.of(text, fontSize: fontSize) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty, TextWidth.of(candidate, fontSize: fontSize) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The canvas height actually used (an equal-aspect plot may leave room at the bottom).
    func usedHeight(_ layout: Layout) -> Double {
        layout.plot.maxY + metrics.padding + metrics.tickSize + 8 + (xLabel == nil ? 0 : metrics.labelSize + 10)
    }

    /// A muted line of text in the middle of the plot area, saying why nothing is drawn there.
    func drawNote(_ note: String, _ layout: Layout, into svg: inout SVGWriter) {
        svg.element("text", [
            ("class", "cr-note"), ("text-anchor", "middle"),
            ("x", SVGWriter.n(layout.plot.midX)), ("y", SVGWriter.n(layout.plot.midY)),
        ], content: note)
    }

    /// Grid lines under the data.
    func drawGrid(_ layout: Layout, into svg: inout SVGWriter) {
        let plot = layout.plot
        var minor = PathData()
        for value in layout.x.ticks.minor {
            guard let px = layout.x.position(value), px > plot.x + 0.5, px < plot.maxX - 0.5 else { continue }
            minor.move(px, plot.y)
            minor.line(px, plot.maxY)
        }
        for value in layout.y.ticks.minor {
            guard let py = layout.y.position(value), py > plot.y + 0.5, py < plot.maxY - 0.5 else { continue }
            minor.move(plot.x, py)
            minor.line(plot.maxX, py)
        }
        if !minor.isEmpty {
            svg.element("path", [("class", "cr-grid-minor"), ("d", minor.text)])
        }
        var grid = PathData()
        for value in layout.x.ticks.major {
            let px = layout.x.at(value)
            guard px > plot.x + 0.5 else { continue }
            grid.move(px, plot.y)
            grid.line(px, plot.maxY)
        }
        for value in layout.y.ticks.major {
            let py = layout.y.at(value)
            guard py < plot.maxY - 0.5 else { continue }
            grid.move(plot.x, py)
            grid.line(plot.maxX, py)
        }
        if !grid.isEmpty {
            svg.element("path", [("class", "cr-grid"), ("d", grid.text)])
        }
    }

    /// Axis lines, ticks, tick labels, axis labels, title and legend, over the data.
    func drawAxes(_ layout: Layout, into svg: inout SVGWriter, drawSwatch: (Swatch, Double, Double, inout SVGWriter) -> Void) {
        let m = metrics
        let plot = layout.plot
        var axis = PathData()
        axis.move(plot.x, plot.y)
        axis.line(plot.x, plot.maxY)
        axis.line(plot.maxX, plot.maxY)
        for value in layout.x.ticks.major {
            let px = layout.x.at(value)
            axis.move(px, plot.maxY)
            axis.line(px, plot.maxY + 5)
        }
        for value in layout.y.ticks.major {
            let py = layout.y.at(value)
            axis.move(plot.x, py)
            axis.line(plot.x - 5, py)
        }
        var minorTicks = PathData()
        for value in layout.x.ticks.minor {
            guard let px = layout.x.position(value) else { continue }
            minorTicks.move(px, plot.maxY)
            minorTicks.line(px, plot.maxY + 3)
        }
        for value in layout.y.ticks.minor {
            guard let py = layout.y.position(value) else { continue }
            minorTicks.move(plot.x, py)
            minorTicks.line(plot.x - 3, py)
        }
        svg.element("path", [("class", "cr-axis"), ("d", axis.text + minorTicks.text)])

        svg.open("g", [("class", "cr-tick"), ("font-size", SVGWriter.n(m.tickSize))])
        svg.open("g", [("text-anchor", "middle")])
        for (value, label) in zip(layout.x.ticks.major, layout.x.ticks.labels) {
            svg.element("text", [
                ("x", SVGWriter.n(layout.x.at(value))), ("y", SVGWriter.n(plot.maxY + 8 + m.tickSize * 0.8)),
            ], content: Typography.display(label))
        }
        svg.close("g")
        svg.open("g", [("text-anchor", "end")])
        for (value, label) in zip(layout.y.ticks.major, layout.y.ticks.labels) {
            svg.element("text", [
                ("x", SVGWriter.n(plot.x - 8)), ("y", SVGWriter.n(layout.y.at(value) + m.tickSize * 0.35)),
            ], content: Typography.display(label))
        }
        svg.close("g")
        svg.close("g")

        if let xLabel, !xLabel.isEmpty {
            svg.element("text", [
                ("class", "cr-label"), ("font-size", SVGWriter.n(m.labelSize)), ("text-anchor", "middle"),
                ("x", SVGWriter.n(plot.midX)), ("y", SVGWriter.n(plot.maxY + 8 + m.tickSize + 8 + m.labelSize)),
            ], content: xLabel)
        }
        if let yLabel, !yLabel.isEmpty {
            let x = m.padding + m.labelSize * 0.8
            svg.element("text", [
                ("class", "cr-label"), ("font-size", SVGWriter.n(m.labelSize)), ("text-anchor", "middle"),
                ("transform", "translate(\(SVGWriter.n(x)) \(SVGWriter.n(plot.midY))) rotate(-90)"),
            ], content: yLabel)
        }
        drawTitleAndLegend(layout, into: &svg, drawSwatch: drawSwatch)
    }

    private func drawTitleAndLegend(_ layout: Layout, into svg: inout SVGWriter, drawSwatch: (Swatch, Double, Double, inout SVGWriter) -> Void) {
        let m = metrics
        if let title, !title.isEmpty, let baseline = layout.titleBaseline {
            let attributes: [SVGWriter.Attribute] = [
                ("class", "cr-title"), ("font-size", SVGWriter.n(m.titleSize)), ("text-anchor", "middle"),
                ("x", SVGWriter.n(m.width / 2)), ("y", SVGWriter.n(baseline)),
            ]
            if layout.titleLines.count > 1 {
                svg.open("text", attributes)
                for (index, line) in layout.titleLines.enumerated() {
                    svg.element("tspan", [("x", SVGWriter.n(m.width / 2)), ("dy", index == 0 ? "0" : SVGWriter.n(PlotFrame.lineHeight(m.titleSize)))],
                                content: line)
                }
                svg.close("text")
            } else {
                svg.element("text", attributes, content: title)
            }
        }
        guard !layout.legendRows.isEmpty else { return }
        // Centre the legend rows on the plot area.
        svg.open("g", [("class", "cr-legend"), ("font-size", SVGWriter.n(m.legendSize))])
        for (rowIndex, row) in layout.legendRows.enumerated() {
            guard let last = row.last else { continue }
            let rowWidth = last.x + PlotFrame.swatchWidth + 6 + TextWidth.of(last.item.text, fontSize: m.legendSize) - row[0].x
            // On the plot area's centre, but inside the canvas.
            let start = max(m.padding, min(layout.plot.midX - rowWidth / 2, m.width - m.padding - rowWidth))
            let shift = start - row[0].x
            let centerY = layout.legendTop + PlotFrame.legendRowHeight * (Double(rowIndex) + 0.5)
            for (item, x) in row {
                drawSwatch(item.swatch, x + shift, centerY, &svg)
                svg.element("text", [
                    ("x", SVGWriter.n(x + shift + PlotFrame.swatchWidth + 6)), ("y", SVGWriter.n(centerY + m.legendSize * 0.35)),
                ], content: item.text)
            }
        }
        svg.close("g")
    }
}
