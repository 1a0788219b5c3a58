import Display

/// Marker shapes and legend swatches, shared by the plots.
enum Marks {
    /// The class markers in order; shape and colour both change, so classes stay apart
    /// in grey print and for readers who do not see the colours.
    enum Shape: CaseIterable {
        case circle, square, triangle, diamond, triangleDown
    }

    static func shape(forClass index: Int) -> Shape {
        Shape.allCases[((index % Shape.allCases.count) + Shape.allCases.count) % Shape.allCases.count]
    }

    /// Path commands for one marker of about the same visual weight whatever its shape,
    /// centred on (x, y); `r` is the radius of the circle.
    static func marker(_ shape: Shape, _ x: Double, _ y: Double, r: Double) -> String {
        let n = SVGWriter.number
        switch shape {
        case .circle:
            return "M\(n(x - r)) \(n(y))a\(n(r)) \(n(r)) 0 1 0 \(n(2 * r)) 0a\(n(r)) \(n(r)) 0 1 0 \(n(-2 * r)) 0Z"
        case .square:
            let s = r * 0.89
            return "M\(n(x - s)) \(n(y - s))h\(n(2 * s))v\(n(2 * s))h\(n(-2 * s))Z"
        case .triangle:
            let s = r * 1.3
            return "M\(n(x)) \(n(y - s))l\(n(s * 0.866)) \(n(s * 1.5))h\(n(-s * 1.732))Z"
        case .triangleDown:
            let s = r * 1.3
            return "M\(n(x)) \(n(y + s))l\(n(s * 0.866)) \(n(-s * 1.5))h\(n(-s * 1.732))Z"
        case .diamond:
            let s = r * 1.25
            return "M\(n(x)) \(n(y - s))l\(n(s)) \(n(s))l\(n(-s)) \(n(s))l\(n(-s)) \(n(-s))Z"
        }
    }

    /// A dot drawn as a zero-length round-capped stroke: `M x y h0`; a path of many of
    /// them is the smallest way to draw many dots of one colour.
    static func dot(_ x: Double, _ y: Double) -> String {
        "M\(SVGWriter.number(x)) \(SVGWriter.number(y))h0"
    }

    /// The class of a series' line: every line is `cr-line`; the stylesheet dashes the others.
    static func lineClass(_ line: LinePlot.Style.Line) -> String {
        switch line {
        case .solid: return "cr-line"
        case .dashed: return "cr-line cr-dashed"
        case .dotted: return "cr-line cr-dotted"
        }
    }

    /// Dots are strokes (`cr-dots`); shaped markers are filled, haloed like a scatter
    /// plot's points (`cr-point`).
    static func markClass(_ marker: LinePlot.Style.Marker) -> String {
        marker == .dot ? "cr-dots" : "cr-point"
    }

    /// Path commands for one marker of a series at (x, y).
    static func seriesMark(_ marker: LinePlot.Style.Marker, _ x: Double, _ y: Double) -> String {
        switch marker {
        case .dot: return dot(x, y)
        case .circle: return self.marker(.circle, x, y, r: seriesMarkerRadius)
        case .square: return self.marker(.square, x, y, r: seriesMarkerRadius)
        case .triangle: return self.marker(.triangle, x, y, r: seriesMarkerRadius)
        case .diamond: return self.marker(.diamond, x, y, r: seriesMarkerRadius)
        }
    }

    /// A little smaller than a scatter plot's points: a line's markers sit on a line.
    static let seriesMarkerRadius = 3.6

    /// A filled arrowhead whose tip is at (x, y), pointing along (dx, dy).
    static func arrowhead(tipX x: Double, tipY y: Double, dx: Double, dy: Double, length: Double) -> String {
        let norm = (dx * dx + dy * dy).squareRoot()
        guard norm > 0 else { return "" }
        let ux = dx / norm
        let uy = dy / norm
        let baseX = x - ux * length
        let baseY = y - uy * length
        let half = length * 0.45
        var path = PathData()
        path.move(x, y)
        path.line(baseX - uy * half, baseY + ux * half)
        path.line(baseX + uy * half, baseY - ux * half)
        path.close()
        return path.text
    }

    /// Draws a legend swatch whose left edge is at `x`, centred vertically on `y`.
    static func drawSwatch(_ swatch: Swatch, x: Double, y: Double, into svg: inout SVGWriter) {
        let width = PlotFrame.swatchWidth
        switch swatch {
        case .series(let index, let style):
            let colour = Palette.colourClass(index)
            if let line = style.line {
                var path = PathData()
                path.move(x, y)
                path.line(x + width, y)
                svg.element("path", [("class", lineClass(line) + " " + colour), ("d", path.text)])
            }
            if let marker = style.marker {
                svg.element("path", [("class", markClass(marker) + " " + colour), ("d", seriesMark(marker, x + width / 2, y))])
            }
        case .marker(let index):
            svg.element("path", [
                ("class", "cr-point " + Palette.colourClass(index)),
                ("d", marker(shape(forClass: index), x + width / 2, y, r: 4.5)),
            ])
        case .path(let index):
            let cls = Palette.colourClass(index)
            var path = PathData()
            path.move(x, y)
            path.line(x + width - 7, y)
            svg.element("path", [("class", "cr-descent " + cls), ("d", path.text)])
            svg.element("path", [("class", "cr-descent-dots " + cls), ("d", dot(x + 7, y))])
            svg.element("path", [
                ("class", "cr-arrow " + cls), ("d", arrowhead(tipX: x + width, tipY: y, dx: 1, dy: 0, length: 9)),
            ])
        }
    }
}
