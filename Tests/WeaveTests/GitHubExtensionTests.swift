import Foundation
import Testing
@testable import Weave

/// The examples of the GFM spec (0.29-gfm) for the extensions Chainrule adds to cmark:
/// tables, task lists, strikethrough and extended autolinks, each drawn by the page renderer
/// and compared with the spec's HTML once Chainrule's own classes and wrappers are set
/// aside (`normalized`).
@Suite struct GitHubExtensionTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var number: Int
        var markdown: String
        var html: String
        var testDescription: String { "GFM example \(number)" }
    }

    /// The spec's examples, numbered as in the spec. Left out: example 203 (a setext
    /// underline `===` right after a table is a row in GFM; plain cmark reads the whole
    /// paragraph as a heading first) and the tag filter (raw HTML is shown as text here).
    static let examples: [Example] = [
        Example(number: 198, markdown: "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
                html: "<table><thead><tr><th>foo</th><th>bar</th></tr></thead><tbody><tr><td>baz</td><td>bim</td></tr></tbody></table>"),
        Example(number: 199, markdown: "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
                html: "<table><thead><tr><th align=\"center\">abc</th><th align=\"right\">defghi</th></tr></thead><tbody><tr><td align=\"center\">bar</td><td align=\"right\">baz</td></tr></tbody></table>"),
        Example(number: 200, markdown: "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
                html: "<table><thead><tr><th>f|oo</th></tr></thead><tbody><tr><td>b <code>|</code> az</td></tr><tr><td>b <strong>|</strong> im</td></tr></tbody></table>"),
        Example(number: 201, markdown: "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
                html: "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td>baz</td></tr></tbody></table><blockquote><p>bar</p></blockquote>"),
        Example(number: 202, markdown: "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
                html: "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td>baz</td></tr><tr><td>bar</td><td></td></tr></tbody></table><p>bar</p>"),
        Example(number: 204, markdown: "| abc | def |\n| --- |\n| bar |\n",
                html: "<p>| abc | def |\n| --- |\n| bar |</p>"),
        Example(number: 205, markdown: "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
                html: "<table><thead><tr><th>abc</th><th>def</th></tr></thead><tbody><tr><td>bar</td><td></td></tr><tr><td>bar</td><td>baz</td></tr></tbody></table>"),
        Example(number: 206, markdown: "| abc | def |\n| --- | --- |\n",
                html: "<table><thead><tr><th>abc</th><th>def</th></tr></thead></table>"),
        Example(number: 279, markdown: "- [ ] foo\n- [x] bar\n",
                html: "<ul><li><input disabled=\"\" type=\"checkbox\"> foo</li><li><input checked=\"\" disabled=\"\" type=\"checkbox\"> bar</li></ul>"),
        Example(number: 280, markdown: "- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n",
                html: "<ul><li><input checked=\"\" disabled=\"\" type=\"checkbox\"> foo<ul><li><input disabled=\"\" type=\"checkbox\"> bar</li><li><input checked=\"\" disabled=\"\" type=\"checkbox\"> baz</li></ul></li><li><input disabled=\"\" type=\"checkbox\"> bim</li></ul>"),
        Example(number: 491, markdown: "~~Hi~~ Hello, world!\n",
                html: "<p><del>Hi</del> Hello, world!</p>"),
        Example(number: 492, markdown: "This ~~has a\n\nnew paragraph~~.\n",
                html: "<p>This ~~has a</p><p>new paragraph~~.</p>"),
        Example(number: 621, markdown: "www.commonmark.org\n",
                html: "<p><a href=\"http://www.commonmark.org\">www.commonmark.org</a></p>"),
        Example(number: 622, markdown: "Visit www.commonmark.org/help for more information.\n",
                html: "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more information.</p>"),
        Example(number: 623, markdown: "Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.\n",
                html: "<p>Visit <a href=\"http://www.commonmark.org\">www.commonmark.org</a>.</p><p>Visit <a href=\"http://www.commonmark.org/a.b\">www.commonmark.org/a.b</a>.</p>"),
        Example(number: 624, markdown: "www.google.com/search?q=Markup+(business)\n\nwww.google.com/search?q=Markup+(business)))\n\n(www.google.com/search?q=Markup+(business))\n\n(www.google.com/search?q=Markup+(business)\n",
                html: "<p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a></p><p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>))</p><p>(<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>)</p><p>(<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a></p>"),
        Example(number: 625, markdown: "www.google.com/search?q=(business))+ok\n",
                html: "<p><a href=\"http://www.google.com/search?q=(business))+ok\">www.google.com/search?q=(business))+ok</a></p>"),
        Example(number: 626, markdown: "www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;\n",
                html: "<p><a href=\"http://www.google.com/search?q=commonmark&amp;hl=en\">www.google.com/search?q=commonmark&amp;hl=en</a></p><p><a href=\"http://www.google.com/search?q=commonmark\">www.google.com/search?q=commonmark</a>&amp;hl;</p>"),
        Example(number: 627, markdown: "www.commonmark.org/he<lp\n",
                html: "<p><a href=\"http://www.commonmark.org/he\">www.commonmark.org/he</a>&lt;lp</p>"),
        Example(number: 628, markdown: "http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n\nAnonymous FTP is available at ftp://foo.bar.baz.\n",
                html: "<p><a href=\"http://commonmark.org\">http://commonmark.org</a></p><p>(Visit <a href=\"https://encrypted.google.com/search?q=Markup+(business)\">https://encrypted.google.com/search?q=Markup+(business)</a>)</p><p>Anonymous FTP is available at <a href=\"ftp://foo.bar.baz\">ftp://foo.bar.baz</a>.</p>"),
        Example(number: 629, markdown: "foo@bar.baz\n",
                html: "<p><a href=\"mailto:foo@bar.baz\">foo@bar.baz</a></p>"),
        Example(number: 630, markdown: "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.\n",
                html: "<p>hello@mail+xyz.example isn't valid, but <a href=\"mailto:hello+xyz@mail.example\">hello+xyz@mail.example</a> is.</p>"),
        Example(number: 631, markdown: "a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_\n",
                html: "<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a></p><p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a>.</p><p>a.b-c_d@a.b-</p><p>a.b-c_d@a.b_</p>"),
    ]

    @Test(arguments: examples)
    func matchesTheSpec(example: Example) throws {
        let fixture = try PageFixture(example.markdown)
        #expect(Self.normalized(fixture.html) == Self.normalized(example.html), "\(fixture.html)")
    }

    /// Chainrule's page markup brought to the spec's: the table's scrolling wrapper and
    /// classes go, alignment classes become `align`, a check box's attributes are sorted
    /// and valueless, `'` is written as the spec writes it, and white space between tags goes.
    static func normalized(_ html: String) -> String {
        var text = html
        let replacements: [(String, String)] = [
            (#"<div class="cr-table-wrap" tabindex="0" role="region" aria-label="Table( \(\d+\))?"><table class="cr-prose-table">"#, "<table>"),
            ("</table></div>", "</table>"),
            (#" class="cr-align-(left|center|right)""#, #" align="$1""#),
            (#"<input type="checkbox" disabled checked aria-label="done">"#, #"<input checked="" disabled="" type="checkbox">"#),
            (#"<input type="checkbox" disabled aria-label="to do">"#, #"<input disabled="" type="checkbox">"#),
            ("&#39;", "'"),
            (#">\s+<"#, "><"),
            (#"\s*\n\s*"#, ""),
        ]
        for (pattern, replacement) in replacements {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A paragraph right after a table that starts with `Table:` is the table's caption, as
    /// pandoc reads it: shown above the table and naming the box it scrolls in. A second one,
    /// or one with no table above it, stays a paragraph.
    @Test func aTableTakesItsCaptionFromTheParagraphAfterIt() throws {
        let fixture = try PageFixture("| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Two *numbers*.\n\nTable: a paragraph.\n\nTable: another.\n")
        #expect(fixture.html.contains("aria-label=\"Table: Two numbers.\"><table class=\"cr-prose-table\">\n<caption>Two <em>numbers</em>.</caption>\n<thead>"),
                "\(fixture.html)")
        #expect(fixture.html.contains("<p>Table: a paragraph.</p>\n<p>Table: another.</p>"))
        #expect(fixture.page.search.contains { $0.text.contains("Two numbers.") }, "the caption is searched")
    }

    /// An empty cell in the header row is a corner, not a column's header (which would be a
    /// header with nothing to say).
    @Test func anEmptyHeaderCellIsACorner() throws {
        let fixture = try PageFixture("|  | x |\n|---|---|\n| a | 1 |\n")
        #expect(fixture.html.contains("<tr>\n<td></td>\n<th>x</th>\n</tr>"), "\(fixture.html)")
    }

    @Test func tablesHoldInlineMarkupMathAndEscapedPipes() throws {
        let fixture = try PageFixture("""
            Before the table.
            | rule | formula | note |
            |:-----|:-------:|-----:|
            | sigmoid | $\\sigma(z) = \\frac{1}{1+e^{-z}}$ | *smooth* |
            | norm | $|x|$ | a \\| b, `c \\| d` |
            """)
        let html = Self.normalized(fixture.html)
        #expect(html.hasPrefix("<p>Before the table.</p><table><thead><tr><th align=\"left\">rule</th><th align=\"center\">formula</th><th align=\"right\">note</th>"), "\(html)")
        #expect(html.contains("<td align=\"center\"><math"))
        #expect(html.contains("<td align=\"right\"><em>smooth</em></td>"))
        #expect(html.contains("<td align=\"right\">a | b, <code>c | d</code></td>"), "\(html)")
        #expect(fixture.html.components(separatedBy: "<math").count == 3, "the norm's bars stay in its formula")
    }

    @Test func alertsFootnotesAndStruckText() throws {
        let fixture = try PageFixture("""
            > [!WARNING]
            > Update the weights only after the backward pass.

            > [!TIP]
            > A quote that is an alert.

            The derivation follows the 1986 letter[^nature] and the notes[^cs231n]; the letter[^nature] again.

            [^nature]: Rumelhart, Hinton and Williams, *Nature* 323.
            [^cs231n]: Stanford's course notes.

            This is ~~wrong~~ right.
            """)
        let html = fixture.html
        #expect(html.contains("<div class=\"cr-alert cr-alert-warning\" role=\"note\">\n<p class=\"cr-alert-title\">Warning</p>\n<p>Update the weights only after the backward pass.</p>"), "\(html)")
        #expect(html.contains("cr-alert-tip"))
        #expect(html.contains("letter<sup class=\"cr-fnref\"><a href=\"#fn-nature\" id=\"fnref-nature\" aria-label=\"Footnote 1\">1</a></sup>"), "\(html)")
        #expect(html.contains("id=\"fnref-nature-2\""), "a second reference gets its own id")
        #expect(html.contains("<li id=\"fn-nature\">\nRumelhart, Hinton and Williams, <em>Nature</em> 323."), "\(html)")
        #expect(html.contains("<a href=\"#fnref-nature\" class=\"cr-fnback\""))
        #expect(html.contains("<del>wrong</del> right"))
        // The notes' text is drawn once, at the end, not where it was written.
        #expect(html.components(separatedBy: "course notes").count == 2)
    }

    @Test func footnoteAndTableCellsAreFoundByTheLint() throws {
        // Unknown footnotes and TeX in cells are the lint's (PipelineTests); here, that the
        // tree holds them where a walk over `inlineRuns` finds them.
        let fixture = try PageFixture("| a |\n|---|\n| $\\frob$ |\n")
        guard case .table(let table)? = fixture.notebook.markup.first else {
            Issue.record("no table")
            return
        }
        #expect(fixture.notebook.markup.first!.inlineRuns.count == 2)
        #expect(table.rows[0][0].contains { if case .math(let tex, _, _) = $0 { return tex == "\\frob" } else { return false } })
    }
}
