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
public struct MathRenderer: Sendable {
    /// How deeply groups, arguments and environments may nest. Deeper input is shown as TeX
    /// with a warning; the bound keeps the recursive parser far from the end of the stack.
    public static let maximumNesting = 48

    /// How many warnings one formula reports at most; the last says that more were dropped.
    public static let maximumWarnings = 50

    /// Creates a renderer. It holds no state; one can serve many threads.
    public init() {}

    /// Renders TeX (the text between `$...$` or `$$...$$`, without delimiters) to one
    /// `<math>` element; `display` adds `display="block"` and sets the formula in display style.
    public func render(_ tex: String, display: Bool) -> RenderedMath {
        var parser = Parser(source: Array(tex.unicodeScalars))
        let formula = parser.parseFormula()
        let mathML = MathMLWriter.document(for: formula, tex: tex, display: display)
        return RenderedMath(mathML: mathML, warnings: MathRenderer.inSourceOrder(parser.warnings))
    }

    /// The parser reports some problems late (an unclosed `[` before the missing argument
    /// that follows it); callers print them like a compiler, in source order. A final "too many
    /// problems" warning stays last.
    private static func inSourceOrder(_ warnings: [MathWarning]) -> [MathWarning] {
        var problems = warnings
        let overflow = problems.count == maximumWarnings ? problems.removeLast() : nil
        problems = problems.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element)
        if let overflow { problems.append(overflow) }
        return problems
    }
}
