import Foundation
import Testing
import Display
@testable import Drawing

/// Writes a page with one figure of each kind for looking at in a browser:
/// `CHAINRULE_FIGCHECK=/tmp/figcheck swift test --filter PreviewPage` writes
/// `/tmp/figcheck/page.html`. Skipped otherwise.
@Suite struct PreviewPageTests {
    static let directory = ProcessInfo.processInfo.environment["CHAINRULE_FIGCHECK"]

    @Test(.enabled(if: directory != nil))
    func writesPreviewPage() throws {
        let renderer = FigureRenderer()
        let figures: [(String, Figure)] = [
            ("xor", FigureFixtures.xorLoss),
            ("rates", FigureFixtures.learningRates),
            ("moons", FigureFixtures.twoMoons),
            ("bowl", FigureFixtures.bowl),
            ("circuit", Figure(title: "f = (x + y) z", .graph(FigureFixtures.circuit))),
            ("neuron", Figure(title: "A sigmoid neuron", .graph(FigureFixtures.neuron))),
            ("network", Figure(title: "A 2-4-1 network and its loss", .graph(FigureFixtures.network))),
            ("large", Figure(title: "A 2-10-1 network (124 nodes)", .graph(FigureFixtures.network(hidden: 10)))),
            ("mazur", Figure(title: "Mazur's 2-2-2 network", .network(FigureFixtures.mazur))),
            ("three-four-three", Figure(title: "A 3-4-3 network", .network(FigureFixtures.threeFourThree))),
            ("edge", Figure(title: "Awkward data", .panels([
                Figure(title: "one point", .line(LinePlot(series: [.init(x: [3], y: [0.5])]))),
                Figure(title: "constant", .line(LinePlot(series: [.init(name: "c", x: [0, 1, 2, 3], y: [0.693, 0.693, 0.693, 0.693], style: .lineAndPoints)]))),
                Figure(title: "gaps", .line(LinePlot(series: [.init(x: (0..<40).map(Double.init), y: (0..<40).map { $0 % 9 == 4 ? .nan : sin(Double($0) / 5) })]))),
                Figure(title: "log with zeros", .line(LinePlot(series: [.init(x: (0..<50).map(Double.init), y: (0..<50).map { $0 % 7 == 0 ? 0 : exp(-Double($0) / 8) })], yLog: true))),
                Figure(title: "empty", .line(LinePlot(series: []))),
                Figure(title: "three regions", .scatter(FigureFixtures.threeBlobs)),
                Figure(title: "ten classes", .scatter(ScatterPlot(x: (0..<60).map { cos(Double($0)) * Double($0) }, y: (0..<60).map { sin(Double($0)) * Double($0) }, classes: (0..<60).map { $0 % 10 }))),
            ]))),
        ]
        var body = ""
        for (id, figure) in figures {
            body += "<figure>\n" + renderer.svg(figure, id: id) + "\n<figcaption>\(id)</figcaption></figure>\n"
        }
        let directory = try #require(PreviewPageTests.directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try page(body).write(toFile: directory + "/page.html", atomically: true, encoding: .utf8)
        for (id, figure) in figures {
            let one = "<figure>\n" + renderer.svg(figure, id: id) + "\n</figure>\n"
            try page(one).write(toFile: directory + "/page-\(id).html", atomically: true, encoding: .utf8)
            try renderer.svg(figure, id: id).write(toFile: directory + "/\(id).svg", atomically: true, encoding: .utf8)
        }
    }

    private func page(_ body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>figures</title>
        <style>
        body { font-family: system-ui, "DejaVu Sans", sans-serif; max-width: 760px; margin: 1em auto; padding: 0 16px; background: var(--cr-bg); color: var(--cr-fg); line-height: 1.5; }
        figure { margin: 1.5em 0; }
        figcaption { font-size: 0.8em; color: var(--cr-muted); text-align: center; }
        \(FigureRenderer.stylesheet)
        </style></head><body>
        \(body)
        </body></html>
        """
    }
}
