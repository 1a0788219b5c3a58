import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Display
@testable import Drawing

/// Dashed and dotted lines and markers, in the plot and in its legend.
@Suite struct LineStyleTests {
    static let renderer = FigureRenderer()

    /// Data under a dashed reference line, a dotted one and a series of markers alone.
    static let figure: Figure = {
        let x = (0..<20).map(Double.init)
        return Figure(.line(LinePlot(series: [
            .init(name: "data", x: x, y: x.map { $0 * $0 / 20 }, style: .lineAndPoints),
            .init(name: "reference", x: x, y: x, style: LinePlot.Style(line: .dashed)),
            .init(name: "bound", x: x, y: x.map { $0 / 2 }, style: LinePlot.Style(line: .dotted, marker: .square)),
            .init(name: "samples", x: x, y: x.map { 10 - $0 / 4 }, style: LinePlot.Style(line: nil, marker: .circle)),
        ])))
    }()

    static func classes(_ element: XMLElement) -> Set<String> {
        Set((element.attr("class") ?? "").split(separator: " ").map(String.init))
    }

    @Test func dashedAndDottedLinesHaveDashedStrokes() throws {
        let inspection = try SVGInspection(drawing: Self.renderer.svg(Self.figure, id: "s"))
        let lines = try inspection.elements(withClass: "cr-line")
        // Three series draw a line, and each has its swatch in the legend.
        #expect(lines.count == 3 + 3)
        let dashed = lines.filter { Self.classes($0).contains("cr-dashed") }
        let dotted = lines.filter { Self.classes($0).contains("cr-dotted") }
        #expect(dashed.count == 2 && dotted.count == 2)
        #expect(dashed.allSatisfy { Self.classes($0).contains("cr-s1") })
        #expect(dotted.allSatisfy { Self.classes($0).contains("cr-s2") })
        // The stylesheet dashes them; a solid line has no dash array.
        let css = FigureRenderer.stylesheet.split(separator: "\n")
        let dashRule = try #require(css.first { $0.hasPrefix(".cr-fig .cr-dashed {") })
        let dotRule = try #require(css.first { $0.hasPrefix(".cr-fig .cr-dotted {") })
        #expect(dashRule.contains("stroke-dasharray: 6 6"))
        #expect(dotRule.contains("stroke-dasharray: 0 5"))
        #expect(!(css.first { $0.hasPrefix(".cr-fig .cr-line {") } ?? "").contains("dasharray"))
    }

    @Test func markersAreDrawnAtEveryPointAndInTheLegend() throws {
        let inspection = try SVGInspection(drawing: Self.renderer.svg(Self.figure, id: "s"))
        let legend = try #require(try inspection.elements(withClass: "cr-legend").first)
        #expect(legend.stringValue == "datareferenceboundsamples")
        let points = try inspection.elements(withClass: "cr-point")
        // Squares for "bound" and circles for "samples", on the plot and in the legend.
        let squares = points.filter { Self.classes($0).contains("cr-s2") }.compactMap { $0.attr("d") }
        let circles = points.filter { Self.classes($0).contains("cr-s3") }.compactMap { $0.attr("d") }
        #expect(squares.count == 2 && circles.count == 2)
        #expect(squares[0].filter { $0 == "M" }.count == 20)
        #expect(circles[0].filter { $0 == "M" }.count == 20)
        #expect(circles[0].contains("a") && !squares[0].contains("a"), "circles are arcs, squares are not")
        // The markers-only series draws no line, in the plot or the legend.
        #expect(try inspection.elements(withClass: "cr-line").allSatisfy { !Self.classes($0).contains("cr-s3") })
        // The legend's swatches follow the series' styles in order.
        let swatches = try legend.nodes(forXPath: ".//*[local-name()='path']").compactMap { $0 as? XMLElement }.map {
            Self.classes($0).subtracting(["cr-s0", "cr-s1", "cr-s2", "cr-s3"]).sorted().joined(separator: " ")
        }
        #expect(swatches == ["cr-line", "cr-dots", "cr-dashed cr-line", "cr-dotted cr-line", "cr-point", "cr-point"])
    }
}
