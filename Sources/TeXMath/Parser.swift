/// Builds a `MathNode` tree from TeX math by recursive descent, recovering from every error.
///
/// Recovery follows one rule: a construct never consumes a token that closes an enclosing one.
/// Each row knows which tokens end it (`stops`); nested rows inherit them, so an unclosed `{`
/// inside a matrix cell ends at the cell's `&`, is reported, and the matrix survives. Tokens
/// that close nothing open (a stray `}`, `&` or `\right`) are reported and shown as TeX.
///
/// Recursion is bounded: past `MathRenderer.maximumNesting` levels the rest of the group is
/// skipped iteratively and shown as TeX, so no input can overflow the stack.
///
/// Macros are gone by the time the parser runs (`MacroExpander`); tokens they produced carry
/// the span of the macro's use, and their text is rebuilt from the tokens themselves.
struct Parser {
    private let source: [Unicode.Scalar]
    let tokens: [Token]
    var position = 0
    /// The tokens that end the row being parsed.
    var stops: StopSet = []
    var depth = 0
    /// The alphabet `\mathbf{...}` and friends select for the letters being parsed.
    var font: MathFont?
    /// How many `\left` are open around the current position, for `\middle`.
    var openLefts = 0
    /// What the parser reads and records besides the tokens: equation numbers, labels,
    /// references. Behind a reference, so that the parser value stays small: a debug build
    /// copies it into a stack slot at each call of a non-mutating method, and the nesting
    /// limit must fit in half a megabyte of stack.
    let record: Record
    private var reportedTooDeep = false
    private(set) var warnings: [MathWarning] = []

    final class Record {
        /// Whether the formula is display math: only there do `\tag` and `\label` apply, and
        /// only there are environments numbered.
        let display: Bool
        /// `MathContext.numbersEquations`.
        let numbersEquations: Bool
        /// The number the next numbered row takes; rendering hands it back to the context.
        var nextEquationNumber: Int
        /// The labels references may name (`MathContext.labels`).
        let knownLabels: [String: MathContext.Label]
        /// The user's macro names, which "did you mean" suggests too.
        let macroNames: [String]
        /// The numbered row, or the whole display formula, that `\tag`, `\notag` and `\label`
        /// apply to; `nil` in inline math.
        var equation: EquationRow?
        var labels: [RenderedMath.Label] = []
        var references: [RenderedMath.Reference] = []
        var equationTags: [String] = []
        /// The size that `\large` and friends set, against `\normalsize`: LaTeX's sizes are
        /// absolute, MathML's `mathsize` is relative to the enclosing size.
        var fontSize = 1.0

        init(display: Bool, context: MathContext) {
            self.display = display
            self.numbersEquations = context.numbersEquations
            self.nextEquationNumber = context.nextEquationNumber
            self.knownLabels = context.labels
            self.macroNames = context.macros.isEmpty ? [] : context.macroNames
        }
    }

    var display: Bool { record.display }
    var numbersEquations: Bool { record.numbersEquations }
    var knownLabels: [String: MathContext.Label] { record.knownLabels }
    var macroNames: [String] { record.macroNames }
    var nextEquationNumber: Int {
        get { record.nextEquationNumber }
        nonmutating set { record.nextEquationNumber = newValue }
    }
    var equation: EquationRow? {
        get { record.equation }
        nonmutating set { record.equation = newValue }
    }
    var labels: [RenderedMath.Label] { record.labels }
    var references: [RenderedMath.Reference] { record.references }
    var equationTags: [String] { record.equationTags }

    init(source: [Unicode.Scalar], tokens: [Token], display: Bool, context: MathContext) {
        self.source = source
        self.tokens = tokens
        self.record = Record(display: display, context: context)
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
    /// centered lines, as `gather` would set them. A display formula is one equation for
    /// `\tag` and `\label`, unless a numbered environment in it makes its own rows.
    mutating func parseFormula() -> MathNode {
        if display { equation = EquationRow(numbered: false) }
        var lines = [parseRow(until: .lineBreak)]
        while position < tokens.count {
            // Only a top-level `\\` stops the row: everything else is consumed inside it.
            position += 1
            skipRowBreakOptions()
            lines.append(parseRow(until: .lineBreak))
        }
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        let formula: MathNode = lines.count == 1
            ? .group(lines[0]) : .table(.init(rows: lines.map { [$0] }, layout: .lines))
        guard let row = equation else { return formula }
        equation = nil
        guard let tag = finish(row) else { return formula }
        var tagged = MathNode.Table(rows: [[[formula]]], layout: .gathered)
        tagged.tags = [tag]
        return .table(tagged)
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
        var infix: (fraction: InfixFraction, numeratorCount: Int)?
        while let token = peek(), !isStop(token) {
            if case .command(let name) = token.kind, Parser.rowCommands.contains(name) {
                // One lookup tells the commands that act on the row from all the others.
                if Parser.infixFractions[name] != nil {
                    readInfixFraction(token, after: &nodes, into: &infix)
                } else {
                    nodes.append(contentsOf: parseSwitch(name, token: token))
                }
                continue
            }
            let before = position
            parseRowItem(token, into: &nodes)
            if position == before {
                // Every branch consumes a token; this keeps the loop finite should one not.
                position += 1
                nodes.append(.unknown(text(of: token)))
            }
        }
        if let infix { return [Parser.infixFraction(infix.fraction, splitting: nodes, at: infix.numeratorCount)] }
        return nodes
    }

    /// `a \over b`: what comes before in the group is the numerator, the rest the denominator.
    /// TeX allows one per group; a second is reported and shown as TeX.
    private mutating func readInfixFraction(_ token: Token, after nodes: inout [MathNode],
                                            into infix: inout (fraction: InfixFraction, numeratorCount: Int)?) {
        guard case .command(let name) = token.kind, var fraction = Parser.infixFractions[name] else { return }
        position += 1
        if fraction.rule == "" { fraction.rule = readDimensionArgument(after: token) ?? "0.04em" }
        if infix != nil {
            warn("ambiguous: two of \\over, \\atop, \\choose and friends in one group; add braces", at: token)
            nodes.append(.unknown(text(of: token)))
        } else {
            infix = (fraction, nodes.count)
        }
    }

    private static func infixFraction(_ fraction: InfixFraction, splitting nodes: [MathNode], at split: Int) -> MathNode {
        let node = MathNode.fraction(numerator: .group(Array(nodes[..<split])),
                                     denominator: .group(Array(nodes[split...])), rule: fraction.rule)
        if fraction.open == nil && fraction.close == nil { return node }
        return .fenced(open: fraction.open, body: [node], close: fraction.close)
    }

    /// TeX's infix fractions, which split their group in two.
    struct InfixFraction: Sendable {
        /// The thickness of the bar (`nil` the font's, `"0"` none, `""` read after `\above`).
        var rule: String?
        var open: String?
        var close: String?
    }

    static let infixFractions: [String: InfixFraction] = [
        "over": InfixFraction(rule: nil), "atop": InfixFraction(rule: "0"),
        "above": InfixFraction(rule: ""), "choose": InfixFraction(rule: "0", open: "(", close: ")"),
        "brace": InfixFraction(rule: "0", open: "{", close: "}"),
        "brack": InfixFraction(rule: "0", open: "[", close: "]"),
    ]

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
        case .command(let name) where Parser.rowBreakCommands.contains(name) || name == "right" || name == "end":
            nodes.append(parseStrayCloser(token))
        default:
            if let node = parseScriptedAtom() { nodes.append(node) }
        }
    }

    /// A `\\`, `\right` or `\end` that closes nothing: reported and shown as TeX.
    private mutating func parseStrayCloser(_ token: Token) -> MathNode {
        let start = position
        position += 1
        switch token.kind {
        case .command("right"):
            _ = readDelimiter(after: token, name: "\\right", reportMissing: false)
            warn("\\right without a matching \\left", fromToken: start)
        case .command("end"):
            _ = readEnvironmentName()
            warn("\\end without a matching \\begin", fromToken: start)
        default:
            skipRowBreakOptions()
            warn("'\(text(of: token))' outside a table", fromToken: start)
        }
        return .unknown(consumedText(fromToken: start))
    }

    /// A switch that changes the rest of its group (`\displaystyle`, `\large`, `\color{red}`,
    /// `\bf`), which it takes as its body.
    private mutating func parseSwitch(_ name: String, token: Token) -> [MathNode] {
        position += 1
        if let change = Parser.styleChanges[name] { return [.style(change, parseRow(until: stops))] }
        if let size = Parser.sizeChanges[name] {
            let enclosingSize = record.fontSize
            record.fontSize = size
            defer { record.fontSize = enclosingSize }
            return [.style(.size(Parser.cssLength(em: size / enclosingSize)), parseRow(until: stops))]
        }
        if let font = Parser.fontSwitches[name] {
            let enclosingFont = self.font
            self.font = font
            defer { self.font = enclosingFont }
            return parseRow(until: stops)
        }
        let color = readColor(after: token)
        let rest = parseRow(until: stops)
        return [color.map { .style(.color($0), rest) } ?? .group(rest)]
    }

    /// Commands that act on the rest of their row: infix fractions and switches.
    static let rowCommands: Set<String> = Set(infixFractions.keys).union(styleChanges.keys)
        .union(sizeChanges.keys).union(fontSwitches.keys).union(["color"])

    static let styleChanges: [String: MathNode.StyleChange] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script,
        "scriptscriptstyle": .scriptScript,
    ]

    /// LaTeX's size commands, as KaTeX scales them against `\normalsize`.
    static let sizeChanges: [String: Double] = [
        "tiny": 0.5, "sixptsize": 0.6, "scriptsize": 0.7, "footnotesize": 0.8, "small": 0.9,
        "normalsize": 1, "large": 1.2, "Large": 1.44, "LARGE": 1.728, "huge": 2.074, "Huge": 2.488,
    ]

    /// Plain TeX's font switches (`{\bf x}`), which take the rest of their group.
    static let fontSwitches: [String: MathFont] = [
        "rm": .roman, "bf": .bold, "it": .italic, "cal": .script, "sf": .sansSerif, "tt": .monospace,
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
        case .verbatim(let text):
            position += 1
            return .text(text, .monospace)
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
        case "`": return .identifier("‘", upright: false)
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
        if !reportedTooDeep {
            reportedTooDeep = true
            warn("formula nested more than \(MathRenderer.maximumNesting) levels deep; the rest is shown as TeX",
                 fromToken: start)
        }
        return .unknown(consumedText(fromToken: start))
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

    /// The TeX of one token: the source it came from, or for a macro's token its own text.
    func text(of token: Token) -> String {
        if token.isExpanded { return token.tex }
        return text(from: token.offset, to: token.end)
    }

    private func text(from start: Int, to end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: source[start..<end])
        return String(view)
    }

    /// The TeX of the tokens from index `start` up to the current position, to show as TeX,
    /// cut short so that a megabyte of garbage does not become a megabyte-wide line. Source
    /// text where the tokens are the author's (spaces and comments as written), rebuilt where
    /// a macro produced them.
    func consumedText(fromToken start: Int) -> String {
        let limit = 200
        guard start < position else { return "" }
        if !tokens[start..<position].contains(where: { $0.isExpanded }) {
            let offset = tokens[start].offset
            let end = consumedEnd
            if end - offset <= limit { return text(from: offset, to: end) }
            return text(from: offset, to: offset + limit) + "…"
        }
        var text = ""
        for token in tokens[start..<position] {
            text += self.text(of: token)
            if text.unicodeScalars.count > limit { return String(text.unicodeScalars.prefix(limit)) + "…" }
        }
        return text
    }

    /// Records a warning, up to `MathRenderer.maximumWarnings`; the last one says that more
    /// were dropped. `notes` is only evaluated for warnings that are kept.
    mutating func warn(_ message: String, at token: Token, notes: @autoclosure () -> [String] = []) {
        warn(message, offset: token.offset, length: token.length, notes: notes())
    }

    /// Records a warning covering the tokens from index `start` up to the current position.
    mutating func warn(_ message: String, fromToken start: Int, notes: @autoclosure () -> [String] = []) {
        let offset = start < tokens.count ? tokens[start].offset : consumedEnd
        warn(message, offset: offset, length: consumedEnd - offset, notes: notes())
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
        case .classed(let content, .largeOperator, _):
            return .classed(content, .largeOperator, limits: limits)
        case .accent(_, let accent) where accent.takesLimits:
            return self
        default:
            return nil
        }
    }
}
