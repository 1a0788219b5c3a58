extension Parser {
    /// A command after its token was consumed: a symbol from the tables, or a construct that
    /// reads its own arguments.
    mutating func parseCommand(_ name: String, token: Token) -> MathNode? {
        if let entry = Symbols.commands[name] { return node(for: entry) }
        if let font = Symbols.fonts[name] {
            let enclosingFont = self.font
            self.font = font
            defer { self.font = enclosingFont }
            return parseArgument(of: token, name: "\\" + name)
        }
        if let style = Symbols.textCommands[name] { return parseTextArgument(of: token, style: style) }
        if let accent = Symbols.accents[name] {
            return .accent(base: parseArgument(of: token, name: "\\" + name), accent)
        }
        if let big = Symbols.bigDelimiters[name] {
            guard let delimiter = readDelimiter(after: token, name: "\\" + name) else { return nil }
            return .symbol(.init(text: delimiter, atomClass: big.atomClass, stretchy: true, size: big.size))
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = parseArgument(of: token, name: "\\" + name)
            let denominator = parseArgument(of: token, name: "\\" + name)
            let fraction = MathNode.fraction(numerator: numerator, denominator: denominator, lineless: false)
            switch name {
            case "dfrac", "cfrac": return .style(.display, [fraction])
            case "tfrac": return .style(.text, [fraction])
            default: return fraction
            }
        case "binom", "dbinom", "tbinom":
            let top = parseArgument(of: token, name: "\\" + name)
            let bottom = parseArgument(of: token, name: "\\" + name)
            let binomial = MathNode.fenced(
                open: "(", body: [.fraction(numerator: top, denominator: bottom, lineless: true)], close: ")")
            switch name {
            case "dbinom": return .style(.display, [binomial])
            case "tbinom": return .style(.text, [binomial])
            default: return binomial
            }
        case "sqrt":
            return parseSquareRoot(token)
        case "left":
            return parseLeft(token)
        case "middle":
            return parseMiddle(token)
        case "begin":
            return parseEnvironment(token)
        case "operatorname", "operatornamewithlimits":
            return parseOperatorName(token, limits: name == "operatorname" ? .never : .displayOnly)
        case "overset", "stackrel", "underset":
            let annotation = parseArgument(of: token, name: "\\" + name)
            let base = parseArgument(of: token, name: "\\" + name)
            return name == "underset"
                ? .overUnder(base: base, under: annotation, over: nil)
                : .overUnder(base: base, under: nil, over: annotation)
        case "substack":
            return parseSubstack(token)
        case "not":
            return parseNegation(token)
        case "limits", "nolimits", "displaylimits":
            warn("\\\(name) must follow an operator", at: token)
            return nil
        case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle",
             "nonumber", "notag", "hline", "relax", "strut", "mathstrut":
            // No visible output of their own (style switches only reach here as arguments).
            return nil
        case "":
            warn("lone backslash at the end of the formula", at: token)
            return .unknown("\\")
        default:
            let shown = excerpt(from: token.offset, to: token.end)
            warn("unknown TeX command \(shown)", at: token,
                 notes: Symbols.closestCommand(to: name).map { ["did you mean \\\($0)?"] } ?? [])
            return .unknown(shown)
        }
    }

    private func node(for entry: Symbols.Entry) -> MathNode {
        switch entry {
        case .letter(let scalar, let upright):
            return identifier(scalar, upright: upright)
        case .ordinary(let text):
            let scalars = text.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first { return identifier(scalar, upright: true) }
            return .identifier(text, upright: true)
        case .symbol(let symbol):
            return .symbol(symbol)
        case .function(let name, let limits):
            return .function(name: .identifier(name, upright: true), limits: limits)
        case .space(let width):
            return .space(width: width)
        case .textSpace:
            return .text("\u{A0}", .normal)
        }
    }

    private mutating func parseSquareRoot(_ token: Token) -> MathNode {
        skipSpaces()
        var index: MathNode?
        if let open = peek(), open.kind == .character("[") {
            position += 1
            let nodes = parseRow(until: stops.inherited.union(.closeBracket))
            if peek()?.kind == .character("]") {
                position += 1
            } else {
                warn("'[' after \\sqrt is never closed", at: open)
            }
            index = .group(nodes)
        }
        return .root(parseArgument(of: token, name: "\\sqrt"), index: index)
    }

    private mutating func parseLeft(_ token: Token) -> MathNode {
        let open = readDelimiter(after: token, name: "\\left")
        let leftEnd = consumedEnd
        openLefts += 1
        let body = parseRow(until: stops.inherited.union(.right))
        openLefts -= 1
        guard let right = peek(), right.kind == .command("right") else {
            warn("\(text(from: token.offset, to: leftEnd)) without a matching \\right",
                 offset: token.offset, length: leftEnd - token.offset)
            return .fenced(open: open, body: body, close: nil)
        }
        position += 1
        return .fenced(open: open, body: body, close: readDelimiter(after: right, name: "\\right"))
    }

    private mutating func parseMiddle(_ token: Token) -> MathNode? {
        let delimiter = readDelimiter(after: token, name: "\\middle")
        guard openLefts > 0 else {
            warn("\\middle outside \\left ... \\right", offset: token.offset, length: consumedEnd - token.offset)
            return .unknown(text(from: token.offset, to: consumedEnd))
        }
        guard let delimiter else { return nil }
        return .symbol(.init(text: delimiter, atomClass: .relation, stretchy: true, fence: true,
                             spacing: ("0.1667em", "0.1667em")))
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`: `nil` for `.` or when it is
    /// missing (which is reported unless `reportMissing` is false).
    mutating func readDelimiter(after command: Token, name: String, reportMissing: Bool = true) -> String? {
        skipSpaces()
        if let token = peek() {
            switch token.kind {
            case .character(let scalar):
                if let delimiter = Symbols.delimiterCharacters[scalar] {
                    position += 1
                    return delimiter.isEmpty ? nil : delimiter
                }
            case .command(let delimiterName):
                if let delimiter = Symbols.delimiterCommands[delimiterName] {
                    position += 1
                    return delimiter
                }
            default:
                break
            }
        }
        if reportMissing { warn("missing delimiter after \(name)", at: command) }
        return nil
    }

    /// `\operatorname{softmax}` is one upright name; anything richer inside the braces
    /// (`\operatorname{\mathbf{x}}`) is parsed as roman math.
    private mutating func parseOperatorName(_ token: Token, limits: MathNode.Limits) -> MathNode {
        var limits = limits
        if peek()?.kind == .character("*") {
            position += 1
            limits = .displayOnly
        }
        skipSpaces()
        let start = position
        if let name = readPlainName() {
            return .function(name: .identifier(name, upright: true), limits: limits)
        }
        position = start
        let enclosingFont = font
        font = .roman
        defer { font = enclosingFont }
        return .function(name: parseArgument(of: token, name: "\\operatorname"), limits: limits)
    }

    /// Letters, digits and thin spaces in braces (`{arg\,max}`), or `nil` if there is more.
    private mutating func readPlainName() -> String? {
        guard peek()?.kind == .openBrace else { return nil }
        position += 1
        var name = String.UnicodeScalarView()
        while let token = peek() {
            position += 1
            switch token.kind {
            case .character(let scalar) where Lexer.isLetter(scalar) || Parser.isDigit(scalar):
                name.append(scalar)
            case .space:
                continue
            case .command(","), .command(":"), .command(";"), .command(" "):
                name.append("\u{2009}")
            case .closeBrace:
                return name.isEmpty ? nil : String(name)
            default:
                return nil
            }
        }
        return nil
    }

    /// `\not=` is `≠`: the negated character where Unicode has one, else a combining slash.
    private mutating func parseNegation(_ token: Token) -> MathNode {
        switch parseArgument(of: token, name: "\\not") {
        case .symbol(var symbol):
            symbol.text = Symbols.negations[symbol.text] ?? symbol.text + "\u{338}"
            return .symbol(symbol)
        case .identifier(let text, let upright):
            return .identifier(text + "\u{338}", upright: upright)
        case let other:
            return .group([.symbol(.init(text: "\u{338}", atomClass: .ordinary)), other])
        }
    }
}
