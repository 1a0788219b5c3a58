import Testing
import Display
@testable import Drawing

/// What a block's output area takes from its page, passed in as a live page passes it: the
/// numbers of its captioned items, how many figures come before it, the names taken.
@Suite struct OutputDrawingTests {
    static func figure(caption: String? = nil) -> Figure {
        var figure = Figure(.line(LinePlot(series: [.init(x: [0, 1], y: [1, 0])])))
        figure.caption = caption
        return figure
    }

    static func table(title: String, caption: String? = nil) -> Table {
        Table(title: title, columns: ["a"], rows: [.init(cells: ["1"])], caption: caption)
    }

    @Test func nothingToShow() {
        var labels: Set<String> = []
        #expect(OutputDrawing.html(items: [], block: 1, numbering: OutputNumbering(), labels: &labels).isEmpty)
        #expect(labels.isEmpty)
    }

    @Test func numbersAndIdsComeFromThePage() {
        var labels: Set<String> = []
        let numbering = OutputNumbering(entries: [.init(kind: "Figure", number: 4, id: "fig-loss"), .init(kind: "Table", number: 2, id: "table-2")],
                                        figuresBefore: 6)
        let items: [DisplayItem] = [.text("first"), .figure(Self.figure(caption: "The $\\sigma$ loss")), .table(Self.table(title: "t", caption: "Weights")),
                                    .figure(Self.figure()), .figure(Self.figure(caption: "Past the entries"))]
        let html = OutputDrawing.html(items: items, block: 3, numbering: numbering, labels: &labels)
        #expect(html.hasPrefix("<div class=\"cr-output\">\n<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 3\">first</pre>\n"))
        #expect(html.contains("<figure class=\"cr-figure\" id=\"fig-loss\">"))
        #expect(html.contains("<span class=\"cr-caption-number\">Figure 4.</span> The <math"))
        #expect(html.contains("<figure class=\"cr-table-figure\" id=\"table-2\">"))
        #expect(html.contains("aria-label=\"Table 2\""))
        // Figure ids go on from the page's: the block's three figures are its 7th to 9th.
        #expect(html.contains("id=\"cr_fig7-clip\"") && html.contains("id=\"cr_fig9-clip\"") && !html.contains("cr_fig10"))
        #expect(!html.contains("Past the entries</figcaption>"))
        #expect(OutputNumbering.counts(of: items) == (numbered: 3, figures: 3))
    }

    @Test func namesTakenOnThePageGetANumber() {
        var labels: Set<String> = ["Output, block 2", "Table: t"]
        let html = OutputDrawing.html(items: [.text("x"), .table(Self.table(title: "t")), .table(Self.table(title: "t"))],
                                      expectedError: "boom", block: 2, numbering: OutputNumbering(), labels: &labels)
        #expect(html.contains("aria-label=\"Output, block 2 (2)\""))
        #expect(html.contains("aria-label=\"Table: t (2)\"") && html.contains("aria-label=\"Table: t (3)\""))
        // The error's box, named first, is drawn last.
        #expect(html.hasSuffix("<pre class=\"cr-text cr-expected-error\" tabindex=\"0\" role=\"region\" aria-label=\"Error, block 2\">boom</pre>\n</div>\n"))
        #expect(labels == ["Output, block 2", "Output, block 2 (2)", "Table: t", "Table: t (2)", "Table: t (3)", "Error, block 2"])
    }
}
