/// One lexical unit of TeX math, with the source span it came from.
///
/// Offsets count Unicode scalars, the unit `MathWarning` reports in. A token that a macro's
/// expansion produced has the span of the macro's name where it was used, so every warning
/// points into the formula the author wrote.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `\frac`, `\,`, `\\`: the name without the backslash. Letters-only names are read
        /// greedily; any other character makes a one-character name. Empty for a lone `\` at
        /// the end of the source.
        case command(String)
        /// Any other single character: letters, digits, operators, `'`, `~`, ...
        case character(Unicode.Scalar)
        case openBrace
        case closeBrace
        /// `^`, TeX's superscript character.
        case caret
        /// `_`, TeX's subscript character.
        case underscore
        /// `&`, the column separator of tables.
        case alignment
        /// `$`, which opens math again inside `\text{...}`.
        case mathShift
        /// A run of white space. Math mode skips it; text mode keeps one space.
        case space
        /// `\verb|...|`: the characters between the delimiters, exactly as written.
        case verbatim(String)
        /// A macro use the expander gave up on (too deep, too long): shown as TeX, and
        /// already reported.
        case unexpanded(String)
    }

    var kind: Kind
    var offset: Int
    var length: Int
    /// Whether a macro's expansion produced this token, so its span is the macro's use and
    /// its text must be rebuilt from `kind`.
    var isExpanded = false

    /// The offset just after this token.
    var end: Int { offset + length }

    /// The TeX this token stands for, rebuilt from its kind (white space as one space).
    var tex: String {
        switch kind {
        case .command(let name): return "\\" + name
        case .character(let scalar): return String(scalar)
        case .openBrace: return "{"
        case .closeBrace: return "}"
        case .caret: return "^"
        case .underscore: return "_"
        case .alignment: return "&"
        case .mathShift: return "$"
        case .space: return " "
        case .verbatim(let text): return "\\verb|" + text + "|"
        case .unexpanded(let text): return text
        }
    }
}
