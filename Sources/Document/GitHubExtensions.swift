import Bibliography
import Diagnostics

/// GitHub's extensions to CommonMark that work on the tree cmark builds (pipe tables need
/// the source and are found by `TableScanner`): alerts, footnotes, task lists,
/// strikethrough and bare-URL autolinks. The project keeps plain libcmark, so they are added
/// here, after parsing, as the GFM spec defines them. And one of pandoc's: a table's caption.
enum GitHubExtensions {
    static func apply(_ blocks: [Markup.Block]) -> [Markup.Block] {
        captioned(blocks.map(apply))
    }

    /// A paragraph right after a pipe table that starts with `Table:` is the table's caption,
    /// as pandoc reads it (GitHub shows it as a paragraph under the table, which reads the same).
    private static func captioned(_ blocks: [Markup.Block]) -> [Markup.Block] {
        var result: [Markup.Block] = []
        for block in blocks {
            if case .paragraph(let content, _) = block, case .table(var table)? = result.last, table.caption == nil,
               let caption = caption(content) {
                table.caption = caption
                result[result.count - 1] = .table(table)
            } else {
                result.append(block)
            }
        }
        return result
    }

    private static func caption(_ content: [Markup.Inline]) -> [Markup.Inline]? {
        guard case .text(let first)? = content.first, first.hasPrefix("Table:") else { return nil }
        let rest = first.dropFirst("Table:".count).drop { $0 == " " || $0 == "\t" }
        let caption = (rest.isEmpty ? [] : [Markup.Inline.text(String(rest))]) + content.dropFirst()
        return caption.isEmpty ? nil : caption
    }

    private static func apply(_ block: Markup.Block) -> Markup.Block {
        switch block {
        case .heading(let level, let content, let line):
            return .heading(level: level, content: inlines(content, line: line), line: line)
        case .paragraph(let content, let line):
            if let footnote = footnote(content, line: line) { return footnote }
            return .paragraph(inlines(content, line: line), line: line)
        case .blockQuote(let children):
            if let (kind, rest) = alert(children) { return .alert(kind, apply(rest)) }
            return .blockQuote(apply(children))
        case .list(let ordered, let start, let tight, let items):
            return .list(ordered: ordered, start: start, tight: tight, items: items.map { apply(task($0)) })
        case .table(var table):
            table.header = table.header.map { inlines($0, line: table.line) }
            table.rows = table.rows.map { $0.map { inlines($0, line: table.line) } }
            return .table(table)
        case .alert(let kind, let children):
            return .alert(kind, apply(children))
        case .footnote(let label, let children, let line):
            return .footnote(label: label, content: apply(children), line: line)
        case .code, .computation, .output, .html, .thematicBreak:
            return block
        }
    }

    // MARK: Blocks

    /// `> [!NOTE]` on the quote's first line: the kind, and the quote without the marker.
    private static func alert(_ blocks: [Markup.Block]) -> (Markup.Alert, [Markup.Block])? {
        guard case .paragraph(let content, let line)? = blocks.first, case .text(let first)? = content.first else { return nil }
        let marker = first.trimmingSpaces
        guard marker.hasPrefix("[!"), marker.hasSuffix("]"),
              let kind = Markup.Alert(rawValue: String(marker.dropFirst(2).dropLast()).uppercased()) else { return nil }
        // The marker is alone on its line: nothing but a line break may follow it there.
        var rest = Array(content.dropFirst())
        if let next = rest.first {
            guard next == .softBreak || next == .lineBreak else { return nil }
            rest.removeFirst()
        }
        return (kind, (rest.isEmpty ? [] : [.paragraph(rest, line: line + 1)]) + blocks.dropFirst())
    }

    /// `[^label]: text` opening a paragraph: a footnote's definition.
    private static func footnote(_ content: [Markup.Inline], line: Int) -> Markup.Block? {
        guard case .text(let first)? = content.first, first.hasPrefix("[^"),
              let close = first.firstIndex(of: "]") else { return nil }
        let label = String(first[first.index(first.startIndex, offsetBy: 2)..<close])
        let after = first[first.index(after: close)...]
        guard isFootnoteLabel(label), after.hasPrefix(":") else { return nil }
        let text = String(after.dropFirst()).droppingLeadingSpaces
        let rest = (text.isEmpty ? [] : [Markup.Inline.text(text)]) + content.dropFirst()
        return .footnote(label: label, content: [.paragraph(inlines(rest, line: line), line: line)], line: line)
    }

    static func isFootnoteLabel(_ label: String) -> Bool {
        !label.isEmpty && label.count <= 100 && !label.contains { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "[" || $0 == "]" }
    }

    /// A list item whose first paragraph starts with `[ ]` or `[x]` and a space.
    private static func task(_ item: [Markup.Block]) -> [Markup.Block] {
        guard case .paragraph(let content, let line)? = item.first, case .text(let first)? = content.first else { return item }
        let characters = Array(first)
        guard characters.count >= 3, characters[0] == "[", characters[2] == "]",
              characters[1] == " " || characters[1] == "x" || characters[1] == "X" else { return item }
        let rest = String(characters.dropFirst(3))
        // A space must follow the marker (or a line break, when it ends the line).
        guard rest.first == " " || rest.first == "\t" || (rest.isEmpty && content.count > 1 && content[1] == .softBreak) else { return item }
        let remaining = (rest.droppingLeadingSpaces.isEmpty ? [] : [Markup.Inline.text(rest.droppingLeadingSpaces)]) + content.dropFirst()
        return [.paragraph([.taskMarker(checked: characters[1] != " ")] + remaining, line: line)] + item.dropFirst()
    }

    // MARK: Inlines

    /// Strikethrough, footnote references and autolinks in one run of inlines.
    static func inlines(_ content: [Markup.Inline], line: Int, insideLink: Bool = false) -> [Markup.Inline] {
        var out: [Markup.Inline] = []
        for inline in strikethrough(content) {
            switch inline {
            case .text(let text):
                out += footnoteReferences(text, line: line).flatMap { piece -> [Markup.Inline] in
                    guard case .text(let plain) = piece, !insideLink else { return [piece] }
                    return citations(plain, line: line).flatMap { piece -> [Markup.Inline] in
                        guard case .text(let rest) = piece else { return [piece] }
                        return Autolinks.find(in: rest, line: line)
                    }
                }
            case .emphasis(let children): out.append(.emphasis(inlines(children, line: line, insideLink: insideLink)))
            case .strong(let children): out.append(.strong(inlines(children, line: line, insideLink: insideLink)))
            case .strikethrough(let children): out.append(.strikethrough(inlines(children, line: line, insideLink: insideLink)))
            case .link(let destination, let title, let children, let location):
                out.append(.link(destination: destination, title: title, content: inlines(children, line: line, insideLink: true), location: location))
            case .image(let source, let title, let alt, let location):
                out.append(.image(source: source, title: title, alt: inlines(alt, line: line, insideLink: true), location: location))
            default: out.append(inline)
            }
        }
        return out
    }

    /// Citations and cross-references in text, as pandoc writes them.
    private static func citations(_ text: String, line: Int) -> [Markup.Inline] {
        guard text.contains("@") else { return [.text(text)] }
        let found = CitationScanner.scan(text)
        guard !found.isEmpty else { return [.text(text)] }
        let scalars = Array(text.unicodeScalars)
        var pieces: [Markup.Inline] = []
        var cursor = 0
        for reference in found {
            let range = reference.range
            guard range.lowerBound >= cursor, range.upperBound <= scalars.count else { continue }
            if range.lowerBound > cursor { pieces.append(.text(String(String.UnicodeScalarView(scalars[cursor..<range.lowerBound])))) }
            let location = SourceLocation(line: line, column: 1)
            switch reference {
            case .citation(let citation): pieces.append(.citation(citation, location: location))
            case .crossReference(let citation): pieces.append(.crossReference(citation, location: location))
            }
            cursor = range.upperBound
        }
        if cursor < scalars.count { pieces.append(.text(String(String.UnicodeScalarView(scalars[cursor...])))) }
        return pieces
    }

    /// `[^label]` in text.
    private static func footnoteReferences(_ text: String, line: Int) -> [Markup.Inline] {
        guard text.contains("[^") else { return [.text(text)] }
        var pieces: [Markup.Inline] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[^") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let label = String(rest[open.upperBound..<close])
            guard isFootnoteLabel(label) else {
                pieces.append(.text(String(rest[..<open.upperBound])))
                rest = rest[open.upperBound...]
                continue
            }
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            pieces.append(.footnoteReference(label: label, location: SourceLocation(line: line, column: 1)))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return merged(pieces)
    }

    /// `~~struck~~`: a run of two tildes opens when something other than a space follows it,
    /// and closes when something other than a space precedes it, as emphasis delimiters do;
    /// the first closer after an opener closes it. Tildes that match nothing stay text.
    static func strikethrough(_ content: [Markup.Inline]) -> [Markup.Inline] {
        guard content.contains(where: { if case .text(let t) = $0 { return t.contains("~~") } else { return false } }) else { return content }
        // Split text at every run of exactly two tildes, marking each as a delimiter.
        enum Piece { case inline(Markup.Inline), tildes(before: Character?, after: Character?) }
        var pieces: [Piece] = []
        for inline in content {
            guard case .text(let text) = inline, text.contains("~~") else {
                pieces.append(.inline(inline))
                continue
            }
            let characters = Array(text)
            var start = 0, i = 0
            while i < characters.count {
                guard characters[i] == "~" else {
                    i += 1
                    continue
                }
                var j = i
                while j < characters.count, characters[j] == "~" { j += 1 }
                if j - i == 2 {
                    if start < i { pieces.append(.inline(.text(String(characters[start..<i])))) }
                    pieces.append(.tildes(before: i > 0 ? characters[i - 1] : nil, after: j < characters.count ? characters[j] : nil))
                    start = j
                }
                i = j
            }
            if start < characters.count { pieces.append(.inline(.text(String(characters[start...])))) }
        }
        // A neighbour that is another inline (nil here) counts as text, not space.
        let canOpen = { (after: Character?) in after.map { !$0.isWhitespace } ?? true }
        let canClose = { (before: Character?) in before.map { !$0.isWhitespace } ?? true }
        var out: [Markup.Inline] = []
        var index = 0
        while index < pieces.count {
            guard case .tildes(_, let after) = pieces[index] else {
                if case .inline(let inline) = pieces[index] { out.append(inline) }
                index += 1
                continue
            }
            var closer: Int?
            if canOpen(after), index + 1 < pieces.count {
                for candidate in (index + 2)..<max(index + 2, pieces.count) {
                    if case .tildes(let before, _) = pieces[candidate], canClose(before) {
                        closer = candidate
                        break
                    }
                }
            }
            guard let closer else {
                out.append(.text("~~"))
                index += 1
                continue
            }
            let inner = pieces[(index + 1)..<closer].map { piece -> Markup.Inline in
                if case .inline(let inline) = piece { return inline }
                return .text("~~")
            }
            out.append(.strikethrough(merged(inner)))
            index = closer + 1
        }
        return merged(out)
    }

    /// Adjacent texts joined.
    static func merged(_ inlines: [Markup.Inline]) -> [Markup.Inline] {
        var out: [Markup.Inline] = []
        for inline in inlines {
            if case .text(let new) = inline, case .text(let old)? = out.last {
                out[out.count - 1] = .text(old + new)
            } else if inline != .text("") {
                out.append(inline)
            }
        }
        return out
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    var droppingLeadingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
