extension Parser {
    /// The argument of `\text` and friends: words with their spaces, a few escapes, nested
    /// `\textbf{...}`, and math again between `$...$`.
    mutating func parseTextArgument(of command: Token, style: MathNode.TextStyle) -> MathNode {
        skipSpaces()
        guard let open = peek() else {
            warn("missing argument for \(text(of: command))", at: command)
            return .group([])
        }
        guard open.kind == .openBrace else {
            // Like any argument, a single character will do: `\text x`.
            if case .character(let scalar) = open.kind {
                position += 1
                return .text(String(scalar), style)
            }
            warn("missing argument for \(text(of: command))", at: command)
            return .group([])
        }
        position += 1
        return parseText(style: style, openedBy: open, outerStops: stops.inherited.subtracting([.closeBrace, .mathShift]))
    }

    /// A cell of a text column (`cases*`): text up to the `&`, `\\` or `\end` that ends it.
    mutating func parseTextCell(until cellStops: StopSet) -> [MathNode] {
        skipSpaces()
        var nodes: [MathNode]
        switch parseText(style: .normal, openedBy: nil, outerStops: cellStops.subtracting(.mathShift)) {
        case .group(let pieces): nodes = pieces
        case let node: nodes = [node]
        }
        // The space before the `&` or `\\` that ends the cell is not part of it.
        if case .text(let words, let style) = nodes.last {
            let trimmed = words.trimmingSpaces
            if trimmed.isEmpty { nodes.removeLast() } else { nodes[nodes.count - 1] = .text(trimmed, style) }
        }
        return nodes
    }

    /// Text being read: the pieces so far, the words not yet made a piece, and the styles.
    private struct TextRun {
        var pieces: [MathNode] = []
        var buffer = ""
        var style: MathNode.TextStyle
        /// Styles opened by nested commands and switches, with the brace level that closes each.
        var enclosingStyles: [(style: MathNode.TextStyle, level: Int)] = []
        var level = 0

        mutating func flush() {
            if !buffer.isEmpty { pieces.append(.text(Parser.withLigatures(buffer), style)) }
            buffer = ""
        }

        mutating func finished() -> MathNode {
            flush()
            return pieces.count == 1 ? pieces[0] : .group(pieces)
        }
    }

    /// Text up to the `}` that closes `open` (consumed), or with no `open` up to a token in
    /// `outerStops` (left for the caller). On the parser's recursion path (math between `$`),
    /// so commands are read by a function of their own.
    private mutating func parseText(style: MathNode.TextStyle, openedBy open: Token?, outerStops: StopSet) -> MathNode {
        var run = TextRun(style: style)
        while let token = peek() {
            if run.level == 0 && isStop(token, in: outerStops) { break }
            if run.level == 0, open == nil, token.kind == .closeBrace { break }
            position += 1
            switch token.kind {
            case .closeBrace:
                if run.level == 0 { return run.finished() }
                while let last = run.enclosingStyles.last, last.level == run.level {
                    run.flush()
                    run.style = last.style
                    run.enclosingStyles.removeLast()
                }
                run.level -= 1
            case .openBrace:
                run.level += 1
            case .space:
                run.buffer += " "
            case .character(let scalar):
                run.buffer.unicodeScalars.append(scalar == "~" ? "\u{A0}" : scalar)
            case .caret:
                run.buffer += "^"
            case .underscore:
                run.buffer += "_"
            case .mathShift:
                run.flush()
                run.pieces.append(parseMathInText(openedBy: token))
            case .command(let name):
                readTextCommand(name, token: token, into: &run)
            case .verbatim, .unexpanded, .alignment:
                readTextOddity(token, into: &run)
            }
        }
        if let open { warn("unbalanced braces: '{' is never closed", at: open) }
        return run.finished()
    }

    /// `$...$` inside text, after the first `$`.
    private mutating func parseMathInText(openedBy dollar: Token) -> MathNode {
        let enclosingFont = font
        font = nil
        let math = parseRow(until: stops.inherited.union(.mathShift))
        font = enclosingFont
        if peek()?.kind == .mathShift {
            position += 1
        } else {
            warn("'$' in text is never closed", at: dollar)
        }
        return .group(math)
    }

    /// `\verb` text, a macro use shown as TeX, or a stray `&`.
    private mutating func readTextOddity(_ token: Token, into run: inout TextRun) {
        run.flush()
        switch token.kind {
        case .verbatim(let verbatim):
            run.pieces.append(.text(verbatim, .monospace))
        case .unexpanded(let shown):
            run.pieces.append(.unknown(shown))
        default:
            warn("'&' outside a table", at: token)
            run.pieces.append(.unknown("&"))
        }
    }

    /// A command in text: an escape (`\%`), a nested style (`\textbf{`), a switch (`\bf`), an
    /// accent (`\'e`), a reference, or an unknown command.
    private mutating func readTextCommand(_ name: String, token: Token, into run: inout TextRun) {
        // As in TeX, a space after a command made of letters only ends its name.
        if let first = name.unicodeScalars.first, Lexer.isLetter(first), peek()?.kind == .space {
            position += 1
        }
        if let escape = Symbols.textEscapes[name] {
            run.buffer += escape
        } else if let nested = Symbols.textCommands[name] {
            skipSpaces()
            guard peek()?.kind == .openBrace else {
                warn("missing argument for \\\(name)", at: token)
                return
            }
            position += 1
            run.flush()
            run.level += 1
            run.enclosingStyles.append((run.style, run.level))
            if nested != .normal { run.style = nested }
        } else if let switched = Symbols.textSwitches[name] {
            // `\bf` restyles the rest of its group.
            run.flush()
            run.enclosingStyles.append((run.style, run.level))
            run.style = switched
        } else if let mark = Symbols.textAccents[name] {
            run.buffer += readAccentedLetter(after: token) + String(mark)
        } else if name == "eqref" || name == "ref" {
            run.flush()
            run.pieces.append(parseReference(token, kind: name == "eqref" ? .equation : .plain))
        } else {
            warn("unknown TeX command \\\(name) in text", at: token)
            run.flush()
            run.pieces.append(.unknown(text(of: token)))
        }
    }

    /// The letter after a text accent (`\'e`, `\'{e}`, `\"{\i}`), which the accent's combining
    /// mark follows.
    private mutating func readAccentedLetter(after accent: Token) -> String {
        skipSpaces()
        guard let token = peek() else {
            warn("missing argument for \(text(of: accent))", at: accent)
            return ""
        }
        switch token.kind {
        case .character(let scalar):
            position += 1
            return String(scalar)
        case .command(let name) where Symbols.textEscapes[name] != nil:
            position += 1
            return Symbols.textEscapes[name]!
        case .openBrace:
            position += 1
            var letters = ""
            while let next = peek(), next.kind != .closeBrace {
                position += 1
                switch next.kind {
                case .character(let scalar): letters.unicodeScalars.append(scalar)
                case .command(let name): letters += Symbols.textEscapes[name] ?? ""
                default: break
                }
            }
            if peek()?.kind == .closeBrace { position += 1 }
            return letters
        default:
            warn("missing argument for \(text(of: accent))", at: accent)
            return ""
        }
    }

    /// TeX's text ligatures: `--` and `---` are dashes, ``` `` ``` and `''` curly quotes.
    /// One pass, longest first, over characters (as `String.replacing` matched them): the
    /// standard library's `replacing` is not in Embedded Swift.
    static func withLigatures(_ text: String) -> String {
        guard text.contains("-") || text.contains("`") || text.contains("'") else { return text }
        let characters = Array(text)
        var out = ""
        var i = 0
        func follows(_ character: Character, _ count: Int) -> Bool {
            i + count <= characters.count && characters[i..<(i + count)].allSatisfy { $0 == character }
        }
        while i < characters.count {
            if follows("-", 3) {
                out += "—"
                i += 3
            } else if follows("-", 2) {
                out += "–"
                i += 2
            } else if follows("`", 2) {
                out += "“"
                i += 2
            } else if follows("'", 2) {
                out += "”"
                i += 2
            } else {
                out.append(characters[i])
                i += 1
            }
        }
        return out
    }

    private func isStop(_ token: Token, in set: StopSet) -> Bool {
        switch token.kind {
        case .alignment: return set.contains(.alignment)
        case .mathShift: return set.contains(.mathShift)
        case .command("right"): return set.contains(.right)
        case .command("end"): return set.contains(.end)
        case .command(let name) where Parser.rowBreakCommands.contains(name): return set.contains(.rowBreak)
        default: return false
        }
    }
}
