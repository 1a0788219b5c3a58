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
        var pieces: [MathNode] = []
        var buffer = ""
        var style = style
        // Styles opened by nested commands, with the brace level that closes each.
        var enclosingStyles: [(style: MathNode.TextStyle, level: Int)] = []
        var level = 0
        let outerStops = stops.inherited.subtracting(.closeBrace)

        func flush() {
            if !buffer.isEmpty { pieces.append(.text(buffer, style)) }
            buffer = ""
        }

        text: while let token = peek() {
            if level == 0 && isStop(token, in: outerStops) { break }
            position += 1
            switch token.kind {
            case .closeBrace:
                if level == 0 {
                    flush()
                    return pieces.count == 1 ? pieces[0] : .group(pieces)
                }
                if let last = enclosingStyles.last, last.level == level {
                    flush()
                    style = last.style
                    enclosingStyles.removeLast()
                }
                level -= 1
            case .openBrace:
                level += 1
            case .space:
                buffer += " "
            case .character(let scalar):
                buffer.unicodeScalars.append(scalar == "~" ? "\u{A0}" : scalar)
            case .caret:
                buffer += "^"
            case .underscore:
                buffer += "_"
            case .alignment:
                warn("'&' outside a table", at: token)
                flush()
                pieces.append(.unknown("&"))
            case .mathShift:
                flush()
                let enclosingFont = font
                font = nil
                let math = parseRow(until: stops.inherited.union(.mathShift))
                font = enclosingFont
                if peek()?.kind == .mathShift {
                    position += 1
                } else {
                    warn("'$' in text is never closed", at: token)
                }
                pieces.append(.group(math))
            case .command(let name):
                if let escape = Symbols.textEscapes[name] {
                    buffer += escape
                } else if let nested = Symbols.textCommands[name] {
                    skipSpaces()
                    guard peek()?.kind == .openBrace else {
                        warn("missing argument for \\\(name)", at: token)
                        continue text
                    }
                    position += 1
                    flush()
                    level += 1
                    enclosingStyles.append((style, level))
                    style = nested == .normal ? style : nested
                } else {
                    warn("unknown TeX command \\\(name) in text", at: token)
                    flush()
                    pieces.append(.unknown(text(of: token)))
                }
            }
        }
        warn("unbalanced braces: '{' is never closed", at: open)
        flush()
        return pieces.count == 1 ? pieces[0] : .group(pieces)
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
