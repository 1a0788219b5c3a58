import Diagnostics

/// Turns cmark's final tree into `Markup`, with file positions, math swapped back in for its
/// placeholders, and computation and output blocks replaced by their indices.
struct MarkupConverter {
    let bytes: [UInt8]
    let lines: LineIndex
    let map: PositionMap
    let spans: [MathSpan]
    let placeholders: Placeholders
    let codeBlocks: [Int: Markup.Block]
    /// Pipe tables, by the file offset of the paragraph they were found in.
    let tables: [Int: TableScanner.Found]

    let tree: CommonMarkTree

    func blocks() -> [Markup.Block] {
        blocks(of: 0)
    }

    private func blocks(of index: Int) -> [Markup.Block] {
        tree.children(of: index).flatMap { child -> [Markup.Block] in
            if case .paragraph = tree[child].kind, let found = tables[map.fileOffset(tree[child].start)] {
                return table(found, paragraph: child)
            }
            return block(child).map { [$0] } ?? []
        }
    }

    /// A paragraph that holds a table: the lines before the table (a paragraph of their
    /// own), then the table.
    private func table(_ found: TableScanner.Found, paragraph index: Int) -> [Markup.Block] {
        guard found.linesBefore > 0 else { return [.table(found.table)] }
        var before: [Markup.Inline] = []
        var breaks = 0
        for inline in inlines(of: index) {
            if inline == .softBreak || inline == .lineBreak {
                breaks += 1
                if breaks == found.linesBefore { break }
            }
            before.append(inline)
        }
        return [.paragraph(before, line: line(tree[index])), .table(found.table)]
    }

    private func inlines(of index: Int) -> [Markup.Inline] {
        inlines(tree.children(of: index))
    }

    private func line(_ node: CommonMarkTree.Node) -> Int {
        lines.line(of: map.fileOffset(node.start))
    }

    private func block(_ index: Int) -> Markup.Block? {
        let node = tree[index]
        switch node.kind {
        case .heading(let level):
            return .heading(level: level, content: inlines(of: index), line: line(node))
        case .paragraph:
            return .paragraph(inlines(of: index), line: line(node))
        case .blockQuote, .document, .item:
            return .blockQuote(blocks(of: index))
        case .list(let ordered, let start, let tight):
            let items: [[Markup.Block]] = tree.children(of: index).map { child in
                // Flattening (see CommonMarkParser) can put a non-item directly in a list.
                if case .item = tree[child].kind { return blocks(of: child) }
                return block(child).map { [$0] } ?? []
            }
            return .list(ordered: ordered, start: ordered ? start : 1, tight: tight, items: items)
        case .codeBlock(let info, let literal):
            if let known = codeBlocks[map.fileOffset(node.start)] { return known }
            let code = FencedBlock.droppingFinalNewline(literal)
            return .code(info: info, code: code, line: line(node))
        case .htmlBlock(let html):
            return .html(FencedBlock.droppingFinalNewline(html), line: line(node))
        case .thematicBreak:
            return .thematicBreak
        default:
            // Inline content where a block belongs only happens after flattening.
            return .paragraph(inlines(CommonMarkTree.Children(nodes: tree.nodes, cursor: index, end: node.subtreeEnd)), line: line(node))
        }
    }

    private func inlines(_ indices: CommonMarkTree.Children) -> [Markup.Inline] {
        var result = InlineList()
        for index in indices {
            let node = tree[index]
            switch node.kind {
            case .text(let text):
                guard text.utf8.contains(0xF3) else {
                    result.append(.text(text))
                    continue
                }
                for piece in placeholders.pieces(of: text) {
                    switch piece {
                    case .text(let text): result.append(.text(text))
                    case .span(let index) where index < spans.count:
                        let span = spans[index]
                        if span.recorded != nil {
                            result.append(.value(index: spans[..<index].filter { $0.recorded != nil }.count))
                        } else {
                            result.append(.math(tex: span.tex, display: span.display, location: lines.location(of: span.texStart)))
                        }
                    case .span:
                        break
                    }
                }
            case .softBreak: result.append(.softBreak)
            case .lineBreak: result.append(.lineBreak)
            case .code(let code): result.append(.code(raw(code)))
            case .htmlInline(let html): result.append(.html(raw(html)))
            case .emphasis: result.append(.emphasis(inlines(of: index)))
            case .strong: result.append(.strong(inlines(of: index)))
            case .link(let destination, let title):
                result.append(.link(
                    destination: raw(destination), title: raw(title), content: inlines(of: index),
                    location: locate(node, opener: 0x5B)))
            case .image(let source, let title):
                result.append(.image(
                    source: raw(source), title: raw(title), alt: inlines(of: index),
                    location: locate(node, opener: 0x21)))
            default:
                // A block where inlines belong only happens after flattening: keep its text.
                for inline in inlines(of: index) { result.append(inline) }
            }
        }
        return result.inlines
    }

    /// Text where math has no meaning (code, URLs, raw HTML): placeholders become the source
    /// they replaced.
    private func raw(_ text: String) -> String {
        guard text.utf8.contains(0xF3) else { return text }
        let pieces = placeholders.pieces(of: text)
        if pieces.count == 1, case .text(let only) = pieces[0] { return only }
        return pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .span(let index):
                return index < spans.count ? String(decoding: bytes[spans[index].range], as: UTF8.self) : ""
            }
        }.joined()
    }

    /// The file location of a link's `[` or an image's `!`. cmark's inline columns are exact on
    /// a paragraph's first line but assume every later line starts where the first did; when
    /// the byte there is not the opener, the nearest opener on that line is the one.
    private func locate(_ node: CommonMarkTree.Node, opener: UInt8) -> SourceLocation {
        let offset = map.fileOffset(node.start)
        if offset < bytes.count, bytes[offset] == opener { return lines.location(of: offset) }
        let line = lines.line(of: offset)
        // The opener is near where cmark says: look no further than a window around it.
        let start = max(lines.start(ofLine: line), offset - 4096)
        let end = min(lines.contentEnd(ofLine: line), offset + 4096)
        var best: Int?
        for index in start..<max(start, end) where bytes[index] == opener {
            if best == nil || abs(index - offset) < abs(best! - offset) { best = index }
        }
        return lines.location(of: best ?? offset)
    }
}

/// Inlines being collected, with adjacent text merged (cmark splits text at every bracket
/// and entity).
private struct InlineList {
    var inlines: [Markup.Inline] = []

    mutating func append(_ inline: Markup.Inline) {
        if case .text(let new) = inline, case .text(let old)? = inlines.last {
            inlines[inlines.count - 1] = .text(old + new)
        } else {
            inlines.append(inline)
        }
    }
}
