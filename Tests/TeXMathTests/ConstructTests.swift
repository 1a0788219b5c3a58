import Testing
@testable import TeXMath

/// Each construct of the issue, with the MathML we expect for it (inline unless marked).
@Suite struct ConstructTests {
    @Test func wrapsOneMathElementWithTheTeXAsAnnotation() {
        let rendered = MathRenderer().render(#"a<b & "c""#, display: false)
        #expect(rendered.mathML == #"""
            <math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi><mtext class="tex-unknown">&amp;</mtext><mi>&quot;</mi><mi>c</mi><mi>&quot;</mi></mrow><annotation encoding="application/x-tex">a&lt;b &amp; &quot;c&quot;</annotation></semantics></math>
            """#)
    }

    @Test func displayModeAddsDisplayBlock() {
        let mathML = MathRenderer().render("x", display: true).mathML
        #expect(mathML.hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mi>x</mi>"#))
    }

    @Test(arguments: [
        // Fractions.
        (#"\frac{a}{b}"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        (#"\frac12"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        (#"\dfrac{a}{b}"#, #"<mstyle displaystyle="true" scriptlevel="0"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>"#),
        (#"\tfrac{a}{b}"#, #"<mstyle displaystyle="false" scriptlevel="0"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>"#),
        (#"\binom{n}{k}"#, #"<mrow><mo fence="true" stretchy="true">(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo fence="true" stretchy="true">)</mo></mrow>"#),
        // Scripts and primes.
        ("x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        ("x^2_i", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        (#"a^{\top}"#, "<msup><mi>a</mi><mi>⊤</mi></msup>"),
        ("x^{ab}", "<msup><mi>x</mi><mrow><mi>a</mi><mi>b</mi></mrow></msup>"),
        ("x^12", "<mrow><msup><mi>x</mi><mn>1</mn></msup><mn>2</mn></mrow>"),
        ("f'", #"<msup><mi>f</mi><mo lspace="0em" rspace="0em">′</mo></msup>"#),
        ("f''", #"<msup><mi>f</mi><mo lspace="0em" rspace="0em">″</mo></msup>"#),
        ("f'^2", #"<msup><mi>f</mi><mrow><mo lspace="0em" rspace="0em">′</mo><mn>2</mn></mrow></msup>"#),
        ("x_i'", #"<msubsup><mi>x</mi><mi>i</mi><mo lspace="0em" rspace="0em">′</mo></msubsup>"#),
        ("{}^{14}C", "<mrow><msup><mrow></mrow><mn>14</mn></msup><mi>C</mi></mrow>"),
        // Letters, numbers, Greek.
        ("abc", "<mrow><mi>a</mi><mi>b</mi><mi>c</mi></mrow>"),
        ("0.731", "<mn>0.731</mn>"),
        ("12x", "<mrow><mn>12</mn><mi>x</mi></mrow>"),
        ("1.", "<mrow><mn>1</mn><mi>.</mi></mrow>"),
        (#"\alpha\varepsilon\varphi\phi"#, "<mrow><mi>α</mi><mi>ε</mi><mi>φ</mi><mi>ϕ</mi></mrow>"),
        (#"\Gamma\Omega"#, #"<mrow><mi mathvariant="normal">Γ</mi><mi mathvariant="normal">Ω</mi></mrow>"#),
        (#"\partial\nabla\infty"#, #"<mrow><mi mathvariant="normal">∂</mi><mi mathvariant="normal">∇</mi><mi>∞</mi></mrow>"#),
        // Big operators: limits are movable, integrals keep them at the side.
        (#"\sum_{i=1}^n"#, #"<munderover><mo movablelimits="true">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"#),
        (#"\prod_k"#, #"<munder><mo movablelimits="true">∏</mo><mi>k</mi></munder>"#),
        (#"\int_0^1"#, "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"),
        (#"\sum\limits_k"#, #"<munder><mo movablelimits="false">∑</mo><mi>k</mi></munder>"#),
        (#"\int\limits_0"#, #"<munder><mo movablelimits="false">∫</mo><mn>0</mn></munder>"#),
        (#"\sum\nolimits_k"#, "<msub><mo>∑</mo><mi>k</mi></msub>"),
        // Roots.
        (#"\sqrt{x}"#, "<msqrt><mi>x</mi></msqrt>"),
        (#"\sqrt{x+1}"#, "<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>"),
        (#"\sqrt[n]{x}"#, "<mroot><mi>x</mi><mi>n</mi></mroot>"),
        (#"\sqrt[{]}]{x}"#, "<mroot><mi>x</mi><mo stretchy=\"false\">]</mo></mroot>"),
        // Binary operators, with TeX's unary rule.
        (#"a\cdot b\times c\odot d\otimes e\circ f\pm g"#,
         "<mrow><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>⊙</mo><mi>d</mi><mo>⊗</mo><mi>e</mi><mo>∘</mo><mi>f</mi><mo>±</mo><mi>g</mi></mrow>"),
        ("a-b", "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"),
        ("-a", #"<mrow><mo lspace="0em" rspace="0em">−</mo><mi>a</mi></mrow>"#),
        ("a=-b", #"<mrow><mi>a</mi><mo>=</mo><mo lspace="0em" rspace="0em">−</mo><mi>b</mi></mrow>"#),
        ("(-a)", #"<mrow><mo stretchy="false">(</mo><mo lspace="0em" rspace="0em">−</mo><mi>a</mi><mo stretchy="false">)</mo></mrow>"#),
        ("a+", #"<mrow><mi>a</mi><mo lspace="0em" rspace="0em">+</mo></mrow>"#),
        ("a*b", "<mrow><mi>a</mi><mo>∗</mo><mi>b</mi></mrow>"),
        ("a/b", #"<mrow><mi>a</mi><mo stretchy="false" lspace="0em" rspace="0em">/</mo><mi>b</mi></mrow>"#),
        // Fences.
        (#"\left( x \right)"#, #"<mrow><mo fence="true" stretchy="true">(</mo><mi>x</mi><mo fence="true" stretchy="true">)</mo></mrow>"#),
        (#"\left[ x \right]"#, #"<mrow><mo fence="true" stretchy="true">[</mo><mi>x</mi><mo fence="true" stretchy="true">]</mo></mrow>"#),
        (#"\left\{ x \right\}"#, #"<mrow><mo fence="true" stretchy="true">{</mo><mi>x</mi><mo fence="true" stretchy="true">}</mo></mrow>"#),
        (#"\left| x \right|"#, #"<mrow><mo fence="true" stretchy="true">|</mo><mi>x</mi><mo fence="true" stretchy="true">|</mo></mrow>"#),
        (#"\left\| x \right\|"#, #"<mrow><mo fence="true" stretchy="true">‖</mo><mi>x</mi><mo fence="true" stretchy="true">‖</mo></mrow>"#),
        (#"\left\langle x \right\rangle"#, #"<mrow><mo fence="true" stretchy="true">⟨</mo><mi>x</mi><mo fence="true" stretchy="true">⟩</mo></mrow>"#),
        (#"\left. x \right|_0"#, #"<msub><mrow><mi>x</mi><mo fence="true" stretchy="true">|</mo></mrow><mn>0</mn></msub>"#),
        (#"\left( a \middle| b \right)"#, #"<mrow><mo fence="true" stretchy="true">(</mo><mi>a</mi><mo fence="true" stretchy="true" lspace="0.1667em" rspace="0.1667em">|</mo><mi>b</mi><mo fence="true" stretchy="true">)</mo></mrow>"#),
        ("(x)", #"<mrow><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"\{x\}"#, #"<mrow><mo stretchy="false">{</mo><mi>x</mi><mo stretchy="false">}</mo></mrow>"#),
        (#"|x|"#, "<mrow><mi>|</mi><mi>x</mi><mi>|</mi></mrow>"),
        (#"\big( \Big[ \bigg\{ \Bigg|"#,
         #"<mrow><mo stretchy="true" minsize="1.2em" maxsize="1.2em" lspace="0em" rspace="0em">(</mo><mo stretchy="true" minsize="1.8em" maxsize="1.8em" lspace="0em" rspace="0em">[</mo><mo stretchy="true" minsize="2.4em" maxsize="2.4em" lspace="0em" rspace="0em">{</mo><mo stretchy="true" minsize="3em" maxsize="3em" lspace="0em" rspace="0em">|</mo></mrow>"#),
        (#"\bigl( x \bigr)"#, #"<mrow><mo stretchy="true" minsize="1.2em" maxsize="1.2em">(</mo><mi>x</mi><mo stretchy="true" minsize="1.2em" maxsize="1.2em">)</mo></mrow>"#),
        // Fonts: Unicode math alphabets, since browsers ignore mathvariant other than normal.
        (#"\mathbf{W}"#, "<mi>𝐖</mi>"),
        (#"\mathbf{x1}"#, "<mrow><mi>𝐱</mi><mn>𝟏</mn></mrow>"),
        (#"\mathrm{d}"#, #"<mi mathvariant="normal">d</mi>"#),
        (#"\mathrm{ReLU}"#, #"<mrow><mi mathvariant="normal">R</mi><mi mathvariant="normal">e</mi><mi mathvariant="normal">L</mi><mi mathvariant="normal">U</mi></mrow>"#),
        (#"\mathit{x}\mathit{\Gamma}"#, "<mrow><mi>x</mi><mi>𝛤</mi></mrow>"),
        (#"\mathbb{R}\mathbb{E}"#, "<mrow><mi>ℝ</mi><mi>𝔼</mi></mrow>"),
        (#"\mathcal{L}\mathcal{A}"#, "<mrow><mi>ℒ</mi><mi>𝒜</mi></mrow>"),
        (#"\boldsymbol\delta\boldsymbol{W}\boldsymbol{\Sigma}"#, "<mrow><mi>𝜹</mi><mi>𝑾</mi><mi>𝚺</mi></mrow>"),
        (#"\text{if  x is}"#, "<mtext>if x is</mtext>"),
        (#"\text{ if }"#, "<mtext>\u{A0}if\u{A0}</mtext>"),
        (#"\text{50\% \& \$1}"#, "<mtext>50% &amp; $1</mtext>"),
        (#"\text{for $x^2$}"#, "<mrow><mtext>for\u{A0}</mtext><msup><mi>x</mi><mn>2</mn></msup></mrow>"),
        (#"\textbf{b}"#, #"<mtext mathvariant="bold" style="font-weight: bold">b</mtext>"#),
        (#"\text{a \textbf{b} c}"#, #"<mrow><mtext>a\#u{A0}</mtext><mtext mathvariant="bold" style="font-weight: bold">b</mtext><mtext>\#u{A0}c</mtext></mrow>"#),
        (#"\operatorname{softmax}(z)"#, #"<mrow><mi>softmax</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"\operatorname{E}x"#, #"<mrow><mi mathvariant="normal">E</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi></mrow>"#),
        // Accents.
        (#"\hat x"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover>"#),
        (#"\bar{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover>"#),
        (#"\vec{x}"#, "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">\u{20D7}</mo></mover>"),
        (#"\tilde{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">~</mo></mover>"#),
        (#"\dot{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">˙</mo></mover>"#),
        (#"\ddot{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">¨</mo></mover>"#),
        (#"\widehat{xy}"#, "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">\u{302}</mo></mover>"),
        (#"\overline{xy}"#, "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">\u{332}</mo></mover>"),
        (#"\underline{xy}"#, "<munder accentunder=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">\u{332}</mo></munder>"),
        (#"\hat{y}_k"#, #"<msub><mover accent="true"><mi>y</mi><mo stretchy="false">^</mo></mover><mi>k</mi></msub>"#),
        // Braces take their label as a limit.
        (#"\overbrace{a+b}^{n}"#, #"<mover><mover accent="true"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy="true">⏞</mo></mover><mi>n</mi></mover>"#),
        (#"\underbrace{a+b}_{n}"#, #"<munder><munder accentunder="true"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy="true">⏟</mo></munder><mi>n</mi></munder>"#),
        (#"\overset{!}{=}"#, #"<mover><mo>=</mo><mo>!</mo></mover>"#),
        (#"\underset{x}{a}"#, "<munder><mi>a</mi><mi>x</mi></munder>"),
        // Function names: upright, function application, TeX's thin spaces.
        (#"\log x"#, #"<mrow><mi>log</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi></mrow>"#),
        (#"\exp(x)"#, #"<mrow><mi>exp</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"2\ln x"#, #"<mrow><mn>2</mn><mspace width="0.1667em"/><mi>ln</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi></mrow>"#),
        (#"a=\sin x"#, #"<mrow><mi>a</mi><mo>=</mo><mi>sin</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi></mrow>"#),
        (#"\cos^2 x"#, #"<mrow><msup><mrow><mi>cos</mi><mo>&#x2061;</mo></mrow><mn>2</mn></msup><mspace width="0.1667em"/><mi>x</mi></mrow>"#),
        (#"\tanh z"#, #"<mrow><mi>tanh</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>z</mi></mrow>"#),
        (#"\arg\max_x f"#, #"<mrow><mi>arg</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><msub><mrow><mi>max</mi><mo>&#x2061;</mo></mrow><mi>x</mi></msub><mspace width="0.1667em"/><mi>f</mi></mrow>"#),
        (#"\lim_{n} a"#, #"<mrow><msub><mrow><mi>lim</mi><mo>&#x2061;</mo></mrow><mi>n</mi></msub><mspace width="0.1667em"/><mi>a</mi></mrow>"#),
        (#"\det A"#, #"<mrow><mi>det</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>A</mi></mrow>"#),
        (#"\min_j"#, "<msub><mrow><mi>min</mi><mo>&#x2061;</mo></mrow><mi>j</mi></msub>"),
        // Spacing.
        (#"a\,b\:c\;d"#, #"<mrow><mi>a</mi><mspace width="0.1667em"/><mi>b</mi><mspace width="0.2222em"/><mi>c</mi><mspace width="0.2778em"/><mi>d</mi></mrow>"#),
        (#"a\!b"#, #"<mrow><mi>a</mi><mspace width="0em" style="margin-left: -0.1667em"/><mi>b</mi></mrow>"#),
        (#"a\quad b\qquad c"#, #"<mrow><mi>a</mi><mspace width="1em"/><mi>b</mi><mspace width="2em"/><mi>c</mi></mrow>"#),
        ("a~b", "<mrow><mi>a</mi><mtext>\u{A0}</mtext><mi>b</mi></mrow>"),
        (#"a\ b"#, "<mrow><mi>a</mi><mtext>\u{A0}</mtext><mi>b</mi></mrow>"),
        // Dots and escapes.
        (#"\ldots\cdots\vdots\ddots\dots"#, "<mrow><mo>…</mo><mo>⋯</mo><mo>⋮</mo><mo>⋱</mo><mo>…</mo></mrow>"),
        (##"\# \% \& \_ \$"##, "<mrow><mi>#</mi><mi>%</mi><mi>&amp;</mi><mi>_</mi><mi>$</mi></mrow>"),
        // Braces group without output; an empty group is an empty row.
        ("{a}", "<mi>a</mi>"),
        ("{a+b}", "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>"),
        ("{}", "<mrow></mrow>"),
        ("", "<mrow></mrow>"),
        // Comments and white space.
        ("a % comment\n+ b", "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>"),
        // Negations.
        (#"a \not= b \not\in c"#, "<mrow><mi>a</mi><mo>≠</mo><mi>b</mi><mo>∉</mo><mi>c</mi></mrow>"),
    ])
    func inline(tex: String, expected: String) {
        #expect(body(tex) == expected)
        #expect(MathRenderer().render(tex, display: false).warnings.isEmpty)
    }

    @Test(arguments: [
        "=", #"\ne"#, #"\neq"#, #"\le"#, #"\leq"#, #"\ge"#, #"\geq"#, #"\approx"#, #"\equiv"#, #"\sim"#,
        #"\propto"#, #"\in"#, #"\to"#, #"\rightarrow"#, #"\leftarrow"#, #"\Rightarrow"#, #"\Leftarrow"#,
        #"\mapsto"#, #"\leftrightarrow"#, "<", ">",
    ])
    func relationsAreOperators(tex: String) throws {
        let expected: [String: String] = [
            "=": "=", #"\ne"#: "≠", #"\neq"#: "≠", #"\le"#: "≤", #"\leq"#: "≤", #"\ge"#: "≥",
            #"\geq"#: "≥", #"\approx"#: "≈", #"\equiv"#: "≡", #"\sim"#: "∼", #"\propto"#: "∝",
            #"\in"#: "∈", #"\to"#: "→", #"\rightarrow"#: "→", #"\leftarrow"#: "←", #"\Rightarrow"#: "⇒",
            #"\Leftarrow"#: "⇐", #"\mapsto"#: "↦", #"\leftrightarrow"#: "↔", "<": "&lt;", ">": "&gt;",
        ]
        let symbol = try #require(expected[tex])
        #expect(body("a \(tex) b") == "<mrow><mi>a</mi><mo>\(symbol)</mo><mi>b</mi></mrow>")
    }

    @Test func limitsOfFunctionsGoUnderInDisplayStyle() {
        #expect(body(#"\lim_{x\to 0} f"#, display: true) == #"<mrow><munder><mrow><mi>lim</mi><mo>&#x2061;</mo></mrow><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder><mspace width="0.1667em"/><mi>f</mi></mrow>"#)
        // A fraction sets its parts in text style, so limits go back to the side there.
        #expect(body(#"\frac{\max_i a}{2}"#, display: true) == #"<mfrac><mrow><msub><mrow><mi>max</mi><mo>&#x2061;</mo></mrow><mi>i</mi></msub><mspace width="0.1667em"/><mi>a</mi></mrow><mn>2</mn></mfrac>"#)
        #expect(body(#"\displaystyle\max_i"#) == #"<mstyle displaystyle="true" scriptlevel="0"><munder><mrow><mi>max</mi><mo>&#x2061;</mo></mrow><mi>i</mi></munder></mstyle>"#)
        #expect(body(#"\operatorname*{arg\,max}_\theta"#, display: true) == "<munder><mrow><mi>arg\u{2009}max</mi><mo>&#x2061;</mo></mrow><mi>θ</mi></munder>")
    }

    @Test func bigOperatorsUseUnderOverInBothModes() {
        let expected = #"<munderover><mo movablelimits="true">∑</mo><mi>k</mi><mi>n</mi></munderover>"#
        #expect(body(#"\sum_k^n"#, display: true) == expected)
        #expect(body(#"\sum_k^n"#, display: false) == expected)
    }

    @Test(arguments: [
        ("matrix", "", ""),
        ("pmatrix", "(", ")"),
        ("bmatrix", "[", "]"),
        ("Bmatrix", "{", "}"),
        ("vmatrix", "|", "|"),
        ("Vmatrix", "‖", "‖"),
    ])
    func matrices(environment: String, open: String, close: String) {
        let table = #"<mtable columnalign="center center"><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>"#
        let expected = open.isEmpty
            ? table
            : #"<mrow><mo fence="true" stretchy="true">\#(open)</mo>\#(table)<mo fence="true" stretchy="true">\#(close)</mo></mrow>"#
        #expect(body(#"\begin{\#(environment)} a & b \\ c & d \end{\#(environment)}"#) == expected)
        // A trailing \\ adds no empty row.
        #expect(body(#"\begin{\#(environment)} a & b \\ c & d \\ \end{\#(environment)}"#) == expected)
    }

    @Test func cases() {
        #expect(body(#"\begin{cases} 1 & x > 0 \\ 0 & \text{else} \end{cases}"#) == #"<mrow><mo fence="true" stretchy="true">{</mo><mtable columnalign="left left"><mtr><mtd style="text-align: left"><mn>1</mn></mtd><mtd style="text-align: left"><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr><mtr><mtd style="text-align: left"><mn>0</mn></mtd><mtd style="text-align: left"><mtext>else</mtext></mtd></mtr></mtable></mrow>"#)
    }

    @Test(arguments: ["aligned", "align", "align*", "split"])
    func alignedAlternatesRightAndLeftColumns(environment: String) {
        let right = #"<mtd style="text-align: right; text-align: -webkit-right; padding-right: 0">"#
        let left = #"<mtd style="text-align: left; padding-left: 0">"#
        #expect(body(#"\begin{\#(environment)} E &= a + b \\ &= c \end{\#(environment)}"#, display: true) == """
            <mtable displaystyle="true" columnalign="right left" columnspacing="0em"><mtr>\(right)<mi>E</mi></mtd>\(left)<mrow></mrow><mo>=</mo><mi>a</mi><mo>+</mo><mi>b</mi></mtd></mtr><mtr>\(right)</mtd>\(left)<mrow></mrow><mo>=</mo><mi>c</mi></mtd></mtr></mtable>
            """)
    }

    @Test func alignWithTwoColumnPairs() {
        let mathML = body(#"\begin{align} a &= b & c &= d \end{align}"#, display: true)
        #expect(mathML.hasPrefix(#"<mtable displaystyle="true" columnalign="right left right left" columnspacing="0em 1em 0em">"#))
        #expect(mathML.contains(#"<mtd style="text-align: right; text-align: -webkit-right; padding-right: 0; padding-left: 1em"><mi>c</mi></mtd>"#))
    }

    @Test func gatherCentersDisplayStyleLines() {
        #expect(body(#"\begin{gather} a \\ b \end{gather}"#, display: true) == #"<mtable displaystyle="true" columnalign="center"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>"#)
    }

    @Test func lineBreaksOutsideEnvironmentsMakeCenteredLines() {
        #expect(body(#"a \\ b"#) == #"<mtable columnalign="center"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>"#)
        #expect(body(#"a \\"#) == "<mi>a</mi>")
    }

    @Test func arrayTakesItsColumnSpecification() {
        #expect(body(#"\begin{array}{l|r} a & b \end{array}"#) == #"<mtable columnalign="left right"><mtr><mtd style="text-align: left"><mi>a</mi></mtd><mtd style="text-align: right; text-align: -webkit-right"><mi>b</mi></mtd></mtr></mtable>"#)
    }

    @Test func substackUnderASum() {
        #expect(body(#"\sum_{\substack{i \\ j}}"#) == #"<munder><mo movablelimits="true">∑</mo><mtable columnalign="center"><mtr><mtd><mi>i</mi></mtd></mtr><mtr><mtd><mi>j</mi></mtd></mtr></mtable></munder>"#)
    }
}
