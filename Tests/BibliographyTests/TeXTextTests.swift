import Testing
@testable import Bibliography

@Suite struct TeXTextTests {
    @Test(arguments: [
        ("{\\\"o}", "ö"), ("\\\"{o}", "ö"), ("\\\"o", "ö"), ("\\'e", "é"), ("{\\'e}", "é"), ("\\`a", "à"),
        ("\\^o", "ô"), ("\\~n", "ñ"), ("\\c{c}", "ç"), ("\\c c", "ç"), ("\\v{s}", "š"), ("\\u{g}", "ğ"),
        ("\\H{o}", "ő"), ("\\k{a}", "ą"), ("\\={a}", "ā"), ("\\.{z}", "ż"), ("\\r{u}", "ů"), ("\\d{s}", "ṣ"),
        ("{\\ss}", "ß"), ("{\\o}", "ø"), ("{\\O}", "Ø"), ("{\\aa}", "å"), ("{\\AA}", "Å"), ("{\\ae}", "æ"),
        ("{\\oe}", "œ"), ("{\\l}", "ł"), ("{\\L}", "Ł"), ("{\\i}", "ı"), ("\\'{\\i}", "í"), ("\\'\\i", "í"),
        ("{\\'{\\i}}", "í"), ("\\ss{}e", "ße"), ("Gro\\ss e", "Große"),
        ("Erd{\\H{o}}s", "Erdős"), ("Schr\\\"{o}dinger", "Schrödinger"), ("\\v{C}ech", "Čech"),
    ])
    func accentsBecomeComposedCharacters(tex: String, text: String) {
        let converted = TeXText.plain(tex)
        #expect(converted == text)
        #expect(scalarValues(converted) == scalarValues(text), "composed, not a letter and a combining mark")
    }

    @Test func ligaturesDashesAndSpaces() {
        #expect(TeXText.plain("pages 533--536") == "pages 533–536")
        #expect(TeXText.plain("deep---and wide") == "deep—and wide")
        #expect(TeXText.plain("back-propagating") == "back-propagating")
        #expect(TeXText.plain("D.~E. Knuth") == "D.\u{00A0}E. Knuth")
        #expect(TeXText.plain("``Adam'' and `SGD'") == "“Adam” and ‘SGD’")
        #expect(TeXText.plain("  line one\n\t line  two \n") == "line one line two")
        #expect(TeXText.plain("a\\,b") == "a\u{2009}b")
    }

    @Test func escapedCharactersAreThemselves() {
        #expect(TeXText.plain("R\\&D, 50\\%, \\$5, a\\_b, \\#1, \\{x\\}") == "R&D, 50%, $5, a_b, #1, {x}")
    }

    @Test func bracesThatProtectCaseAreRemoved() {
        #expect(TeXText.plain("{T}he {IEEE} {B}ook of {{Deep}} Nets") == "The IEEE Book of Deep Nets")
    }

    @Test func mathIsKeptAsWritten() {
        #expect(TeXText.styled("Learning $k$-term {DNF}") == [.text("Learning "), .math(tex: "k"), .text("-term DNF")])
        #expect(TeXText.styled("costs \\$5 and $x^{2}_{i}$") == [.text("costs $5 and "), .math(tex: "x^{2}_{i}")])
        #expect(TeXText.styled("$$\\sum_i w_i$$ and \\(a\\$b\\)") == [.math(tex: "\\sum_i w_i"), .text(" and "), .math(tex: "a\\$b")])
        // A dollar that nothing closes is a dollar.
        #expect(TeXText.styled("5$ only") == [.text("5$ only")])
        #expect(TeXText.styled("$$") == [.text("$$")])
    }

    @Test func emphasisCommandsAndDeclarations() {
        #expect(TeXText.styled("The \\emph{Drosophila} genome") == [
            .text("The "), .emphasis([.text("Drosophila")]), .text(" genome"),
        ])
        #expect(TeXText.styled("{\\em in vivo} tests") == [.emphasis([.text("in vivo")]), .text(" tests")])
        #expect(TeXText.styled("a \\textit{b \\emph{c}} d") == [
            .text("a "), .emphasis([.text("b "), .emphasis([.text("c")])]), .text(" d"),
        ])
        #expect(TeXText.styled("\\emph{}x") == [.text("x")])
    }

    @Test func otherCommandsKeepTheirArgument() {
        #expect(TeXText.plain("\\textsc{Adam} in \\textbf{bold} and \\mbox{one box}") == "Adam in bold and one box")
        #expect(TeXText.plain("\\noopsort{a}Zeta") == "Zeta")
        #expect(TeXText.plain("\\unknowncommand{kept} text") == "kept text")
        #expect(TeXText.plain("\\LaTeX{} and \\TeX") == "LaTeX and TeX")
        #expect(TeXText.plain("trailing backslash \\") == "trailing backslash")
    }

    @Test func linksOnlyForWebAddresses() {
        #expect(TeXText.styled("\\url{https://example.com/a\\_b\\%20}") == [
            .link(url: "https://example.com/a_b%20", content: [.text("https://example.com/a_b%20")]),
        ])
        #expect(TeXText.styled("see \\href{http://x.org/}{the \\emph{site}}.") == [
            .text("see "), .link(url: "http://x.org/", content: [.text("the "), .emphasis([.text("site")])]), .text("."),
        ])
        #expect(TeXText.styled("\\url{javascript:alert(1)}") == [.text("javascript:alert(1)")])
        #expect(TeXText.styled("\\href{file:///etc/passwd}{secret}") == [.text("secret")])
    }

    @Test func webAddressesAreCheckedAndDoisEncoded() {
        #expect(WebAddress.httpURL(" HTTPS://Example.com/x ") == "HTTPS://Example.com/x")
        #expect(WebAddress.httpURL("http://neuralnetworksanddeeplearning.com/") == "http://neuralnetworksanddeeplearning.com/")
        for rejected in ["ftp://x.org", "javascript:alert(1)", "https:///path", "https://", "https://a b.org",
                         "https://x.org/\"onclick", "//x.org", "x.org", "https://x.org/\u{7}"] {
            #expect(WebAddress.httpURL(rejected) == nil, "\(rejected)")
        }
        #expect(WebAddress.doiURL("10.1038/323533a0") == "https://doi.org/10.1038/323533a0")
        #expect(WebAddress.doiURL("doi:10.1038/323533a0") == "https://doi.org/10.1038/323533a0")
        #expect(WebAddress.doiURL("https://dx.doi.org/10.1109/5.726791") == "https://doi.org/10.1109/5.726791")
        #expect(WebAddress.doiURL("10.1002/(SICI)1097-4571<x>#y z") == "https://doi.org/10.1002/(SICI)1097-4571%3Cx%3E%23y%20z")
        #expect(WebAddress.doiURL("not a doi") == nil)
        #expect(WebAddress.doiURL("10.1038") == nil)
        #expect(WebAddress.unescaped("{https://x.org/a\\_b\\#c}") == "https://x.org/a_b#c")
    }
}
