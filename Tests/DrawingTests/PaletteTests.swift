import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Display
@testable import Drawing

/// Every figure kind colours its first series, class or path alike, from one palette.
@Suite struct PaletteTests {
    static let renderer = FigureRenderer()

    /// The colour classes (`cr-sN`) of the marks drawn in a figure's legend, in order.
    static func legendColours(_ figure: Figure) throws -> [String] {
        let inspection = try SVGInspection(drawing: renderer.svg(figure, id: "f"))
        let legend = try #require(try inspection.elements(withClass: "cr-legend").first)
        let marks = try legend.nodes(forXPath: ".//*[local-name()='path']").compactMap { $0 as? XMLElement }
        var colours: [String] = []
        for mark in marks {
            guard let colour = (mark.attr("class") ?? "").split(separator: " ").first(where: { $0.hasPrefix("cr-s") }) else { continue }
            if colours.last != String(colour) { colours.append(String(colour)) }
        }
        return colours
    }

    @Test func plotScatterAndContourStartWithOneColour() throws {
        let line = Figure(.line(LinePlot(series: [.init(name: "a", x: [0, 1], y: [0, 1]), .init(name: "b", x: [0, 1], y: [1, 0])])))
        let plot = try Self.legendColours(line)
        let scatter = try Self.legendColours(FigureFixtures.twoMoons)
        let contour = try Self.legendColours(FigureFixtures.bowl)
        #expect(plot == ["cr-s0", "cr-s1"])
        #expect(scatter == plot)
        #expect(contour == plot)
    }

    @Test func theDrawnMarksCarryTheirLegendsColour() throws {
        let contour = try SVGInspection(drawing: Self.renderer.svg(FigureFixtures.bowl, id: "c"))
        // The first path drawn on the plane (not in the legend) is the first colour.
        let drawn = try contour.elements(withClass: "cr-start")
        #expect(drawn.map { $0.attr("class") ?? "" } == ["cr-start cr-s0", "cr-start cr-s1"])
        let scatter = try SVGInspection(drawing: Self.renderer.svg(FigureFixtures.twoMoons, id: "s"))
        let regions = try scatter.elements(withClass: "cr-region").map { $0.attr("class") ?? "" }
        #expect(regions == ["cr-region cr-s0", "cr-region cr-s1"])
    }

    /// Every mark that takes a series colour takes it from `--cr-colour`, which only the
    /// palette's slot classes set, in both themes.
    @Test func oneSourceOfSeriesColoursInBothThemes() throws {
        let css = FigureRenderer.stylesheet
        for mark in ["cr-line", "cr-dots", "cr-point", "cr-region", "cr-descent", "cr-descent-dots", "cr-arrow", "cr-start"] {
            let rule = try #require(css.split(separator: "\n").first { $0.hasPrefix(".cr-fig .\(mark) {") }, "\(mark) has a rule")
            #expect(rule.contains("var(--cr-colour)"), "\(mark) draws with the palette")
            #expect(!rule.contains("--cr-series-"), "\(mark) names no colour of its own")
        }
        for slot in Palette.colours.indices {
            #expect(css.contains(".cr-fig .cr-s\(slot) { --cr-colour: var(--cr-series-\(slot)); }"))
            #expect(css.components(separatedBy: "--cr-series-\(slot): ").count == 3, "slot \(slot) in light and dark")
        }
        // No rule outside the slot classes picks a series colour by number.
        let picks = css.split(separator: "\n").filter { $0.contains("var(--cr-series-") && !$0.contains("--cr-colour: var(--cr-series-") }
        #expect(picks.isEmpty, "\(picks)")
        #expect(Palette.colourClass(Palette.colours.count) == "cr-s0")
    }
}
