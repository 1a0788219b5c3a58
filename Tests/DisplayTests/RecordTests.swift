import Foundation
import Testing
@testable import Display

/// A record covers everything a reader sees: changing any one field of any display changes
/// its digest. Each test mutates every stored property of one type, and a mirror of the type
/// holds the test to its list of properties, so a property added later must be covered here.
@Suite struct RecordTests {
    /// The stored properties of a value, by name.
    private func properties(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    /// Checks that each mutation changes the digest, and that together they name every
    /// stored property of the value's type.
    private func expectEveryChangeShows<T: RecordContent>(
        _ base: T, _ mutations: [String: (inout T) -> Void], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(Set(mutations.keys) == properties(base), "mutate every stored property", sourceLocation: sourceLocation)
        for (name, mutate) in mutations.sorted(by: { $0.key < $1.key }) {
            var changed = base
            mutate(&changed)
            #expect(changed.recordDigest != base.recordDigest, "changing \(name) must change the record", sourceLocation: sourceLocation)
        }
    }

    @Test func linePlots() {
        let base = LinePlot(series: [.init(name: "train", x: [0, 1, 2, 3, 4], y: [1, 2, 5, 4, 9])], xLabel: "epoch", yLabel: "loss")
        expectEveryChangeShows(base, [
            "series": { $0.series[0].y[2] = 50 },
            "xLabel": { $0.xLabel = "step" },
            "yLabel": { $0.yLabel = nil },
            "xLog": { $0.xLog = true },
            "yLog": { $0.yLog = true },
        ])
        let series = base.series[0]
        expectEveryChangeShows(series, [
            "name": { $0.name = "test" },
            "x": { $0.x[3] = 3.5 },
            "y": { $0.y[3] = 2 },
            "style": { $0.style = .points },
        ])
    }

    @Test func scatterPlots() {
        let base = ScatterPlot(x: [0, 1], y: [1, 0], classes: [0, 1],
                               regions: .init(xs: [0, 1], ys: [0, 1], classes: [[0, 1], [1, 1]]), xLabel: "a", yLabel: "b")
        expectEveryChangeShows(base, [
            "x": { $0.x[1] = 2 },
            "y": { $0.y[0] = 2 },
            "classes": { $0.classes = [1, 1] },
            "regions": { $0.regions!.classes[1][0] = 0 },
            "xLabel": { $0.xLabel = "c" },
            "yLabel": { $0.yLabel = "d" },
        ])
        expectEveryChangeShows(base.regions!, [
            "xs": { $0.xs[0] = -1 },
            "ys": { $0.ys[1] = 2 },
            "classes": { $0.classes[0][0] = 1 },
        ])
    }

    @Test func contourPlots() {
        let base = ContourPlot(xs: [0, 1, 2], ys: [0, 1], z: [[1, 2, 3], [4, 5, 6]], levels: [2, 4],
                               paths: [.init(name: "gd", points: [Point(0, 0), Point(1, 1)])], xLabel: "w1", yLabel: "w2")
        expectEveryChangeShows(base, [
            "xs": { $0.xs[2] = 3 },
            "ys": { $0.ys[0] = -1 },
            "z": { $0.z[1][1] = 5.5 },
            "levels": { $0.levels = nil },
            "paths": { $0.paths[0].points[1] = Point(1, 1.25) },
            "xLabel": { $0.xLabel = nil },
            "yLabel": { $0.yLabel = "w3" },
        ])
        expectEveryChangeShows(base.paths[0], [
            "name": { $0.name = nil },
            "points": { $0.points[0].x = 0.5 },
        ])
    }

    @Test func graphDiagrams() {
        let base = GraphDiagram(nodes: [
            .init(id: 0, op: "leaf", label: "x", value: "-2", grad: "-4"),
            .init(id: 1, op: "leaf", label: "y", value: "5", grad: "-4"),
            .init(id: 2, op: "+", label: "q", value: "3", grad: "-4", inputs: [0, 1]),
        ], root: 2)
        expectEveryChangeShows(base, [
            "nodes": { $0.nodes[1].value = "6" },
            "root": { $0.root = 1 },
        ])
        expectEveryChangeShows(base.nodes[2], [
            "id": { $0.id = 3 },
            "op": { $0.op = "*" },
            "label": { $0.label = nil },
            "value": { $0.value = "3.5" },
            "grad": { $0.grad = "1" },
            "shape": { $0.shape = [1] },
            "inputs": { $0.inputs = [1, 0] },
        ])
        // A tensor's shape is recorded too: [2, 2] and [4] hold the same four numbers.
        var square = base.nodes[2], flat = base.nodes[2]
        (square.value, square.shape) = ("[[1, 2],\n [3, 4]]", [2, 2])
        (flat.value, flat.shape) = ("[[1, 2],\n [3, 4]]", [4])
        #expect(square.recordDigest != flat.recordDigest)
    }

    @Test func graphSummariesWriteShortValuesAndTheShapesOfLongOnes() {
        let diagram = GraphDiagram(nodes: [
            .init(id: 0, op: "leaf", label: "W", value: "[[1, 2, 3],\n [4, 5, 6]]", grad: "[[0.5, 0.5, 0.5],\n [1, 1, 1]]", shape: [2, 3]),
            .init(id: 1, op: "leaf", label: "b", value: "[[1],\n [2]]", grad: "[[1],\n [1]]", shape: [2, 1]),
            .init(id: 2, op: "sum", label: "L", value: "24", grad: "1", inputs: [0, 1]),
        ], root: 2)
        #expect(diagram.summary == "3 nodes (2 inputs, 1 operation); L = 24; gradients W [2, 3], b [[1], [1]]")
    }

    @Test func networkDiagrams() {
        let base = NetworkDiagram(layers: [
            .init(name: "input", units: ["x\u{2081}", "x\u{2082}"], values: [0.05, 0.1]),
            .init(name: "output, \u{03C3}", units: ["y\u{2081}"], values: [0.6], biases: [0.35], weights: [[0.15, -0.2]]),
        ])
        expectEveryChangeShows(base, [
            "layers": { $0.layers[1].weights![0][1] = -0.25 },
            "labelsWeights": { $0.labelsWeights = false },
        ])
        expectEveryChangeShows(base.layers[1], [
            "name": { $0.name = "output" },
            "units": { $0.units[0] = "o\u{2081}" },
            "values": { $0.values = nil },
            "biases": { $0.biases = [0.36] },
            "weights": { $0.weights![0][0] = 0.16 },
        ])
        // A weight moved to another edge is another network, though the numbers are the same.
        var swapped = base
        swapped.layers[1].weights = [[-0.2, 0.15]]
        #expect(swapped.recordDigest != base.recordDigest)
        #expect(Figure(.network(base)).summary == "network: 2-1; 2 weights -0.2..0.15; 1 bias 0.35; output 0.6")
        var quiet = base
        quiet.labelsWeights = false
        quiet.layers[1].values = nil
        #expect(quiet.summary == "2-1; 2 weights -0.2..0.15, not labelled; 1 bias 0.35")
    }

    @Test func tablesAndFigures() {
        let table = Table(title: "layer 1", columns: ["z", "a"], rows: [.init(label: "unit 0", cells: ["0.5", "0.6"])])
        expectEveryChangeShows(table, [
            "title": { $0.title = nil },
            "columns": { $0.columns[1] = "b" },
            "rows": { $0.rows[0].cells[1] = "0.7" },
            "caption": { $0.caption = "Deltas" },
            "label": { $0.label = "deltas" },
        ])
        let figure = Figure(title: "loss", .line(LinePlot(series: [.init(x: [0, 1], y: [2, 1])])))
        expectEveryChangeShows(figure, [
            "title": { $0.title = "LOSS" },
            "content": { $0.content = .panels([Figure(.line(LinePlot(series: [.init(x: [0, 1], y: [2, 1])])))]) },
            "wholeRecord": { $0.wholeRecord = FigureRecord(summary: "plot", digest: "0123456789ab") },
            "caption": { $0.caption = "The loss falls" },
            "label": { $0.label = "loss" },
        ])
        // A panel's figures take part one by one.
        var panels = Figure(.panels([figure, figure]))
        let before = panels.recordDigest
        if case .panels(var figures) = panels.content {
            figures[1].title = "other"
            panels.content = .panels(figures)
        }
        #expect(panels.recordDigest != before)
    }

    @Test func aChangeAReaderCannotSeeKeepsTheDigest() {
        let plot = LinePlot(series: [.init(x: [0, 1], y: [0.731058578630, 2])])
        var nudged = plot
        nudged.series[0].y[0] = 0.731058578631
        #expect(nudged.recordDigest == plot.recordDigest)
        nudged.series[0].y[0] = 0.73106
        #expect(nudged.recordDigest != plot.recordDigest)
        var negativeZero = plot
        negativeZero.series[0].x[0] = -0.0
        #expect(negativeZero.recordDigest == plot.recordDigest)
    }

    @Test func digestsArePinned() {
        // Records are compared across machines and versions: the digest of a fixed figure
        // must never change by accident.
        let figure = Figure(title: "curve", .line(LinePlot(series: [.init(x: [0, 1, 2, 3, 4], y: [1, 2, 5, 4, 9])])))
        #expect(figure.recordDigest.count == 12)
        #expect(DisplayItem.figure(figure).record == "plot \"curve\": 1 series of 5 points; y: 1 -> 9 #" + figure.recordDigest)
        #expect(figure.recordDigest == "5124c5f74d57")
    }

    @Test func listingsNameEveryValue() {
        let figure = Figure(title: "curve", .line(LinePlot(series: [.init(name: "train", x: [0, 1], y: [1, 2])])))
        #expect(figure.recordListing() == [
            "title: \"curve\"",
            "plot series: 1",
            "plot series 1 \"train\" name: \"train\"",
            "plot series 1 \"train\" style: \"line\"",
            "plot series 1 \"train\" x[0]: 0",
            "plot series 1 \"train\" x[1]: 1",
            "plot series 1 \"train\" y[0]: 1",
            "plot series 1 \"train\" y[1]: 2",
            "plot x label: none",
            "plot y label: none",
            "plot log x: false",
            "plot log y: false",
        ])
        #expect(RecordWriter.listing(limit: 3) { figure.writeRecord(to: &$0) } == nil)
    }

    @Test func roundingAgreesWithPercentG() {
        var generator = SystemRandomNumberGenerator()
        var disagreements = 0
        for _ in 0..<200_000 {
            let exponent = Double.random(in: -30...30, using: &generator)
            let value = Double.random(in: -1...1, using: &generator) * pow(10, exponent)
            if RecordWriter.text(value) != NumberFormat.g(value) { disagreements += 1 }
        }
        for value in [0.0, -0.0, 1, -4, 1e6, 999999.5, 9999995, 123456.7, 1.5e-7, 0.0001, 0.00001, 1e-300, 5e-324,
                      Double.greatestFiniteMagnitude, .nan, .infinity, -.infinity, 0.1 + 0.2, 138.83399, 1e22, 1e23] {
            #expect(RecordWriter.text(value) == NumberFormat.g(value), "\(value)")
        }
        #expect(disagreements == 0)
    }
}

/// A figure too large to draw is thinned for the page, and records what it recorded whole.
@Suite struct ThinningTests {
    @Test func aHugePlotIsDrawnThinAndRecordedWhole() {
        let n = 1_000_000
        let y = (0..<n).map { i in i == 123_457 ? 50.0 : sin(Double(i) / 1000) }
        let whole = Figure(title: "big", .line(LinePlot(series: [.init(x: (0..<n).map(Double.init), y: y)])))
        let thinned = whole.thinnedForDrawing()
        #expect(DisplayItem.figure(thinned).record == DisplayItem.figure(whole).record)
        guard case .line(let plot) = thinned.content else {
            Issue.record("not a plot")
            return
        }
        #expect(plot.series[0].y.count <= Figure.pointsDrawn + 2)
        #expect(plot.series[0].y.contains(50), "the spike survives")
        #expect(plot.series[0].x.first == 0 && plot.series[0].x.last == Double(n - 1))
        #expect(DisplayItem.figure(thinned).listing == nil)
        // A small figure is left alone.
        let small = Figure(.line(LinePlot(series: [.init(x: [0, 1], y: [1, 2])])))
        #expect(small.thinnedForDrawing() == small)
    }

    @Test func panelsOfThinnedFiguresKeepTheirSummaries() {
        let n = 50_000
        let big = Figure(.scatter(ScatterPlot(x: (0..<n).map(Double.init), y: (0..<n).map { Double($0 % 7) }, classes: (0..<n).map { $0 % 2 })))
        let panel = Figure(.panels([big.thinnedForDrawing(), big.thinnedForDrawing()]))
        #expect(panel.summary.hasPrefix("panels: scatter: 50000 points in 2 classes (25000, 25000)"))
    }
}
