import Diagnostics

/// A keyword of the language.
public enum Keyword: String, CaseIterable, Sendable {
    case fn, `return`, `for`, `in`, `if`, `else`, `while`, `break`, `continue`
    case `true`, `false`, and, or, not
}

/// Punctuation and operators.
public enum Symbol: String, CaseIterable, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", caret = "^", at = "@"
    case assign = "=", plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/="
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case comma = ",", colon = ":", dot = ".", semicolon = ";", halfOpenRange = "..<"
}

/// A piece of a formatted string `f"lr = {lr:.3f}"`: literal text, or an expression to
/// evaluate, with its code, where that code sits in the file, and the format after its `:`.
public enum FormatPart: Hashable, Sendable {
    case text(String)
    case expression(code: String, origin: SourceOrigin, spec: String?, range: SourceRange)
}

/// What a token is.
public enum TokenKind: Hashable, Sendable {
    case number(Double)
    case string(String)
    /// `f"..."`: text with `{expression}` and `{expression:format}` in it.
    case formatString([FormatPart])
    case identifier(String)
    case keyword(Keyword)
    case symbol(Symbol)
    /// A line break that ends a statement (line breaks inside parentheses and brackets
    /// produce none).
    case newline
    /// `# ...` to the end of the line: kept for the highlighter, skipped by the parser.
    case comment
    /// Text the lexer could not read; the diagnostic says why.
    case invalid
    case end
}

/// A token with where it is: in the file (for diagnostics) and in the code, as offsets in
/// Unicode scalars (for the highlighter, which copies the text between tokens as it is).
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange
    public var offsets: Range<Int>

    public init(_ kind: TokenKind, range: SourceRange, offsets: Range<Int>) {
        self.kind = kind
        self.range = range
        self.offsets = offsets
    }
}
