import Display

/// Draws a `GraphDiagram` as a circuit in the style of the CS231n chain-rule diagrams:
/// inputs on the left as their names, operations as circles with their symbol, wires left
/// to right. Every vertex has one output wire that carries its forward value above it
/// (green) and its gradient below it (red); a vertex used several times branches after the
/// labels, so each value and gradient is written once. The root's wire is the output.
///
/// The drawing is the circuit alone: its title and colour key are HTML around it
/// (`FigureRenderer`), so they stay in view when a wide circuit scrolls.
struct GraphDiagramRenderer {
    var graph: GraphDiagram
    var id: String

    /// Above this many vertices the diagram drops the value and gradient labels.
    static let compactThreshold = 90
    static let margin = 12.0

    struct Result {
        var body: String
        var width: Double
        var height: Double
        /// The size of the text, in the drawing's units: how far it may shrink follows.
        var fontSize: Double
        /// Whether the wires carry values (green) and gradients (red), for the colour key.
        var key: Key?
    }

    enum Key {
        case values
        case valuesAndGradients
    }

    /// Geometry of one vertex.
    private struct Shape {
        var isInput: Bool
        var symbol: String
        var name: String?
        var value: String
        var grad: String?
        var halfWidth: Double
        var radius: Double
        var isPill: Bool
        var left: Double
        var right: Double
        var labelWidth: Double
    }

    func render() -> Result {
        let circuit = Circuit(graph)
        let nodes = graph.nodes
        guard !circuit.vertices.isEmpty else { return empty() }
        let count = circuit.vertices.count
        let compact = count > GraphDiagramRenderer.compactThreshold
        let f: Double = count <= 24 ? 13.5 : count <= 48 ? 13 : count <= GraphDiagramRenderer.compactThreshold ? 12 : FigureMetrics.legibleSize
        let hasGrads = !compact && circuit.vertices.contains { nodes[$0.node].grad != nil }

        var layered = LayeredGraph(
            inputs: circuit.vertices.map { $0.inputs }, ports: circuit.vertices.map { $0.ports },
            arity: circuit.vertices.map { $0.arity }, leafSlack: count <= 24 ? 2 : 0
        )
        layered.reduceCrossings()

        // Vertex shapes.
        let shapes = circuit.vertices.enumerated().map { index, vertex -> Shape in
            let node = nodes[vertex.node]
            let (valueText, gradText) = GraphDiagramRenderer.wireTexts(node)
            let value = Typography.display(valueText)
            let grad = gradText.map(Typography.display)
            let labelWidth = compact ? 0 : max(TextWidth.of(value, fontSize: f), grad.map { TextWidth.of($0, fontSize: f) } ?? 0)
            if vertex.isInput {
                let symbol = GraphDiagramRenderer.shorten(vertex.symbol, limit: GraphDiagramRenderer.nameLimit)
                let width = TextWidth.of(symbol, fontSize: f)
                return Shape(isInput: true, symbol: symbol, name: nil, value: value, grad: grad, halfWidth: 0, radius: 0,
                             isPill: false, left: width + 7, right: 0, labelWidth: labelWidth)
            }
            let symbol = Typography.display(GraphDiagramRenderer.shorten(vertex.symbol))
            let radius = compact ? f * 1.05 : f * 1.2
            let textWidth = TextWidth.of(symbol, fontSize: f)
            let isPill = textWidth > 2 * radius - 10
            let halfWidth = isPill ? textWidth / 2 + 8 : radius
            let name = index == circuit.root || compact ? nil : node.label
            return Shape(isInput: false, symbol: symbol, name: name, value: value, grad: grad, halfWidth: halfWidth,
                         radius: radius, isPill: isPill, left: halfWidth, right: halfWidth, labelWidth: labelWidth)
        }

        // Vertical extents of each slot and the gaps between neighbours.
        let labelAbove = compact ? 2 : f * 0.95 + 4
        let labelBelow = hasGrads ? f * 0.95 + 4 : 2
        let pad = compact ? 5 : f * 1.3
        var above = [Double](repeating: 3, count: layered.slots.count)
        var below = [Double](repeating: 3, count: layered.slots.count)
        for (slotIndex, slot) in layered.slots.enumerated() {
            guard let v = slot.vertex else { continue }
            let shape = shapes[v]
            if shape.isInput {
                above[slotIndex] = max(f * 0.75, labelAbove)
                below[slotIndex] = max(f * 0.35, labelBelow)
            } else {
                above[slotIndex] = max(shape.radius + (shape.name == nil ? 0 : f * 0.95 + 5), labelAbove)
                below[slotIndex] = max(shape.radius, labelBelow)
            }
        }
        let ys = verticalPositions(layered, shapes: shapes, above: above, below: below, pad: pad)

        // Horizontal positions, layer by layer.
        let layerCount = layered.layers.count
        var left = [Double](repeating: 0, count: layerCount)
        var right = [Double](repeating: 0, count: layerCount)
        var stem = [Double](repeating: compact ? 12 : f * 2.8, count: layerCount)
        for (slotIndex, slot) in layered.slots.enumerated() {
            guard let v = layered.slots[slotIndex].vertex else { continue }
            left[slot.layer] = max(left[slot.layer], shapes[v].left)
            right[slot.layer] = max(right[slot.layer], shapes[v].right)
            if !compact { stem[slot.layer] = max(stem[slot.layer], shapes[v].labelWidth + f * 1.1) }
        }
        var maxRise = [Double](repeating: 0, count: layerCount)
        for link in layered.links {
            let layer = layered.slots[link.from].layer
            maxRise[layer] = max(maxRise[layer], abs(ys[link.to] - ys[link.from]))
        }
        var xs = [Double](repeating: 0, count: layerCount)
        let top = GraphDiagramRenderer.margin
        xs[0] = GraphDiagramRenderer.margin + left[0]
        for layer in 1..<max(1, layerCount) {
            // Room for the links to bend: little for a straight chain, more for a steep fan.
            let gap = min(compact ? 50 : 110, (compact ? 12 : 14) + 0.35 * maxRise[layer - 1])
            xs[layer] = xs[layer - 1] + right[layer - 1] + stem[layer - 1] + gap + left[layer]
        }
        let stemEnd = (0..<layerCount).map { xs[$0] + right[$0] + stem[$0] }
        var width = (stemEnd.max() ?? 0) + GraphDiagramRenderer.margin
        if let root = circuit.root, let name = nodes[circuit.vertices[root].node].label, !compact {
            let layer = layered.slots[layered.slotOfVertex[root]].layer
            width = max(width, stemEnd[layer] + 6 + TextWidth.of(name, fontSize: f) + GraphDiagramRenderer.margin)
        }
        let slotTop = layered.slots.indices.map { ys[$0] - above[$0] }.min() ?? 0
        let slotBottom = layered.slots.indices.map { ys[$0] + below[$0] }.max() ?? 0
        let shift = top - slotTop
        let y = ys.map { $0 + shift }
        let height = slotBottom + shift + GraphDiagramRenderer.margin
        var svg = SVGWriter()

        // Wires: every vertex's stem, the wire slots, and the links between layers.
        var wires = PathData()
        for (slotIndex, slot) in layered.slots.enumerated() {
            let start: Double
            if let v = slot.vertex {
                start = xs[slot.layer] + shapes[v].right
            } else {
                start = xs[slot.layer] - left[slot.layer]
            }
            wires.move(start, y[slotIndex])
            wires.line(stemEnd[slot.layer], y[slotIndex])
        }
        for link in layered.links {
            let from = layered.slots[link.from]
            let to = layered.slots[link.to]
            let x1 = stemEnd[from.layer]
            let y1 = y[link.from]
            var x2 = xs[to.layer] - left[to.layer]
            var y2 = y[link.to]
            var dirX = -1.0
            var dirY = 0.0
            if let v = to.vertex {
                let shape = shapes[v]
                let angle = GraphDiagramRenderer.portAngle(link.port, of: link.ports)
                dirX = FigureMath.cos(angle)
                dirY = FigureMath.sin(angle)
                if shape.isPill {
                    x2 = xs[to.layer] - shape.halfWidth + (shape.radius - abs(dirY * shape.radius)) * 0.15
                    y2 = y[link.to] + dirY * shape.radius * 0.8
                } else {
                    x2 = xs[to.layer] + dirX * shape.radius
                    y2 = y[link.to] + dirY * shape.radius
                }
            }
            wires.move(x1, y1)
            if abs(y1 - y2) < 0.3, abs(dirY) < 1e-9 {
                wires.line(x2, y2)
            } else {
                let span = max(10, x2 - x1)
                wires.curve(x1 + span * 0.5, y1, x2 + dirX * span * 0.4, y2 + dirY * span * 0.4, x2, y2)
            }
        }
        svg.element("path", [("class", "cr-wire"), ("d", wires.text)])

        // Vertices.
        var opTexts = SVGWriter()
        var nameTexts = SVGWriter()
        var inputTexts = SVGWriter()
        for (v, shape) in shapes.enumerated() {
            let slot = layered.slotOfVertex[v]
            let cx = xs[layered.slots[slot].layer]
            let cy = y[slot]
            if shape.isInput {
                inputTexts.element("text", [("class", "cr-var"), ("x", SVGWriter.n(cx - 6)), ("y", SVGWriter.n(cy + f * 0.35))], content: shape.symbol)
                continue
            }
            let outline: (String, [SVGWriter.Attribute])
            if shape.isPill {
                outline = ("rect", [
                    ("class", "cr-node"), ("x", SVGWriter.n(cx - shape.halfWidth)), ("y", SVGWriter.n(cy - shape.radius)),
                    ("width", SVGWriter.n(2 * shape.halfWidth)), ("height", SVGWriter.n(2 * shape.radius)),
                    ("rx", SVGWriter.n(shape.radius)),
                ])
            } else {
                outline = ("circle", [("class", "cr-node"), ("cx", SVGWriter.n(cx)), ("cy", SVGWriter.n(cy)), ("r", SVGWriter.n(shape.radius))])
            }
            if compact {
                // No wire labels: the operation itself tells its value and gradient on hover.
                let node = nodes[circuit.vertices[v].node]
                svg.open(outline.0, outline.1)
                svg.title("\(shape.symbol) = \(node.value)" + (node.grad.map { "\ngradient \($0)" } ?? ""))
                svg.close(outline.0)
            } else {
                svg.element(outline.0, outline.1)
            }
            opTexts.element("text", [("x", SVGWriter.n(cx)), ("y", SVGWriter.n(cy + f * 0.35))], content: shape.symbol)
            if let name = shape.name {
                nameTexts.element("text", [("class", "cr-name"), ("x", SVGWriter.n(cx)), ("y", SVGWriter.n(cy - shape.radius - 5))], content: name)
            }
        }
        svg.open("g", [("font-size", SVGWriter.n(f))])
        svg.open("g", [("class", "cr-ops"), ("text-anchor", "middle")])
        svg.raw(opTexts.text)
        svg.close("g")
        if !nameTexts.text.isEmpty {
            svg.open("g", [("class", "cr-names"), ("text-anchor", "middle")])
            svg.raw(nameTexts.text)
            svg.close("g")
        }
        svg.open("g", [("class", "cr-inputs"), ("text-anchor", "end")])
        svg.raw(inputTexts.text)
        svg.close("g")

        // Values above and gradients below each vertex's stem.
        if !compact {
            svg.open("g", [("class", "cr-edge-labels"), ("text-anchor", "middle")])
            // Each label's title holds the value in full: a wire has room for a few digits.
            for (v, shape) in shapes.enumerated() {
                let slot = layered.slotOfVertex[v]
                let layer = layered.slots[slot].layer
                let start = xs[layer] + shape.right
                let middle = (start + stemEnd[layer]) / 2
                let node = nodes[circuit.vertices[v].node]
                svg.open("text", [("class", "cr-fwd"), ("x", SVGWriter.n(middle)), ("y", SVGWriter.n(y[slot] - 5))])
                svg.title(node.value)
                svg.characters(shape.value)
                svg.close("text")
                if let grad = shape.grad, let full = node.grad {
                    svg.open("text", [("class", "cr-grad"), ("x", SVGWriter.n(middle)), ("y", SVGWriter.n(y[slot] + 4 + f * 0.8))])
                    svg.title(full)
                    svg.characters(grad)
                    svg.close("text")
                }
            }
            svg.close("g")
            if let root = circuit.root, let name = nodes[circuit.vertices[root].node].label {
                let slot = layered.slotOfVertex[root]
                svg.element("text", [
                    ("class", "cr-var"), ("x", SVGWriter.n(stemEnd[layered.slots[slot].layer] + 6)),
                    ("y", SVGWriter.n(y[slot] + f * 0.35)),
                ], content: name)
            }
        }
        svg.close("g")

        let key: Key? = compact ? nil : hasGrads ? .valuesAndGradients : .values
        return Result(body: svg.text, width: width, height: height, fontSize: f, key: key)
    }

    /// Angle (radians, canvas coordinates) of argument `port` of `count` on a circle's left
    /// side, the first argument at the top.
    static func portAngle(_ port: Int, of count: Int) -> Double {
        guard count > 1 else { return .pi }
        let spread = min(0.9, 1.8 / Double(count))
        return .pi + (Double(count - 1) / 2 - Double(port)) * spread
    }

    /// A number written with three significant digits, as textbook diagrams do (`0.731`,
    /// `-0.197`, `-12`); the exact value stays in the notebook's output. Text that is not
    /// a number (a tensor) is kept.
    static func compactNumber(_ text: String) -> String {
        guard let value = Double(text.trimmingSpacesAndTabs), value.isFinite else { return text }
        // Whole numbers below 100000 keep all their digits (1234, not 1.23e3).
        let exponent = value == 0 ? 0 : Int(FigureMath.log10(abs(value)).rounded(.down))
        let digits = exponent >= 0 && exponent < 5 ? max(3, exponent + 1) : 3
        return NiceTicks.compactExponent(NumberFormat.g(value, digits: digits))
    }

    /// The most characters a wire label takes: the label sets the length of its wire.
    static let wireLimit = 16
    /// Names of inputs may take more (`net[0].weight`): they stand at the left edge.
    static let nameLimit = 20

    /// What a wire says of a value: a number with three significant digits; a small
    /// tensor with its numbers so written when that fits the wire, else its shape (`[4, 2]`),
    /// rather than a value cut short. Text with no shape (not from a tensor) is shortened.
    static func wireText(_ text: String, shape: [Int]?) -> String {
        guard let shape, !shape.isEmpty else { return shorten(compactNumber(flat(text))) }
        return compactTensor(text) ?? shapeText(shape)
    }

    /// A node's value and gradient as its wire shows them: both by their numbers, or both
    /// by the shape when either is too long, so a shape is never read as a value above or
    /// below numbers (`[2]` under `[0, 0]`).
    static func wireTexts(_ node: GraphDiagram.Node) -> (value: String, grad: String?) {
        guard let shape = node.shape, !shape.isEmpty else {
            return (wireText(node.value, shape: nil), node.grad.map { wireText($0, shape: nil) })
        }
        let value = compactTensor(node.value)
        let grad = node.grad.map(compactTensor)
        if let value, grad == nil || grad! != nil { return (value, grad ?? nil) }
        return (shapeText(shape), node.grad.map { _ in shapeText(shape) })
    }

    /// A tensor's numbers with three significant digits each, on one line; nil when that
    /// is longer than a wire's label.
    static func compactTensor(_ text: String) -> String? {
        let compacted = compactingNumbers(flat(text))
        return compacted.count <= wireLimit ? compacted : nil
    }

    /// Every number in `text` (`-1.5`, `2e-07`, `nan`, `inf`: what the pattern
    /// `-?(?:\d+\.?\d*(?:e[-+]?\d+)?|nan|inf)` matches, leftmost and greedily) through
    /// `compactNumber`, the rest kept. Scanned by hand, as Embedded Swift has no regular
    /// expressions; in ASCII, which is all a tensor's text holds.
    static func compactingNumbers(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var start = 0
        while start < scalars.count {
            if let end = numberEnd(scalars, from: start) {
                out += compactNumber(String(String.UnicodeScalarView(scalars[start..<end])))
                start = end
            } else {
                out.unicodeScalars.append(scalars[start])
                start += 1
            }
        }
        return out
    }

    /// Where the number that starts at `start` ends, or nil when none starts there.
    private static func numberEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        func isDigit(_ index: Int) -> Bool { index < scalars.count && scalars[index] >= "0" && scalars[index] <= "9" }
        func isWord(_ word: String, at index: Int) -> Bool {
            let letters = Array(word.unicodeScalars)
            return index + letters.count <= scalars.count && Array(scalars[index..<(index + letters.count)]) == letters
        }
        var end = start
        if end < scalars.count, scalars[end] == "-" { end += 1 }
        if isWord("nan", at: end) || isWord("inf", at: end) { return end + 3 }
        guard isDigit(end) else { return nil }
        while isDigit(end) { end += 1 }
        if end < scalars.count, scalars[end] == "." { end += 1 }
        while isDigit(end) { end += 1 }
        // An exponent only when digits follow it: `2e` is the number 2, then `e`.
        if end < scalars.count, scalars[end] == "e" {
            var exponent = end + 1
            if exponent < scalars.count, scalars[exponent] == "-" || scalars[exponent] == "+" { exponent += 1 }
            if isDigit(exponent) {
                while isDigit(exponent) { exponent += 1 }
                end = exponent
            }
        }
        return end
    }

    static func shapeText(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// A matrix's rows on one line.
    static func flat(_ text: String) -> String {
        text.replacingScalar("\n", with: "")
    }

    /// Long text is cut with an ellipsis.
    static func shorten(_ text: String, limit: Int = wireLimit) -> String {
        let flat = text.replacingScalar("\n", with: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "\u{2026}"
    }

    /// Slot positions: each layer's slots as close as possible to the mean position of
    /// their neighbours (sweeping right, then left, then both), keeping their order and
    /// spacing. Wires weigh more so they run straight.
    private func verticalPositions(
        _ layered: LayeredGraph, shapes: [Shape], above: [Double], below: [Double], pad: Double
    ) -> [Double] {
        var y = [Double](repeating: 0, count: layered.slots.count)
        // Each link with the vertical offset of its port from its vertex's centre, worked out
        // once rather than in every sweep.
        var incoming = [[(link: LayeredGraph.Link, offset: Double)]](repeating: [], count: layered.slots.count)
        var outgoing = [[(link: LayeredGraph.Link, offset: Double)]](repeating: [], count: layered.slots.count)
        for link in layered.links {
            var offset = 0.0
            if let v = layered.slots[link.to].vertex, !shapes[v].isInput {
                offset = FigureMath.sin(GraphDiagramRenderer.portAngle(link.port, of: link.ports)) * shapes[v].radius
            }
            incoming[link.to].append((link, offset))
            outgoing[link.from].append((link, offset))
        }
        func arrange(_ layer: [Int], desired: [Double]) {
            let gaps = zip(layer, layer.dropFirst()).map { below[$0] + above[$1] + pad }
            let weights = layer.map { layered.slots[$0].vertex == nil ? 3.0 : 1.0 }
            for (slot, position) in zip(layer, LayeredGraph.place(desired: desired, gaps: gaps, weights: weights)) {
                y[slot] = position
            }
        }
        for layer in layered.layers {
            arrange(layer, desired: layer.map { _ in 0 })
        }
        let layerCount = layered.layers.count
        for iteration in 0..<24 {
            let mode = iteration < 16 ? iteration % 2 : 2
            let order = mode == 1 ? Array((0..<layerCount).reversed()) : Array(0..<layerCount)
            for layerIndex in order {
                let layer = layered.layers[layerIndex]
                let desired = layer.map { slot -> Double in
                    var sum = 0.0
                    var count = 0.0
                    if mode != 1 {
                        for (link, offset) in incoming[slot] {
                            sum += y[link.from] - offset
                            count += 1
                        }
                    }
                    if mode != 0 {
                        for (link, offset) in outgoing[slot] {
                            sum += y[link.to] + offset
                            count += 1
                        }
                    }
                    return count > 0 ? sum / count : y[slot]
                }
                arrange(layer, desired: desired)
            }
        }
        return y
    }

    private func empty() -> Result {
        var svg = SVGWriter()
        svg.element("text", [("class", "cr-note"), ("text-anchor", "middle"), ("x", "120"), ("y", "30")], content: "empty graph")
        return Result(body: svg.text, width: 240, height: 46, fontSize: FigureMetrics.legibleSize, key: nil)
    }
}
