import Foundation
import Testing
import Display
@testable import Drawing

/// Random figures with awkward values (NaN, infinities, huge and tiny numbers, ragged
/// grids, graphs with bad references) must still give well-formed SVG.
@Suite struct RandomFigureTests {
    struct Generator {
        var noise: FigureFixtures.Noise

        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(noise.uniform() * Double(range.count)) % range.count
        }

        mutating func value() -> Double {
            switch int(0...11) {
            case 0: return .nan
            case 1: return .infinity
            case 2: return -.infinity
            case 3: return 0
            case 4: return 1e300 * (noise.uniform() - 0.5)
            case 5: return 1e-300 * noise.uniform()
            default: return (noise.uniform() - 0.5) * pow(10, Double(int(-6...6)))
            }
        }

        mutating func values(_ count: Int) -> [Double] { (0..<count).map { _ in value() } }

        mutating func figure() -> Figure {
            switch int(0...4) {
            case 0:
                let series = (0..<int(0...3)).map { _ in
                    let n = int(0...30)
                    return LinePlot.Series(name: int(0...1) == 0 ? nil : "s", x: values(n), y: values(n),
                                           style: [.line, .points, .lineAndPoints][int(0...2)])
                }
                return Figure(.line(LinePlot(series: series, xLog: int(0...1) == 0, yLog: int(0...1) == 0)))
            case 1:
                let n = int(0...40)
                let columns = int(1...6)
                let rows = int(1...6)
                let regions = int(0...1) == 0 ? nil : ScatterPlot.Regions(
                    xs: (0..<columns).map(Double.init), ys: (0..<rows).map(Double.init),
                    classes: (0..<rows).map { _ in (0..<columns).map { _ in int(-1...3) } })
                return Figure(.scatter(ScatterPlot(x: values(n), y: values(n), classes: (0..<n).map { _ in int(-2...12) }, regions: regions)))
            case 2:
                let columns = int(0...8)
                let rows = int(0...8)
                let z = (0..<rows).map { _ in values(int(0...1) == 0 ? columns : int(0...8)) }
                let paths = (0..<int(0...2)).map { _ in ContourPlot.Path(points: (0..<int(0...6)).map { _ in Point(value(), value()) }) }
                let levels: [Double]? = int(0...1) == 0 ? nil : values(int(0...5))
                return Figure(.contour(ContourPlot(xs: (0..<columns).map(Double.init), ys: (0..<rows).map(Double.init), z: z, levels: levels, paths: paths)))
            case 3:
                // Layers of any size, their weight rows and columns not always matching.
                var layers: [NetworkDiagram.Layer] = []
                for index in 0..<int(0...4) {
                    let units = int(0...8)
                    layers.append(.init(
                        name: int(0...1) == 0 ? nil : "layer",
                        units: (0..<units).map { "u\($0)" },
                        values: int(0...1) == 0 ? nil : values(int(0...units)),
                        biases: int(0...1) == 0 ? nil : values(int(0...units)),
                        weights: index == 0 ? nil : (0..<int(0...units)).map { _ in values(int(0...8)) }))
                }
                return Figure(.network(NetworkDiagram(layers: layers, labelsWeights: int(0...3) > 0)))
            default:
                let count = int(0...40)
                let ops = ["leaf", "const", "+", "*", "-", "/", "^", "exp", "sigmoid", "tanh", "max", "weird"]
                let nodes = (0..<count).map { index in
                    GraphDiagram.Node(
                        id: index, op: ops[int(0...(ops.count - 1))], label: int(0...2) == 0 ? nil : "v\(index)",
                        value: NumberFormat.g(value()), grad: int(0...1) == 0 ? nil : NumberFormat.g(value()),
                        inputs: index == 0 || int(0...3) == 0 ? [] : (0..<int(1...3)).map { _ in int(-1...(index + 1)) })
                }
                return Figure(.graph(GraphDiagram(nodes: nodes, root: int(-1...(count + 1)))))
            }
        }
    }

    @Test func randomFiguresStayWellFormed() throws {
        var generator = Generator(noise: .init(state: 2024))
        let renderer = FigureRenderer()
        for index in 0..<300 {
            let figure = generator.figure()
            let markup = renderer.svg(figure, id: "r\(index)")
            let inspection = try SVGInspection(markup)
            #expect(try inspection.svg() != nil)
            let geometry = #"(?:\bd|\bx|\by|cx|cy|\br|width|height|transform|viewBox|style)="[^"]*(nan|inf)"#
            #expect(markup.range(of: geometry, options: .regularExpression) == nil, "\(figure)")
        }
    }
}
