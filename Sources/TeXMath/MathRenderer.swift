/// Renders TeX math to MathML at build time: no JavaScript in the page, no network.
///
/// Rendering never fails. Unknown commands, unbalanced braces and the like become warnings
/// with the offset of the problem, and the offending source is shown as TeX inside the
/// formula (`<mtext class="tex-unknown">`), with the rest of the formula intact.
///
/// ```swift
/// let math = MathRenderer().render(#"\sigma(z) = \frac{1}{1+e^{-z}}"#, display: true)
/// html += math.mathML
/// ```
///
/// Formulas of one notebook share a `MathContext` (macros, equation numbers, labels), which
/// each call reads and updates:
///
/// ```swift
/// var context = MathContext()
/// for formula in formulas {
///     let math = MathRenderer().render(formula.tex, display: formula.display, context: &context)
/// }
/// ```
///
/// The page should name a math font, or browsers draw big operators small and do not stretch
/// brackets: `math { font-family: "Latin Modern Math", "STIX Two Math", "DejaVu Math TeX Gyre", math; }`.
/// Source shown as TeX carries `class="tex-unknown"` for the page to style; references carry
/// `class="tex-reference"` and equation tags sit in cells with `class="tex-tag"`.
public struct MathRenderer: Sendable {
    /// How deeply groups, arguments and environments may nest. Deeper input is shown as TeX
    /// with a warning; the bound keeps the recursive parser far from the end of the stack.
    public static let maximumNesting = 48

    /// How many warnings one formula reports at most; the last says that more were dropped.
    public static let maximumWarnings = 50

    /// How many macro expansions may be pending inside each other. Deeper is a macro that
    /// uses itself (`\def\a{\a\a}`), reported and shown as TeX.
    public static let maximumMacroDepth = 64

    /// How many tokens the macro expansions of one formula may produce in all. More is a
    /// runaway macro (`\def\a{x\a}`), reported and shown as TeX; a real formula needs a few
    /// hundred.
    public static let maximumMacroTokens = 100_000

    /// Creates a renderer. It holds no state; one can serve many threads.
    public init() {}

    /// Renders TeX (the text between `$...$` or `$$...$$`, without delimiters) to one
    /// `<math>` element; `display` adds `display="block"` and sets the formula in display style.
    ///
    /// The formula stands alone: macros it defines are forgotten, references show `??`, and
    /// `equation` and `align` are not numbered (`\tag` still shows).
    public func render(_ tex: String, display: Bool) -> RenderedMath {
        var context = MathContext(numbersEquations: false)
        return render(tex, display: display, context: &context)
    }

    /// Renders TeX like `render(_:display:)`, in `context`: with the macros defined so far,
    /// numbering rows from `context.nextEquationNumber`, resolving references from
    /// `context.labels`. Leaves in `context` this formula's macro definitions, the next
    /// number, and the labels it defines that `context.labels` did not have.
    public func render(_ tex: String, display: Bool, context: inout MathContext) -> RenderedMath {
        let source = Array(tex.unicodeScalars)
        var expander = MacroExpander(tokens: Lexer(source: source).tokenize(), macros: context.macros)
        let tokens = expander.expand()
        context.macros = expander.macros
        var parser = Parser(source: source, tokens: tokens, display: display, context: context)
        let formula = parser.parseFormula()
        let mathML = MathMLWriter.document(for: formula, tex: tex, display: display)
        context.nextEquationNumber = parser.nextEquationNumber
        for label in parser.labels where context.labels[label.name] == nil {
            context.labels[label.name] = MathContext.Label(tag: label.tag)
        }
        return RenderedMath(
            mathML: mathML,
            warnings: MathRenderer.inSourceOrder(expander.warnings + parser.warnings),
            labels: parser.labels, references: parser.references, equationTags: parser.equationTags,
            soleReference: parser.soleReference(of: formula))
    }

    /// The parser reports some problems late (an unclosed `[` before the missing argument
    /// that follows it); callers print them like a compiler, in source order. When there were
    /// too many, the first ones found are kept and a final "too many problems" warning stays last.
    private static func inSourceOrder(_ warnings: [MathWarning]) -> [MathWarning] {
        // The expander and the parser each stop at the limit; together they may pass it.
        let overflowMessage = "too many problems in this formula; the rest are not reported"
        var problems = warnings.filter { $0.message != overflowMessage }
        var overflow = warnings.first { $0.message == overflowMessage }
        if problems.count >= maximumWarnings { overflow = overflow ?? problems[maximumWarnings - 1] }
        if overflow != nil { problems = Array(problems.prefix(maximumWarnings - 1)) }
        problems = problems.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map { $0.element }
        if let overflow {
            problems.append(MathWarning(message: overflowMessage, offset: overflow.offset, length: overflow.length))
        }
        return problems
    }
}
