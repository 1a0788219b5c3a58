extension MacroExpander {
    /// `\newcommand{\name}[n][default]{body}`, `\renewcommand` and `\providecommand` (each also
    /// with `*`, which only matters to LaTeX's paragraphs). As in LaTeX, `\newcommand` of a name
    /// that means something already is reported and changes nothing, and `\renewcommand` of one
    /// that does not is reported and defines it all the same.
    mutating func defineCommand(_ command: Token, kind: String) {
        if peek()?.kind == .character("*") { _ = next() }
        guard let (name, nameToken) = readMacroName(after: command) else { return }
        skipSpaces()
        var parameterCount = 0
        if peek()?.kind == .character("[") {
            _ = next()
            guard let bracketed = readBracketed(closing: command, name: kind) else { return }
            let count = bracketed.filter { $0.kind != .space }
            if count.count == 1, case .character(let digit) = count[0].kind, ("0"..."9").contains(digit) {
                parameterCount = Int(digit.value - 48)
            } else {
                warn("the number of arguments of \\\(name) must be a digit from 0 to 9", at: count.first ?? nameToken)
            }
            skipSpaces()
        }
        var optionalDefault: [Token.Kind]?
        if parameterCount > 0, peek()?.kind == .character("[") {
            _ = next()
            guard let bracketed = readBracketed(closing: command, name: kind) else { return }
            optionalDefault = bracketed.map { $0.kind }
        }
        guard let body = readArgument() else {
            warn("missing body for \\\(kind){\\\(name)}, or its '{' is never closed", at: nameToken)
            return
        }
        guard let pieces = pieces(of: body, parameterCount: parameterCount, name: name) else { return }
        let macro = Macro(parameterCount: parameterCount, optionalDefault: optionalDefault, body: pieces)
        guard mayDefine(name, at: nameToken, as: kind) else { return }
        define(name, as: macro)
    }

    /// `\def\name#1#2{body}`, also with delimited parameters (`\def\pair(#1,#2){...}`). With
    /// `expandingBody` (`\edef`), the body's macros are expanded now rather than at each use.
    mutating func defineTeXMacro(_ command: Token, expandingBody: Bool) {
        guard let (name, nameToken) = readMacroName(after: command, braced: false) else { return }
        // The parameter text runs up to the body's `{`; spaces right after a control word do
        // not count, as in TeX. Without a body, what was read goes back to the formula.
        skipSpaces()
        let afterName = frames
        var prefix: [Token.Kind] = []
        var delimiters: [[Token.Kind]] = []
        while let token = peek(), token.kind != .openBrace {
            _ = next()
            if token.kind == .character("#") {
                guard let numberToken = next(), case .character(let digit) = numberToken.kind,
                      ("1"..."9").contains(digit) else {
                    warn("'#' in the parameters of \\\(name) must be followed by a digit", at: token)
                    return
                }
                guard Int(digit.value - 48) == delimiters.count + 1 else {
                    warn("the parameters of \\\(name) must be numbered #1, #2, ... in order", at: numberToken)
                    return
                }
                delimiters.append([])
            } else if delimiters.isEmpty {
                prefix.append(token.kind)
            } else {
                delimiters[delimiters.count - 1].append(token.kind)
            }
        }
        guard peek()?.kind == .openBrace else {
            frames = afterName
            warn("missing body for \\def\\\(name)", at: nameToken)
            return
        }
        _ = next()
        guard var body = readBalanced() else {
            frames = afterName
            warn("the body of \\def\\\(name) is never closed", at: nameToken)
            return
        }
        if expandingBody { body = expandCompletely(body) }
        guard let pieces = pieces(of: body, parameterCount: delimiters.count, name: name) else { return }
        guard mayDefine(name, at: nameToken, as: "def") else { return }
        define(name, as: Macro(prefix: prefix, delimiters: delimiters, body: pieces))
    }

    /// `\let\name\other` and `\let\name=\other`: `\name` means what `\other` means now.
    mutating func defineAlias(_ command: Token) {
        guard let (name, nameToken) = readMacroName(after: command, braced: false) else { return }
        skipSpaces()
        if peek()?.kind == .character("=") {
            _ = next()
            if peek()?.kind == .space { _ = next() }
        }
        guard let target = next() else {
            warn("missing meaning for \\let\\\(name)", at: nameToken)
            return
        }
        guard mayDefine(name, at: nameToken, as: "let") else { return }
        if case .command(let other) = target.kind, let macro = macro(named: other) {
            define(name, as: macro)
        } else {
            define(name, as: Macro(parameterCount: 0, optionalDefault: nil, body: [.token(target.kind)]))
        }
    }

    /// `\DeclareMathOperator{\name}{text}`: `\name` is `\operatorname{text}`, or with `*`
    /// `\operatorname*{text}` (limits under and over in display style).
    mutating func declareOperator(_ command: Token) {
        let withLimits = peek()?.kind == .character("*")
        if withLimits { _ = next() }
        guard let (name, nameToken) = readMacroName(after: command) else { return }
        guard let text = readArgument() else {
            warn("missing operator name for \\DeclareMathOperator{\\\(name)}", at: nameToken)
            return
        }
        var body: [Macro.Piece] = [.token(.command("operatorname"))]
        if withLimits { body.append(.token(.character("*"))) }
        body.append(.token(.openBrace))
        body += text.map { .token($0.kind) }
        body.append(.token(.closeBrace))
        guard mayDefine(name, at: nameToken, as: "newcommand") else { return }
        define(name, as: Macro(parameterCount: 0, optionalDefault: nil, body: body))
    }

    /// The `\name` or `{\name}` after a definition command, or `nil` (reported).
    private mutating func readMacroName(after command: Token, braced: Bool = true) -> (String, Token)? {
        // A bad name is reported, and what follows goes back to the formula.
        let start = frames
        skipSpaces()
        var token = next()
        var inBraces = false
        if braced, token?.kind == .openBrace {
            inBraces = true
            skipSpaces()
            token = next()
        }
        guard let token, case .command(let name) = token.kind, !name.isEmpty else {
            warn("missing macro name after \(command.tex)", at: token ?? command)
            frames = start
            return nil
        }
        if inBraces {
            skipSpaces()
            if peek()?.kind == .closeBrace {
                _ = next()
            } else {
                warn("\(command.tex){\\\(name) must be closed by '}' right after the name", at: token)
                return nil
            }
        }
        return (name, token)
    }

    /// Whether a definition of `name` by `kind` (`newcommand`, `renewcommand`, `providecommand`,
    /// `def`, `let`) takes effect, reporting what LaTeX reports.
    private mutating func mayDefine(_ name: String, at token: Token, as kind: String) -> Bool {
        if MacroExpander.primitives.contains(name) || Parser.structuralCommands.contains(name) {
            warn("\\\(name) cannot be redefined", at: token)
            return false
        }
        switch kind {
        case "newcommand":
            guard !isDefinedInLaTeX(name) else {
                warn("\\\(name) is already defined; \\renewcommand redefines it", at: token)
                return false
            }
        case "renewcommand":
            if !isDefined(name) { warn("\\\(name) is not defined; \\newcommand defines it", at: token) }
        case "providecommand":
            return !isDefined(name)
        default:
            break
        }
        return true
    }

    /// The body's tokens as pieces: `#n` is where the n-th argument goes, `##` is a `#`.
    private mutating func pieces(of body: [Token], parameterCount: Int, name: String) -> [Macro.Piece]? {
        var pieces: [Macro.Piece] = []
        pieces.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            let token = body[index]
            index += 1
            guard token.kind == .character("#") else {
                pieces.append(.token(token.kind))
                continue
            }
            guard index < body.count else {
                warn("'#' at the end of the body of \\\(name)", at: token)
                return nil
            }
            let next = body[index]
            index += 1
            switch next.kind {
            case .character("#"):
                pieces.append(.token(.character("#")))
            case .character(let digit) where ("1"..."9").contains(digit) && Int(digit.value - 48) <= parameterCount:
                pieces.append(.parameter(Int(digit.value - 48)))
            default:
                let count = parameterCount == 1 ? "1 argument" : "\(parameterCount) arguments"
                warn("\\\(name) has \(count); '#' must be followed by one of their numbers", at: next)
                return nil
            }
        }
        return pieces
    }
}
