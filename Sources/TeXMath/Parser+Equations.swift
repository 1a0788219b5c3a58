extension Parser {
    /// One equation that can show a tag: a row of `align` or `gather`, a whole `equation` or
    /// `multline`, or a whole display formula. `\tag`, `\notag` and `\label` anywhere in it
    /// (nested groups included) apply to it.
    struct EquationRow {
        /// Whether it takes the next number unless `\notag` or `\tag` says otherwise.
        var numbered: Bool
        /// `\tag{...}`: what shows, its text for references, and whether `\tag*` left out the
        /// parentheses.
        var tag: (content: MathNode, text: String, bare: Bool)?
        /// `\notag` or `\nonumber`.
        var suppressed = false
        var label: (name: String, offset: Int, length: Int)?

        init(numbered: Bool) {
            self.numbered = numbered
        }
    }

    /// Environments that number their equations: each row, or the whole environment once.
    enum Numbering {
        case eachRow, whole
    }

    static let numberedEnvironments: [String: Numbering] = [
        "equation": .whole, "equation*": .whole, "multline": .whole, "multline*": .whole,
        "align": .eachRow, "align*": .eachRow, "gather": .eachRow, "gather*": .eachRow,
        "alignat": .eachRow, "alignat*": .eachRow, "flalign": .eachRow, "flalign*": .eachRow,
        "eqnarray": .eachRow, "eqnarray*": .eachRow,
    ]

    /// The tag a finished equation shows (its `\tag`, else the next number if it is numbered),
    /// recording its label; `nil` for an equation without one.
    mutating func finish(_ row: EquationRow) -> MathNode.Table.Tag? {
        let text: String
        let content: MathNode
        if let tag = row.tag {
            text = tag.text
            if tag.bare {
                content = tag.content
            } else if case .text(let words, let style) = tag.content {
                content = .text("(" + words + ")", style)
            } else {
                content = .group([.text("(", .normal), tag.content, .text(")", .normal)])
            }
        } else if row.numbered && !row.suppressed && numbersEquations {
            text = String(nextEquationNumber)
            nextEquationNumber += 1
            content = .text("(" + text + ")", .normal)
        } else {
            if let label = row.label {
                warn("\\label{\(label.name)} is on an equation without a number or \\tag, so references to it show ??",
                     offset: label.offset, length: label.length)
            }
            return nil
        }
        record.equationTags.append(text)
        guard let label = row.label else { return MathNode.Table.Tag(content: content, id: nil) }
        if labels.contains(where: { $0.name == label.name }) {
            warn("label '\(label.name)' is defined twice in this formula", offset: label.offset, length: label.length)
            return MathNode.Table.Tag(content: content, id: nil)
        }
        let id = RenderedMath.id(forLabel: label.name)
        record.labels.append(RenderedMath.Label(name: label.name, tag: text, id: id))
        return MathNode.Table.Tag(content: content, id: id)
    }

    /// `\tag{...}` and `\tag*{...}` after the `\tag` token. The tag is text, with math between
    /// dollars, as in amsmath.
    mutating func parseTag(_ token: Token) {
        let start = position - 1
        let bare = peek()?.kind == .character("*")
        if bare { position += 1 }
        let content = parseTextArgument(of: token, style: .normal)
        guard equation != nil else {
            warn("\\tag works only in display math", fromToken: start)
            return
        }
        guard equation?.tag == nil else {
            warn("a second \\tag for one equation; the first one counts", fromToken: start)
            return
        }
        equation?.tag = (content, content.plainText, bare)
    }

    /// `\label{name}` after the `\label` token.
    mutating func parseLabel(_ token: Token) {
        let start = position - 1
        guard let name = readName(after: token) else { return }
        guard equation != nil else {
            warn("\\label works only in display math", fromToken: start)
            return
        }
        guard equation?.label == nil else {
            warn("a second \\label for one equation; the first one counts", fromToken: start)
            return
        }
        let offset = tokens[start].offset
        let length = consumedEnd - offset
        equation?.label = (name, offset, length)
    }

    /// `\eqref{name}` or `\ref{name}` after its token: what the label's equation shows, as
    /// text, and the reference recorded for the caller.
    mutating func parseReference(_ token: Token, kind: RenderedMath.Reference.Kind) -> MathNode {
        let start = position - 1
        guard let name = readName(after: token) else { return .unknown(text(of: token)) }
        let tag = knownLabels[name]?.tag ?? "??"
        let shown = kind == .equation ? "(" + tag + ")" : tag
        let offset = tokens[start].offset
        record.references.append(RenderedMath.Reference(name: name, kind: kind, offset: offset,
                                                 length: consumedEnd - offset, text: shown))
        return .reference(shown)
    }

    /// The reference a formula consists of, if it is nothing else.
    func soleReference(of formula: MathNode) -> RenderedMath.Reference? {
        guard references.count == 1, case .group(let nodes) = formula, nodes.count == 1,
              case .reference = nodes[0] else { return nil }
        return references[0]
    }

    /// The name in braces after `\label`, `\eqref` and `\ref`: the TeX between the braces as
    /// written, without white space at the ends. `nil` when missing or empty (reported).
    private mutating func readName(after token: Token) -> String? {
        skipSpaces()
        guard peek()?.kind == .openBrace else {
            warn("missing name in braces after \(text(of: token))", at: token)
            return nil
        }
        position += 1
        let start = position
        var level = 0
        while let next = peek() {
            if next.kind == .closeBrace {
                if level == 0 { break }
                level -= 1
            } else if next.kind == .openBrace {
                level += 1
            }
            position += 1
        }
        let name = consumedText(fromToken: start).trimmingSpaces
        if peek()?.kind == .closeBrace {
            position += 1
        } else {
            warn("unbalanced braces: '{' is never closed", at: tokens[start - 1])
        }
        if name.isEmpty {
            warn("empty name after \(text(of: token))", at: token)
            return nil
        }
        return name
    }
}

extension MathNode {
    /// The text of a tag, for references: its words, letters and digits, without markup.
    var plainText: String {
        switch self {
        case .identifier(let text, _), .number(let text), .text(let text, _), .unknown(let text),
             .reference(let text):
            return text
        case .symbol(let symbol):
            return symbol.text
        case .group(let nodes), .style(_, let nodes), .fenced(_, let nodes, _):
            return nodes.map { $0.plainText }.joined()
        case .scripts(let base, let sub, let sup):
            return base.plainText + (sub?.plainText ?? "") + (sup?.plainText ?? "")
        case .classed(let node, _, _), .enclosed(let node, _), .padded(let node, _), .accent(let node, _),
             .root(let node, _), .overUnder(let node, _, _):
            return node.plainText
        case .fraction(let numerator, let denominator, _):
            return numerator.plainText + "/" + denominator.plainText
        case .function(let name, _):
            return name.plainText
        case .space, .rule:
            return " "
        case .table(let table):
            return table.rows.flatMap { $0.flatMap { $0.map { $0.plainText } } }.joined(separator: " ")
        }
    }
}

extension String {
    /// This string without spaces, tabs and line breaks at either end.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
