import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Display
@testable import Drawing

/// What a reader of a network diagram relies on: every weight written once, on its own
/// edge, beside the unit it feeds and in the order of its sources; nothing written over
/// anything else; text that stays legible on a phone.
@Suite struct NetworkDiagramTests {
    static let renderer = FigureRenderer()
    static let fontSize = NetworkDiagramRenderer.fontSize

    struct Label {
        var text: String
        var title: String
        var x: Double
        var y: Double
    }

    /// The weights written on the edges, with the hover text naming their edge.
    static func weights(_ inspection: SVGInspection) throws -> [Label] {
        try inspection.elements(withClass: "cr-weight").filter { $0.localName == "text" }.map { element in
            let title = (element.children ?? []).compactMap { $0 as? XMLElement }.first { $0.localName == "title" }?.stringValue ?? ""
            return Label(text: SVGInspection.ownText(element), title: title,
                         x: SVGInspection.number(element, "x") ?? .nan, y: SVGInspection.number(element, "y") ?? .nan)
        }
    }

    static func edges(_ inspection: SVGInspection) throws -> [(title: String, d: String)] {
        try inspection.elements(withClass: "cr-edge").filter { $0.localName == "path" && !($0.parent.flatMap { $0 as? XMLElement }?.attr("class") ?? "").contains("cr-legend") }
            .map { element in
                let title = (element.children ?? []).compactMap { $0 as? XMLElement }.first { $0.localName == "title" }?.stringValue ?? ""
                return (title, element.attr("d") ?? "")
            }
    }

    static func inspect(_ network: NetworkDiagram) throws -> SVGInspection {
        try SVGInspection(renderer.svg(Figure(.network(network)), id: "n"))
    }

    @Test func everyWeightIsWrittenOnceOnItsOwnEdge() throws {
        let network = FigureFixtures.threeFourThree
        let inspection = try Self.inspect(network)
        let labels = try Self.weights(inspection)
        let edges = try Self.edges(inspection)
        #expect(labels.count == 24)
        #expect(edges.count == 24)
        // One label per edge, named as its edge is: the unit fed, then the source.
        #expect(Set(labels.map(\.title)) == Set(edges.map(\.title)))
        for (l, layer) in network.layers.enumerated() where l > 0 {
            for (j, row) in layer.weights!.enumerated() {
                for (k, weight) in row.enumerated() {
                    let title = "\(layer.units[j]) \u{2190} \(network.layers[l - 1].units[k]): \(NumberFormat.g(weight))"
                    let label = try #require(labels.first { $0.title == title }, "\(title)")
                    #expect(label.text == NetworkDiagramRenderer.weightText(weight))
                    // The edge runs straight through its number: a level stretch ending where
                    // the number ends.
                    let edge = try #require(edges.first { $0.title == title })
                    let baseline = label.y - Self.fontSize * 0.35
                    let stretch = "L\(SVGWriter.number(label.x)) \(SVGWriter.number(baseline))"
                    #expect(edge.d.contains(stretch), "\(title): \(edge.d) has no \(stretch)")
                }
            }
        }
    }

    @Test func theWeightsIntoAUnitStandBesideItInTheOrderOfTheirSources() throws {
        let network = FigureFixtures.threeFourThree
        let inspection = try Self.inspect(network)
        let labels = try Self.weights(inspection)
        let units = try inspection.elements(withClass: "cr-var").map { (SVGInspection.ownText($0), SVGInspection.number($0, "x") ?? .nan) }
        for (l, layer) in network.layers.enumerated() where l > 0 {
            for unit in layer.units {
                let column = labels.filter { $0.title.hasPrefix(unit + " \u{2190} ") }
                #expect(column.count == network.layers[l - 1].units.count)
                // Top to bottom: source 0, 1, 2... (row j of the matrix, read down).
                let sources = column.sorted { $0.y < $1.y }.map { String($0.title.split(separator: "\u{2190}")[1].split(separator: ":")[0].dropFirst()) }
                #expect(sources == network.layers[l - 1].units, "\(unit)")
                // One column, right-aligned, left of the unit.
                #expect(Set(column.map(\.x)).count == 1)
                let x = try #require(units.first { $0.0 == unit }?.1)
                #expect(column[0].x < x - 19)
            }
        }
    }

    @Test func nothingIsWrittenOverAnythingElse() throws {
        for network in [FigureFixtures.threeFourThree, FigureFixtures.mazur] {
            let inspection = try Self.inspect(network)
            // Every text as a box: weights end at x, the rest are centred on it.
            var boxes: [(String, Rect)] = []
            for element in try inspection.elements("text") {
                let text = SVGInspection.ownText(element)
                guard let x = SVGInspection.number(element, "x"), let y = SVGInspection.number(element, "y"), !text.isEmpty else { continue }
                let width = TextWidth.of(text, fontSize: Self.fontSize)
                let anchor = element.attr("text-anchor") ?? (element.parent as? XMLElement)?.attr("text-anchor") ?? "start"
                let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
                boxes.append((text, Rect(x: left, y: y - Self.fontSize * 0.75, width: width, height: Self.fontSize * 0.95)))
            }
            let circles = try inspection.elements("circle").map {
                (x: SVGInspection.number($0, "cx")!, y: SVGInspection.number($0, "cy")!, r: SVGInspection.number($0, "r")!)
            }
            for (index, (text, box)) in boxes.enumerated() {
                for (other, otherBox) in boxes[(index + 1)...] {
                    #expect(!box.intersects(otherBox), "\(text) overlaps \(other)")
                }
                // Only a unit's own label stands inside its circle.
                for circle in circles where !box.contains(circle.x, circle.y) {
                    let nearestX = min(max(circle.x, box.x), box.maxX), nearestY = min(max(circle.y, box.y), box.maxY)
                    let distance = ((circle.x - nearestX) * (circle.x - nearestX) + (circle.y - nearestY) * (circle.y - nearestY)).squareRoot()
                    #expect(distance >= circle.r, "\(text) is written over a unit")
                }
            }
        }
    }

    @Test func textStaysLegibleOnAPhone() throws {
        for network in [FigureFixtures.threeFourThree, FigureFixtures.mazur] {
            let inspection = try Self.inspect(network)
            let svg = try #require(try inspection.svg())
            let box = try #require(svg.attr("viewBox")?.split(separator: " ").compactMap { Double($0) })
            let width = box[2]
            let style = try #require(svg.attr("style"))
            let minimum = try #require(style.firstMatch(of: /min-width:([0-9.]+)px/).flatMap { Double($0.1) })
            // Every text takes its size from a group (the root's size is a fallback no text uses).
            let sizes = try inspection.document.nodes(forXPath: "//*[local-name()='g']/@font-size").compactMap { $0.stringValue.flatMap(Double.init) }
            let smallest = try #require(sizes.min())
            // Shrunk as far as it goes, the smallest text is at least 11 pixels...
            #expect(smallest * minimum / width >= 11)
            // ...and the course's networks fit a phone's column (351 pixels of a 390-pixel screen)
            // without scrolling.
            #expect(minimum <= 350)
        }
    }

    @Test func theKeyNamesWhatTheColoursMean() throws {
        let mazur = try Self.inspect(FigureFixtures.mazur)
        let key = try mazur.elements(withClass: "cr-legend").first.map { SVGInspection.ownTexts($0) }
        #expect(key == ["positive weight", "green: each unit's output"])
        let mixed = try Self.inspect(FigureFixtures.threeFourThree)
        #expect(try mixed.elements(withClass: "cr-legend").first.map { SVGInspection.ownTexts($0) } == ["positive weight", "negative weight"])
        // An edge is blue for a positive weight, orange for a negative one.
        for (title, _) in try Self.edges(mixed) {
            let negative = title.contains(": -")
            let edge = try #require(try mixed.elements(withClass: "cr-edge").first { element in
                (element.children ?? []).contains { ($0 as? XMLElement)?.stringValue == title }
            })
            #expect(edge.attr("class") == (negative ? "cr-edge cr-s1" : "cr-edge cr-s0"))
        }
    }

    @Test func unitsShowTheirBiasesAndOutputs() throws {
        let inspection = try Self.inspect(FigureFixtures.mazur)
        #expect(try inspection.texts(withClass: "cr-bias") == ["b = 0.35", "b = 0.35", "b = 0.6", "b = 0.6"])
        #expect(try inspection.texts(withClass: "cr-fwd") == ["0.05", "0.1", "0.593", "0.597", "0.751", "0.773", "green: each unit's output"])
        #expect(try inspection.texts(withClass: "cr-layer") == ["input", "hidden, \u{03C3}", "output, \u{03C3}"])
        #expect(try inspection.texts(withClass: "cr-var") == ["i\u{2081}", "i\u{2082}", "h\u{2081}", "h\u{2082}", "o\u{2081}", "o\u{2082}"])
    }

    @Test func tooManySourcesToWriteLeavesTheEdgesStraightAndNamed() throws {
        let network = NetworkDiagram(layers: [
            .init(units: (0..<8).map { "x\($0)" }),
            .init(units: ["y"], weights: [(0..<8).map { Double($0) - 3.5 }]),
        ])
        let inspection = try Self.inspect(network)
        #expect(try Self.weights(inspection).isEmpty)
        let edges = try Self.edges(inspection)
        #expect(edges.count == 8)
        #expect(edges.allSatisfy { !$0.d.contains("C") })
        #expect(edges.map(\.title).contains("y \u{2190} x0: -3.5"))
        // Asked not to, a small network writes no weights either.
        var quiet = FigureFixtures.mazur
        quiet.labelsWeights = false
        #expect(try Self.weights(try Self.inspect(quiet)).isEmpty)
    }
}

extension SVGInspection {
    /// The texts of the `text` elements under `element`, in order.
    static func ownTexts(_ element: XMLElement) -> [String] {
        (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == "text" }.map(ownText)
    }
}
