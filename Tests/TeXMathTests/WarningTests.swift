import Testing
@testable import TeXMath

/// Problems in the TeX become warnings with the offset and length of the offending source, and
/// that source is shown as TeX while the rest of the formula renders.
@Suite struct WarningTests {
    @Test(arguments: [
        (#"a + \foo{x} + b"#, ["4+4: unknown TeX command \\foo"]),
        (#"\frac{a}{b"#, ["8+1: unbalanced braces: '{' is never closed"]),
        ("a}b", ["1+1: unbalanced braces: '}' without a matching '{'"]),
        (#"\left( x"#, [#"0+6: \left( without a matching \right"#]),
        (#"x \right)"#, [#"2+7: \right without a matching \left"#]),
        ("a & b", ["2+1: '&' outside a table"]),
        (#"\begin{foo} a & b \end{foo}"#, ["0+11: unknown environment 'foo'"]),
        (#"\begin{pmatrix} a \end{bmatrix}"#, [#"18+13: \end{bmatrix} does not match \begin{pmatrix}"#]),
        (#"\begin{pmatrix} a"#, [#"0+15: \begin{pmatrix} is never closed"#]),
        (#"\end{x}"#, [#"0+7: \end without a matching \begin"#]),
        (#"\frac{a}"#, [#"0+5: missing argument for \frac"#]),
        ("x^", ["1+1: missing superscript after '^'"]),
        ("x_", ["1+1: missing subscript after '_'"]),
        ("x^2^3", ["3+1: double superscript"]),
        ("x_1_2", ["3+1: double subscript"]),
        (#"\left x \right)"#, [#"0+5: missing delimiter after \left"#]),
        (#"\sqrt[3{x}"#, [#"0+5: missing argument for \sqrt"#, #"5+1: '[' after \sqrt is never closed"#]),
        (#"\text{abc"#, ["5+1: unbalanced braces: '{' is never closed"]),
        (#"{a \\ b}"#, [#"3+2: '\\' outside a table"#]),
        (#"\limits"#, [#"0+7: \limits must follow an operator"#]),
        (#"\middle|"#, [#"0+8: \middle outside \left ... \right"#]),
        ("a $ b", ["2+1: '$' inside math"]),
        (#"\text{\alpha}"#, [#"6+6: unknown TeX command \alpha in text"#]),
        (#"x\"#, ["1+1: lone backslash at the end of the formula"]),
        (#"\begin"#, [#"0+6: missing environment name after \begin"#]),
        // Offsets count Unicode scalars, not bytes or grapheme clusters.
        (#"é + 😀 \foo"#, ["6+4: unknown TeX command \\foo"]),
    ])
    func reportsWhereTheProblemIs(tex: String, expected: [String]) {
        #expect(warnings(tex) == expected)
    }

    @Test func unknownCommandIsShownAsTeXAndTheRestRenders() {
        #expect(body(#"a + \foo{x} + b"#) == #"<mrow><mi>a</mi><mo>+</mo><mtext class="tex-unknown">\foo</mtext><mi>x</mi><mo>+</mo><mi>b</mi></mrow>"#)
        #expect(body("a}b") == #"<mrow><mi>a</mi><mtext class="tex-unknown">}</mtext><mi>b</mi></mrow>"#)
        #expect(body(#"x \right)"#) == #"<mrow><mi>x</mi><mtext class="tex-unknown">\right)</mtext></mrow>"#)
        #expect(body("a & b") == #"<mrow><mi>a</mi><mtext class="tex-unknown">&amp;</mtext><mi>b</mi></mrow>"#)
    }

    @Test func unknownEnvironmentStillLaysOutItsCells() {
        #expect(body(#"\begin{foo} a & b \end{foo}"#) == #"<mrow><mtext class="tex-unknown">\begin{foo}</mtext><mtable columnalign="center center"><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr></mtable></mrow>"#)
    }

    @Test func unclosedGroupInACellDoesNotSwallowTheTable() {
        let tex = #"\begin{pmatrix} {a & b \\ c & d \end{pmatrix} + x"#
        #expect(warnings(tex) == ["16+1: unbalanced braces: '{' is never closed"])
        #expect(body(tex).hasSuffix(#"<mo fence="true" stretchy="true">)</mo></mrow><mo>+</mo><mi>x</mi></mrow>"#))
    }

    @Test func unclosedLeftEndsWithItsGroup() {
        #expect(body(#"\frac{\left( a}{b}"#) == #"<mfrac><mrow><mo fence="true" stretchy="true">(</mo><mi>a</mi></mrow><mi>b</mi></mfrac>"#)
        #expect(warnings(#"\frac{\left( a}{b}"#) == [#"6+6: \left( without a matching \right"#])
    }

    @Test func suggestsTheCommandThatWasMeant() {
        let rendered = MathRenderer().render(#"\farc{1}{2} + \alpah + \sigm"#, display: false)
        #expect(rendered.warnings.map(\.notes) == [
            [#"did you mean \frac?"#], [#"did you mean \alpha?"#], [#"did you mean \sigma?"#],
        ])
        #expect(MathRenderer().render(#"\qwertyuiop"#, display: false).warnings[0].notes.isEmpty)
    }

    @Test func warningsAreInSourceOrder() {
        let offsets = MathRenderer().render(#"\sqrt[3{x} \foo } &"#, display: false).warnings.map(\.offset)
        #expect(offsets == offsets.sorted())
    }

    @Test func stopsCountingAfterTheLimit() {
        let rendered = MathRenderer().render(String(repeating: "} ", count: 500), display: false)
        #expect(rendered.warnings.count == MathRenderer.maximumWarnings)
        #expect(rendered.warnings.last?.message == "too many problems in this formula; the rest are not reported")
        // Every stray brace is still shown.
        #expect(rendered.mathML.split(separator: "tex-unknown").count == 501)
    }

    @Test func validInputHasNoWarnings() {
        #expect(warnings(#"\begin{aligned} E &= \frac{1}{2}\sum_k (g_k - y_k)^2 \\ &= \left\| g - y \right\|^2 \end{aligned}"#).isEmpty)
        #expect(warnings(#"\\"#).isEmpty)
        #expect(warnings(#"\text{a}\nonumber"#).isEmpty)
    }
}
