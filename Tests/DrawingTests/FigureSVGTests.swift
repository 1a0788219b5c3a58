import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Display
@testable import Drawing

/// Properties every rendered figure must have: well-formed XML, accessible, escaped,
/// self-contained, styled by class only, deterministic and small.
@Suite struct FigureSVGTests {
    static let hostile = "<script>alert(\"x\")</script> & 'quoted' \u{1}"
    static let renderer = FigureRenderer()

    /// One figure of each kind, plus awkward data of every kind.
    static let figures: [(name: String, figure: Figure)] = [
        ("xor", FigureFixtures.xorLoss),
        ("rates", FigureFixtures.learningRates),
        ("moons", FigureFixtures.twoMoons),
        ("bowl", FigureFixtures.bowl),
        ("circuit", Figure(title: "f = (x + y) z", .graph(FigureFixtures.circuit))),
        ("neuron", Figure(title: "neuron", .graph(FigureFixtures.neuron))),
        ("network", Figure(.graph(FigureFixtures.network))),
        ("empty line", Figure(.line(LinePlot(series: [])))),
        ("empty series", Figure(.line(LinePlot(series: [.init(x: [], y: [])])))),
        ("one point", Figure(title: "one", .line(LinePlot(series: [.init(x: [1], y: [2])])))),
        ("constant", Figure(.line(LinePlot(series: [.init(x: [0, 1, 2], y: [3, 3, 3])])))),
        ("non-finite", Figure(.line(LinePlot(series: [.init(name: "n", x: [0, 1, 2, 3, 4, 5, 6, 7], y: [1, 2, .nan, 3, .infinity, -.infinity, 4, 5])])))),
        ("log non-positive", Figure(.line(LinePlot(series: [.init(x: [0, 1, 2, 3], y: [0, -1, 0.5, 0.01])], xLog: true, yLog: true)))),
        ("all nan", Figure(.line(LinePlot(series: [.init(x: [0, 1], y: [.nan, .nan])], yLog: true)))),
        ("mismatched", Figure(.line(LinePlot(series: [.init(x: [0, 1, 2], y: [5])])))),
        ("points", Figure(.line(LinePlot(series: [.init(x: [1, 2, 3], y: [1, 4, 9], style: .points), .init(x: [1, 2, 3], y: [2, 3, 4], style: .lineAndPoints)])))),
        ("empty scatter", Figure(.scatter(ScatterPlot(x: [], y: [])))),
        ("unclassed scatter", Figure(.scatter(ScatterPlot(x: [1, 2, .nan], y: [3, 4, 5])))),
        ("many classes", Figure(.scatter(ScatterPlot(x: (0..<30).map(Double.init), y: (0..<30).map { Double($0 * $0) }, classes: (0..<30).map { $0 % 10 })))),
        ("ragged regions", Figure(.scatter(ScatterPlot(x: [0], y: [0], classes: [0], regions: .init(xs: [0, 1], ys: [0, 1], classes: [[0, 1], [1]]))))),
        ("one-cell regions", Figure(.scatter(ScatterPlot(x: [0], y: [0], classes: [0], regions: .init(xs: [0], ys: [0], classes: [[1]]))))),
        ("three regions", Figure(.scatter(ScatterPlot(x: [0, 1, 2], y: [0, 1, 2], classes: [0, 1, 2], regions: .init(
            xs: (0..<20).map(Double.init), ys: (0..<20).map(Double.init),
            classes: (0..<20).map { r in (0..<20).map { c in r + c < 15 ? 0 : c > r ? 1 : 2 } }))))),
        ("ragged contour", Figure(.contour(ContourPlot(xs: [0, 1], ys: [0, 1], z: [[1, 2], [3]])))),
        ("flat contour", Figure(.contour(ContourPlot(xs: [0, 1], ys: [0, 1], z: [[1, 1], [1, 1]])))),
        ("nan contour", Figure(.contour(ContourPlot(xs: [0, 1, 2], ys: [0, 1, 2], z: [[1, 2, 3], [2, .nan, 4], [3, 4, 5]], paths: [.init(points: [])])))),
        ("given levels", Figure(.contour(ContourPlot(xs: [0, 1, 2], ys: [0, 1, 2], z: [[1, 2, 3], [2, 3, 4], [3, 4, 5]], levels: [2.5, .nan, 3.5, 2.5],
                                                    paths: [.init(points: [Point(0, 0), Point(10, 10)]), .init(points: [Point(1, 1)])])))),
        ("empty graph", Figure(.graph(GraphDiagram(nodes: [], root: 0)))),
        ("broken graph", Figure(.graph(GraphDiagram(nodes: [
            .init(id: 0, op: "leaf", value: "1", inputs: []),
            .init(id: 1, op: "weird op", value: "2", inputs: [0, 5, -1, 1]),
        ], root: 7)))),
        ("no gradients", Figure(.graph(FigureFixtures.circuitWithoutGradients))),
        ("mazur", Figure(title: "2-2-2", .network(FigureFixtures.mazur))),
        ("3-4-3", Figure(.network(FigureFixtures.threeFourThree))),
        ("empty network", Figure(.network(NetworkDiagram(layers: [])))),
        ("broken network", Figure(.network(NetworkDiagram(layers: [
            .init(units: ["a", "b"], values: [.nan]),
            .init(units: [], weights: [[1, 2]]),
            .init(units: ["c", "d", "e"], values: [.infinity, 1, 2, 3], biases: [1], weights: [[.nan, -.infinity], [0], [1, 2, 3]]),
        ])))),
        ("wide network", Figure(.network(NetworkDiagram(layers: [
            .init(units: (0..<9).map { "x\($0)" }),
            .init(units: ["y"], weights: [(0..<9).map { Double($0) - 4 }]),
        ])))),
        ("empty panels", Figure(title: "none", .panels([]))),
        ("nested panels", Figure(.panels([FigureFixtures.xorLoss, Figure(.panels([FigureFixtures.bowl]))]))),
    ]

    @Test(arguments: figures.map(\.name))
    func isWellFormedAccessibleAndSelfContained(name: String) throws {
        let figure = Self.figures.first { $0.name == name }!.figure
        let markup = Self.renderer.svg(figure, id: "fig-1")
        let inspection = try SVGInspection(markup)
        let svgs = try inspection.elements("svg")
        func isOneAccessibleDrawing(_ svg: XMLElement) throws {
            #expect(svg.attr("role") == "img")
            #expect(svg.attr("aria-label") == figure.summary)
            #expect(svg.attr("viewBox") != nil)
            #expect(svg.attr("width") == "100%")
            let title = try #require((svg.children ?? []).first as? XMLElement)
            #expect(title.name == "title")
            #expect(title.stringValue == figure.title ?? FigureRenderer.kindName(figure.content))
        }
        switch figure.content {
        case .panels(let panels):
            #expect(inspection.root?.name == "div")
            // Named once: each panel has its own summary, which the group does not repeat.
            #expect(inspection.root?.attr("aria-label") == figure.title ?? "\(panels.count) figures side by side")
            #expect(svgs.filter { $0.attr("class")?.contains("cr-narrow") != true }.count == Self.leafCount(panels))
        case .graph, .network:
            #expect(svgs.count == 1)
            try isOneAccessibleDrawing(try #require(svgs.first))
        case .line, .scatter, .contour:
            // Drawn for a column and laid out again for a phone; one shows at a time.
            #expect(inspection.root?.attr("class") == "cr-reflow")
            #expect(svgs.map { $0.attr("class") } == ["cr-fig cr-wide", "cr-fig cr-narrow"])
            for svg in svgs { try isOneAccessibleDrawing(svg) }
        }
        for svg in svgs {
            #expect(svg.uri == "http://www.w3.org/2000/svg")
            #expect(svg.attr("style")?.hasPrefix("max-width:") == true)
        }
        // Nothing external, no scripts, no hard-coded colours, no unrounded numbers.
        for forbidden in ["<script", "href=", "<image", "<foreignObject", "@import", "fill=\"#", "stroke=\"#", "color:", "font-family"] {
            #expect(!markup.contains(forbidden), "\(name) contains \(forbidden)")
        }
        let geometry = #"(?:\bd|\bx|\by|cx|cy|\br|width|height|transform|viewBox)="[^"]*(\d\.\d{3}|e[-+]\d|nan|inf)"#
        #expect(markup.range(of: geometry, options: .regularExpression) == nil, "\(name) has an unrounded coordinate")
        // Every id is prefixed with the figure's, and every reference resolves.
        let ids = try inspection.document.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(ids.allSatisfy { $0.hasPrefix("fig-1-") })
        #expect(Set(ids).count == ids.count)
        for match in markup.matches(of: /url\(#([^)]+)\)/) {
            #expect(ids.contains(String(match.1)))
        }
    }

    @Test(arguments: figures.map(\.name))
    func isDeterministic(name: String) {
        let figure = Self.figures.first { $0.name == name }!.figure
        #expect(Self.renderer.svg(figure, id: "a") == Self.renderer.svg(figure, id: "a"))
    }

    @Test func escapesHostileTextEverywhere() throws {
        let h = Self.hostile
        let figures: [Figure] = [
            Figure(title: h, .line(LinePlot(series: [.init(name: h, x: [0, 1], y: [1, 2]), .init(name: h, x: [0, 1], y: [2, 1])], xLabel: h, yLabel: h))),
            Figure(title: h, .scatter(ScatterPlot(x: [0, 1], y: [0, 1], classes: [0, 1], xLabel: h, yLabel: h))),
            Figure(title: h, .contour(ContourPlot(xs: [0, 1, 2], ys: [0, 1, 2], z: [[0, 1, 2], [1, 2, 3], [2, 3, 4]], paths: [.init(name: h, points: [Point(0, 0), Point(1, 1)])], xLabel: h, yLabel: h))),
            Figure(title: h, .graph(GraphDiagram(nodes: [
                .init(id: 0, op: "leaf", label: h, value: h, grad: h),
                .init(id: 1, op: h, label: h, value: "1", grad: "1", inputs: [0]),
            ], root: 1))),
            Figure(title: h, .panels([Figure(title: h, .line(LinePlot(series: [.init(name: h, x: [0], y: [0])])))])),
            Figure(title: h, .network(NetworkDiagram(layers: [.init(name: h, units: [h]), .init(name: h, units: [h], weights: [[1]])]))),
        ]
        for figure in figures {
            let markup = Self.renderer.svg(figure, id: "\"><script>")
            #expect(!markup.contains("<script"))
            #expect(!markup.contains("\u{1}"))
            let inspection = try SVGInspection(markup)
            // The hostile text is there, as text.
            let allText = inspection.document.rootElement()?.stringValue ?? ""
            #expect(allText.contains("<script>alert(\"x\")</script> & 'quoted'"))
        }
    }

    @Test func idsAreMadeSafe() {
        #expect(SVGWriter.identifier("fig 1\"") == "fig_1_")
        #expect(SVGWriter.identifier("3d") == "f3d")
        #expect(SVGWriter.identifier("") == "f")
        #expect(SVGWriter.identifier("ok-id_2") == "ok-id_2")
    }

    @Test func twoFiguresOnOnePageDoNotShareIds() throws {
        let a = Self.renderer.svg(FigureFixtures.xorLoss, id: "a")
        let b = Self.renderer.svg(FigureFixtures.xorLoss, id: "b")
        let idsA = try SVGInspection(a).document.nodes(forXPath: "//@id").compactMap(\.stringValue)
        let idsB = try SVGInspection(b).document.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(!idsA.isEmpty)
        #expect(Set(idsA).isDisjoint(with: idsB))
    }

    @Test(arguments: [(12.345, "12.35"), (12.344, "12.34"), (-0.004, "0"), (-3.0, "-3"), (0.07, "0.07"), (100.5, "100.5"), (Double.nan, "0"), (-1.25, "-1.25")])
    func coordinates(value: Double, expected: String) {
        #expect(SVGWriter.number(value) == expected)
    }

    @Test func longLossCurveStaysSmall() throws {
        let markup = Self.renderer.svg(FigureFixtures.xorLoss, id: "x")
        #expect(markup.utf8.count < 40_000)
        // Even 200 000 noisy points draw as a few thousand.
        var noise = FigureFixtures.Noise(state: 3)
        let x = (0..<200_000).map(Double.init)
        let y = x.map { 1 / ($0 + 1) + 0.01 * noise.uniform() }
        let big = Self.renderer.svg(Figure(.line(LinePlot(series: [.init(x: x, y: y)], yLog: true))), id: "big")
        #expect(big.utf8.count < 120_000)
        let paths = try SVGInspection(drawing: big).elements(withClass: "cr-line")
        #expect(paths.count == 1)
    }

    @Test func lineStylesAndLegend() throws {
        let one = try SVGInspection(drawing: Self.renderer.svg(FigureFixtures.xorLoss, id: "x"))
        #expect(try one.elements(withClass: "cr-legend").isEmpty)
        let two = try SVGInspection(drawing: Self.renderer.svg(Self.figures.first { $0.name == "points" }!.figure, id: "p"))
        let legend = try #require(try two.elements(withClass: "cr-legend").first)
        #expect(legend.stringValue == "series 1series 2")
        #expect(try two.elements(withClass: "cr-dots").count == 2 + 2)  // two series, two swatches
        #expect(try two.elements(withClass: "cr-line").count == 1 + 1)
    }

    /// On a 390 px phone (a column of about 366 px) a plot shows its phone layout and
    /// panels wrap one to a row; either way its smallest text is drawn at 11 px or more. On a
    /// wider column the wide drawing shows only while its smallest text stays at 11 px.
    @Test(arguments: ["xor", "rates", "moons", "bowl"])
    func textStaysLegibleOnAPhone(name: String) throws {
        let figure = Self.figures.first { $0.name == name }!.figure
        let inspection = try SVGInspection(Self.renderer.svg(figure, id: "t"))
        let phoneColumn = 366.0
        func smallestText(_ svg: XMLElement, shownAt column: Double) throws -> Double {
            let width = try #require(svg.attr("viewBox")?.split(separator: " ").compactMap { Double($0) }[2])
            let maxWidth = try #require(svg.attr("style")?.firstMatch(of: /max-width:([0-9.]+)px/).map { Double($0.1)! })
            let sizes = try svg.nodes(forXPath: ".//@font-size").compactMap { $0.stringValue.flatMap(Double.init) }
            return (sizes.min() ?? 0) * min(column, maxWidth) / width
        }
        let shownOnAPhone = try inspection.elements("svg").filter { $0.attr("class")?.contains("cr-wide") != true }
        #expect(!shownOnAPhone.isEmpty)
        for svg in shownOnAPhone {
            #expect(try smallestText(svg, shownAt: phoneColumn) >= 11, "\(name): \(svg.attr("class") ?? "")")
        }
        // Panels stand side by side only while each is wide enough for the same.
        let basis = FigureMetrics.narrow.narrowestLegibleBox.rounded(.up)
        #expect(FigureRenderer.stylesheet.contains("flex: 1 1 \(SVGWriter.n(basis))px;"))
        #expect(FigureMetrics.narrow.smallestText * basis / FigureMetrics.narrow.width >= 11)
        for svg in try inspection.elements(withClass: "cr-wide") {
            let narrowest = FigureMetrics.standard.narrowestLegibleBox
            #expect(try smallestText(svg, shownAt: narrowest) >= 11 - 1e-9)
            #expect(FigureRenderer.stylesheet.contains("@container (width < \(SVGWriter.n(narrowest))px)"))
        }
    }

    @Test func gapsForValuesThatCannotBeDrawn() throws {
        let figure = Self.figures.first { $0.name == "non-finite" }!.figure
        let inspection = try SVGInspection(drawing: Self.renderer.svg(figure, id: "n"))
        // 1, 2 | NaN | 3 | inf, -inf | 4, 5: two lines, and a dot for the lone 3.
        let lines = try inspection.elements(withClass: "cr-line").compactMap { $0.attr("d") }
        #expect(lines.count == 2)  // the data and the legend's swatch
        let data = try #require(lines.first)
        #expect(data.filter { $0 == "M" }.count == 2)
        #expect(data.filter { $0 == "L" }.count == 2)
        let dots = try inspection.elements(withClass: "cr-dots").compactMap { $0.attr("d") }
        #expect(dots.count == 1)
        #expect(dots.first?.components(separatedBy: "h0").count == 2)
    }

    @Test func logAxisSkipsNonPositiveValues() throws {
        let figure = Self.figures.first { $0.name == "log non-positive" }!.figure
        let inspection = try SVGInspection(Self.renderer.svg(figure, id: "l"))
        let ticks = try inspection.elements(withClass: "cr-tick").first?.stringValue ?? ""
        #expect(ticks.contains("0.01") && ticks.contains("1"))
    }

    @Test func scatterLegendAndMarkers() throws {
        let inspection = try SVGInspection(drawing: Self.renderer.svg(FigureFixtures.twoMoons, id: "m"))
        let legend = try #require(try inspection.elements(withClass: "cr-legend").first)
        #expect(legend.stringValue == "class 0class 1")
        #expect(try inspection.elements(withClass: "cr-point").count == 2 + 2)
        #expect(try inspection.elements(withClass: "cr-region").count == 2)
        #expect(try inspection.elements(withClass: "cr-boundary").count == 1)
        // Runs of equal cells are merged: far fewer rectangles than the 3600 cells.
        let regions = try inspection.elements(withClass: "cr-region").compactMap { $0.attr("d") }
        let rectangles = regions.map { $0.components(separatedBy: "M").count - 1 }.reduce(0, +)
        #expect(rectangles < 200)
    }

    @Test func contourLevelsLabelsAndPaths() throws {
        let inspection = try SVGInspection(drawing: Self.renderer.svg(FigureFixtures.bowl, id: "b"))
        let labels = try inspection.texts(withClass: "cr-contour-label")
        #expect(labels.count >= 2)
        #expect(labels.allSatisfy { Double($0) != nil })
        #expect(try inspection.elements(withClass: "cr-descent").count == 2 + 2)
        #expect(try inspection.elements(withClass: "cr-arrow").count == 2 + 2)
        #expect(try inspection.elements(withClass: "cr-start").count == 2)
        let legend = try #require(try inspection.elements(withClass: "cr-legend").first)
        #expect(legend.stringValue == "SGD, lr 0.09momentum 0.7, lr 0.03")
        #expect(ContourLevels.automatic(Self.bowlGrid()) == [0.2, 0.5, 1, 2, 5, 10])
    }

    static func bowlGrid() -> [[Double]] {
        let xs = (0..<41).map { -2.0 + 4.0 * Double($0) / 40 }
        let ys = (0..<41).map { -1.0 + 2.0 * Double($0) / 40 }
        return ys.map { y in xs.map { x in x * x + 10 * y * y } }
    }

    @Test func evenlySpacedLevelsForAFunctionOfBothSigns() {
        let xs = (0..<21).map { -1.0 + Double($0) / 10 }
        let z = xs.map { y in xs.map { x in x + y } }
        #expect(ContourLevels.automatic(z) == [-1.5, -1, -0.5, 0, 0.5, 1, 1.5])
    }

    @Test func stylesheetHasBothThemes() {
        let css = FigureRenderer.stylesheet
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        for property in ["--cr-fg", "--cr-bg", "--cr-grid", "--cr-series-0", "--cr-series-7", "--cr-forward", "--cr-gradient"] {
            #expect(css.components(separatedBy: property + ":").count == 3, "\(property) in light and dark")
        }
        #expect(!css.contains("font-family:") || css.contains("font-family: inherit"))
    }

    static func leafCount(_ figures: [Figure]) -> Int {
        figures.map { figure -> Int in
            if case .panels(let inner) = figure.content { return leafCount(inner) }
            return 1
        }.reduce(0, +)
    }
}
