/// Splits TeX math into tokens in one pass.
///
/// The lexer knows nothing about commands: it only finds where each one starts and ends, drops
/// `%` comments, and folds white space runs, so the parser never has to look at raw scalars
/// except to quote them back in warnings.
struct Lexer {
    let source: [Unicode.Scalar]

    init(source: [Unicode.Scalar]) {
        self.source = source
    }

    func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            let start = index
            let scalar = source[index]
            index += 1
            let kind: Token.Kind
            switch scalar {
            case "\\":
                if index == source.count {
                    kind = .command("")
                } else if Lexer.isLetter(source[index]) {
                    var name = String.UnicodeScalarView()
                    while index < source.count, Lexer.isLetter(source[index]) {
                        name.append(source[index])
                        index += 1
                    }
                    kind = Lexer.verbatim(after: String(name), in: source, at: &index) ?? .command(String(name))
                } else {
                    kind = .command(String(source[index]))
                    index += 1
                }
            case "{": kind = .openBrace
            case "}": kind = .closeBrace
            case "^": kind = .caret
            case "_": kind = .underscore
            case "&": kind = .alignment
            case "$": kind = .mathShift
            case "%":
                // A comment runs to the end of the line, as in TeX; the line break itself ends it.
                while index < source.count, source[index] != "\n" { index += 1 }
                continue
            default:
                if scalar.properties.isWhitespace {
                    while index < source.count, source[index].properties.isWhitespace { index += 1 }
                    kind = .space
                } else {
                    kind = .character(scalar)
                }
            }
            tokens.append(Token(kind: kind, offset: start, length: index - start))
        }
        return tokens
    }

    /// `\verb|x y|` and `\verb*|x|`: the characters up to the next copy of the delimiter, on
    /// the same line, kept exactly (spaces and `%` included), which is why the lexer and not
    /// the parser reads them. `nil`, consuming nothing, when `name` is not `verb` or no
    /// delimiter closes the text.
    private static func verbatim(after name: String, in source: [Unicode.Scalar], at index: inout Int) -> Token.Kind? {
        guard name == "verb" else { return nil }
        var start = index
        if start < source.count, source[start] == "*" { start += 1 }
        guard start < source.count else { return nil }
        let delimiter = source[start]
        guard !isLetter(delimiter), !delimiter.properties.isWhitespace else { return nil }
        var end = start + 1
        while end < source.count, source[end] != delimiter, source[end] != "\n" { end += 1 }
        guard end < source.count, source[end] == delimiter else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: source[(start + 1)..<end])
        index = end + 1
        return .verbatim(String(text))
    }

    /// TeX command names are ASCII letters only (`\alpha2` is `\alpha` then `2`).
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
