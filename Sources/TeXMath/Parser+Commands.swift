extension Parser {
    /// A command after its token was consumed: a symbol from the tables, or a construct that
    /// reads its own arguments.
    mutating func parseCommand(_ name: String, token: Token) -> MathNode? {
        // A thin dispatcher: it is on the parser's recursion path, so each construct reads its
        // arguments in a function of its own and this frame stays small (the nesting limit
        // must fit in half a megabyte of stack in a debug build).
        if let entry = Symbols.commands[name] { return node(for: entry) }
        if let font = Symbols.fonts[name] { return parseFontArgument(font, token: token) }
        if let style = Symbols.textCommands[name] { return parseTextArgument(of: token, style: style) }
        if let accent = Symbols.accents[name] { return parseAccent(accent, token: token) }
        if let big = Symbols.bigDelimiters[name] { return parseBigDelimiter(big, token: token) }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac": return parseFraction(token, name: name)
        case "binom", "dbinom", "tbinom": return parseBinomial(token, name: name)
        case "genfrac": return parseGeneralFraction(token)
        case "sqrt": return parseSquareRoot(token)
        case "left": return parseLeft(token)
        case "middle": return parseMiddle(token)
        case "begin": return parseEnvironment(token)
        case "operatorname": return parseOperatorName(token, limits: .never)
        case "operatornamewithlimits": return parseOperatorName(token, limits: .displayOnly)
        case "overset", "stackrel", "underset": return parseOverUnder(token, name: name)
        case "substack": return parseSubstack(token)
        case "not": return parseNegation(token)
        case "tag", "label", "notag", "nonumber": return parseEquationCommand(token, name: name)
        case "eqref": return parseReference(token, kind: .equation)
        case "ref": return parseReference(token, kind: .plain)
        case "color", "textcolor", "colorbox", "fcolorbox", "fbox", "boxed": return parseColorOrBox(token, name: name)
        case "hspace", "kern", "mkern", "mskip", "hskip": return parseSpace(token, name: name)
        case "rule": return parseRule(token)
        case "Set": return parseBraket(token, open: "{", close: "}")
        case "Braket": return parseBraket(token, open: "⟨", close: "⟩")
        default: return parseOtherCommand(name, token: token)
        }
    }

    private mutating func parseFontArgument(_ font: MathFont, token: Token) -> MathNode {
        let enclosingFont = self.font
        self.font = font
        defer { self.font = enclosingFont }
        return parseArgument(of: token, name: text(of: token))
    }

    private mutating func parseAccent(_ accent: MathNode.Accent, token: Token) -> MathNode {
        .accent(base: parseArgument(of: token, name: text(of: token)), accent)
    }

    private mutating func parseBigDelimiter(_ big: (size: String, atomClass: MathNode.AtomClass), token: Token) -> MathNode? {
        guard let delimiter = readDelimiter(after: token, name: text(of: token)) else { return nil }
        return .symbol(.init(text: delimiter, atomClass: big.atomClass, stretchy: true, size: big.size))
    }

    private mutating func parseEnclosed(_ token: Token, enclosure: MathNode.Enclosure) -> MathNode {
        .enclosed(parseArgument(of: token, name: text(of: token)), enclosure)
    }

    private mutating func parseFraction(_ token: Token, name: String) -> MathNode {
        if name == "cfrac" { skipAlignmentOption() }
        let numerator = parseArgument(of: token, name: "\\" + name)
        let denominator = parseArgument(of: token, name: "\\" + name)
        let fraction = MathNode.fraction(numerator: numerator, denominator: denominator, rule: nil)
        switch name {
        case "dfrac", "cfrac": return .style(.display, [fraction])
        case "tfrac": return .style(.text, [fraction])
        default: return fraction
        }
    }

    private mutating func parseBinomial(_ token: Token, name: String) -> MathNode {
        let top = parseArgument(of: token, name: "\\" + name)
        let bottom = parseArgument(of: token, name: "\\" + name)
        let binomial = MathNode.fenced(
            open: "(", body: [.fraction(numerator: top, denominator: bottom, rule: "0")], close: ")")
        switch name {
        case "dbinom": return .style(.display, [binomial])
        case "tbinom": return .style(.text, [binomial])
        default: return binomial
        }
    }

    private mutating func parseOverUnder(_ token: Token, name: String) -> MathNode {
        let annotation = parseArgument(of: token, name: "\\" + name)
        let base = parseArgument(of: token, name: "\\" + name)
        return name == "underset"
            ? .overUnder(base: base, under: annotation, over: nil)
            : .overUnder(base: base, under: nil, over: annotation)
    }

    private mutating func parseEquationCommand(_ token: Token, name: String) -> MathNode? {
        switch name {
        case "tag": parseTag(token)
        case "label": parseLabel(token)
        default: equation?.suppressed = true
        }
        return nil
    }

    /// `\color` as an argument, `\textcolor`, `\colorbox`, `\fcolorbox`, `\fbox`, `\boxed`.
    private mutating func parseColorOrBox(_ token: Token, name: String) -> MathNode? {
        switch name {
        case "color":
            // As an argument (`x^\color{red}2`) there is no group to colour: only the colour is read.
            _ = readColor(after: token)
            return nil
        case "textcolor":
            let color = readColor(after: token)
            let body = parseArgument(of: token, name: "\\textcolor")
            return color.map { .style(.color($0), [body]) } ?? body
        case "colorbox", "fcolorbox":
            let frame = name == "fcolorbox" ? readColor(after: token) : nil
            let background = readColor(after: token)
            let body = parseTextArgument(of: token, style: .normal)
            var enclosure = MathNode.Enclosure(background: background, padded: true)
            if name == "fcolorbox" {
                enclosure.frame = .box
                enclosure.frameColor = frame
            }
            return .enclosed(body, enclosure)
        case "fbox":
            return .enclosed(parseTextArgument(of: token, style: .normal), .init(frame: .box, padded: true))
        default:
            let body = parseArgument(of: token, name: "\\boxed")
            return .enclosed(.style(.display, [body]), .init(frame: .box, padded: true))
        }
    }

    /// The constructs that are neither symbols nor common: TeX primitives, links, and the
    /// unknown command.
    private mutating func parseOtherCommand(_ name: String, token: Token) -> MathNode? {
        if let atomClass = Parser.classCommands[name] { return parseClassed(token, as: atomClass) }
        if let arrow = Symbols.extensibleArrows[name] { return parseExtensibleArrow(token, arrow: arrow) }
        if let enclosure = Parser.enclosures[name] { return parseEnclosed(token, enclosure: enclosure) }
        if let padding = Parser.paddings[name] { return parsePadded(token, name: name, padding: padding) }
        switch name {
        case "raisebox":
            let raise = readDimensionArgument(after: token)
            let body = parseTextArgument(of: token, style: .normal)
            return .padded(body, .init(verticalOffset: raise))
        case "mathchoice":
            let choices = (0..<4).map { _ in parseArgument(of: token, name: "\\mathchoice") }
            return display ? choices[0] : choices[1]
        case "TextOrMath":
            _ = parseTextArgument(of: token, style: .normal)
            return parseArgument(of: token, name: "\\TextOrMath")
        case "char":
            return parseCharacterCode(token)
        case "href":
            // A link inside MathML does not work in Chromium; its text stays.
            _ = parseTextArgument(of: token, style: .monospace)
            return parseArgument(of: token, name: "\\href")
        case "url":
            return parseTextArgument(of: token, style: .monospace)
        case "htmlClass", "htmlId", "htmlStyle", "htmlData":
            // Attributes from the formula would be markup an author could inject: only the content stays.
            _ = parseTextArgument(of: token, style: .normal)
            return parseArgument(of: token, name: "\\" + name)
        case "verb":
            warn("\\verb needs its text between two equal characters on one line, as in \\verb|x|", at: token)
            return .unknown(text(of: token))
        case "limits", "nolimits", "displaylimits":
            warn("\\\(name) must follow an operator", at: token)
            return nil
        case "message", "errmessage":
            _ = parseTextArgument(of: token, style: .normal)
            return nil
        case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "hline", "hdashline",
             "relax", "nobreak", "allowbreak", "strut", "show", "expandafter", "futurelet":
            // No visible output of their own (style switches only reach here as arguments).
            return nil
        case "":
            warn("lone backslash at the end of the formula", at: token)
            return .unknown("\\")
        default:
            if Parser.sizeChanges[name] != nil || Parser.fontSwitches[name] != nil {
                // A switch as an argument (`x^\large 2`) has no group to change.
                return nil
            }
            let shown = consumedText(fromToken: position - 1)
            let macros = macroNames
            warn("unknown TeX command \(shown)", at: token,
                 notes: Symbols.closestCommand(to: name, macros: macros).map { ["did you mean \\\($0)?"] } ?? [])
            return .unknown(shown)
        }
    }

    /// Every command the parser reads by name beyond the tables of `Symbols`, so that
    /// `\newcommand` knows they are taken and "did you mean" can suggest them.
    static let constructs: Set<String> = [
        "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "genfrac", "sqrt", "left",
        "right", "middle", "begin", "end", "operatorname", "operatornamewithlimits", "overset",
        "stackrel", "underset", "substack", "not", "tag", "label", "eqref", "ref", "notag",
        "nonumber", "color", "textcolor", "colorbox", "fcolorbox", "fbox", "boxed", "hspace",
        "kern", "mkern", "mskip", "hskip", "rule", "raisebox", "mathchoice", "TextOrMath", "char",
        "Set", "Braket", "href", "url", "htmlClass", "htmlId", "htmlStyle", "htmlData", "verb",
        "limits", "nolimits", "displaylimits", "displaystyle", "textstyle", "scriptstyle",
        "scriptscriptstyle", "hline", "hdashline", "relax", "nobreak", "allowbreak", "strut",
        "message", "errmessage", "show", "expandafter", "futurelet", "\\", "cr", "newline",
    ]

    /// Commands whose meaning the parser's structure depends on: no macro may replace them.
    static let structuralCommands: Set<String> = ["begin", "end", "left", "right"]

    /// `\mathbin{...}` and friends: the atom class they give their argument.
    static let classCommands: [String: MathNode.AtomClass] = [
        "mathord": .ordinary, "mathop": .largeOperator, "mathbin": .binary, "mathrel": .relation,
        "mathopen": .open, "mathclose": .close, "mathpunct": .punctuation, "mathinner": .inner,
    ]

    /// `\cancel` and friends, which decorate their argument.
    static let enclosures: [String: MathNode.Enclosure] = [
        "cancel": .init(strikes: [.up]), "bcancel": .init(strikes: [.down]),
        "xcancel": .init(strikes: [.up, .down]), "sout": .init(strikes: [.horizontal]),
        "angl": .init(frame: .actuarial, padded: true), "phase": .init(frame: .phasor, padded: true),
    ]

    /// `\phantom` and friends: how they change their argument's box.
    static let paddings: [String: MathNode.Padding] = [
        "phantom": .init(isPhantom: true),
        "hphantom": .init(height: "0px", depth: "0px", isPhantom: true),
        "vphantom": .init(width: "0px", isPhantom: true),
        "smash": .init(height: "0px", depth: "0px"),
        "mathrlap": .init(width: "0px"), "rlap": .init(width: "0px"),
        "mathllap": .init(width: "0px", leftShift: "100%"), "llap": .init(width: "0px", leftShift: "100%"),
        "mathclap": .init(width: "0px", leftShift: "50%"), "clap": .init(width: "0px", leftShift: "50%"),
        "vcenter": .init(),
    ]

    private func node(for entry: Symbols.Entry) -> MathNode? {
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
        case .text(let text):
            return .text(text, .normal)
        }
    }

    /// `\mathbin{x}` and friends. A single symbol or letter becomes an operator of that class,
    /// as KaTeX writes it; anything larger keeps its structure and takes TeX's spacing.
    private mutating func parseClassed(_ token: Token, as atomClass: MathNode.AtomClass) -> MathNode {
        let body = parseArgument(of: token, name: text(of: token))
        let limits: MathNode.Limits = atomClass == .largeOperator ? .displayOnly : .never
        var single = body
        while case .group(let nodes) = single, nodes.count == 1 { single = nodes[0] }
        switch (single, atomClass) {
        case (.symbol(var symbol), _):
            symbol.atomClass = atomClass
            symbol.limits = limits
            return .symbol(symbol)
        case (_, .ordinary):
            return .group([body])
        case (.identifier(let text, _), .binary), (.identifier(let text, _), .relation),
             (.identifier(let text, _), .punctuation), (.identifier(let text, _), .open),
             (.identifier(let text, _), .close):
            return .symbol(.init(text: text, atomClass: atomClass, stretchy: false,
                                 spacing: Parser.spacing(of: atomClass)))
        default:
            return .classed(body, atomClass, limits: limits)
        }
    }

    /// The space TeX puts around an atom of `atomClass`, for operators that the browser's
    /// dictionary does not know.
    static func spacing(of atomClass: MathNode.AtomClass) -> (leading: String, trailing: String)? {
        switch atomClass {
        case .binary: return ("0.2222em", "0.2222em")
        case .relation: return ("0.2778em", "0.2778em")
        case .punctuation: return ("0em", "0.1667em")
        case .open, .close: return ("0em", "0em")
        default: return nil
        }
    }

    /// `\cfrac[l]{...}{...}`: the alignment option only moves the numerator, which MathML
    /// cannot; it is read and dropped.
    private mutating func skipAlignmentOption() {
        skipSpaces()
        guard character(at: position) == "[", let letter = character(at: position + 1),
              "lrc".unicodeScalars.contains(letter), character(at: position + 2) == "]" else { return }
        position += 3
    }

    /// `\genfrac{(}{)}{0pt}{1}{a}{b}`: delimiters, bar thickness, style (0 display to 3
    /// scriptscript, empty for the current one), numerator, denominator.
    private mutating func parseGeneralFraction(_ token: Token) -> MathNode {
        let open = readDelimiterArgument(after: token)
        let close = readDelimiterArgument(after: token)
        let rule = readDimensionArgument(after: token)
        let styleArgument = parseArgument(of: token, name: "\\genfrac")
        let numerator = parseArgument(of: token, name: "\\genfrac")
        let denominator = parseArgument(of: token, name: "\\genfrac")
        var node = MathNode.fraction(numerator: numerator, denominator: denominator, rule: rule)
        if open != nil || close != nil { node = .fenced(open: open, body: [node], close: close) }
        switch styleArgument.plainText {
        case "0": return .style(.display, [node])
        case "1": return .style(.text, [node])
        case "2": return .style(.script, [node])
        case "3": return .style(.scriptScript, [node])
        default: return node
        }
    }

    /// A delimiter in braces (`{(}`, `{\langle}`, `{}` for none), for `\genfrac`.
    private mutating func readDelimiterArgument(after token: Token) -> String? {
        skipSpaces()
        guard peek()?.kind == .openBrace else { return readDelimiter(after: token, name: "\\genfrac") }
        position += 1
        skipSpaces()
        if peek()?.kind == .closeBrace {
            position += 1
            return nil
        }
        let delimiter = readDelimiter(after: token, name: "\\genfrac")
        skipSpaces()
        if peek()?.kind == .closeBrace { position += 1 }
        return delimiter
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
        let start = position - 1
        let open = readDelimiter(after: token, name: "\\left")
        let opener = consumedText(fromToken: start)
        let leftEnd = consumedEnd
        openLefts += 1
        let body = parseRow(until: stops.inherited.union(.right))
        openLefts -= 1
        guard let right = peek(), right.kind == .command("right") else {
            warn("\(opener) without a matching \\right", offset: token.offset, length: leftEnd - token.offset)
            return .fenced(open: open, body: body, close: nil)
        }
        position += 1
        return .fenced(open: open, body: body, close: readDelimiter(after: right, name: "\\right"))
    }

    private mutating func parseMiddle(_ token: Token) -> MathNode? {
        let start = position - 1
        let delimiter = readDelimiter(after: token, name: "\\middle")
        guard openLefts > 0 else {
            warn("\\middle outside \\left ... \\right", fromToken: start)
            return .unknown(consumedText(fromToken: start))
        }
        guard let delimiter else { return nil }
        return Parser.middle(delimiter)
    }

    /// A delimiter between `\left` and `\right`, with the thin spaces TeX gives `\middle`.
    static func middle(_ delimiter: String) -> MathNode {
        .symbol(.init(text: delimiter, atomClass: .relation, stretchy: true, fence: true,
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
                if Symbols.unicodeDelimiters.contains(scalar) {
                    position += 1
                    return String(scalar)
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
            case .character(let scalar) where "-*'".unicodeScalars.contains(scalar):
                name.append(scalar == "-" ? "\u{2010}" : scalar == "'" ? "\u{2032}" : scalar)
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
    /// A `\not` with nothing after it is the slash alone.
    private mutating func parseNegation(_ token: Token) -> MathNode {
        skipSpaces()
        guard let next = peek(), next.kind != .closeBrace, !isStop(next) else {
            return .identifier("\u{338}", upright: false)
        }
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

    /// `\xrightarrow[below]{above}`: a stretchy arrow with labels, at least as wide as they are.
    private mutating func parseExtensibleArrow(_ token: Token, arrow: String) -> MathNode {
        skipSpaces()
        var below: MathNode?
        if let open = peek(), open.kind == .character("[") {
            position += 1
            below = .group(parseRow(until: stops.inherited.union(.closeBracket)))
            if peek()?.kind == .character("]") {
                position += 1
            } else {
                warn("'[' after \(text(of: token)) is never closed", at: open)
            }
        }
        let above = parseArgument(of: token, name: text(of: token))
        let padding = MathNode.Padding(inlinePadding: "0.3em")
        let symbol = MathNode.Operator(text: arrow, atomClass: .relation, stretchy: true, minimumSize: "1.8em")
        return .overUnder(base: .symbol(symbol), under: below.map { .padded($0, padding) },
                          over: .padded(above, padding))
    }

    /// `\phantom{x}`, `\smash[b]{x}`, `\rlap{x}` and friends. `\rlap`, `\llap` and `\clap` take
    /// text, the `\math...` forms math, as in LaTeX.
    private mutating func parsePadded(_ token: Token, name: String, padding: MathNode.Padding) -> MathNode {
        var padding = padding
        if name == "smash" {
            skipSpaces()
            if character(at: position) == "[", let side = character(at: position + 1), character(at: position + 2) == "]" {
                position += 3
                if side == "t" { padding.depth = nil }
                if side == "b" { padding.height = nil }
            }
        }
        let body = ["rlap", "llap", "clap"].contains(name)
            ? parseTextArgument(of: token, style: .normal) : parseArgument(of: token, name: "\\" + name)
        return .padded(body, padding)
    }

    /// `\char"263A`, `\char98`, `\char'142`, `` \char`a ``: the character with that code.
    private mutating func parseCharacterCode(_ token: Token) -> MathNode {
        let start = position - 1
        skipSpaces()
        if character(at: position) == "`", let letter = character(at: position + 1) {
            // `` \char`a ``: the code of the character after the backquote.
            position += 2
            if let symbol = Symbols.characters[letter] ?? Symbols.unicodeOperators[letter] { return .symbol(symbol) }
            return identifier(letter, upright: true)
        }
        var radix: UInt32 = 10
        switch character(at: position) {
        case "\"": radix = 16
        case "'": radix = 8
        default: break
        }
        if radix != 10 { position += 1 }
        var value: UInt32 = 0
        var digits = 0
        while let scalar = character(at: position), let digit = Parser.digitValue(scalar, radix: radix),
              value <= 0x10FFFF {
            value = value * radix + digit
            digits += 1
            position += 1
        }
        guard digits > 0, let scalar = Unicode.Scalar(value), value >= 0x20 else {
            warn("\\char needs a character code, as in \\char\"263A", fromToken: start)
            return .unknown(consumedText(fromToken: start))
        }
        if let symbol = Symbols.characters[scalar] ?? Symbols.unicodeOperators[scalar] { return .symbol(symbol) }
        return identifier(scalar, upright: true)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        let value: UInt32
        switch scalar {
        case "0"..."9": value = scalar.value - 48
        case "a"..."f": value = scalar.value - 87
        case "A"..."F": value = scalar.value - 55
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// `\Set{x \mid x > 0}` and `\Braket{a | b}` (the braket package): stretchy delimiters around
    /// the argument, and a `|` in it is a stretchy bar with space around it.
    private mutating func parseBraket(_ token: Token, open: String, close: String) -> MathNode {
        skipSpaces()
        guard let brace = peek(), brace.kind == .openBrace else {
            return .fenced(open: open, body: [parseArgument(of: token, name: text(of: token))], close: close)
        }
        position += 1
        openLefts += 1
        var body = parseGroupBody(openedBy: brace)
        openLefts -= 1
        body = body.map { node in
            if case .identifier("|", _) = node { return Parser.middle("|") }
            return node
        }
        return .fenced(open: open, body: body, close: close)
    }
}
