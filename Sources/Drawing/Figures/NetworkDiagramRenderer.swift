import Display

/// Draws a `NetworkDiagram` as the textbooks draw a network: one column of circles per
/// layer, input on the left, every unit joined to every unit of the next layer. An edge's
/// colour is its weight's sign and its thickness its size.
///
/// The weights into a unit are written in a column beside it, one line per source from
/// the top source to the bottom one: row j of the layer's weight matrix next to unit j.
/// Each edge curves into its own line, runs through its number and on into the unit, so
/// every number sits on its edge, no two numbers collide however many edges cross, and
/// w_jk is read where it belongs: beside j, at k's place.
///
/// Every text is one size, large enough to stay legible on a phone: the diagram is drawn
/// about as wide as a phone's column for a few units a layer, and shrinks no further than
/// `minimumScale`, past which it scrolls.
struct NetworkDiagramRenderer {
    var network: NetworkDiagram

    struct Result {
        var body: String
        var width: Double
        var height: Double
        /// The smallest scale at which the text is still `smallestText` pixels.
        var minimumScale: Double
    }

    /// The size of every text in the diagram.
    static let fontSize = 14.0
    static let margin = 12.0
    /// The smallest text size, in pixels, the diagram may be shrunk to.
    static let smallestText = 11.5
    /// Units fed by more sources than this have no column of weights (it would be taller
    /// than a screen): their edges run straight, and show their weights by colour and
    /// thickness, and in full on hover.
    static let labelledSources = 6

    /// A unit as drawn.
    private struct Unit {
        var x: Double
        var y: Double
        var label: String
        /// The label in full, for hover texts.
        var name: String
        var above: String?
        var below: String?
        var fullBelow: String?
    }

    func render() -> Result {
        let f = Self.fontSize
        let layers = network.layers
        guard layers.contains(where: { !$0.units.isEmpty }) else { return empty() }

        let labels = layers.map { $0.units.map { GraphDiagramRenderer.shorten($0, limit: 6) } }
        let widestLabel = labels.joined().map { TextWidth.of($0, fontSize: f) }.max() ?? 0
        let r = min(36, max(19, widestLabel / 2 + 7))
        let above = layers.map { layer in layer.biases.map { $0.map { Typography.display("b = " + Self.number($0)) } } }
        let below = layers.map { layer in layer.values.map { $0.map { Typography.display(Self.number($0)) } } }
        let textAbove = above.contains { $0 != nil } ? f + 6 : 0
        let textBelow = below.contains { $0 != nil } ? f + 6 : 0
        let names = layers.map { $0.name.map { GraphDiagramRenderer.shorten($0, limit: 24) } }
        let nameHalves = names.map { ($0.map { TextWidth.of($0, fontSize: f) } ?? 0) / 2 }
        let top = Self.margin + (names.contains { $0 != nil } ? f + 12 : 0)

        // A layer's weights are written when they can be: asked for, and few enough sources.
        let labelled = layers.indices.map { l in
            l > 0 && network.labelsWeights && layers[l].weights != nil && (1...Self.labelledSources).contains(layers[l - 1].units.count)
        }
        let lineHeight = f + 5
        // Half the width of each column's circles and the texts centred on them.
        let halves = layers.indices.map { l in
            ((above[l] ?? []) + (below[l] ?? [])).map { TextWidth.of($0, fontSize: f) / 2 }.reduce(r, max)
        }
        // Units far enough apart for their texts, and for the column of weights beside them.
        let base = 2 * r + textAbove + textBelow + 16
        // One pitch for every layer, so the units stand on one grid as in the textbooks.
        let pitch = layers.indices.map { l in labelled[l] ? max(base, Double(layers[l - 1].units.count) * lineHeight + 12) : base }.max() ?? base
        // Each layer's reach above and below its middle: its circles and their texts, and
        // the columns of weights beside them.
        let reach = layers.indices.map { l -> Double in
            let units = Double(max(layers[l].units.count - 1, 0)) * pitch / 2
            let stack = labelled[l] ? Double(layers[l - 1].units.count - 1) / 2 * lineHeight + f * 0.62 : 0
            return units + max(r, stack)
        }
        let middle = top + textAbove + (reach.max() ?? r)
        let ys = layers.indices.map { l in
            layers[l].units.indices.map { middle + (Double($0) - Double(layers[l].units.count - 1) / 2) * pitch }
        }
        func lineY(_ l: Int, j: Int, k: Int) -> Double {
            ys[l][j] + (Double(k) - Double(layers[l - 1].units.count - 1) / 2) * lineHeight
        }

        // Columns left to right; a labelled space holds the curves, then the weights'
        // column, then room for the edges to turn into the unit clear of its texts.
        let weightWidths = layers.map { layer in (layer.weights ?? []).joined().map { TextWidth.of(Self.weightText($0), fontSize: f) }.max() ?? 0 }
        var xs = [Self.margin + max(halves[0], nameHalves[0])]
        var columns: [(left: Double, right: Double)?] = [nil]
        for l in layers.indices.dropFirst() {
            let rise = layers[l].units.indices.flatMap { j in
                layers[l - 1].units.indices.map { k in abs((labelled[l] ? lineY(l, j: j, k: k) : ys[l][j]) - ys[l - 1][k]) }
            }.max() ?? 0
            let travel = min(100, max(40, 16 + 0.16 * rise))
            // Clear of the unit's own texts, so the edges can turn into it below them.
            let clearance = max(r + 10, halves[l] + 6)
            var gap = labelled[l] ? travel + weightWidths[l] + 6 + clearance - halves[l] : travel + 20
            gap = max(gap, nameHalves[l - 1] + nameHalves[l] + 14 - halves[l - 1] - halves[l])
            let x = xs[l - 1] + halves[l - 1] + gap + halves[l]
            xs.append(x)
            columns.append(labelled[l] ? (x - clearance - weightWidths[l] - 6, x - clearance) : nil)
        }
        var width = (xs.last ?? 0) + max(halves.last ?? r, nameHalves.last ?? 0) + Self.margin
        let unitsBottom = middle + (reach.max() ?? r) + textBelow
        let weights = network.allWeights
        var legend: [(swatch: String?, text: String, textClass: String?)] = []
        if weights.contains(where: { $0 > 0 }) { legend.append(("cr-s0", "positive weight", nil)) }
        if weights.contains(where: { $0 < 0 }) { legend.append(("cr-s1", "negative weight", nil)) }
        if textBelow > 0 { legend.append((nil, "green: each unit's output", "cr-fwd")) }
        let swatchWidth = 22.0
        let legendWidths = legend.map { ($0.swatch != nil ? swatchWidth + 6 : 0) + TextWidth.of($0.text, fontSize: f) }
        let contentWidth = width
        // Wide enough for the key on one line, up to about a phone's column.
        let legendLine = legendWidths.reduce(0, +) + Double(max(legendWidths.count - 1, 0)) * 20
        width = max(width, min(380, legendLine + 2 * Self.margin), (legendWidths.max() ?? 0) + 2 * Self.margin)
        var legendRows: [[Int]] = []
        var rowWidth = 0.0
        for (index, itemWidth) in legendWidths.enumerated() {
            if legendRows.isEmpty || rowWidth + 20 + itemWidth > width - 2 * Self.margin {
                legendRows.append([index])
                rowWidth = itemWidth
            } else {
                legendRows[legendRows.count - 1].append(index)
                rowWidth += 20 + itemWidth
            }
        }
        let legendTop = unitsBottom + 14
        let height = legendRows.isEmpty ? unitsBottom + Self.margin : legendTop + Double(legendRows.count) * (f + 8) + Self.margin
        // Centred on the canvas when the legend made it wider.
        let shift = (width - contentWidth) / 2
        xs = xs.map { $0 + shift }
        columns = columns.map { $0.map { ($0.left + shift, $0.right + shift) } }

        let units: [[Unit]] = layers.indices.map { l in
            layers[l].units.indices.map { i in
                Unit(x: xs[l], y: ys[l][i], label: labels[l][i], name: layers[l].units[i],
                     above: above[l].flatMap { i < $0.count ? $0[i] : nil },
                     below: below[l].flatMap { i < $0.count ? $0[i] : nil },
                     fullBelow: layers[l].values.flatMap { i < $0.count ? NumberFormat.g($0[i]) : nil })
            }
        }

        var svg = SVGWriter()
        // Edges under everything.
        let largest = weights.filter { $0.isFinite }.map(abs).max() ?? 0
        var numbers = SVGWriter()
        svg.open("g", [("class", "cr-edges")])
        for l in layers.indices.dropFirst() {
            for (j, row) in (layers[l].weights ?? []).enumerated() where j < units[l].count {
                for (k, weight) in row.enumerated() where k < units[l - 1].count {
                    let from = units[l - 1][k], to = units[l][j]
                    let size = largest > 0 && weight.isFinite ? abs(weight) / largest : 0
                    let colour = weight > 0 ? " cr-s0" : weight < 0 ? " cr-s1" : " cr-edge-zero"
                    let name = "\(to.name) \u{2190} \(from.name): \(NumberFormat.g(weight))"
                    var path = PathData()
                    if let column = columns[l] {
                        let y = lineY(l, j: j, k: k)
                        let start = (x: from.x + r, y: from.y)
                        let span = column.left - start.x
                        path.move(start.x, start.y)
                        path.curve(start.x + span * 0.5, start.y, column.left - span * 0.5, y, column.left, y)
                        path.line(column.right, y)
                        // Into the unit towards its centre, from the end of the weight's line.
                        let dx = column.right - to.x, dy = y - to.y
                        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
                        let port = (x: to.x + dx / length * r, y: to.y + dy / length * r)
                        path.curve(column.right + (port.x - column.right) * 0.5, y, port.x + dx / length * 4, port.y + dy / length * 4, port.x, port.y)
                        let text = Self.weightText(weight)
                        let textWidth = TextWidth.of(text, fontSize: f)
                        numbers.element("rect", [
                            ("class", "cr-weight-ground"), ("x", SVGWriter.n(column.right - textWidth - 3)), ("y", SVGWriter.n(y - f * 0.62)),
                            ("width", SVGWriter.n(textWidth + 5)), ("height", SVGWriter.n(f * 1.24)), ("rx", "3"),
                        ])
                        numbers.open("text", [("class", "cr-weight"), ("x", SVGWriter.n(column.right)), ("y", SVGWriter.n(y + f * 0.35))])
                        numbers.title(name)
                        numbers.characters(text)
                        numbers.close("text")
                    } else {
                        let dx = to.x - from.x, dy = to.y - from.y
                        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
                        path.move(from.x + dx / length * r, from.y + dy / length * r)
                        path.line(to.x - dx / length * r, to.y - dy / length * r)
                    }
                    svg.open("path", [("class", "cr-edge" + colour), ("d", path.text), ("stroke-width", SVGWriter.n(1.2 + 2.3 * size))])
                    svg.title(name)
                    svg.close("path")
                }
            }
        }
        svg.close("g")
        if !numbers.text.isEmpty {
            svg.open("g", [("class", "cr-weights"), ("font-size", SVGWriter.n(f)), ("text-anchor", "end")])
            svg.raw(numbers.text)
            svg.close("g")
        }
        for unit in units.joined() {
            svg.element("circle", [("class", "cr-node"), ("cx", SVGWriter.n(unit.x)), ("cy", SVGWriter.n(unit.y)), ("r", SVGWriter.n(r))])
        }
        svg.open("g", [("font-size", SVGWriter.n(f)), ("text-anchor", "middle")])
        for (l, name) in names.enumerated() {
            guard let name else { continue }
            svg.element("text", [("class", "cr-layer"), ("x", SVGWriter.n(xs[l])), ("y", SVGWriter.n(Self.margin + f))], content: name)
        }
        for unit in units.joined() {
            svg.element("text", [("class", "cr-var"), ("x", SVGWriter.n(unit.x)), ("y", SVGWriter.n(unit.y + f * 0.35))], content: unit.label)
            if let text = unit.above {
                svg.element("text", [("class", "cr-bias"), ("x", SVGWriter.n(unit.x)), ("y", SVGWriter.n(unit.y - r - 6))], content: text)
            }
            if let text = unit.below {
                svg.open("text", [("class", "cr-fwd"), ("x", SVGWriter.n(unit.x)), ("y", SVGWriter.n(unit.y + r + f * 0.95))])
                svg.title(unit.fullBelow ?? text)
                svg.characters(text)
                svg.close("text")
            }
        }
        svg.close("g")

        // The key: each colour of edge, and the green of the outputs.
        svg.open("g", [("class", "cr-legend"), ("font-size", SVGWriter.n(f))])
        for (row, items) in legendRows.enumerated() {
            let rowWidth = items.map { legendWidths[$0] }.reduce(0, +) + Double(items.count - 1) * 20
            var x = (width - rowWidth) / 2
            let y = legendTop + Double(row) * (f + 8) + f * 0.5
            for index in items {
                let item = legend[index]
                if let swatch = item.swatch {
                    var path = PathData()
                    path.move(x, y)
                    path.line(x + swatchWidth, y)
                    svg.element("path", [("class", "cr-edge " + swatch), ("d", path.text), ("stroke-width", "2.5")])
                    x += swatchWidth + 6
                }
                svg.element("text", (item.textClass.map { [("class", $0)] } ?? []) + [("x", SVGWriter.n(x)), ("y", SVGWriter.n(y + f * 0.35))],
                            content: item.text)
                x += TextWidth.of(item.text, fontSize: f) + 20
            }
        }
        svg.close("g")
        return Result(body: svg.text, width: width, height: height, minimumScale: min(1, Self.smallestText / f))
    }

    /// How a weight is written on its edge: three significant digits, a true minus sign.
    static func weightText(_ weight: Double) -> String {
        Typography.display(number(weight))
    }

    /// A number as a diagram writes it: three significant digits (`0.593`, `-0.522`).
    static func number(_ value: Double) -> String {
        GraphDiagramRenderer.compactNumber(NumberFormat.g(value))
    }

    private func empty() -> Result {
        var svg = SVGWriter()
        svg.element("text", [("class", "cr-note"), ("text-anchor", "middle"), ("x", "120"), ("y", "30")], content: "no units")
        return Result(body: svg.text, width: 240, height: 46, minimumScale: 1)
    }
}
