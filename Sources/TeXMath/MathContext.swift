/// What formulas of one notebook share, threaded through its formulas in order: the macros
/// defined so far, the number the next numbered equation takes, and the labels references may
/// name. `MathRenderer.render(_:display:context:)` reads it and leaves it updated.
///
/// A notebook is rendered in two passes, each starting from the same context (the site's
/// macros, number 1): the first collects every formula's labels, which the caller puts in
/// `labels` (with the labels of other notebooks, and links) for the second, whose references
/// then resolve forwards as well as backwards.
public struct MathContext: Sendable, Equatable {
    /// The number the next numbered row takes. Numbered rows take it in order and advance it;
    /// rows with `\tag` do not.
    public var nextEquationNumber: Int
    /// Labels that `\eqref` and `\ref` may name. Rendering adds the labels a formula defines
    /// when they are not here yet, so after a first pass this holds the notebook's labels.
    public var labels: [String: Label]
    /// Whether `equation`, `align`, `gather` and `multline` number their rows, as in LaTeX.
    /// When false they are set like their starred forms; `\tag` still shows its tag.
    public var numbersEquations: Bool
    /// The user's macros by name (without the backslash): from `defineMacros(_:)` and from
    /// the definitions of the formulas rendered so far.
    var macros: [String: Macro]

    /// What a reference to a label shows, and where it may link.
    public struct Label: Sendable, Hashable {
        /// The text of the equation's tag without parentheses: `3`, or what `\tag{...}` said.
        public var tag: String
        /// Where a link to the equation goes (`#eq-loss`, `backprop.html#eq-loss`), for a caller
        /// that makes a formula holding only a reference into an HTML link. Unused by the renderer.
        public var link: String?

        public init(tag: String, link: String? = nil) {
            self.tag = tag
            self.link = link
        }
    }

    public init(nextEquationNumber: Int = 1, labels: [String: Label] = [:], numbersEquations: Bool = true) {
        self.nextEquationNumber = nextEquationNumber
        self.labels = labels
        self.numbersEquations = numbersEquations
        self.macros = [:]
    }

    /// The names of the user's macros, sorted, without backslashes.
    public var macroNames: [String] { macros.keys.sorted() }

    /// Reads macro definitions that every formula should see (a site configuration's `macros`):
    /// `\newcommand`, `\renewcommand`, `\providecommand`, `\def`, `\let` and
    /// `\DeclareMathOperator`, separated by spaces or line breaks; `%` starts a comment. Returns
    /// the problems, with offsets in `definitions`: bad definitions (which are skipped) and
    /// anything that is not a definition (which is ignored).
    public mutating func defineMacros(_ definitions: String) -> [MathWarning] {
        let source = Array(definitions.unicodeScalars)
        var expander = MacroExpander(tokens: Lexer(source: source).tokenize(), macros: macros)
        let rest = expander.expand()
        macros = expander.macros
        var warnings = expander.warnings
        // Whatever is left is not a definition: report it once, where it starts.
        if let stray = rest.first(where: { $0.kind != .space }), warnings.count < MathRenderer.maximumWarnings {
            let end = rest.last(where: { $0.kind != .space })!.end
            warnings.append(MathWarning(
                message: "only macro definitions belong here; the rest is ignored",
                offset: stray.offset, length: max(1, end - stray.offset)))
        }
        return warnings.sorted { $0.offset < $1.offset }
    }

    /// The known label closest to a misspelt one, for a caller reporting an unknown reference
    /// (`did you mean 'eq:loss'?`), or `nil` if none is close enough to be a typo.
    public func closestLabel(to name: String) -> String? {
        Symbols.closest(to: name, among: labels.keys.sorted())
    }
}
