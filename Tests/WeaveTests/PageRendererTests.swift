import Diagnostics
import Display
import Testing
@testable import Weave

@Suite struct PageRendererTests {
    @Test func mathBecomesMathML() throws {
        let fixture = try PageFixture("""
            Inline $w_{jk} * x_k$ and display:

            $$
            \\frac{\\partial E}{\\partial w}
            $$
            """)
        #expect(fixture.html.count(of: "<math") == 2)
        #expect(fixture.html.contains("<div class=\"cr-display\" tabindex=\"0\" role=\"region\" aria-label=\"Formula 1\"><math"),
                "a paragraph of display math is a block")
        #expect(fixture.html.contains("display=\"block\""))
        #expect(!fixture.html.contains("$"))
        #expect(fixture.page.diagnostics.isEmpty)
    }

    /// The page shows what it cannot render as code; the pipeline's lint reports it
    /// (NotebookLintTests), so rendering reports nothing twice.
    @Test func unknownTeXShowsAsCode() throws {
        let fixture = try PageFixture("---\ntitle: T\n---\n\nSome text then $a + \\frob{x}$ here.\n")
        #expect(fixture.html.contains("tex-unknown"), "the unknown command shows as code")
        #expect(fixture.page.diagnostics.isEmpty)
    }

    @Test func blocksShowCodeAndOutputs() throws {
        let markdown = """
            ```backprop
            x = 1
            x
            ```
            ```output
            stale recorded output
            ```

            ```backprop hide
            secret = 2
            secret
            ```
            """
        let fixture = try PageFixture(markdown, outputs: [
            BlockOutput(state: .ran, items: [.text("1")]),
            BlockOutput(state: .ran, items: [.text("2"), .text("3")]),
        ])
        #expect(fixture.html.contains("<pre class=\"cr-code\" tabindex=\"0\" role=\"region\" aria-label=\"Code, block 1\"><code class=\"language-backprop\">x = <span class=\"hl-n\">1</span>"))
        #expect(fixture.html.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">1</pre>"))
        #expect(!fixture.html.contains("stale recorded output"), "recorded outputs are not shown")
        #expect(!fixture.html.contains("secret"), "hide shows only the output")
        #expect(fixture.html.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 2\">2\n3</pre>"))
        #expect(fixture.html.contains("cr-hidden-code"))
    }

    /// Every box that scrolls sideways when it is too wide (code, output, formulas, tables)
    /// is a region a keyboard can reach, named for a screen reader, each name once a page.
    @Test func scrollingBoxesAreNamedRegionsAKeyboardReaches() throws {
        let markdown = """
            ```python
            print(1)
            ```

            $$a = b$$

            | a | b |
            |---|---|
            | 1 | 2 |

            | c |
            |---|
            | 3 |

            ```backprop
            x = 1
            ```

            $$c = d$$

            ```backprop error
            x = [1] @ [2]
            ```
            """
        let row = Table.Row(cells: ["1"])
        let fixture = try PageFixture(markdown, outputs: [
            BlockOutput(state: .ran, items: [
                .text("1"), .table(Table(columns: ["a"], rows: [row])), .text("2"),
                .table(Table(title: "weights", columns: ["a"], rows: [row])),
                .table(Table(columns: ["a"], rows: [row], caption: "One row.")),
                .table(Table(columns: ["a"], rows: [row])),
            ]),
            BlockOutput(state: .failed(expected: true), errors: [.error("shapes do not fit", at: SourceRange(at: SourceLocation(line: 1, column: 1)))]),
        ])
        let regions = fixture.html.matches(of: /<(pre|div|span) class="([^"]*)"[^>]*? tabindex="0" role="region" aria-label="([^"]*)">/)
            .map { "\($0.output.2): \($0.output.3)" }
        #expect(regions == [
            "cr-listing: Listing 1", "cr-display: Formula 1", "cr-table-wrap: Table", "cr-table-wrap: Table (2)",
            "cr-code: Code, block 1", "cr-text: Output, block 1", "cr-table-wrap: Table, block 1", "cr-text: Output, block 1 (2)",
            "cr-table-wrap: Table: weights", "cr-table-wrap: Table 1", "cr-table-wrap: Table, block 1 (2)",
            "cr-display: Formula 2", "cr-code: Code, block 2", "cr-text cr-expected-error: Error, block 2",
        ])
        // Nothing else is in the tab order but links and the anchors of headings.
        #expect(fixture.html.count(of: "tabindex=") == regions.count)
    }

    @Test func expectedErrorsAreOutputs() throws {
        let error = Diagnostic.error("shapes [2, 2] and [3] do not fit", file: "notebooks/test.md",
                                     at: SourceRange(at: SourceLocation(line: 2, column: 1)), notes: [.init("check the shapes")])
        let fixture = try PageFixture("```backprop error\n[[1, 2], [3, 4]] @ [1, 2, 3]\n```\n",
                                      outputs: [BlockOutput(state: .failed(expected: true), errors: [error])])
        #expect(fixture.html.contains("<pre class=\"cr-text cr-expected-error\" tabindex=\"0\" role=\"region\" aria-label=\"Error, block 1\">error: shapes [2, 2] and [3] do not fit\nnote: check the shapes</pre>"))
        #expect(!fixture.page.hasFailures)
    }

    @Test func unexpectedFailuresShowTheirDiagnosticInPlace() throws {
        let markdown = "# T\n\n```backprop\nx = 1\ny = lern_rate\n```\n\n```backprop\nz = 3\n```\n"
        let error = Diagnostic.error("undefined name 'lern_rate'", at: SourceRange(start: .init(line: 5, column: 5), end: .init(line: 5, column: 14)))
        let fixture = try PageFixture(markdown, outputs: [BlockOutput(state: .failed(expected: false), errors: [error]),
                                                          BlockOutput(state: .skipped)])
        #expect(fixture.page.hasFailures)
        #expect(fixture.html.contains("cr-cell cr-failed"))
        #expect(fixture.html.contains("role=\"alert\""))
        #expect(fixture.html.contains("notebooks/test.md:5:5: error: undefined name &#39;lern_rate&#39;"))
        #expect(fixture.html.contains(" 5 | y = lern_rate"))
        #expect(fixture.html.contains("^~~~~~~~~"))
        #expect(fixture.html.contains("Not run: an earlier block failed."))
    }

    @Test func tablesAndFigures() throws {
        let table = Table(title: "Loss <by> epoch", columns: ["epoch", "loss", "note"],
                          rows: [.init(label: "a", cells: ["1", "0.5", "x"]), .init(label: "b", cells: ["2", "-1e-07", "y"])])
        let figure = Figure(title: "F", .line(LinePlot(series: [.init(x: [0, 1, 2], y: [3, 2, 1])])))
        let fixture = try PageFixture("```backprop\nt\n```\n", outputs: [BlockOutput(state: .ran, items: [.table(table), .figure(figure), .figure(figure)])])
        #expect(fixture.html.contains("<caption>Loss &lt;by&gt; epoch</caption>"))
        #expect(fixture.html.contains("<th scope=\"col\" class=\"cr-num\">loss</th>"))
        #expect(fixture.html.contains("<td class=\"cr-num\">\u{2212}1e-07</td>"), "a true minus sign")
        #expect(fixture.html.contains("<td>x</td>"), "a text column stays left-aligned")
        #expect(fixture.html.contains("<th scope=\"row\">a</th>"))
        #expect(fixture.html.count(of: "<div class=\"cr-reflow\">") == 2)
        #expect(fixture.html.contains("cr_fig1") && fixture.html.contains("cr_fig2"), "figure ids are unique on the page")
    }

    @Test func headingsGetAnchorsAndContents() throws {
        let fixture = try PageFixture("""
            # Page title

            Intro.

            ## First part

            ### A detail with $x^2$

            ## First part

            #### Deep
            """)
        #expect(fixture.outline.title == "Page title")
        #expect(fixture.outline.titleIsFirstHeading)
        #expect(!fixture.html.contains("<h1"), "the opening heading is the page title")
        #expect(fixture.outline.anchors == ["page-title", "first-part", "a-detail-with-x-2", "first-part-1", "deep"])
        #expect(fixture.html.contains("<h2 id=\"first-part\">First part<a class=\"cr-anchor\" href=\"#first-part\""))
        #expect(fixture.html.contains("<h2 id=\"first-part-1\">"))
        #expect(fixture.page.toc.map(\.anchor) == ["first-part", "a-detail-with-x-2", "first-part-1"])
        #expect(fixture.page.toc[1].html.contains("<math"))
        #expect(fixture.page.search.map(\.anchor) == ["", "first-part", "a-detail-with-x-2", "first-part-1", "deep"])
        #expect(fixture.page.search[0].text == "Intro.")
    }

    @Test func contentsDoNotNestLinks() throws {
        let fixture = try PageFixture("## See [the other](other.md) page\n")
        #expect(fixture.page.toc.first?.html == "See the other page")
        #expect(fixture.html.contains("<h2 id=\"see-the-other-page\">See <a href=\"other.html\">the other</a> page"))
    }

    @Test func titleFallsBackToTheFileName() throws {
        let fixture = try PageFixture("No heading here.", path: "notebooks/gradient-descent.md")
        #expect(fixture.outline.title == "Gradient descent")
    }

    @Test func frontMatterTitleMatchingTheFirstHeadingIsShownOnce() throws {
        let fixture = try PageFixture("---\ntitle: XOR\n---\n\n# XOR\n\n## Data\n")
        #expect(fixture.outline.titleIsFirstHeading)
        #expect(fixture.outline.anchors == ["xor", "data"])
        let other = try PageFixture("---\ntitle: Training\n---\n\n# XOR\n")
        #expect(!other.outline.titleIsFirstHeading)
        #expect(other.html.contains("<h1 id=\"xor\">"))
    }

    @Test func deterministic() throws {
        let markdown = "# A\n\n$x$ and [b](b.md#c)\n\n```backprop\nplot([1, 2])\n```\n"
        let figure = Figure(.line(LinePlot(series: [.init(x: [0, 1], y: [1, 2])])))
        let first = try PageFixture(markdown, outputs: [BlockOutput(state: .ran, items: [.figure(figure)])])
        let second = try PageFixture(markdown, outputs: [BlockOutput(state: .ran, items: [.figure(figure)])])
        #expect(first.html == second.html)
    }
}
