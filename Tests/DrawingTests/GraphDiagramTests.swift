import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Display
@testable import Drawing

@Suite struct GraphDiagramTests {
    static let renderer = FigureRenderer()
    static let minus = "\u{2212}"

    /// Texts of the edge labels with their positions.
    struct Label {
        var text: String
        var x: Double
        var y: Double
    }

    static func labels(_ inspection: SVGInspection, _ cls: String) throws -> [Label] {
        try inspection.elements(withClass: cls).filter { $0.localName == "text" }.map {
            Label(text: SVGInspection.ownText($0), x: SVGInspection.number($0, "x") ?? .nan, y: SVGInspection.number($0, "y") ?? .nan)
        }
    }

    @Test func chainRuleCircuitCarriesValuesAndGradientsOnItsEdges() throws {
        let markup = Self.renderer.svg(Figure(title: "f = (x + y) z", .graph(FigureFixtures.circuit)), id: "c")
        let inspection = try SVGInspection(markup)
        let values = try Self.labels(inspection, "cr-fwd")
        let grads = try Self.labels(inspection, "cr-grad")
        let m = Self.minus
        #expect(values.map(\.text).sorted() == ["\(m)12", "\(m)2", "\(m)4", "3", "5"].sorted())
        #expect(grads.map(\.text).sorted() == ["\(m)4", "\(m)4", "\(m)4", "1", "3"].sorted())
        // Each value sits above its wire and its gradient right below, on the same wire.
        let pairs: [(String, String)] = [("\(m)2", "\(m)4"), ("5", "\(m)4"), ("3", "\(m)4"), ("\(m)4", "3"), ("\(m)12", "1")]
        for (value, grad) in pairs {
            let matched = values.filter { $0.text == value }.contains { v in
                grads.contains { g in g.text == grad && abs(g.x - v.x) < 0.01 && g.y > v.y && g.y - v.y < 30 }
            }
            #expect(matched, "\(value) over \(grad)")
        }
        // Inputs by name, the operations by symbol, q named at its node, f at the output.
        #expect(try inspection.texts(withClass: "cr-var").sorted() == ["f", "x", "y", "z"])
        #expect(try inspection.texts(withClass: "cr-name") == ["q"])
        let ops = try #require(try inspection.elements(withClass: "cr-ops").first)
        #expect(ops.stringValue == "+\u{00D7}")
        #expect(try inspection.elements(withClass: "cr-node").count == 2)
        // The title above and the key below name the diagram and both colours.
        #expect(try inspection.elements(withClass: "cr-diagram-title").first?.stringValue == "f = (x + y) z")
        let key = try #require(try inspection.elements(withClass: "cr-diagram-key").first)
        #expect(key.stringValue == "green: forward value (above a wire) \u{00B7} red: gradient of the output (below)")
        #expect(try inspection.elements(withClass: "cr-fwd").contains { $0.localName == "span" && $0.stringValue == "green" })
        #expect(try inspection.elements(withClass: "cr-grad").contains { $0.localName == "span" && $0.stringValue == "red" })
    }

    @Test func inputsLeftOfOperationsAndTheRootRightmost() throws {
        let inspection = try SVGInspection(Self.renderer.svg(Figure(.graph(FigureFixtures.circuit)), id: "c"))
        let inputs = try inspection.elements(withClass: "cr-var").filter { SVGInspection.ownText($0) != "f" }
        let nodes = try inspection.elements(withClass: "cr-node").compactMap { SVGInspection.number($0, "cx") }
        let rightmostInput = inputs.compactMap { SVGInspection.number($0, "x") }.max() ?? 0
        #expect(nodes.allSatisfy { $0 > rightmostInput })
        #expect(nodes == nodes.sorted())
    }

    @Test func withoutGradientsOnlyValues() throws {
        let inspection = try SVGInspection(Self.renderer.svg(Figure(.graph(FigureFixtures.circuitWithoutGradients)), id: "c"))
        #expect(try Self.labels(inspection, "cr-fwd").count == 5)
        #expect(try Self.labels(inspection, "cr-grad").isEmpty)
        let key = try #require(try inspection.elements(withClass: "cr-diagram-key").first)
        #expect(key.stringValue == "green: forward value (above a wire)")
    }

    @Test func neuronShowsFoldedConstantsAndShortValues() throws {
        let inspection = try SVGInspection(Self.renderer.svg(Figure(.graph(FigureFixtures.neuron)), id: "n"))
        let ops = try #require(try inspection.elements(withClass: "cr-ops").first?.stringValue)
        for symbol in ["\u{00D7}\u{2212}1", "exp", "+1", "1/x"] {
            #expect(ops.contains(symbol))
        }
        let values = try Self.labels(inspection, "cr-fwd").map(\.text)
        #expect(values.contains("0.731") && values.contains("0.368") && values.contains("1.37"))
        let grads = try Self.labels(inspection, "cr-grad").map(\.text)
        #expect(grads.contains("\(Self.minus)0.197") && grads.contains("\(Self.minus)0.534") && grads.contains("0.393"))
    }

    /// A diagram of a layer: a vector, a matrix and a product with a long name.
    static let layer = GraphDiagram(nodes: [
        .init(id: 0, op: "leaf", label: "net[0].weight", value: "[[0.444579, 0.0447744],\n [0.162357, -0.238087]]",
              grad: "[[0.0551381, 0.144167],\n [0.0275228, 0.0699603]]", shape: [2, 2]),
        .init(id: 1, op: "leaf", label: "x", value: "[0.349012, 1.25873]", grad: "[0.5, -0.25]", shape: [2]),
        .init(id: 2, op: "@", label: "z", value: "[0.211533, -0.243018]", grad: "[1, 1]", shape: [2], inputs: [0, 1]),
        .init(id: 3, op: "sum", label: "L", value: "-0.0314849", grad: "1", inputs: [2]),
    ], root: 3)

    @Test func wiresShowShortValuesAndTheirTitlesTheWholeValue() throws {
        let markup = Self.renderer.svg(Figure(.graph(Self.layer)), id: "l")
        let inspection = try SVGInspection(markup)
        let m = Self.minus
        for cls in ["cr-fwd", "cr-grad"] {
            let labels = try inspection.elements(withClass: cls).filter { $0.localName == "text" }
            let pairs = labels.map { label -> (String, String) in
                let title = (try? label.nodes(forXPath: "./*[local-name()='title']").first?.stringValue) ?? nil
                return (SVGInspection.ownText(label), title ?? "")
            }
            let nodes = Self.layer.nodes
            let expected: [(String, String)] = cls == "cr-fwd"
                ? [("[2, 2]", nodes[0].value), ("[0.349, 1.26]", nodes[1].value), ("[0.212, \(m)0.243]", nodes[2].value), ("\(m)0.0315", nodes[3].value)]
                : [("[2, 2]", nodes[0].grad!), ("[0.5, \(m)0.25]", nodes[1].grad!), ("[1, 1]", nodes[2].grad!), ("1", nodes[3].grad!)]
            #expect(pairs.map(\.0).sorted() == expected.map(\.0).sorted(), "\(cls) labels")
            for (short, full) in expected {
                #expect(pairs.contains { $0.0 == short && $0.1 == full }, "\(short) has the title \(full)")
            }
        }
        // Line breaks of a matrix stay in its title, as character references.
        #expect(markup.contains("<title>[[0.444579, 0.0447744],&#10; [0.162357, -0.238087]]</title>"))
        // The input keeps its whole name: its layer and parameter.
        #expect(try inspection.texts(withClass: "cr-var").contains("net[0].weight"))
    }

    @Test func wireTexts() {
        let m = "-"
        #expect(GraphDiagramRenderer.wireText("0.731059", shape: nil) == "0.731")
        #expect(GraphDiagramRenderer.wireText("[0.349012, 1.25873]", shape: [2]) == "[0.349, 1.26]")
        #expect(GraphDiagramRenderer.wireText("[[1],\n [0]]", shape: [2, 1]) == "[[1], [0]]")
        #expect(GraphDiagramRenderer.wireText("[0.420862, 0.117021, \(m)0.285755]", shape: [3]) == "[3]")
        #expect(GraphDiagramRenderer.wireText("[1e+06, nan]", shape: [2]) == "[1e6, nan]")
        #expect(GraphDiagramRenderer.wireText("[0, 0.01, ..., 1.98, 2]", shape: [200]) == "[200]")
        #expect(GraphDiagramRenderer.wireText("something long that is no number", shape: nil) == "something long \u{2026}")
        // A value and its gradient are both numbers or both the shape, never one of each.
        let small = GraphDiagram.Node(id: 0, op: "leaf", value: "[0, 0]", grad: "[0.000484027, 0.000209445]", shape: [2])
        #expect(GraphDiagramRenderer.wireTexts(small) == ("[2]", "[2]"))
        let one = GraphDiagram.Node(id: 0, op: "leaf", value: "[1]", grad: "[0.5]", shape: [1])
        #expect(GraphDiagramRenderer.wireTexts(one) == ("[1]", "[0.5]"))
        let bare = GraphDiagram.Node(id: 0, op: "leaf", value: "[0.1, 0.2]", shape: [2])
        #expect(GraphDiagramRenderer.wireTexts(bare) == ("[0.1, 0.2]", nil))
    }

    @Test func compactNumbers() {
        #expect(GraphDiagramRenderer.compactNumber("0.731059") == "0.731")
        #expect(GraphDiagramRenderer.compactNumber("-12") == "-12")
        #expect(GraphDiagramRenderer.compactNumber("1234") == "1234")
        #expect(GraphDiagramRenderer.compactNumber("1.5e-07") == "1.5e-7")
        #expect(GraphDiagramRenderer.compactNumber("[1, 2]") == "[1, 2]")
        #expect(GraphDiagramRenderer.compactNumber("nan") == "nan")
    }

    /// Boxes of every text in a diagram, estimated as the layout estimates them.
    static func textBoxes(_ inspection: SVGInspection, fontSize: Double) throws -> [(String, Rect)] {
        try inspection.elements("text").compactMap { element -> (String, Rect)? in
            guard let x = SVGInspection.number(element, "x"), let y = SVGInspection.number(element, "y") else { return nil }
            let cls = element.attr("class") ?? ""
            guard !cls.contains("cr-title"), !cls.contains("cr-caption") else { return nil }
            let text = SVGInspection.ownText(element)
            let width = TextWidth.of(text, fontSize: fontSize) * 0.9
            let anchor = (element.parent as? XMLElement)?.attr("text-anchor")
            let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
            return (text, Rect(x: left, y: y - fontSize * 0.7, width: width, height: fontSize * 0.85))
        }
    }

    @Test(arguments: ["circuit", "neuron", "network", "large"])
    func nothingOverlaps(name: String) throws {
        let diagram = [("circuit", FigureFixtures.circuit), ("neuron", FigureFixtures.neuron), ("network", FigureFixtures.network), ("large", FigureFixtures.network(hidden: 10))]
            .first { $0.0 == name }!.1
        let inspection = try SVGInspection(Self.renderer.svg(Figure(.graph(diagram)), id: "g"))
        let group = try #require(try inspection.elements("g").first { $0.attr("font-size") != nil })
        let fontSize = try #require(SVGInspection.number(group, "font-size"))
        let boxes = try Self.textBoxes(inspection, fontSize: fontSize)
        #expect(boxes.count > 10)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                #expect(!boxes[i].1.intersects(boxes[j].1), "\(boxes[i].0) overlaps \(boxes[j].0)")
            }
        }
        let circles = try inspection.elements("circle").compactMap { c -> (Double, Double, Double)? in
            guard let x = SVGInspection.number(c, "cx"), let y = SVGInspection.number(c, "cy"), let r = SVGInspection.number(c, "r") else { return nil }
            return (x, y, r)
        }
        for i in circles.indices {
            for j in circles.indices where j > i {
                let (a, b) = (circles[i], circles[j])
                #expect(hypot(a.0 - b.0, a.1 - b.1) > a.2 + b.2 + 4)
            }
        }
        // The canvas holds every circle.
        let svg = try #require(try inspection.svg())
        let box = try #require(svg.attr("viewBox")).split(separator: " ").compactMap { Double($0) }
        #expect(circles.allSatisfy { $0.0 - $0.2 >= 0 && $0.0 + $0.2 <= box[2] && $0.1 - $0.2 >= 0 && $0.1 + $0.2 <= box[3] })
    }

    @Test func largeGraphsRenderCompactly() throws {
        // A chain of sums over 300 inputs (600 nodes): no labels, still a valid diagram.
        var nodes: [GraphDiagram.Node] = [.init(id: 0, op: "leaf", label: "a0", value: "0")]
        var last = 0
        for index in 1..<300 {
            nodes.append(.init(id: nodes.count, op: "leaf", label: "a\(index)", value: "1"))
            nodes.append(.init(id: nodes.count, op: "add", value: "\(index)", grad: "1", inputs: [last, nodes.count - 1]))
            last = nodes.count - 1
        }
        let markup = Self.renderer.svg(Figure(.graph(GraphDiagram(nodes: nodes, root: last))), id: "big")
        let inspection = try SVGInspection(markup)
        #expect(try inspection.elements(withClass: "cr-fwd").isEmpty)
        #expect(try inspection.elements(withClass: "cr-node").count == 299)
        // No labels on the wires: each operation tells its value and gradient on hover.
        let title = try #require(try inspection.elements(withClass: "cr-node").last?.nodes(forXPath: "./*[local-name()='title']").first)
        #expect(title.stringValue == "+ = 299\ngradient 1")
        #expect(markup.utf8.count < 400_000)
    }

    /// The widest a diagram can be drawn in the site's text column (46rem, less the output's
    /// rule and padding).
    static let column = 46.0 * 16 - 20

    @Test(arguments: ["circuit", "neuron", "network", "large"])
    func diagramsShrinkToFitTheColumnOrScrollWithAHint(name: String) throws {
        let diagram = [("circuit", FigureFixtures.circuit), ("neuron", FigureFixtures.neuron), ("network", FigureFixtures.network), ("large", FigureFixtures.network(hidden: 10))]
            .first { $0.0 == name }!.1
        let inspection = try SVGInspection(Self.renderer.svg(Figure(title: "a title", .graph(diagram)), id: "w"))
        // The title, the scrolling circuit and the key, in that order; only the circuit scrolls.
        let root = try #require(inspection.root)
        #expect(root.attr("class") == "cr-diagram")
        let parts = (root.children ?? []).compactMap { ($0 as? XMLElement)?.attr("class") }
        // (A diagram too large for wire labels has no key to them.)
        #expect(parts == ["cr-diagram-title", "cr-scroll"] + (name == "large" ? [] : ["cr-diagram-key"]))
        let scroller = try #require(try inspection.elements(withClass: "cr-scroll").first)
        #expect((scroller.children ?? []).compactMap { ($0 as? XMLElement)?.localName } == ["svg"])
        // A keyboard can reach it to scroll it, and a screen reader names it (by its title
        // here; the page passes "Figure 2" or the like).
        #expect(scroller.attr("tabindex") == "0" && scroller.attr("role") == "region" && scroller.attr("aria-label") == "a title")
        // The circuit is drawn at its size, or smaller to fit the column, down to the scale at
        // which its smallest text is 11 px on a phone and 10 px on a wider screen; no
        // smaller: then it scrolls.
        let svg = try #require(try inspection.svg())
        let width = try #require(svg.attr("viewBox")?.split(separator: " ").compactMap { Double($0) }[2])
        let style = try #require(svg.attr("style"))
        let sizes = Dictionary(uniqueKeysWithValues: style.matches(of: /([a-z-]+):([0-9.]+)px/).map { (String($0.1), Double($0.2)!) })
        let maxWidth = try #require(sizes["max-width"])
        let wideMinimum = try #require(sizes["--cr-min-width"]), phoneMinimum = try #require(sizes["--cr-phone-min-width"])
        #expect(svg.attr("width") == "100%" && maxWidth == width)
        let group = try #require(try inspection.elements("g").first { $0.attr("font-size") != nil })
        let fontSize = try #require(SVGInspection.number(group, "font-size"))
        #expect(abs(fontSize * wideMinimum / width - min(10, fontSize)) < 0.05)
        #expect(abs(fontSize * phoneMinimum / width - min(11, fontSize)) < 0.05)
        #expect(fontSize >= 11, "at its full size the text is legible on a phone too")
        if name == "circuit" || name == "neuron" {
            // The course's circuits fit the column of a laptop's page.
            #expect(wideMinimum <= Self.column)
        }
        // The stylesheet applies the phone's minimum on a narrow screen.
        let css = FigureRenderer.stylesheet
        #expect(css.contains(".cr-fig.cr-graph { min-width: var(--cr-min-width, 0); }"))
        #expect(css.contains("@media (max-width: 860px) { .cr-fig.cr-graph { min-width: var(--cr-phone-min-width, 0); } }"))
    }

    @Test func aCircuitThatScrollsSaysSo() throws {
        // The hint is the stylesheet's: shades at the edges with more, and "scroll sideways"
        // under the right end, both hidden by covers that move with the circuit (so only a
        // circuit that overflows shows them).
        let css = FigureRenderer.stylesheet
        let start = try #require(css.range(of: ".cr-scroll {"))
        let rule = String(css[start.lowerBound...].prefix { $0 != "}" })
        #expect(rule.contains("overflow-x: auto"))
        #expect(rule.contains("var(--cr-scroll-hint)"))
        #expect(css.components(separatedBy: "--cr-scroll-hint: url(").count == 3, "the hint for each theme")
        #expect(css.components(separatedBy: "scroll sideways %E2%86%92").count == 3)
        #expect(rule.components(separatedBy: "no-repeat local").count - 1 == 2, "a cover at each end")
        #expect(rule.components(separatedBy: "no-repeat scroll").count - 1 == 3, "the hint and a shade at each edge")
        #expect(css.components(separatedBy: "--cr-shade:").count == 3, "a shade for each theme")
    }
}
