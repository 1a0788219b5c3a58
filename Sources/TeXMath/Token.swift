/// One lexical unit of TeX math, with the source span it came from.
///
/// Offsets count Unicode scalars, the unit `MathWarning` reports in.
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
    }

    var kind: Kind
    var offset: Int
    var length: Int

    /// The offset just after this token.
    var end: Int { offset + length }
}
