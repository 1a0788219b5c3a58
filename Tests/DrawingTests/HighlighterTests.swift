import Foundation
import Testing
@testable import Drawing

@Suite struct HighlighterTests {
    let highlighter = Highlighter()

    @Test func coloursTokensByKind() {
        let html = highlighter.html("for i in 0..<3 { w = w - 0.1 * derivative(loss, w) } # step\nok = true")
        #expect(html.contains("<span class=\"hl-k\">for</span>"))
        #expect(html.contains("<span class=\"hl-k\">in</span>"))
        #expect(html.contains("<span class=\"hl-n\">0.1</span>"))
        #expect(html.contains("<span class=\"hl-f\">derivative</span>("))
        #expect(html.contains("<span class=\"hl-cm\"># step</span>"))
        #expect(html.contains("<span class=\"hl-c\">true</span>"))
        #expect(html.contains("<span class=\"hl-o\">*</span>"))
        #expect(html.contains("w = w"), "assignment stays plain")
    }

    @Test func labelsAndStrings() {
        let html = highlighter.html("plot(h, title: \"loss <curve>\")")
        #expect(html.contains("<span class=\"hl-a\">title</span>:"))
        #expect(html.contains("<span class=\"hl-s\">&quot;loss &lt;curve&gt;&quot;</span>"))
    }

    @Test(arguments: [
        "x = -2\ny = 5\n\n\nf = (x + y) * -4\nbackward(f)",
        "  indented\t\ttabs  \n# only a comment",
        "s = \"unterminated\nnext = 1",
        "weird $ ` ~ characters ¿ and ünïcödé and 😀 emoji",
        "</pre><script>alert(1)</script>",
        "",
        "\n\n",
        "a[1:2] @ b.T",
    ])
    func keepsTheSourceExactly(code: String) {
        let html = highlighter.html(code)
        #expect(html.strippingTags == code)
        #expect(!html.contains("<script"))
        #expect(!html.contains("</pre"))
    }

    @Test func invalidTextIsMarked() {
        #expect(highlighter.html("x = $y").contains("<span class=\"hl-x\">$</span>"))
    }
}

private extension String {
    /// The text of an HTML fragment: tags removed, the five references resolved.
    var strippingTags: String {
        var out = ""
        var inTag = false
        for character in self {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
