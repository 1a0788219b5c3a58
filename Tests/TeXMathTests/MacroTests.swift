import Testing
@testable import TeXMath

/// `\newcommand` and friends: definitions, arguments, their life across the formulas of one
/// context, site-wide definitions, and what LaTeX reports.
@Suite struct MacroTests {
    /// Where `needle` first occurs in `text`, in Unicode scalars as warnings count.
    func offset(of needle: String, in text: String) -> Int {
        guard let range = text.firstRange(of: needle) else { return -1 }
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
    }

    /// The presentation MathML of each formula, rendered in order in one context.
    static func bodies(_ formulas: [String], display: Bool = false) -> [String] {
        var context = MathContext()
        return formulas.map { tex in
            let mathML = MathRenderer().render(tex, display: display, context: &context).mathML
            guard let start = mathML.firstRange(of: "<semantics>"), let end = mathML.firstRange(of: "<annotation") else {
                return mathML
            }
            return String(mathML[start.upperBound..<end.lowerBound])
        }
    }

    /// The warnings of each formula, rendered in order in one context.
    static func warnings(_ formulas: [String], context: MathContext = MathContext()) -> [[String]] {
        var context = context
        return formulas.map { MathRenderer().render($0, display: false, context: &context).warnings.map(\.description) }
    }

    @Test(arguments: [
        // \newcommand without, with, and with an optional first argument.
        (#"\newcommand{\R}{\mathbb{R}} x \in \R"#, #"x \in \mathbb{R}"#),
        (#"\newcommand\R{\mathbb{R}}\R^n"#, #"\mathbb{R}^n"#),
        (#"\newcommand{\norm}[1]{\left\|#1\right\|} \norm{x}"#, #"\left\|x\right\|"#),
        (#"\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}} \pd{E}{w}"#, #"\frac{\partial E}{\partial w}"#),
        (#"\newcommand{\sq}[2][2]{#2^{#1}} \sq{x} + \sq[3]{y}"#, #"x^{2} + y^{3}"#),
        (#"\newcommand*{\one}{1} \one"#, "1"),
        (#"\newcommand{\twice}[1]{#1#1} \twice x"#, "xx"),
        // \renewcommand of a command LaTeX has.
        (#"\renewcommand{\vec}[1]{\mathbf{#1}} \vec{v}"#, #"\mathbf{v}"#),
        // \def with undelimited and delimited parameters, ## for a #.
        (#"\def\half#1{\frac{#1}{2}} \half{x} + \half y"#, #"\frac{x}{2} + \frac{y}{2}"#),
        (#"\def\point(#1,#2){\langle #1, #2\rangle} \point(a,b)"#, #"\langle a, b\rangle"#),
        (#"\def\upto#1.{[#1]} \upto{x}. y"#, #"[x] y"#),
        (#"\gdef\g{g} \global\def\h{h} \g\h"#, "gh"),
        (#"\def\a{x}\edef\b{\a}\def\a{y} \b\a"#, "xy"),
        // \let copies a meaning as it is now.
        (#"\let\leq\le \leq"#, #"\le"#),
        (#"\def\a{1}\let\b=\a \def\a{2} \b\a"#, "12"),
        (#"\let\myfrac\frac \myfrac12"#, #"\frac12"#),
        // \DeclareMathOperator: upright, limits at the side; with * under in display.
        (#"\DeclareMathOperator{\tr}{tr} \tr A"#, #"\operatorname{tr} A"#),
        (#"\DeclareMathOperator*{\Softmax}{softmax} \Softmax_i z"#, #"\operatorname*{softmax}_i z"#),
        // Macros inside text, and text inside macros; a control word eats the space after it.
        (#"\newcommand{\name}{Chainrule} \text{\name is}"#, #"\text{Chainruleis}"#),
        (#"\newcommand{\cond}[1]{\text{if } #1} \cond{x>0}"#, #"\text{if } x>0"#),
        // A macro using another, defined later but before the use.
        (#"\newcommand{\sq}[1]{#1^2}\newcommand{\nsq}[1]{\sq{\|#1\|}} \nsq{x}"#, #"\|x\|^2"#),
    ])
    func expandsLikeTheTeXItStandsFor(tex: String, expanded: String) {
        #expect(MacroTests.bodies([tex]) == MacroTests.bodies([expanded]), "\(tex)")
        #expect(MathRenderer().render(tex, display: false).warnings.isEmpty, "\(tex)")
    }

    @Test func definitionsLastToTheEndOfTheNotebook() {
        let bodies = MacroTests.bodies([
            #"\newcommand{\loss}{\mathcal{L}}"#, #"\loss(w)"#, #"\renewcommand{\loss}{J}"#, #"\loss(w)"#,
        ])
        #expect(bodies[0] == "<mrow></mrow>")
        #expect(bodies[1] == MacroTests.bodies([#"\mathcal{L}(w)"#])[0])
        #expect(bodies[3] == MacroTests.bodies(["J(w)"])[0])
        // The context-free renderer forgets them.
        #expect(MathRenderer().render(#"\loss"#, display: false).warnings.map(\.message) == [#"unknown TeX command \loss"#])
    }

    @Test func contextReportsTheMacrosItHolds() {
        var context = MathContext()
        _ = MathRenderer().render(#"\newcommand{\b}{B}\def\a{A}"#, display: false, context: &context)
        #expect(context.macroNames == ["a", "b"])
    }

    @Test func reportsWhatLaTeXReports() {
        #expect(MacroTests.warnings([#"\newcommand{\frac}{x}"#]) == [
            [#"12+5: \frac is already defined; \renewcommand redefines it"#],
        ])
        #expect(MacroTests.warnings([#"\renewcommand{\nothere}{y} \nothere"#]) == [
            [#"14+8: \nothere is not defined; \newcommand defines it"#],
        ])
        // A second \newcommand of one of the user's own macros: the first stays.
        #expect(MacroTests.warnings([#"\newcommand{\a}{1}"#, #"\newcommand{\a}{2}"#]) == [
            [], [#"12+2: \a is already defined; \renewcommand redefines it"#],
        ])
        #expect(MacroTests.bodies([#"\newcommand{\a}{1}"#, #"\newcommand{\a}{2}\a"#])[1] == "<mn>1</mn>")
        // \providecommand defines only what is undefined, silently.
        #expect(MacroTests.bodies([#"\providecommand{\frac}{x}\providecommand{\cc}{c}\frac12\cc"#])
                == MacroTests.bodies([#"\frac12c"#]))
    }

    @Test func builtInConveniencesGiveWayToTheAuthorsOwn() {
        // `\R` and `\argmax` are not LaTeX's: authors define them, silently.
        #expect(MacroTests.warnings([#"\newcommand{\R}{\mathbf{R}}\newcommand{\argmax}{\mathrm{argmax}} \R\argmax"#]) == [[]])
        #expect(MacroTests.bodies([#"\newcommand{\R}{\mathbf{R}} \R"#]) == ["<mi>𝐑</mi>"])
        #expect(MacroTests.bodies([#"\R"#]) == ["<mi>ℝ</mi>"])
    }

    @Test(arguments: [
        (#"\newcommand{\a}[x]{y}"#, [#"16+1: the number of arguments of \a must be a digit from 0 to 9"#]),
        (#"\newcommand{\a}[1]{#2}"#, [#"20+1: \a has 1 argument; '#' must be followed by one of their numbers"#]),
        (#"\newcommand"#, [#"0+11: missing macro name after \newcommand"#]),
        (#"\newcommand{x}{y}"#, [#"12+1: missing macro name after \newcommand"#]),
        (#"\newcommand{\a}"#, [#"12+2: missing body for \newcommand{\a}, or its '{' is never closed"#]),
        (#"\def\a#2{x}"#, [#"7+1: the parameters of \a must be numbered #1, #2, ... in order"#]),
        (#"\def\a#1.{x} \a y"#, [#"13+2: use of \a does not match its definition: its argument never ends"#]),
        (#"\newcommand{\a}[1]{#1} \a"#, [#"23+2: missing argument for \a"#]),
        (#"\renewcommand{\begin}{x}"#, [#"14+6: \begin cannot be redefined"#]),
    ])
    func badDefinitionsAreReportedWhereTheyAre(tex: String, expected: [String]) {
        #expect(MacroTests.warnings([tex]) == [expected])
    }

    @Test func undefinedMacroIsAnUnknownCommandWithSuggestionsAmongMacros() {
        var context = MathContext()
        _ = MathRenderer().render(#"\newcommand{\weights}{W}"#, display: false, context: &context)
        let rendered = MathRenderer().render(#"\wieghts"#, display: false, context: &context)
        #expect(rendered.warnings.map(\.message) == [#"unknown TeX command \wieghts"#])
        #expect(rendered.warnings.map(\.notes) == [[#"did you mean \weights?"#]])
        #expect(rendered.mathML.contains(#"<mtext class="tex-unknown">\wieghts</mtext>"#))
    }

    @Test func problemsInsideAnExpansionPointAtTheMacrosUse() {
        let warnings = MacroTests.warnings([#"\newcommand{\bad}{\frac{1}{\foo}} x + \bad"#])[0]
        #expect(warnings == [#"38+4: unknown TeX command \foo"#])
        #expect(MacroTests.bodies([#"\newcommand{\bad}{\foo} \bad"#])[0] == #"<mtext class="tex-unknown">\foo</mtext>"#)
    }

    @Test func siteWideMacrosComeFromOneString() {
        var context = MathContext()
        let definitions = #"""
            % The course's notation.
            \newcommand{\loss}{\mathcal{L}}
            \DeclareMathOperator{\relu}{ReLU}
            \newcommand{\frac}{x}
            stray text
            """#
        let warnings = context.defineMacros(definitions)
        #expect(warnings.map(\.description) == [
            "\(offset(of: #"\frac"#, in: definitions))+5: \\frac is already defined; \\renewcommand redefines it",
            "\(offset(of: "stray", in: definitions))+10: only macro definitions belong here; the rest is ignored",
        ])
        #expect(context.macroNames == ["loss", "relu"])
        let rendered = MathRenderer().render(#"\loss = \relu(z)"#, display: false, context: &context)
        #expect(rendered.warnings.isEmpty)
        #expect(rendered.mathML.contains("<mi>ℒ</mi>"))
        #expect(rendered.mathML.contains("<mi>ReLU</mi>"))
    }

    /// Hostile input ends at once with a warning, and the rest of the formula still renders.
    @Test(arguments: [
        (#"\def\a{\a\a}\a + y"#, "macro expansion stopped: more than 64 macros expanding inside each other (does \\a use itself?)"),
        (#"\def\a{x\a}\a + y"#, "macro expansion stopped: this formula's macros produced more than 100000 tokens"),
        (#"\def\a#1{\a{#1#1}}\a{x} + y"#, "macro expansion stopped: this formula's macros produced more than 100000 tokens"),
        (#"\def\a{\b}\def\b{\a}\a + y"#, "macro expansion stopped: this formula's macros produced more than 100000 tokens"),
        (#"\def\a{\a x}\a + y"#, "macro expansion stopped: more than 64 macros expanding inside each other (does \\a use itself?)"),
        (#"\newcommand{\a}{\a\a\a\a\a\a\a\a}\a + y"#, "macro expansion stopped: more than 64 macros expanding inside each other (does \\a use itself?)"),
    ])
    func runawayMacrosStopQuickly(tex: String, message: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let rendered = MathRenderer().render(tex, display: false)
        #expect(clock.now - start < .seconds(2))
        #expect(rendered.warnings.map(\.message) == [message])
        #expect(rendered.warnings.first?.offset == offset(of: #"}\a"#, in: tex) + 1)
        // The runaway use is shown as TeX, whatever it produced is dropped, the rest renders.
        #expect(rendered.mathML.contains(#"<mtext class="tex-unknown">\a</mtext><mo>+</mo><mi>y</mi>"#))
        #expect(rendered.mathML.utf8.count < 2_000)
        _ = try XMLTree.parse(rendered.mathML)
    }

    @Test func manyRunawayUsesStayLinear() {
        let tex = #"\def\a{x\a}"# + String(repeating: #"\a "#, count: 2_000)
        let clock = ContinuousClock()
        let start = clock.now
        let rendered = MathRenderer().render(tex, display: false)
        #expect(clock.now - start < .seconds(5))
        #expect(rendered.warnings.count == MathRenderer.maximumWarnings)
    }

    @Test func builtInDefinitionsAreClean() {
        #expect(BuiltinMacros.definitionWarnings.isEmpty)
        #expect(BuiltinMacros.table.count > 30)
        // None of them hides a command the parser reads itself.
        #expect(Symbols.parsedCommands.isDisjoint(with: BuiltinMacros.table.keys))
    }

    @Test func verbatimTextKeepsItsSpacesAndSpecialCharacters() {
        #expect(MacroTests.bodies([#"\verb|a  %b_{c}|"#]) == [#"<mtext mathvariant="monospace" style="font-family: monospace">a  %b_{c}</mtext>"#])
        #expect(MacroTests.warnings([#"\verb|x"#]) == [[#"0+5: \verb needs its text between two equal characters on one line, as in \verb|x|"#]])
    }
}
