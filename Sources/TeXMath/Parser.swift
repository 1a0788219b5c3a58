/// Builds a `MathNode` tree from TeX math by recursive descent, recovering from every error.
///
/// Recovery follows one rule: a construct never consumes a token that closes an enclosing one.
/// Each row knows which tokens end it (`stops`); nested rows inherit them, so an unclosed `{`
/// inside a matrix cell ends at the cell's `&`, is reported, and the matrix survives. Tokens
/// that close nothing open (a stray `}`, `&` or `\right`) are reported and shown as TeX.
///
/// Recursion is bounded: past `MathRenderer.maximumNesting` levels the rest of the group is
/// skipped iteratively and shown as TeX, so no input can overflow the stack.
struct Parser {
    private let source: [Unicode.Scalar]
    private let tokens: [Token]
    var position = 0
    /// The tokens that end the row being parsed.
    var stops: StopSet = []
    private var depth = 0
    /// The alphabet `\mathbf{...}` and friends select for the letters being parsed.
    var font: MathFont?
    /// How many `\left` are open around the current position, for `\middle`.
    var openLefts = 0
    private var reportedTooDeep = false
    private(set) var warnings: [MathWarning] = []

    init(source: [Unicode.Scalar]) {
        self.source = source
        self.tokens = Lexer(source: source).tokenize()
    }

    /// Tokens that end a row: what closes the construct being parsed, or an enclosing one.
    struct StopSet: OptionSet, Sendable {
        let rawValue: UInt8
        static let closeBrace = StopSet(rawValue: 1 << 0)
        static let right = StopSet(rawValue: 1 << 1)
        static let end = StopSet(rawValue: 1 << 2)
        static let alignment = StopSet(rawValue: 1 << 3)
        static let rowBreak = StopSet(rawValue: 1 << 4)
        static let mathShift = StopSet(rawValue: 1 << 5)
        /// The `]` of `\sqrt[...]`. Not inherited: braces protect a `]` (`\sqrt[{]}]{x}`).
        static let closeBracket = StopSet(rawValue: 1 << 6)
        /// `\\` outside any environment, which splits the formula into lines. Not inherited:
        /// inside braces or `\left...\right` a `\\` is an error.
        static let lineBreak = StopSet(rawValue: 1 << 7)

        /// What a row nested in this one also stops at.
        var inherited: StopSet { subtracting([.closeBracket, .lineBreak]) }
    }

    /// `\\` and its plain TeX synonyms.
    static let rowBreakCommands: Set<String> = ["\\", "cr", "newline"]

    // MARK: - Formula and rows

    /// Parses the whole source. A formula with `\\` outside any environment becomes a table of
    /// centered lines, as KaTeX shows it.
    mutating func parseFormula() -> MathNode {
        var lines = [parseRow(until: .lineBreak)]
        while position < tokens.count {
            // Only a top-level `\\` stops the row: everything else is consumed inside it.
            position += 1
            skipRowBreakOptions()
            lines.append(parseRow(until: .lineBreak))
        }
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        if lines.count == 1 { return .group(lines[0]) }
        return .table(.init(rows: lines.map { [$0] }, layout: .lines))
    }

    /// Parses atoms up to (not including) a token in `stop`, or the end of the source.
    mutating func parseRow(until stop: StopSet) -> [MathNode] {
        depth += 1
        let enclosingStops = stops
        stops = stop
        defer {
            depth -= 1
            stops = enclosingStops
        }
        if depth > MathRenderer.maximumNesting { return [skipTooDeepRow()] }
        var nodes: [MathNode] = []
        while let token = peek(), !isStop(token) {
            let before = position
            parseRowItem(token, into: &nodes)
            if position == before {
                // Every branch consumes a token; this keeps the loop finite should one not.
                position += 1
                nodes.append(.unknown(text(of: token)))
            }
        }
        return nodes
    }

    private mutating func parseRowItem(_ token: Token, into nodes: inout [MathNode]) {
        switch token.kind {
        case .space:
            position += 1
        case .closeBrace:
            position += 1
            warn("unbalanced braces: '}' without a matching '{'", at: token)
            nodes.append(.unknown("}"))
        case .alignment:
            position += 1
            warn("'&' outside a table", at: token)
            nodes.append(.unknown("&"))
        case .mathShift:
            position += 1
            warn("'$' inside math", at: token)
            nodes.append(.unknown("$"))
        case .command(let name) where Parser.rowBreakCommands.contains(name):
            position += 1
            skipRowBreakOptions()
            warn("'\\\(name)' outside a table", offset: token.offset, length: consumedEnd - token.offset)
            nodes.append(.unknown(text(from: token.offset, to: consumedEnd)))
        case .command("right"):
            position += 1
            _ = readDelimiter(after: token, name: "\\right", reportMissing: false)
            warn("\\right without a matching \\left", offset: token.offset, length: consumedEnd - token.offset)
            nodes.append(.unknown(text(from: token.offset, to: consumedEnd)))
        case .command("end"):
            position += 1
            _ = readEnvironmentName()
            warn("\\end without a matching \\begin", offset: token.offset, length: consumedEnd - token.offset)
            nodes.append(.unknown(text(from: token.offset, to: consumedEnd)))
        case .command(let name) where Parser.styleChanges[name] != nil:
            // A style switch applies to the rest of its group, so it takes that rest as its body.
            position += 1
            nodes.append(.style(Parser.styleChanges[name]!, parseRow(until: stops)))
        default:
            if let node = parseScriptedAtom() { nodes.append(node) }
        }
    }

    static let styleChanges: [String: MathNode.StyleChange] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script,
        "scriptscriptstyle": .scriptScript,
    ]

    // MARK: - Atoms and scripts

    /// One atom with its sub- and superscripts and primes. Scripts with nothing before them
    /// attach to an empty base, as TeX's `{}^{14}C` does.
    mutating func parseScriptedAtom() -> MathNode? {
        guard let first = peek() else { return nil }
        var base: MathNode
        switch first.kind {
        case .caret, .underscore, .character("'"):
            base = .group([])
        default:
            guard let atom = parseAtom() else { return nil }
            base = atom
        }
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        scripts: while true {
            skipSpaces()
            guard let token = peek() else { break }
            switch token.kind {
            case .character("'"):
                if sup != nil {
                    warn("double superscript", at: token)
                    break scripts
                }
                primes += 1
                position += 1
            case .caret:
                if sup != nil {
                    warn("double superscript", at: token)
                    break scripts
                }
                position += 1
                sup = parseArgument(of: token, name: "^")
            case .underscore:
                if sub != nil {
                    warn("double subscript", at: token)
                    break scripts
                }
                position += 1
                sub = parseArgument(of: token, name: "_")
            case .command(let name) where Parser.limitCommands[name] != nil:
                position += 1
                if let changed = base.withLimits(Parser.limitCommands[name]!) {
                    base = changed
                } else {
                    warn("\\\(name) must follow an operator", at: token)
                }
            default:
                break scripts
            }
        }
        if primes > 0 {
            // Primes are a superscript, and come before an explicit one: f'^2 is f^{\prime 2}.
            let prime = MathNode.symbol(Symbols.prime(primes))
            switch sup {
            case nil: sup = prime
            case .group(let nodes): sup = .group([prime] + nodes)
            case let other?: sup = .group([prime, other])
            }
        }
        if sub == nil && sup == nil { return base }
        return .scripts(base: base, sub: sub, sup: sup)
    }

    static let limitCommands: [String: MathNode.Limits] = [
        "limits": .always, "nolimits": .never, "displaylimits": .displayOnly,
    ]

    /// A single atom: a group, a character (a whole number in a row) or a command with its
    /// arguments. Returns `nil` for commands that produce nothing (`\nonumber`).
    mutating func parseAtom() -> MathNode? {
        guard let token = peek() else { return nil }
        switch token.kind {
        case .openBrace:
            position += 1
            return .group(parseGroupBody(openedBy: token))
        case .character(let scalar):
            return parseCharacter(scalar, token: token, wholeNumber: true)
        case .command(let name):
            position += 1
            return parseCommand(name, token: token)
        default:
            position += 1
            return .unknown(text(of: token))
        }
    }

    /// The inside of `{...}`, after the `{`, consuming the `}` when it is there.
    mutating func parseGroupBody(openedBy open: Token) -> [MathNode] {
        let body = parseRow(until: stops.inherited.union(.closeBrace))
        if peek()?.kind == .closeBrace {
            position += 1
        } else {
            warn("unbalanced braces: '{' is never closed", at: open)
        }
        return body
    }

    /// A character typed in math mode. In a row, digits gather into one number (`0.731`); as
    /// an argument only one digit counts, as in TeX (`\frac12`).
    mutating func parseCharacter(_ scalar: Unicode.Scalar, token: Token, wholeNumber: Bool) -> MathNode {
        position += 1
        if Parser.isDigit(scalar) || (scalar == "." && wholeNumber && Parser.isDigit(character(at: position))) {
            var digits = String.UnicodeScalarView([scalar])
            if wholeNumber {
                var seenPoint = scalar == "."
                while let next = character(at: position) {
                    if Parser.isDigit(next) {
                        digits.append(next)
                    } else if next == ".", !seenPoint, Parser.isDigit(character(at: position + 1)) {
                        seenPoint = true
                        digits.append(next)
                    } else {
                        break
                    }
                    position += 1
                }
            }
            return .number(styled(String(digits)))
        }
        switch scalar {
        case "'": return .symbol(Symbols.prime(1))
        case "~": return .text("\u{A0}", .normal)
        case "|", ".", "\"": return .identifier(String(scalar), upright: false)
        default: break
        }
        if let symbol = Symbols.characters[scalar] ?? Symbols.unicodeOperators[scalar] {
            return .symbol(symbol)
        }
        return identifier(scalar, upright: false)
    }

    /// A command's argument: a `{...}` group or a single token (with its own arguments if it
    /// is a command, as in `\frac\alpha2`). A missing one is reported and left empty.
    mutating func parseArgument(of command: Token, name: String) -> MathNode {
        skipSpaces()
        guard let token = peek(), canStartArgument(token) else {
            switch name {
            case "^": warn("missing superscript after '^'", at: command)
            case "_": warn("missing subscript after '_'", at: command)
            default: warn("missing argument for \(name)", at: command)
            }
            return .group([])
        }
        depth += 1
        defer { depth -= 1 }
        if depth > MathRenderer.maximumNesting { return skipTooDeepArgument() }
        switch token.kind {
        case .openBrace:
            position += 1
            return .group(parseGroupBody(openedBy: token))
        case .character(let scalar):
            return parseCharacter(scalar, token: token, wholeNumber: false)
        default:
            return parseAtom() ?? .group([])
        }
    }

    private func canStartArgument(_ token: Token) -> Bool {
        if isStop(token) { return false }
        switch token.kind {
        case .closeBrace, .alignment, .caret, .underscore, .mathShift:
            return false
        case .command(let name):
            return name != "right" && name != "end" && !Parser.rowBreakCommands.contains(name)
        default:
            return true
        }
    }

    // MARK: - Nesting limit

    /// Past the nesting limit: skips the rest of the row without recursing (counting braces,
    /// `\left`/`\right` and `\begin`/`\end` to find where it ends) and shows it as TeX.
    private mutating func skipTooDeepRow() -> MathNode {
        let start = position
        var level = 0
        while let token = peek() {
            if level == 0 && isStop(token) { break }
            switch token.kind {
            case .openBrace, .command("left"), .command("begin"):
                level += 1
            case .closeBrace, .command("right"), .command("end"):
                level = max(0, level - 1)
            default:
                break
            }
            position += 1
        }
        return reportTooDeep(from: start)
    }

    /// Past the nesting limit for an argument: skips one token or one balanced `{...}`.
    private mutating func skipTooDeepArgument() -> MathNode {
        let start = position
        var level = 0
        repeat {
            switch tokens[position].kind {
            case .openBrace: level += 1
            case .closeBrace: level -= 1
            default: break
            }
            position += 1
        } while level > 0 && position < tokens.count
        return reportTooDeep(from: start)
    }

    private mutating func reportTooDeep(from start: Int) -> MathNode {
        guard start < position else { return .group([]) }
        let offset = tokens[start].offset
        if !reportedTooDeep {
            reportedTooDeep = true
            warn("formula nested more than \(MathRenderer.maximumNesting) levels deep; the rest is shown as TeX",
                 offset: offset, length: consumedEnd - offset)
        }
        return .unknown(excerpt(from: offset, to: consumedEnd))
    }

    // MARK: - Helpers

    func peek() -> Token? {
        position < tokens.count ? tokens[position] : nil
    }

    mutating func skipSpaces() {
        while position < tokens.count, tokens[position].kind == .space { position += 1 }
    }

    /// The character token at `index`, if it is one.
    func character(at index: Int) -> Unicode.Scalar? {
        guard index < tokens.count, case .character(let scalar) = tokens[index].kind else { return nil }
        return scalar
    }

    func isStop(_ token: Token) -> Bool {
        switch token.kind {
        case .closeBrace: return stops.contains(.closeBrace)
        case .alignment: return stops.contains(.alignment)
        case .mathShift: return stops.contains(.mathShift)
        case .character("]"): return stops.contains(.closeBracket)
        case .command("right"): return stops.contains(.right)
        case .command("end"): return stops.contains(.end)
        case .command(let name) where Parser.rowBreakCommands.contains(name):
            return stops.contains(.rowBreak) || stops.contains(.lineBreak)
        default: return false
        }
    }

    /// `\\[4pt]` and `\\*`: the options of a row break, which only change spacing.
    mutating func skipRowBreakOptions() {
        if character(at: position) == "*" { position += 1 }
        var probe = position
        while probe < tokens.count, tokens[probe].kind == .space { probe += 1 }
        guard character(at: probe) == "[" else { return }
        var end = probe + 1
        while end < tokens.count, end - probe < 32 {
            if character(at: end) == "]" {
                position = end + 1
                return
            }
            end += 1
        }
    }

    /// The offset just after the last consumed token.
    var consumedEnd: Int {
        position == 0 ? 0 : tokens[position - 1].end
    }

    static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }

    /// An identifier in the current alphabet.
    func identifier(_ scalar: Unicode.Scalar, upright: Bool) -> MathNode {
        guard let font else { return .identifier(String(scalar), upright: upright) }
        let styled = font.apply(to: scalar, defaultUpright: upright)
        return .identifier(styled.text, upright: styled.upright)
    }

    /// Digits in the current alphabet (`\mathbf{1}` is U+1D7CF).
    private func styled(_ digits: String) -> String {
        guard let font else { return digits }
        return String(digits.unicodeScalars.map { font.apply(to: $0, defaultUpright: false).text }.joined())
    }

    func text(of token: Token) -> String {
        text(from: token.offset, to: token.end)
    }

    func text(from start: Int, to end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: source[start..<end])
        return String(view)
    }

    /// Source text for an error shown as TeX, cut short so that a megabyte of garbage does
    /// not become a megabyte-wide line.
    func excerpt(from start: Int, to end: Int) -> String {
        let limit = 200
        if end - start <= limit { return text(from: start, to: end) }
        return text(from: start, to: start + limit) + "…"
    }

    /// Records a warning, up to `MathRenderer.maximumWarnings`; the last one says that more
    /// were dropped. `notes` is only evaluated for warnings that are kept.
    mutating func warn(_ message: String, at token: Token, notes: @autoclosure () -> [String] = []) {
        warn(message, offset: token.offset, length: token.length, notes: notes())
    }

    mutating func warn(_ message: String, offset: Int, length: Int, notes: @autoclosure () -> [String] = []) {
        let limit = MathRenderer.maximumWarnings
        if warnings.count < limit - 1 {
            warnings.append(MathWarning(message: message, offset: offset, length: max(length, 1), notes: notes()))
        } else if warnings.count == limit - 1 {
            warnings.append(MathWarning(message: "too many problems in this formula; the rest are not reported",
                                        offset: offset, length: max(length, 1)))
        }
    }
}

extension MathNode {
    /// This operator with `\limits`, `\nolimits` or `\displaylimits` applied, or `nil` if the
    /// node is not an operator.
    fileprivate func withLimits(_ limits: Limits) -> MathNode? {
        switch self {
        case .symbol(var symbol) where symbol.atomClass == .largeOperator:
            symbol.limits = limits
            return .symbol(symbol)
        case .function(let name, _):
            return .function(name: name, limits: limits)
        case .accent(_, let accent) where accent.takesLimits:
            return self
        default:
            return nil
        }
    }
}
