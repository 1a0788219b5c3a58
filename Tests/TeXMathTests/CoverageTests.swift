import Testing
@testable import TeXMath

/// The constructs added to cover KaTeX's list, with the MathML expected for each (inline).
@Suite struct CoverageTests {
    @Test(arguments: [
        // TeX's infix fractions split their group.
        (#"a \over b"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        (#"{a+b \over c} d"#, "<mrow><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mi>c</mi></mfrac><mi>d</mi></mrow>"),
        (#"n \choose k"#, #"<mrow><mo fence="true" stretchy="true">(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo fence="true" stretchy="true">)</mo></mrow>"#),
        (#"a \atop b"#, #"<mfrac linethickness="0"><mi>a</mi><mi>b</mi></mfrac>"#),
        (#"a \above 2pt b"#, #"<mfrac linethickness="0.2em"><mi>a</mi><mi>b</mi></mfrac>"#),
        (#"n \brace k"#, #"<mrow><mo fence="true" stretchy="true">{</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo fence="true" stretchy="true">}</mo></mrow>"#),
        (#"\genfrac(]{0pt}{2}{a}{b}"#, #"<mstyle displaystyle="false" scriptlevel="1"><mrow><mo fence="true" stretchy="true">(</mo><mfrac linethickness="0em"><mi>a</mi><mi>b</mi></mfrac><mo fence="true" stretchy="true">]</mo></mrow></mstyle>"#),
        (#"\cfrac[l]{1}{2}"#, #"<mstyle displaystyle="true" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#),
        // Extensible arrows, with their optional label below.
        (#"\xrightarrow{f}"#, #"<mover><mo stretchy="true" minsize="1.8em">→</mo><mpadded style="padding-left: 0.3em; padding-right: 0.3em"><mi>f</mi></mpadded></mover>"#),
        (#"\xleftarrow[g]{}"#, #"<munderover><mo stretchy="true" minsize="1.8em">←</mo><mpadded style="padding-left: 0.3em; padding-right: 0.3em"><mi>g</mi></mpadded><mpadded style="padding-left: 0.3em; padding-right: 0.3em"></mpadded></munderover>"#),
        // Boxes and strikes, drawn with CSS.
        (#"\boxed{x}"#, #"<mrow style="border: 0.06em solid; padding: 0.2em 0.3em"><mstyle displaystyle="true" scriptlevel="0"><mi>x</mi></mstyle></mrow>"#),
        (#"\fbox{a b}"#, #"<mrow style="border: 0.06em solid; padding: 0.2em 0.3em"><mtext>a b</mtext></mrow>"#),
        (#"\cancel{x}"#, #"<mrow style="background-image: linear-gradient(to top right, transparent calc(50% - 0.05em), currentColor calc(50% - 0.03em), currentColor calc(50% + 0.03em), transparent calc(50% + 0.05em)); background-size: 100% 100%; background-repeat: no-repeat"><mi>x</mi></mrow>"#),
        (#"\colorbox{aqua}{t}"#, #"<mrow mathbackground="aqua" style="padding: 0.2em 0.3em"><mtext>t</mtext></mrow>"#),
        (##"\fcolorbox{red}{#FFFF00}{t}"##, ##"<mrow mathbackground="#ffff00" style="border: 0.06em solid red; padding: 0.2em 0.3em"><mtext>t</mtext></mrow>"##),
        // Colour: a switch for the rest of the group, or an argument's.
        (#"a {\color{red} b c} d"#, #"<mrow><mi>a</mi><mstyle mathcolor="red"><mi>b</mi><mi>c</mi></mstyle><mi>d</mi></mrow>"#),
        (##"\textcolor{#1A2b3C}{x}"##, ##"<mstyle mathcolor="#1a2b3c"><mi>x</mi></mstyle>"##),
        (##"\textcolor{#F00}{x}"##, ##"<mstyle mathcolor="#f00"><mi>x</mi></mstyle>"##),
        (##"\textcolor{ff0000}{x}"##, ##"<mstyle mathcolor="#ff0000"><mi>x</mi></mstyle>"##),
        (#"\textcolor{DarkGreen}{x}"#, #"<mstyle mathcolor="darkgreen"><mi>x</mi></mstyle>"#),
        // Phantoms, smash and laps.
        (#"\phantom{x}"#, "<mphantom><mi>x</mi></mphantom>"),
        (#"\hphantom{x}"#, #"<mpadded height="0px" depth="0px"><mphantom><mi>x</mi></mphantom></mpadded>"#),
        (#"\vphantom{x}"#, #"<mpadded width="0px"><mphantom><mi>x</mi></mphantom></mpadded>"#),
        (#"\smash{x}"#, #"<mpadded height="0px" depth="0px"><mi>x</mi></mpadded>"#),
        (#"\smash[b]{x}"#, #"<mpadded depth="0px"><mi>x</mi></mpadded>"#),
        (#"\mathllap{x}"#, #"<mpadded width="0px"><mrow style="transform: translateX(-100%)"><mi>x</mi></mrow></mpadded>"#),
        (#"\rlap{x}"#, #"<mpadded width="0px"><mtext>x</mtext></mpadded>"#),
        (#"\raisebox{2pt}{x}"#, #"<mpadded voffset="0.2em"><mtext>x</mtext></mpadded>"#),
        (#"\mathstrut"#, #"<mpadded width="0px"><mphantom><mo stretchy="false">(</mo></mphantom></mpadded>"#),
        // Congruences.
        (#"a \bmod b"#, #"<mrow><mi>a</mi><mspace width="0.2222em"/><mrow><mi mathvariant="normal">m</mi><mi mathvariant="normal">o</mi><mi mathvariant="normal">d</mi></mrow><mspace width="0.2222em"/><mi>b</mi></mrow>"#),
        (#"\pmod{n}"#, #"<mrow><mspace width="0.4444em"/><mo stretchy="false">(</mo><mrow><mi mathvariant="normal">m</mi><mi mathvariant="normal">o</mi><mi mathvariant="normal">d</mi></mrow><mspace width="0.3333em"/><mi>n</mi><mo stretchy="false">)</mo></mrow>"#),
        // Plain TeX's font switches take the rest of their group.
        (#"{\rm d}x"#, #"<mrow><mi mathvariant="normal">d</mi><mi>x</mi></mrow>"#),
        (#"{\bf x}{\it \Gamma}{\cal L}{\sf s}{\tt t}"#, "<mrow><mi>𝐱</mi><mi>𝛤</mi><mi>ℒ</mi><mi>𝗌</mi><mi>𝚝</mi></mrow>"),
        (#"\Bbb{R}\bold{v}\frak{g}"#, "<mrow><mi>ℝ</mi><mi>𝐯</mi><mi>𝔤</mi></mrow>"),
        // Operator names with limits, and class commands.
        (#"\argmax_x"#, "<msub><mrow><mi>arg\u{2009}max</mi><mo>&#x2061;</mo></mrow><mi>x</mi></msub>"),
        (#"\mathop{x}\limits_a"#, "<munder><mi>x</mi><mi>a</mi></munder>"),
        (#"\mathop{\sum}"#, #"<mo>∑</mo>"#),
        (#"a\mathbin{x}b"#, #"<mrow><mi>a</mi><mo stretchy="false" lspace="0.2222em" rspace="0.2222em">x</mo><mi>b</mi></mrow>"#),
        (#"a\mathrel{\sim}b"#, "<mrow><mi>a</mi><mo>∼</mo><mi>b</mi></mrow>"),
        (#"\mathord{+}"#, #"<mo lspace="0em" rspace="0em">+</mo>"#),
        // \not before a relation or alone.
        (#"a \not\equiv b"#, "<mrow><mi>a</mi><mo>≢</mo><mi>b</mi></mrow>"),
        (#"a \not\prec b"#, "<mrow><mi>a</mi><mo>⊀</mo><mi>b</mi></mrow>"),
        // AMS symbols.
        (#"a \lessapprox b \gtrsim c \nleqq d"#, "<mrow><mi>a</mi><mo>⪅</mo><mi>b</mi><mo>≳</mo><mi>c</mi><mo>≰</mo><mi>d</mi></mrow>"),
        (#"\twoheadrightarrow \circlearrowleft \upuparrows"#, #"<mrow><mo>↠</mo><mo>↺</mo><mo stretchy="false">⇈</mo></mrow>"#),
        (#"a \coloneqq b \dblcolon c"#, "<mrow><mi>a</mi><mo>≔</mo><mi>b</mi><mo>∷</mo><mi>c</mi></mrow>"),
        (#"\Alpha \varGamma \digamma \thetasym"#, #"<mrow><mi mathvariant="normal">A</mi><mi>Γ</mi><mi>ϝ</mi><mi>ϑ</mi></mrow>"#),
        // Sizes are LaTeX's absolute sizes, written relative to the enclosing one.
        (#"\large a \small b"#, #"<mstyle mathsize="1.2em"><mi>a</mi><mstyle mathsize="0.75em"><mi>b</mi></mstyle></mstyle>"#),
        // Spacing commands with dimensions in any of TeX's units.
        (#"a\hspace{1em}b\kern2pt c\mkern9mu d\mskip-3mu e\hskip 1ex plus 1fil f"#,
         #"<mrow><mi>a</mi><mspace width="1em"/><mi>b</mi><mspace width="0.2em"/><mi>c</mi><mspace width="0.5em"/><mi>d</mi><mspace width="0em" style="margin-left: -0.1667em"/><mi>e</mi><mspace width="0.431em"/><mi>f</mi></mrow>"#),
        (#"\rule{1em}{2pt}"#, #"<mpadded><mspace width="1em" height="0.2em" style="background-color: currentColor"/></mpadded>"#),
        // Text: accents, ligatures, switches, logos, characters by code.
        (#"\text{\'e\`a\"{u} -- ---}"#, "<mtext>e\u{301}a\u{300}u\u{308} – —</mtext>"),
        (#"\text{a {\bf b} c}"#, "<mrow><mtext>a\u{A0}</mtext><mtext mathvariant=\"bold\" style=\"font-weight: bold\">b</mtext><mtext>\u{A0}c</mtext></mrow>"),
        (#"\TeX"#, "<mtext>TeX</mtext>"),
        (##"\char"263A\char65"##, ##"<mrow><mi>☺</mi><mi mathvariant="normal">A</mi></mrow>"##),
        // Bra-ket notation.
        (#"\braket{\phi|\psi}"#, "<mpadded><mo stretchy=\"false\">⟨</mo><mrow><mi>ϕ</mi><mi>|</mi><mi>ψ</mi></mrow><mo stretchy=\"false\">⟩</mo></mpadded>"),
        (#"\Set{x | x>0}"#, #"<mrow><mo fence="true" stretchy="true">{</mo><mi>x</mi><mo fence="true" stretchy="true" lspace="0.1667em" rspace="0.1667em">|</mo><mi>x</mi><mo>&gt;</mo><mn>0</mn><mo fence="true" stretchy="true">}</mo></mrow>"#),
        // Accents new to the list.
        (#"\overgroup{AB}"#, #"<mover accent="true"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy="true">⏠</mo></mover>"#),
        (#"\utilde{x}"#, #"<munder accentunder="true"><mi>x</mi><mo stretchy="true">~</mo></munder>"#),
    ])
    func renders(tex: String, expected: String) {
        #expect(body(tex) == expected, "\(tex)")
        #expect(MathRenderer().render(tex, display: false).warnings.isEmpty, "\(tex)")
    }

    @Test func operatorNamesTakeLimitsBelowInDisplay() {
        #expect(body(#"\argmax_{\theta} L"#, display: true).hasPrefix("<mrow><munder><mrow><mi>arg\u{2009}max</mi>"))
        #expect(body(#"\argmin_x"#, display: true).hasPrefix("<munder><mrow><mi>arg\u{2009}min</mi>"))
        #expect(body(#"\operatorname*{soft\,max}_i"#, display: true).hasPrefix("<munder><mrow><mi>soft\u{2009}max</mi>"))
        #expect(body(#"\mathop{\mathrm{d}}_x"#, display: true) == #"<munder><mi mathvariant="normal">d</mi><mi>x</mi></munder>"#)
        #expect(body(#"\plim_{n}"#, display: false).hasPrefix("<munder>"))
    }

    @Test func casesVariants() {
        let dcases = body(#"\begin{dcases} \frac12 & x \end{dcases}"#)
        #expect(dcases.hasPrefix(#"<mrow><mo fence="true" stretchy="true">{</mo><mtable displaystyle="true" columnalign="left left">"#))
        #expect(body(#"\begin{rcases} a & b \end{rcases}"#).hasSuffix(#"</mtable><mo fence="true" stretchy="true">}</mo></mrow>"#))
        // cases*: the second column is text, with math between dollars.
        #expect(body(#"\begin{cases*} 1 & if $x > 0$ \\ 0 & otherwise \end{cases*}"#)
                == #"<mrow><mo fence="true" stretchy="true">{</mo><mtable columnalign="left left"><mtr><mtd style="text-align: left"><mn>1</mn></mtd><mtd style="text-align: left"><mtext>if\#u{A0}</mtext><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr><mtd style="text-align: left"><mn>0</mn></mtd><mtd style="text-align: left"><mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"#)
        #expect(body(#"\begin{bmatrix*}[r] 1 & -1 \end{bmatrix*}"#).contains(#"columnalign="right right""#))
    }

    /// A colour is a name or hex digits, checked; anything else is reported and drops out, so no
    /// markup can reach an attribute.
    @Test(arguments: [
        #"\color{red" onmouseover="alert(1)} x"#,
        #"\textcolor{url(javascript:x)}{x}"#,
        #"\colorbox{<script>}{x}"#,
        #"\textcolor{#12345}{x}"#,
        #"\textcolor{rde}{x}"#,
    ])
    func onlyColoursReachTheMarkup(tex: String) throws {
        let rendered = MathRenderer().render(tex, display: false)
        #expect(rendered.warnings.count == 1)
        #expect(rendered.warnings.first?.message.hasPrefix("unknown colour") == true)
        #expect(!rendered.mathML.contains("mathcolor"))
        #expect(!rendered.mathML.contains("mathbackground"))
        _ = try XMLTree.parse(rendered.mathML)
    }

    @Test func misspeltColourSuggestsAName() {
        let warning = MathRenderer().render(#"\textcolor{rde}{x}"#, display: false).warnings.first
        #expect(warning?.description == "11+3: unknown colour 'rde'; use a CSS colour name or # and hex digits")
        #expect(warning?.notes == ["did you mean red?"])
    }

    @Test(arguments: [
        (#"a \over b \over c"#, [#"10+5: ambiguous: two of \over, \atop, \choose and friends in one group; add braces"#]),
        (#"\hspace{wide}"#, [#"0+7: \hspace needs a dimension such as 1em, 2pt or 3mu"#]),
        (##"\char"##, ["0+5: \\char needs a character code, as in \\char\"263A"]),
    ])
    func problemsWithTheNewConstructs(tex: String, expected: [String]) {
        #expect(warnings(tex) == expected)
    }

    /// Every name the renderer claims to know renders without "unknown command".
    @Test func everyKnownCommandIsKnown() {
        for name in Symbols.knownCommands.sorted() where !MacroExpander.primitives.contains(name) {
            let messages = MathRenderer().render("\\" + name + "{x}{y}{z}", display: true).warnings.map(\.message)
            #expect(!messages.contains { $0.hasPrefix("unknown TeX command \\" + name) }, "\\\(name): \(messages)")
        }
    }
}
