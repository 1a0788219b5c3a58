import Diagnostics

/// Turns a block's code into tokens with exact file positions.
///
/// The same lexer serves the parser and the site's syntax highlighter, so what is
/// highlighted as a keyword is exactly what the parser reads as one.
public struct Lexer {
    public private(set) var tokens: [Token] = []
    public private(set) var diagnostics: [Diagnostic] = []

    private let scalars: [Unicode.Scalar]
    private let origin: SourceOrigin
    private var position = 0
    private var line = 0
    private var column = 1
    /// Open brackets, innermost last: line breaks count only directly inside braces or at
    /// the top level, so a call or a list can span lines.
    private var nesting: [Symbol] = []

    public init(_ code: String, origin: SourceOrigin = SourceOrigin()) {
        self.scalars = Array(code.unicodeScalars)
        self.origin = origin
        lex()
    }

    private var location: SourceLocation { origin.location(line: line, column: column) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func advance() {
        if scalars[position] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        position += 1
    }

    private mutating func emit(_ kind: TokenKind, from start: Int, _ startLocation: SourceLocation) {
        tokens.append(Token(kind, range: SourceRange(start: startLocation, end: location), offsets: start..<position))
    }

    private mutating func lex() {
        while let c = peek() {
            let start = position, startLocation = location
            switch c {
            case " ", "\t", "\r":
                advance()
            case "\n":
                advance()
                if nesting.last == nil || nesting.last == .leftBrace,
                    let last = tokens.last?.kind, last != .newline
                {
                    tokens.append(Token(.newline, range: SourceRange(at: startLocation), offsets: start..<position))
                }
            case "#":
                while let d = peek(), d != "\n" { advance() }
                emit(.comment, from: start, startLocation)
            case "\"":
                lexString(start, startLocation)
            case _ where Self.isDigit(c):
                lexNumber(start, startLocation)
            case "f" where peek(1) == "\"":
                advance()
                lexFormatString(start, startLocation)
            case _ where Self.isIdentifierStart(c):
                while let d = peek(), Self.isIdentifierPart(d) { advance() }
                let word = String(String.UnicodeScalarView(scalars[start..<position]))
                emit(Keyword(rawValue: word).map(TokenKind.keyword) ?? .identifier(word), from: start, startLocation)
            default:
                lexSymbol(c, start, startLocation)
            }
        }
        tokens.append(Token(.end, range: SourceRange(at: location), offsets: position..<position))
    }

    private mutating func lexNumber(_ start: Int, _ startLocation: SourceLocation) {
        func digits() { while let d = peek(), Self.isDigit(d) || d == "_" { advance() } }
        digits()
        if peek() == ".", let next = peek(1), Self.isDigit(next) {
            advance()
            digits()
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if let d = peek(1 + sign), Self.isDigit(d) {
                for _ in 0...sign { advance() }
                digits()
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position])).replacingOccurrences("_", "")
        if let value = Double(text) {
            emit(.number(value), from: start, startLocation)
        } else {
            emit(.invalid, from: start, startLocation)
            diagnostics.append(.error("malformed number '\(text)'", at: tokens.last!.range))
        }
    }

    private mutating func lexString(_ start: Int, _ startLocation: SourceLocation) {
        advance()
        var value = ""
        while let c = peek(), c != "\"", c != "\n" {
            if c == "\\", let next = peek(1) {
                advance()
                advance()
                switch next {
                case "n": value += "\n"
                case "t": value += "\t"
                case "\"": value += "\""
                case "\\": value += "\\"
                default:
                    diagnostics.append(.error("unknown escape '\\\(next)' in a string",
                                              at: SourceRange(start: origin.location(line: line, column: column - 2), end: location),
                                              notes: [.init("write \\\\ for a backslash")]))
                }
                continue
            }
            value.unicodeScalars.append(c)
            advance()
        }
        if peek() == "\"" {
            advance()
            emit(.string(value), from: start, startLocation)
        } else {
            emit(.invalid, from: start, startLocation)
            diagnostics.append(.error("unterminated string", at: SourceRange(at: startLocation),
                                      notes: [.init("a string ends with \" on the same line")]))
        }
    }

    /// `f"text {expression:format} text"`, on one line. `{{` and `}}` are braces; an
    /// expression runs to the `}` that closes its `{` (brackets, braces and strings inside it
    /// nest), and a `:` outside any bracket starts its format.
    private mutating func lexFormatString(_ start: Int, _ startLocation: SourceLocation) {
        advance()
        var parts: [FormatPart] = []
        var text = ""
        func flush() {
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
        }
        func fail(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
            diagnostics.append(.error(message, at: range, notes: notes))
        }
        var failed = false
        while let c = peek(), c != "\"", c != "\n" {
            if c == "{" && peek(1) == "{" || c == "}" && peek(1) == "}" {
                text.unicodeScalars.append(c)
                advance()
                advance()
                continue
            }
            if c == "}" {
                fail("a single '}' in a formatted string", at: SourceRange(at: location), notes: [.init("write }} for a brace")])
                failed = true
                advance()
                continue
            }
            if c == "\\", let next = peek(1) {
                let escapeStart = location
                advance()
                advance()
                switch next {
                case "n": text += "\n"
                case "t": text += "\t"
                case "\"": text += "\""
                case "\\": text += "\\"
                default:
                    fail("unknown escape '\\\(next)' in a string", at: SourceRange(start: escapeStart, end: location),
                         notes: [.init("write \\\\ for a backslash")])
                    failed = true
                }
                continue
            }
            guard c == "{" else {
                text.unicodeScalars.append(c)
                advance()
                continue
            }
            let open = location
            advance()
            let codeStart = location, codeStartPosition = position
            var depth = 0
            var specStart: Int?
            var closed = false
            while let d = peek(), d != "\n" {
                if d == "\"" {
                    // A string inside the expression: skip it whole.
                    advance()
                    while let e = peek(), e != "\"", e != "\n" {
                        if e == "\\" && peek(1) != nil && peek(1) != "\n" { advance() }
                        advance()
                    }
                    if peek() == "\"" { advance() }
                    continue
                }
                if specStart == nil {
                    if d == "(" || d == "[" || d == "{" { depth += 1 }
                    if d == ")" || d == "]" || (d == "}" && depth > 0) { depth -= 1; advance(); continue }
                    if d == "}" && depth == 0 { closed = true; break }
                    if d == ":" && depth == 0 { specStart = position + 1 }
                } else if d == "}" {
                    closed = true
                    break
                }
                advance()
            }
            guard closed else {
                fail("a '{' in a formatted string is never closed", at: SourceRange(at: open),
                     notes: [.init("close the expression with } on the same line, or write {{ for a brace")])
                failed = true
                break
            }
            let codeEnd = specStart.map { $0 - 1 } ?? position
            let code = String(String.UnicodeScalarView(scalars[codeStartPosition..<codeEnd]))
            let spec = specStart.map { String(String.UnicodeScalarView(scalars[$0..<position])) }
            advance()
            if code.allSatisfy({ $0 == " " || $0 == "\t" }) {
                fail("an empty '{}' in a formatted string", at: SourceRange(start: open, end: location),
                     notes: [.init("put an expression inside, as in f\"x = {x}\", or write {{}} for braces")])
                failed = true
                continue
            }
            flush()
            parts.append(.expression(code: code, origin: SourceOrigin(firstLine: codeStart.line, columnOffsets: [codeStart.column - 1]),
                                     spec: spec, range: SourceRange(start: open, end: location)))
        }
        flush()
        if peek() == "\"" {
            advance()
            emit(failed ? .invalid : .formatString(parts), from: start, startLocation)
        } else {
            emit(.invalid, from: start, startLocation)
            if !failed {
                diagnostics.append(.error("unterminated string", at: SourceRange(at: startLocation),
                                          notes: [.init("a string ends with \" on the same line")]))
            }
        }
    }

    private mutating func lexSymbol(_ c: Unicode.Scalar, _ start: Int, _ startLocation: SourceLocation) {
        if c == ".", peek(1) == ".", peek(2) != "<" {
            advance()
            advance()
            emit(.invalid, from: start, startLocation)
            diagnostics.append(.error("'..' is not an operator", at: tokens.last!.range,
                                      notes: [.init("ranges are written a..<b (the end is excluded)")]))
            return
        }
        // Longest match first.
        for length in [3, 2, 1] where position + length <= scalars.count {
            let text = String(String.UnicodeScalarView(scalars[position..<(position + length)]))
            guard let symbol = Symbol(rawValue: text) else { continue }
            for _ in 0..<length { advance() }
            switch symbol {
            case .leftParen, .leftBracket, .leftBrace: nesting.append(symbol)
            case .rightParen, .rightBracket, .rightBrace: if !nesting.isEmpty { nesting.removeLast() }
            default: break
            }
            emit(.symbol(symbol), from: start, startLocation)
            return
        }
        advance()
        emit(.invalid, from: start, startLocation)
        var notes: [Diagnostic.Note] = []
        if c == "'" { notes.append(.init("strings are written in double quotes")) }
        if c == "$" { notes.append(.init("math belongs in the prose around the block, not in code")) }
        diagnostics.append(.error("unexpected character '\(Self.printable(c))'", at: tokens.last!.range, notes: notes))
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.properties.isAlphabetic && !isDigit(c))
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || isDigit(c) || c.properties.isAlphabetic
    }

    static func printable(_ c: Unicode.Scalar) -> String {
        c.properties.generalCategory == .control ? "U+" + String(c.value, radix: 16, uppercase: true) : String(c)
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
