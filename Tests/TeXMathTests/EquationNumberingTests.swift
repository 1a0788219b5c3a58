import Testing
@testable import TeXMath

/// Equation numbers, tags, labels and references, threaded through the formulas of a notebook
/// by one context, as the page renderer does in two passes.
@Suite struct EquationNumberingTests {
    struct Formula {
        var tex: String
        var display = true
    }

    /// Renders `formulas` in order in `context`.
    static func render(_ formulas: [Formula], context: inout MathContext) -> [RenderedMath] {
        formulas.map { MathRenderer().render($0.tex, display: $0.display, context: &context) }
    }

    static let notebook: [Formula] = [
        Formula(tex: #"\begin{equation} \sigma(z) = \frac{1}{1+e^{-z}} \label{eq:sigmoid} \end{equation}"#),
        Formula(tex: #"\text{by } \eqref{eq:chain}"#, display: false),
        Formula(tex: #"\begin{align} E &= \tfrac12 (g - y)^2 \label{eq:loss} \\ \frac{\partial E}{\partial y} &= y - g \notag \\ \delta &= (y - g)\,\sigma'(z) \label{eq:chain} \end{align}"#),
        Formula(tex: #"x = 1 \tag{A} \label{eq:tagged}"#),
        Formula(tex: #"\begin{gather} a = b \\ c = d \nonumber \\ e = f \tag*{$\star$} \end{gather}"#),
        Formula(tex: #"\eqref{eq:loss}"#, display: false),
        Formula(tex: #"\ref{eq:tagged} \text{ and } \eqref{eq:missing}"#, display: false),
        Formula(tex: #"\begin{equation*} y = 2 \end{equation*}"#),
        Formula(tex: #"\begin{multline} a + b \\ = c \label{eq:long} \end{multline}"#),
    ]

    @Test func numberedRowsTakeNumbersInOrderAcrossFormulas() {
        var context = MathContext()
        let results = Self.render(Self.notebook, context: &context)
        #expect(results.map(\.equationTags) == [["1"], [], ["2", "3"], ["A"], ["4", "⋆"], [], [], [], ["5"]])
        #expect(context.nextEquationNumber == 6)
        #expect(results.flatMap(\.labels) == [
            RenderedMath.Label(name: "eq:sigmoid", tag: "1", id: "eq-eq:sigmoid"),
            RenderedMath.Label(name: "eq:loss", tag: "2", id: "eq-eq:loss"),
            RenderedMath.Label(name: "eq:chain", tag: "3", id: "eq-eq:chain"),
            RenderedMath.Label(name: "eq:tagged", tag: "A", id: "eq-eq:tagged"),
            RenderedMath.Label(name: "eq:long", tag: "5", id: "eq-eq:long"),
        ])
        #expect(results.allSatisfy { $0.warnings.isEmpty }, "\(results.map(\.warnings))")
    }

    /// The first pass collects the labels; the second resolves references forwards too.
    @Test func twoPassesResolveForwardReferences() {
        var firstPass = MathContext()
        let first = Self.render(Self.notebook, context: &firstPass)
        // A reference before its label shows ?? in the first pass ...
        #expect(first[1].references.map(\.text) == ["(??)"])
        // ... and the first pass leaves every label in the context.
        #expect(firstPass.labels["eq:chain"] == MathContext.Label(tag: "3"))
        var labels = firstPass.labels
        labels["eq:chain"]?.link = "#eq-eq:chain"
        labels["other:notebook"] = MathContext.Label(tag: "7", link: "backprop.html#eq-other:notebook")
        var secondPass = MathContext(labels: labels)
        let second = Self.render(Self.notebook + [Formula(tex: #"\eqref{other:notebook}"#, display: false)], context: &secondPass)
        #expect(second[1].references == [
            RenderedMath.Reference(name: "eq:chain", kind: .equation, offset: 11, length: 16, text: "(3)"),
        ])
        #expect(second[6].references.map(\.text) == ["A", "(??)"])
        #expect(second[9].references.map(\.text) == ["(7)"])
        // Numbers are the same in both passes: each starts from the same context.
        #expect(first.map(\.equationTags) == second.dropLast().map(\.equationTags))
        // The second pass leaves the caller's links alone.
        #expect(secondPass.labels["eq:chain"]?.link == "#eq-eq:chain")
    }

    @Test func referencesRenderAsTheirText() {
        var context = MathContext(labels: ["a": .init(tag: "3"), "b": .init(tag: "A.1")])
        let rendered = MathRenderer().render(#"\text{see } \eqref{a}, \ref{b} \text{ and \eqref{a}}"#, display: false, context: &context)
        #expect(rendered.mathML.contains(#"<mtext class="tex-reference">(3)</mtext><mo>,</mo><mtext class="tex-reference">A.1</mtext>"#))
        #expect(rendered.references.map(\.text) == ["(3)", "A.1", "(3)"])
        #expect(rendered.references.map(\.kind) == [.equation, .plain, .equation])
        #expect(rendered.soleReference == nil)
    }

    @Test func aFormulaThatIsOnlyAReferenceIsRecognisable() {
        var context = MathContext(labels: ["loss": .init(tag: "2", link: "#eq-loss")])
        let sole = MathRenderer().render(#" \eqref{loss} "#, display: false, context: &context)
        #expect(sole.soleReference == RenderedMath.Reference(name: "loss", kind: .equation, offset: 1, length: 12, text: "(2)"))
        #expect(MathRenderer().render(#"\ref{loss}"#, display: false, context: &context).soleReference?.text == "2")
        #expect(MathRenderer().render(#"\eqref{loss}x"#, display: false, context: &context).soleReference == nil)
        // Through a macro too.
        _ = MathRenderer().render(#"\newcommand{\eq}[1]{\eqref{#1}}"#, display: false, context: &context)
        #expect(MathRenderer().render(#"\eq{loss}"#, display: false, context: &context).soleReference?.name == "loss")
    }

    @Test func unknownLabelsAreTheCallersToReport() {
        var context = MathContext(labels: ["eq:loss": .init(tag: "1"), "eq:chain": .init(tag: "2")])
        let rendered = MathRenderer().render(#"a \eqref{eq:los}"#, display: false, context: &context)
        #expect(rendered.warnings.isEmpty)
        #expect(rendered.references == [RenderedMath.Reference(name: "eq:los", kind: .equation, offset: 2, length: 14, text: "(??)")])
        #expect(context.closestLabel(to: "eq:los") == "eq:loss")
        #expect(context.closestLabel(to: "completely-different") == nil)
    }

    @Test func tagsLineUpWithTheirRowsInAFullWidthTable() {
        var context = MathContext()
        let mathML = MathRenderer().render(#"\begin{align} a &= b \label{x} \\ c &= d \notag \end{align}"#, display: true, context: &context).mathML
        let spacer = #"<mtd class="tex-tag" style="width: 50%"></mtd>"#
        let tagCell = #"<mtd class="tex-tag" style="width: 50%; text-align: right; text-align: -webkit-right">"#
        #expect(mathML.contains(#"<mtable displaystyle="true" columnalign="center right left right" columnspacing="0em" style="width: 100%">"#))
        #expect(mathML.contains(#"<mtr id="eq-x">"# + spacer))
        #expect(mathML.contains(tagCell + "<mtext>(1)</mtext></mtd></mtr><mtr>" + spacer))
        #expect(mathML.contains(tagCell + "</mtd></mtr></mtable>"))
        let tree = try? XMLTree.parse(mathML)
        #expect(tree != nil)
    }

    @Test func aTaggedDisplayFormulaIsWrappedInTheSameTable() {
        var context = MathContext()
        let mathML = MathRenderer().render(#"E = mc^2 \tag{E}"#, display: true, context: &context).mathML
        #expect(mathML.contains(#"<mtable displaystyle="true" columnalign="center center right" style="width: 100%"><mtr><mtd class="tex-tag" style="width: 50%"></mtd><mtd><mrow><mi>E</mi>"#))
        #expect(mathML.contains("<mtext>(E)</mtext>"))
        // \tag* leaves the parentheses out.
        #expect(MathRenderer().render(#"x \tag*{B}"#, display: true, context: &context).mathML.contains("<mtext>B</mtext></mtd>"))
        #expect(context.nextEquationNumber == 1)
    }

    @Test func multlineTagsItsLastLine() {
        var context = MathContext()
        let mathML = MathRenderer().render(#"\begin{multline} a \\ b \\ c \end{multline}"#, display: true, context: &context).mathML
        #expect(mathML.contains(#"<mtd style="text-align: left; width: 100%"><mi>a</mi></mtd><mtd class="tex-tag" style="text-align: right; text-align: -webkit-right; white-space: nowrap"></mtd></mtr>"#))
        #expect(mathML.contains(#"<mtd style="width: 100%"><mi>b</mi>"#))
        #expect(mathML.contains(#"<mi>c</mi></mtd><mtd class="tex-tag" style="text-align: right; text-align: -webkit-right; white-space: nowrap"><mtext>(1)</mtext></mtd></mtr></mtable>"#))
    }

    @Test func emptyLastRowIsNeitherDrawnNorNumbered() {
        var context = MathContext()
        let rendered = MathRenderer().render(#"\begin{align} a &= b \\ \end{align}"#, display: true, context: &context)
        #expect(rendered.equationTags == ["1"])
        #expect(context.nextEquationNumber == 2)
    }

    @Test func innerEnvironmentsKeepWorkingInsideNumberedOnes() {
        var context = MathContext()
        let rendered = MathRenderer().render(
            #"\begin{equation} \begin{split} a &= b \\ &= c \end{split} \label{s} \end{equation}"#, display: true, context: &context)
        #expect(rendered.equationTags == ["1"])
        #expect(rendered.labels.map(\.name) == ["s"])
        #expect(rendered.mathML.contains(#"<mtd><mtable displaystyle="true" columnalign="right left" columnspacing="0em">"#))
        let gathered = MathRenderer().render(#"\begin{align} x &= \begin{gathered} a \\ b \end{gathered} \end{align}"#, display: true, context: &context)
        #expect(gathered.equationTags == ["2"])
    }

    @Test func numberedEnvironmentsElsewhereAreSetUnnumbered() {
        var context = MathContext()
        // Inline, and nested inside other math: as in LaTeX, only a whole display formula numbers.
        #expect(MathRenderer().render(#"\begin{align} a &= b \end{align}"#, display: false, context: &context).equationTags.isEmpty)
        #expect(MathRenderer().render(#"\left( \begin{gather} a \end{gather} \right)"#, display: true, context: &context).equationTags.isEmpty)
        #expect(context.nextEquationNumber == 1)
        // Without numbering, and with the context-free renderer, they behave as before.
        var unnumbered = MathContext(numbersEquations: false)
        #expect(MathRenderer().render(#"\begin{align} a &= b \tag{T} \\ c &= d \end{align}"#, display: true, context: &unnumbered).equationTags == ["T"])
        #expect(MathRenderer().render(#"\begin{align} a &= b \end{align}"#, display: true).equationTags.isEmpty)
        #expect(!MathRenderer().render(#"\begin{align} a &= b \end{align}"#, display: true).mathML.contains("tex-tag"))
    }

    @Test(arguments: [
        (#"x \tag{1}"#, false, ["2+7: \\tag works only in display math"]),
        (#"x \label{a}"#, false, ["2+9: \\label works only in display math"]),
        (#"x \label{a}"#, true, [#"2+9: \label{a} is on an equation without a number or \tag, so references to it show ??"#]),
        (#"\begin{equation*} x \label{a} \end{equation*}"#, true, [#"20+9: \label{a} is on an equation without a number or \tag, so references to it show ??"#]),
        (#"x \tag{1} \tag{2}"#, true, ["10+7: a second \\tag for one equation; the first one counts"]),
        (#"\begin{equation} x \label{a} \label{b} \end{equation}"#, true, ["29+9: a second \\label for one equation; the first one counts"]),
        (#"\begin{align} x \label{a} \\ y \label{a} \end{align}"#, true, ["31+9: label 'a' is defined twice in this formula"]),
        (#"\begin{equation} x \label{} \end{equation}"#, true, ["19+6: empty name after \\label"]),
        (#"\eqref x"#, false, ["0+6: missing name in braces after \\eqref"]),
    ])
    func misplacedTagsAndLabelsAreReported(tex: String, display: Bool, expected: [String]) {
        var context = MathContext()
        #expect(MathRenderer().render(tex, display: display, context: &context).warnings.map(\.description) == expected)
    }

    @Test(arguments: [
        ("eq:loss", "eq-eq:loss"),
        ("sec-2.1_a", "eq-sec-2.1_a"),
        ("a b", "eq-a~20b"),
        ("<x>\"", "eq-~3Cx~3E~22"),
        ("~", "eq-~7E"),
        ("δ", "eq-~CE~B4"),
    ])
    func labelIdsAreSafeAndDistinct(name: String, id: String) {
        #expect(RenderedMath.id(forLabel: name) == id)
    }

    @Test func labelNamesAreWrittenEscapedIntoTheMathML() throws {
        var context = MathContext()
        let mathML = MathRenderer().render(#"x \tag{1} \label{a"b<c}"#, display: true, context: &context).mathML
        #expect(mathML.contains(#"<mtr id="eq-a~22b~3Cc">"#))
        _ = try XMLTree.parse(mathML)
    }
}
