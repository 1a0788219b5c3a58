import Language

/// Syntax highlighting for computation blocks, by the language's own lexer: what is coloured
/// as a keyword is exactly what the parser reads as one.
///
/// The text between tokens (spaces, line breaks) is copied as it is, so the highlighted code
/// reads exactly like the source; every piece is escaped.
public struct Highlighter: Sendable {
    public init() {}

    /// The code as HTML for a `<pre><code>`: tokens wrapped in `<span class="hl-...">`.
    ///
    /// Classes: `hl-k` keyword, `hl-c` constant (`true`, `false`), `hl-n` number, `hl-s`
    /// string, `hl-f` a called name, `hl-a` a named argument's label, `hl-o` operator,
    /// `hl-cm` comment, `hl-x` text the lexer could not read.
    public func html(_ code: String) -> String {
        let tokens = Lexer(code).tokens
        let scalars = Array(code.unicodeScalars)
        var html = ""
        html.reserveCapacity(code.utf8.count * 2)
        var position = 0
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range]))
        }
        for (index, token) in tokens.enumerated() {
            let range = token.offsets.clamped(to: 0..<scalars.count)
            guard range.lowerBound >= position else { continue }
            if range.lowerBound > position {
                html += HTML.escape(text(position..<range.lowerBound))
                position = range.lowerBound
            }
            guard !range.isEmpty else { continue }
            let next = tokens[(index + 1)...].first { $0.kind != .newline && $0.kind != .comment }?.kind
            let source = HTML.escape(text(range))
            if let style = Self.style(token.kind, next: next) {
                html += "<span class=\"" + style + "\">" + source + "</span>"
            } else {
                html += source
            }
            position = range.upperBound
        }
        if position < scalars.count { html += HTML.escape(text(position..<scalars.count)) }
        return html
    }

    /// The class of a token, given the kind of the token after it (a name followed by `(`
    /// is a call; followed by `:`, an argument label).
    static func style(_ kind: TokenKind, next: TokenKind?) -> String? {
        switch kind {
        case .number: return "hl-n"
        case .string, .formatString: return "hl-s"
        case .comment: return "hl-cm"
        case .invalid: return "hl-x"
        case .keyword(let keyword):
            return keyword == .true || keyword == .false ? "hl-c" : "hl-k"
        case .identifier:
            if next == .symbol(.leftParen) { return "hl-f" }
            if next == .symbol(.colon) { return "hl-a" }
            return nil
        case .symbol(let symbol):
            switch symbol {
            case .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace,
                 .comma, .colon, .dot, .semicolon, .assign:
                return nil
            default:
                return "hl-o"
            }
        case .newline, .end:
            return nil
        }
    }
}
