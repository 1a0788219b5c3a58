import Diagnostics
import Testing
@testable import Document

/// Math must reach the tree exactly as written; prose dollars must stay prose.
@Suite struct MathTests {
    func tex(_ text: String) throws -> [String] {
        try mathSpans(notebook(text).markup).map(\.tex)
    }

    /// Every row of the platform notes' table of what cmark does to unprotected TeX.
    @Test(arguments: [
        ("$a*b*c$", ["a*b*c"]),
        ("$\\mathbf{W}_{jk}$ vs $\\mathbf{b}_{k}$", ["\\mathbf{W}_{jk}", "\\mathbf{b}_{k}"]),
        ("$\\{x\\}$", ["\\{x\\}"]),
        ("$a \\\\ b$", ["a \\\\ b"]),
        ("$a\\,b\\!c\\_d\\#e$", ["a\\,b\\!c\\_d\\#e"]),
        ("$[a](b)$", ["[a](b)"]),
        ("$a<b>c$", ["a<b>c"]),
        ("$w_{jk} * x_k$", ["w_{jk} * x_k"]),
        ("$f'(x) -- g''$", ["f'(x) -- g''"]),
        ("$a &amp; b$", ["a &amp; b"]),
    ])
    func keepsEveryCharacter(input: String, expected: [String]) throws {
        #expect(try tex(input + "\n") == expected)
    }

    @Test func displayMathAcrossLinesKeepsBackslashesAndAmpersands() throws {
        let text = """
            Before
            $$\\begin{pmatrix}
            a & b \\\\
            c & d
            \\end{pmatrix}$$
            after [link](u).

            Next paragraph.
            """
        let notebook = try notebook(text)
        let spans = mathSpans(notebook.markup)
        #expect(spans.count == 1)
        #expect(spans.first?.tex == "\\begin{pmatrix}\na & b \\\\\nc & d\n\\end{pmatrix}")
        #expect(spans.first?.display == true)
        #expect(spans.first?.location == SourceLocation(line: 2, column: 3))
        guard case .paragraph(let inlines, let line) = notebook.markup.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(line == 1)
        #expect(inlines.contains(.link(destination: "u", title: "", content: [.text("link")], location: .init(line: 6, column: 7))))
        // Lines after collapsed math keep their numbers.
        #expect(notebook.markup.last == .paragraph([.text("Next paragraph.")], line: 8))
    }

    @Test(arguments: [
        "$5 and $10",
        "costs $5, or $10.",
        "\\$x$",
        "$ x$",
        "$x $",
        "$x$5",
        "a $ b $ c",
        "$$ unclosed",
        "$",
    ])
    func pandocRulesLeaveTheseAsText(input: String) throws {
        #expect(try tex(input + "\n").isEmpty)
    }

    @Test func escapedDollarIsLiteralText() throws {
        #expect(try notebook("\\$x$ and \\$\n").markup == [.paragraph([.text("$x$ and $")], line: 1)])
    }

    @Test func pandocRulesMakeTheseMath() throws {
        #expect(try tex("$x$, $x$.\n") == ["x", "x"])
        #expect(try tex("a$x$b\n") == ["x"])
        #expect(try tex("$x \\$ y$\n") == ["x \\$ y"])
        #expect(try tex("$\\text{a $b$ c}$\n") == ["\\text{a $b$ c}"])
        #expect(try tex("$a\nb$\n") == ["a\nb"])
        #expect(try tex("$$x$$ and $y$\n") == ["x", "y"])
        let spans = try mathSpans(notebook("$$x$$ and $y$\n").markup)
        #expect(spans.map(\.display) == [true, false])
        #expect(spans.map(\.location) == [.init(line: 1, column: 3), .init(line: 1, column: 12)])
    }

    @Test func codeSpansAndBlocksAndHTMLAreNeverMath() throws {
        let text = """
            `$x$` and ``a $y$ ` b`` and <span title="$z$">$w$</span> <http://a/$q$>

            ```python
            $x$
            ```

                $indented$

            <div>
            $html$
            </div>
            """
        let notebook = try notebook(text)
        #expect(mathSpans(notebook.markup).map(\.tex) == ["w"])
        guard case .paragraph(let inlines, _) = notebook.markup[0] else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines.contains(.code("$x$")))
        #expect(inlines.contains(.code("a $y$ ` b")))
        #expect(inlines.contains(.html("<span title=\"$z$\">")))
        #expect(notebook.markup[1] == .code(info: "python", code: "$x$", line: 3))
        #expect(notebook.markup[2] == .code(info: "", code: "$indented$", line: 7))
        #expect(notebook.markup[3] == .html("<div>\n$html$\n</div>", line: 9))
    }

    @Test func whicheverStartsFirstWins() throws {
        #expect(try tex("`$a` $b$\n") == ["b"])
        #expect(try tex("$a<b>c$ <b>$x$</b>\n") == ["a<b>c", "x"])
        #expect(try tex("$$a`b$$\n") == ["a`b"])
    }

    @Test func inlineMathStopsAtABacktick() throws {
        // pandoc would read "10, see `" as math; a code span is the likelier intent.
        #expect(try tex("costs $10, see `$x$` and $y$\n") == ["y"])
        #expect(try tex("$a`b$\n").isEmpty)
    }

    @Test func mathInHeadingsListsLinksAndEmphasis() throws {
        let text = """
            # The $w_{jk}$ rule
            Setext $x_1$
            ===

            - item $a_i$
              continued $b_i$
            1. > quoted $c*d$

            *emph $e_f$* and [link $g_h$](url) and ![img $i$](src)
            """
        let notebook = try notebook(text)
        let spans = mathSpans(notebook.markup)
        #expect(spans.map(\.tex) == ["w_{jk}", "x_1", "a_i", "b_i", "c*d", "e_f", "g_h", "i"])
        #expect(spans.map(\.location) == [
            .init(line: 1, column: 8), .init(line: 2, column: 9), .init(line: 5, column: 9),
            .init(line: 6, column: 14), .init(line: 7, column: 14), .init(line: 9, column: 8),
            .init(line: 9, column: 25), .init(line: 9, column: 47),
        ])
        #expect(notebook.markup[0] == .heading(level: 1, content: [
            .text("The "), .math(tex: "w_{jk}", display: false, location: .init(line: 1, column: 8)), .text(" rule"),
        ], line: 1))
    }

    @Test func displayMathInAQuoteDropsTheMarkers() throws {
        let notebook = try notebook("> $$\n> a \\\\\n> b\n> $$\n> after\n")
        #expect(mathSpans(notebook.markup).map(\.tex) == ["\na \\\\\nb\n"])
        #expect(notebook.markup == [.blockQuote([.paragraph([
            .math(tex: "\na \\\\\nb\n", display: true, location: .init(line: 1, column: 5)),
            .softBreak, .text("after"),
        ], line: 1)])])
    }

    @Test func displayMathInAListKeepsRelativeIndentation() throws {
        let notebook = try notebook("- $$\n  a\n    b\n  $$\n")
        #expect(mathSpans(notebook.markup).map(\.tex) == ["\na\n  b\n"])
    }

    @Test func blankLineEndsMath() throws {
        #expect(try tex("$$a\n\nb$$\n").isEmpty)
        #expect(try tex("$a\n\nb$\n").isEmpty)
    }

    @Test func dollarsInLinkDestinationsStayInTheURL() throws {
        let notebook = try notebook("[a](http://x/$y$ \"t $z$\")\n")
        #expect(notebook.markup == [.paragraph([
            .link(destination: "http://x/$y$", title: "t $z$", content: [.text("a")], location: .init(line: 1, column: 1)),
        ], line: 1)])
    }

    @Test func columnsAfterMathOnTheSameLineAreTheFilesColumns() throws {
        let notebook = try notebook("学习 $x^2$ [a](b) $y$\n")
        let spans = mathSpans(notebook.markup)
        #expect(spans.map(\.location) == [.init(line: 1, column: 5), .init(line: 1, column: 18)])
        guard case .paragraph(let inlines, _) = notebook.markup[0] else { return }
        #expect(inlines.contains(.link(destination: "b", title: "", content: [.text("a")], location: .init(line: 1, column: 10))))
    }

    /// A line of a formula that would open a block in CommonMark (`+ x`, `- x`, `1. x`)
    /// does not cut the formula.
    @Test func displayMathLinesThatLookLikeBlocks() throws {
        let tex = "\\frac{a}{b}\n+ \\underbrace{c}_{d}\n- e\n1. f\n# g\n= h"
        let text = "Before:\n\n$$" + tex + "$$\n\nAfter.\n"
        let notebook = try Notebook.parse(path: "t.md", bytes: Array(text.utf8))
        var found: [String] = []
        func visit(_ inlines: [Markup.Inline]) {
            for inline in inlines { if case .math(let t, true, _) = inline { found.append(t) } }
        }
        for block in notebook.markup { if case .paragraph(let inlines, _) = block { visit(inlines) } }
        #expect(found == [tex])
        #expect(notebook.rewritingOutputs(notebook.currentRecords) == Array(text.utf8))
        // The same lines outside math are still a list.
        let list = try Notebook.parse(path: "t.md", bytes: Array("+ one\n+ two\n".utf8))
        #expect(list.markup.contains { if case .list = $0 { return true }; return false })
    }
}
