import Display
import Testing
@testable import Runtime

/// `plot`'s forms: functions over an interval with labels, several functions, line styles.
@Suite struct PlotTests {
    /// The figures a block displays.
    func figures(_ code: String) -> (figures: [Figure], error: String?) {
        LargeStack.run {
            let result = Interpreter(configuration: .init()).run(code)
            let figures = result.items.compactMap { item -> Figure? in
                if case .figure(let figure) = item { return figure }
                return nil
            }
            return (figures, result.failed ? result.errors.first?.message : nil)
        }
    }

    func series(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [LinePlot.Series] {
        let outcome = figures(code)
        #expect(outcome.error == nil, sourceLocation: sourceLocation)
        let figure = try #require(outcome.figures.first, sourceLocation: sourceLocation)
        guard case .line(let plot) = figure.content else {
            Issue.record("not a line plot", sourceLocation: sourceLocation)
            return []
        }
        return plot.series
    }

    @Test func aLabelledFunctionOverAnInterval() throws {
        let series = try series(#"plot(fn(x) { x^2 }, -4, 6, labels: ["f"])"#)
        #expect(series.count == 1)
        #expect(series[0].name == "f")
        #expect(series[0].x.first == -4 && series[0].x.last == 6 && series[0].x.count == 201)
        #expect(series[0].y.first == 16 && series[0].y.last == 36)
    }

    @Test func severalLabelledFunctions() throws {
        let overInterval = try series(#"plot(fn(x) { x^2 }, fn(x) { 2 * x }, -1, 3, labels: ["f", "f'"])"#)
        #expect(overInterval.map(\.name) == ["f", "f'"])
        #expect(overInterval.allSatisfy { $0.x.first == -1 && $0.x.last == 3 })
        #expect(overInterval[1].y.last == 6)
        let overDomain = try series(#"plot(fn(x) { x^2 }, fn(x) { 2 * x }, domain: (-1, 3), labels: ["f", "f'"])"#)
        #expect(overDomain == overInterval)
        let unlabelled = try series("plot(fn(x) { x }, fn(x) { -x }, 0, 2)")
        #expect(unlabelled.count == 2 && unlabelled.allSatisfy { $0.name == nil && $0.x.last == 2 })
        // Without an interval, functions are drawn over domain:'s default, -5 to 5.
        let defaults = try series(#"plot(fn(x) { x }, labels: ["id"])"#)
        #expect(defaults[0].x.first == -5 && defaults[0].x.last == 5)
    }

    @Test func aLabelledPairIsOneSeries() throws {
        let pair = try series(#"plot([0, 1, 2], [5, 6, 7], labels: ["data"])"#)
        #expect(pair.count == 1 && pair[0].name == "data" && pair[0].x == [0, 1, 2] && pair[0].y == [5, 6, 7])
        let two = try series(#"plot([0, 1, 2], [5, 6, 7], labels: ["a", "b"])"#)
        #expect(two.map(\.name) == ["a", "b"] && two[0].x == [0, 1, 2] && two[0].y == [0, 1, 2])
        let shared = try series("plot([0, 1, 2], [5, 6, 7], x: [1, 2, 3])")
        #expect(shared.count == 2 && shared[1].x == [1, 2, 3])
    }

    @Test func stylesByNameForEachSeries() throws {
        let styled = try series(#"plot([1, 2], [2, 1], [0, 0], style: ["line", "dashed", "dotted+circle"])"#)
        #expect(styled.map(\.style.name) == ["line", "dashed", "dotted+circle"])
        #expect(try series(#"plot([1, 2], style: "both")"#)[0].style == .lineAndPoints)
        #expect(try series(#"plot([1, 2], style: "square")"#)[0].style == LinePlot.Style(line: nil, marker: .square))
    }

    @Test(arguments: [
        (#"plot(fn(x) { x }, fn(x) { 2 * x }, -1, 3, labels: ["f"])"#, "2 series but 1 label"),
        ("plot(fn(x) { x }, 3, 1)", "plot(f, a, b) needs a < b"),
        ("plot(fn(x) { x }, 0, 1, domain: (0, 1))", "the interval is given twice: plot(f, a, b) or plot(f, domain: (a, b)), not both"),
        (#"plot([1, 2], style: "dash")"#, #"a style is a line ("line", "dashed", "dotted"), markers ("points", "circle", "square", "triangle", "diamond") or one of each joined by + ("dashed+circle"), not "dash""#),
        (#"plot([1, 2], [3, 4], [5, 6], style: ["line", "dashed"])"#, "3 series but 2 styles"),
    ])
    func mistakes(code: String, message: String) {
        #expect(figures(code).error == message)
    }
}
