import Foundation
import Testing
@testable import Display

/// A line style is read and written by its name, the same in `style:`, the record and a
/// build's cache.
@Suite struct LinePlotStyleTests {
    typealias Style = LinePlot.Style

    @Test(arguments: ["line", "points", "dashed", "dotted", "circle", "line+points", "dashed+circle", "dotted+square", "line+diamond", "triangle"])
    func namesRoundTrip(name: String) throws {
        let style = try #require(Style(name: name))
        #expect(style.name == name)
        let data = try JSONEncoder().encode(style)
        #expect(String(decoding: data, as: UTF8.self) == "\"\(name)\"")
        #expect(try JSONDecoder().decode(Style.self, from: data) == style)
    }

    @Test func partsInEitherOrderAndTheOldNames() {
        #expect(Style(name: "circle+dashed") == Style(line: .dashed, marker: .circle))
        #expect(Style(name: "both") == .lineAndPoints)
        #expect(Style.lineAndPoints.name == "line+points")
        #expect(Style(name: "line") == .line)
        #expect(Style(name: "points") == .points)
    }

    @Test(arguments: ["", "dash", "dashed+dotted", "circle+square", "line+", "+circle", "Line", "dashed+circle+line"])
    func otherTextIsNoStyle(name: String) {
        #expect(Style(name: name) == nil)
    }

    @Test func everyStyleChangesTheRecord() {
        let names = ["line", "dashed", "dotted", "points", "circle", "dashed+circle", "dotted+triangle"]
        let digests = Set(names.map { LinePlot.Series(x: [0, 1], y: [1, 2], style: Style(name: $0)!).recordDigest })
        #expect(digests.count == names.count)
    }
}
