import Display
import Testing
@testable import Weave

/// Everything from a notebook that is not deliberately raw is escaped.
@Suite struct EscapingTests {
    @Test func proseCodeAndOutputsAreText() throws {
        let markdown = """
            ---
            title: "<script>alert('title')</script>"
            description: "</pre> & more"
            ---

            Text with </pre> and `<script>` and a & b.

            ```backprop
            print("<script>alert(1)</script></pre>")
            ```

            ```html
            <script>alert('listing')</script>
            ```
            """
        let fixture = try PageFixture(markdown, outputs: [BlockOutput(state: .ran, items: [.text("<script>alert(1)</script></pre>")])])
        let html = fixture.html
        #expect(!html.contains("<script"))
        #expect(!html.contains("</pre> and"))
        // cmark reads `</pre>` as raw HTML: it shows as text, like any raw HTML by default.
        #expect(html.contains("Text with <code class=\"cr-raw\">&lt;/pre&gt;</code> and <code>&lt;script&gt;</code> and a &amp; b."))
        #expect(html.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">&lt;script&gt;alert(1)&lt;/script&gt;&lt;/pre&gt;</pre>"))
        #expect(html.contains("data-lang=\"html\""))
        let theme = try SiteTheme()
        let page = theme.page(fixture.page, outline: fixture.outline, source: "notebooks/<evil>.md", path: "test.html",
                              site: SiteInfo(title: "Site \"quoted\" <b>", generator: "0"), nav: [NavItem(title: "<i>nav</i>", page: "test.html")],
                              previous: nil, next: nil)
        #expect(page.count(of: "<script") == 2, "only the theme's own script tags (site.js, nav.js)")
        #expect(page.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(page.contains("notebooks/&lt;evil&gt;.md"))
        #expect(page.contains("&lt;/pre&gt; &amp; more"))
        #expect(page.contains("Site &quot;quoted&quot; &lt;b&gt;"))
    }

    @Test func rawHTMLIsTextByDefault() throws {
        let markdown = "Inline <b>bold</b> here.\n\n<div onclick=\"x()\">\nblock\n</div>\n\n<!-- a note -->\n\nAfter <!-- inline note --> text.\n"
        let fixture = try PageFixture(markdown)
        #expect(!fixture.html.contains("<b>"))
        #expect(!fixture.html.contains("<div onclick"))
        #expect(fixture.html.contains("<code class=\"cr-raw\">&lt;b&gt;</code>bold"))
        #expect(fixture.html.contains("&lt;div onclick=&quot;x()&quot;&gt;"))
        #expect(!fixture.html.contains("a note"), "HTML comments are the author's: dropped")
        #expect(!fixture.html.contains("inline note"))
        #expect(fixture.page.diagnostics.count == 1, "one warning per page")
        #expect(fixture.page.diagnostics.first?.range?.start.line == 1)
    }

    @Test func rawHTMLPassesWhenTheBuilderAllowsIt() throws {
        let fixture = try PageFixture("Inline <b>bold</b>.\n\n<div class=\"note\">\nblock\n</div>\n", rawHTML: true)
        #expect(fixture.html.contains("Inline <b>bold</b>."))
        #expect(fixture.html.contains("<div class=\"note\">\nblock\n</div>"))
        #expect(fixture.page.diagnostics.isEmpty)
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "data:text/html,<b>x</b>", "vbscript:x"])
    func unsafeLinksKeepOnlyTheirText(destination: String) throws {
        let fixture = try PageFixture("[click me](\(destination)) and ![pic](\(destination))")
        #expect(!fixture.html.contains("href"), "\(fixture.html)")
        #expect(!fixture.html.contains("src="))
        #expect(fixture.html.contains("click me"))
    }

    @Test func safeLinksStay() throws {
        let fixture = try PageFixture("[a](https://example.com/?q=1&r=\"2\") [b](mailto:x@example.com) [c](#top) [d](data/file.csv)")
        #expect(fixture.html.contains("href=\"https://example.com/?q=1&amp;r=%222%22\""), "percent-encoded as cmark does")
        #expect(fixture.html.contains("href=\"mailto:x@example.com\""))
        #expect(fixture.html.contains("href=\"data/file.csv\""))
    }

    @Test func htmlEscape() {
        #expect(HTML.escape("plain") == "plain")
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("ünï <😀>") == "ünï &lt;😀&gt;")
    }
}
