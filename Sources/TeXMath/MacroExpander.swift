/// Expands macros before the parser runs, as TeX's mouth does: a definition (`\newcommand`,
/// `\def`, ...) is read and taken out of the formula, and each use of a macro is replaced by
/// its body with the arguments put in, then read again, so a body may use other macros. The
/// parser never sees a macro, which keeps it ignorant of them.
///
/// Expansion is bounded twice, so that hostile input ends at once: by how many expansions may
/// be pending at one time (`\def\a{\a\a}\a` piles them up), and by how many tokens all the
/// expansions of one formula may produce (`\def\a{x\a}\a` never piles up, and arguments that
/// double at every level grow fast). Past either bound the use is reported and shown as TeX.
struct MacroExpander {
    /// The user's macros, which this formula's definitions change.
    private(set) var macros: [String: Macro]
    private(set) var warnings: [MathWarning] = []
    /// Macros the renderer itself defines in TeX (`\argmax`, `\pmod`); the user's override them.
    private let builtins: [String: Macro]
    /// The formula's tokens, then one frame per pending expansion. A copy is a cheap bookmark
    /// (the token arrays are shared), which readers that may fail restore.
    var frames: [Frame]
    private var output: [Token] = []
    /// Tokens that expansions may still produce in this formula. Reading ahead for an argument
    /// that turns out not to be there (a `{` that nothing closes) is charged too, and no such
    /// reading goes further than what is left: then a formula full of them stays linear.
    private var budget = MathRenderer.maximumMacroTokens
    /// Where the expansion that started from the formula itself began, to drop all of it if
    /// it runs away.
    private var outermostUse: (token: Token, outputCount: Int)?

    struct Frame {
        var tokens: [Token]
        var position = 0
    }

    init(tokens: [Token], macros: [String: Macro], builtins: [String: Macro] = BuiltinMacros.table) {
        self.frames = [Frame(tokens: tokens)]
        self.macros = macros
        self.builtins = builtins
    }

    /// Commands the expander acts on itself: they never reach the parser.
    static let primitives: Set<String> = [
        "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "xdef", "let",
        "global", "DeclareMathOperator", "noexpand",
    ]

    /// The formula's tokens with every definition taken out and every macro expanded.
    mutating func expand() -> [Token] {
        if !needsExpansion() { return frames[0].tokens }
        output.reserveCapacity(frames[0].tokens.count)
        while let token = next() {
            guard case .command(let name) = token.kind else {
                output.append(token)
                continue
            }
            if MacroExpander.primitives.contains(name) {
                runPrimitive(name, token: token)
            } else if let macro = macros[name] ?? builtins[name] {
                expand(macro, named: name, use: token)
            } else {
                output.append(token)
            }
        }
        return output
    }

    /// Whether any token is a definition or a macro: most formulas have none, and then the
    /// tokens go to the parser untouched. One set lookup per command when the user has no
    /// macros, as in most notebooks.
    private func needsExpansion() -> Bool {
        let builtInNames = builtins.isEmpty ? MacroExpander.primitives : MacroExpander.primitivesAndBuiltins
        return frames[0].tokens.contains { token in
            guard case .command(let name) = token.kind else { return false }
            return builtInNames.contains(name) || (!macros.isEmpty && macros[name] != nil)
        }
    }

    private static let primitivesAndBuiltins = primitives.union(BuiltinMacros.table.keys)

    private mutating func runPrimitive(_ name: String, token: Token) {
        switch name {
        case "newcommand", "renewcommand", "providecommand":
            defineCommand(token, kind: name)
        case "def", "gdef", "edef", "xdef":
            defineTeXMacro(token, expandingBody: name == "edef" || name == "xdef")
        case "let":
            defineAlias(token)
        case "DeclareMathOperator":
            declareOperator(token)
        case "global":
            // Every definition lasts to the end of the notebook, so `\global` changes nothing.
            break
        default:
            // `\noexpand`: the next token goes to the parser as it is.
            if let next = next() { output.append(next) }
        }
    }

    // MARK: - Expanding a use

    private mutating func expand(_ macro: Macro, named name: String, use: Token) {
        guard budget > 0 else {
            giveUp(use, name: name, because: "macro expansion stopped: this formula's macros produced more than \(MathRenderer.maximumMacroTokens) tokens")
            return
        }
        guard frames.count <= MathRenderer.maximumMacroDepth else {
            giveUp(use, name: name, because: "macro expansion stopped: more than \(MathRenderer.maximumMacroDepth) macros expanding inside each other (does \\\(name) use itself?)")
            return
        }
        guard let arguments = readArguments(of: macro, named: name, use: use) else { return }
        var expansion: [Token] = []
        expansion.reserveCapacity(macro.body.count)
        for piece in macro.body {
            switch piece {
            case .token(let kind):
                expansion.append(Token(kind: kind, offset: use.offset, length: use.length, isExpanded: true))
            case .parameter(let number):
                expansion.append(contentsOf: arguments[number - 1])
            }
        }
        budget -= expansion.count + 1
        if budget < 0 {
            giveUp(use, name: name, because: "macro expansion stopped: this formula's macros produced more than \(MathRenderer.maximumMacroTokens) tokens")
            return
        }
        // A use written by the author starts a new expansion; a use that an expansion produced
        // continues it, even when its frame is already gone (`\def\a{x\a}`).
        if !use.isExpanded { outermostUse = (use, output.count) }
        if macro.parameterCount == 0, !name.isEmpty, Lexer.isLetter(name.unicodeScalars.first!),
           peek()?.kind == .space {
            // TeX skips the spaces after a control word; they matter in text (`\name is`).
            _ = next()
        }
        if !expansion.isEmpty { frames.append(Frame(tokens: expansion)) }
    }

    /// The arguments of a use, or `nil` when the use does not match the macro (reported).
    private mutating func readArguments(of macro: Macro, named name: String, use: Token) -> [[Token]]? {
        for expected in macro.prefix {
            guard let token = next(), token.kind == expected else {
                warn("use of \\\(name) does not match its definition", at: use)
                return nil
            }
        }
        var arguments: [[Token]] = []
        for (index, delimiter) in macro.delimiters.enumerated() {
            if index == 0, let optionalDefault = macro.optionalDefault {
                skipSpaces()
                if peek()?.kind == .character("[") {
                    _ = next()
                    guard let bracketed = readBracketed(closing: use, name: name) else {
                        output.append(Token(kind: .unexpanded(use.tex), offset: use.offset, length: use.length, isExpanded: use.isExpanded))
                        return nil
                    }
                    arguments.append(bracketed)
                } else {
                    arguments.append(optionalDefault.map {
                        Token(kind: $0, offset: use.offset, length: use.length, isExpanded: true)
                    })
                }
            } else if delimiter.isEmpty {
                guard let argument = readArgument() else {
                    warn("missing argument for \\\(name)", at: use)
                    output.append(Token(kind: .unexpanded(use.tex), offset: use.offset, length: use.length, isExpanded: use.isExpanded))
                    return nil
                }
                arguments.append(argument)
            } else {
                guard let argument = readDelimited(until: delimiter) else {
                    warn("use of \\\(name) does not match its definition: its argument never ends", at: use)
                    output.append(Token(kind: .unexpanded(use.tex), offset: use.offset, length: use.length, isExpanded: use.isExpanded))
                    return nil
                }
                arguments.append(argument)
            }
        }
        return arguments
    }

    /// The expansion ran away: reports it, drops everything the expansion started from the
    /// formula has produced so far, and shows that use as TeX.
    private mutating func giveUp(_ use: Token, name: String, because message: String) {
        var shown = use
        if use.isExpanded, let outermostUse {
            frames.removeSubrange(1...)
            output.removeSubrange(outermostUse.outputCount...)
            shown = outermostUse.token
        }
        outermostUse = nil
        warn(message, at: shown)
        output.append(Token(kind: .unexpanded(shown.tex), offset: shown.offset, length: shown.length,
                            isExpanded: shown.isExpanded))
    }

    // MARK: - Reading tokens

    /// The next token, from the innermost pending expansion or else the formula.
    mutating func next() -> Token? {
        let top = frames.count - 1
        guard frames[top].position < frames[top].tokens.count else { return nil }
        let token = frames[top].tokens[frames[top].position]
        frames[top].position += 1
        // Finished expansions are dropped at once, so that a macro that ends by using itself
        // (`\def\a{x\a}`) never piles up frames; only the token budget stops it.
        while frames.count > 1, frames[frames.count - 1].position == frames[frames.count - 1].tokens.count {
            frames.removeLast()
        }
        return token
    }

    func peek() -> Token? {
        let top = frames[frames.count - 1]
        return top.position < top.tokens.count ? top.tokens[top.position] : nil
    }

    mutating func skipSpaces() {
        while peek()?.kind == .space { _ = next() }
    }

    /// An ordinary argument: the inside of a braced group, or one token; spaces before it are
    /// skipped. `nil` when there is none (the end, a `}` that closes an enclosing group, or a
    /// `{` that nothing closes), with the stream where it was.
    mutating func readArgument() -> [Token]? {
        let start = frames
        skipSpaces()
        guard let first = peek() else { return nil }
        switch first.kind {
        case .closeBrace:
            frames = start
            return nil
        case .openBrace:
            _ = next()
            guard let tokens = readBalanced() else {
                frames = start
                return nil
            }
            return tokens
        default:
            _ = next()
            return [first]
        }
    }

    /// Tokens up to the `}` that closes a group whose `{` was just read, without that `}`;
    /// `nil` when nothing closes it.
    mutating func readBalanced() -> [Token]? {
        var tokens: [Token] = []
        var level = 0
        defer { if level >= 0 { budget -= tokens.count } }
        while tokens.count <= budget, let token = next() {
            switch token.kind {
            case .openBrace:
                level += 1
            case .closeBrace:
                if level == 0 {
                    level = -1
                    return tokens
                }
                level -= 1
            default:
                break
            }
            tokens.append(token)
        }
        return nil
    }

    /// Tokens up to the `]` that closes an optional argument, outside braces, after its `[`;
    /// `nil` (reported) when nothing closes it, with the stream back after the `[`.
    mutating func readBracketed(closing use: Token, name: String) -> [Token]? {
        let start = frames
        var tokens: [Token] = []
        var level = 0
        while tokens.count <= budget, let token = peek() {
            switch token.kind {
            case .openBrace:
                level += 1
            case .closeBrace:
                if level == 0 {
                    budget -= tokens.count
                    frames = start
                    warn("'[' after \\\(name) is never closed", at: use)
                    return nil
                }
                level -= 1
            case .character("]") where level == 0:
                _ = next()
                return tokens
            default:
                break
            }
            tokens.append(token)
            _ = next()
        }
        budget -= tokens.count
        frames = start
        warn("'[' after \\\(name) is never closed", at: use)
        return nil
    }

    /// A delimited argument: the tokens before `delimiter` outside braces, without one pair
    /// of braces around all of it (TeX's rule). `nil` when the delimiter does not come before
    /// the end of the enclosing group.
    private mutating func readDelimited(until delimiter: [Token.Kind]) -> [Token]? {
        let start = frames
        var didFail = true
        var tokens: [Token] = []
        defer {
            if didFail {
                budget -= tokens.count
                frames = start
            }
        }
        var level = 0
        while tokens.count <= budget, let token = peek() {
            if level == 0, token.kind == .closeBrace { return nil }
            _ = next()
            switch token.kind {
            case .openBrace: level += 1
            case .closeBrace: level -= 1
            default: break
            }
            tokens.append(token)
            if level == 0, tokens.count >= delimiter.count,
               zip(tokens.suffix(delimiter.count), delimiter).allSatisfy({ $0.kind == $1 }) {
                didFail = false
                tokens.removeLast(delimiter.count)
                if tokens.first?.kind == .openBrace, tokens.last?.kind == .closeBrace,
                   MacroExpander.isOneGroup(tokens) {
                    return Array(tokens.dropFirst().dropLast())
                }
                return tokens
            }
        }
        return nil
    }

    /// Whether `tokens`, which start with `{` and end with `}`, are one group (not `{a}{b}`).
    private static func isOneGroup(_ tokens: [Token]) -> Bool {
        var level = 0
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .openBrace: level += 1
            case .closeBrace:
                level -= 1
                if level == 0 && index < tokens.count - 1 { return false }
            default: break
            }
        }
        return true
    }

    // MARK: - Warnings

    mutating func warn(_ message: String, at token: Token, notes: [String] = []) {
        let limit = MathRenderer.maximumWarnings
        if warnings.count < limit - 1 {
            warnings.append(MathWarning(message: message, offset: token.offset, length: max(token.length, 1), notes: notes))
        } else if warnings.count == limit - 1 {
            warnings.append(MathWarning(message: "too many problems in this formula; the rest are not reported",
                                        offset: token.offset, length: max(token.length, 1)))
        }
    }

    /// Whether `name` means something already: a macro, or a command the renderer knows.
    func isDefined(_ name: String) -> Bool {
        isDefinedInLaTeX(name) || builtins[name] != nil
    }

    /// Whether `name` is a user's macro or a command of LaTeX and its usual packages: what
    /// `\newcommand` refuses to redefine. The built-in macros are conveniences (`\R`,
    /// `\argmax`) that authors define themselves, so their definitions take over silently.
    func isDefinedInLaTeX(_ name: String) -> Bool {
        macros[name] != nil || Symbols.parsedCommands.contains(name)
    }

    /// Defines `name`, for the definitions in `MacroExpander+Definitions`.
    mutating func define(_ name: String, as macro: Macro) {
        macros[name] = macro
    }

    /// `name`'s macro, for `\let`.
    func macro(named name: String) -> Macro? {
        macros[name] ?? builtins[name]
    }

    /// Expands `tokens` completely with the macros defined so far, for `\edef`: a nested
    /// expander that shares this one's budget.
    mutating func expandCompletely(_ tokens: [Token]) -> [Token] {
        var nested = MacroExpander(tokens: tokens, macros: macros, builtins: builtins)
        nested.budget = budget
        let expanded = nested.expand()
        budget = nested.budget
        macros = nested.macros
        for warning in nested.warnings { warn(warning.message, at: Token(kind: .space, offset: warning.offset, length: warning.length)) }
        return expanded
    }
}
