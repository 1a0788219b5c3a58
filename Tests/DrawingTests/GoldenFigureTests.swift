import Foundation
import Testing
import Display
import TestSupport
@testable import Drawing

/// One figure of each kind against a reviewed SVG in `Golden/` (`Golden.check`;
/// `RECORD_FIXTURES=1` records them anew).
@Suite struct GoldenFigureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let cases: [(name: String, figure: Figure)] = [
        ("line-xor-loss", FigureFixtures.xorLoss),
        ("panels-learning-rates", FigureFixtures.learningRates),
        ("scatter-two-moons", FigureFixtures.twoMoons),
        ("contour-bowl", FigureFixtures.bowl),
        ("graph-chain-rule", Figure(title: "f = (x + y) z", .graph(FigureFixtures.circuit))),
        ("graph-neuron", Figure(title: "A sigmoid neuron", .graph(FigureFixtures.neuron))),
        ("network-mazur", Figure(title: "Mazur's 2-2-2 network", .network(FigureFixtures.mazur))),
        ("network-3-4-3", Figure(.network(FigureFixtures.threeFourThree))),
    ]

    @Test(arguments: cases.map(\.name))
    func matchesGolden(name: String) throws {
        let figure = Self.cases.first { $0.name == name }!.figure
        let actual = FigureRenderer().svg(figure, id: name) + "\n"
        let url = Self.directory.appendingPathComponent(name + ".svg")
        if let problem = Golden.check(actual, against: url) { Issue.record(Comment(rawValue: problem)) }
    }
}
