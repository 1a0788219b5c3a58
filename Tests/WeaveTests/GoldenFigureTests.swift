import Foundation
import Testing
import Display
@testable import Weave

/// One figure of each kind against a reviewed SVG in `Golden/`. A difference fails; with
/// `CHAINRULE_RECORD=1` the golden file is rewritten and the test still fails, so every
/// new baseline is looked at by a person before it is committed.
@Suite struct GoldenFigureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["CHAINRULE_RECORD"] == "1"

    static let cases: [(name: String, figure: Figure)] = [
        ("line-xor-loss", FigureFixtures.xorLoss),
        ("panels-learning-rates", FigureFixtures.learningRates),
        ("scatter-two-moons", FigureFixtures.twoMoons),
        ("contour-bowl", FigureFixtures.bowl),
        ("graph-chain-rule", Figure(title: "f = (x + y) z", .graph(FigureFixtures.circuit))),
        ("graph-neuron", Figure(title: "A sigmoid neuron", .graph(FigureFixtures.neuron))),
    ]

    @Test(arguments: cases.map(\.name))
    func matchesGolden(name: String) throws {
        let figure = Self.cases.first { $0.name == name }!.figure
        let actual = FigureRenderer().svg(figure, id: name) + "\n"
        let url = Self.directory.appendingPathComponent(name + ".svg")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.path): review it, then run again without CHAINRULE_RECORD")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.path): run with CHAINRULE_RECORD=1 and review it")
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1)" } ?? "length"
            Issue.record("\(name).svg differs from its golden file at \(where_); if the change is intended, rerun with CHAINRULE_RECORD=1 and review the new file")
        }
    }
}
