import Diagnostics

/// Builds a `Notebook` from a file's bytes.
///
/// The stages: check UTF-8; find the front matter and blank it out (its line breaks stay, so
/// cmark's line numbers are the file's); let cmark find the blocks (first pass); find math in
/// paragraphs and headings, skipping code spans and raw HTML; if there is any, parse again with
/// each math span replaced by a private-use placeholder that cmark passes through as text
/// (second pass); then build the model from cmark's tree, mapping every position to the file.
struct NotebookParser {
    let path: String
    let bytes: [UInt8]

    func parse() throws(DiagnosticList) -> Notebook {
        if let bad = UTF8Validator.firstInvalidOffset(in: bytes) {
            throw DiagnosticList([invalidUTF8(at: bad)])
        }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let lines = LineIndex(bytes: bytes, startingAt: bom)
        var diagnostics: [Diagnostic] = []

        let front = FrontMatterParser(bytes: bytes, lines: lines, file: path).parse()
        diagnostics += front.diagnostics
        var prose = Array(bytes[bom...])
        if let range = front.range {
            for index in range where bytes[index] != 0x0A && bytes[index] != 0x0D {
                prose[index - bom] = 0x20
            }
        }

        // First pass: blocks, and where the prose is (their inline content is not needed).
        // Display math is kept whole for it (see DisplayMathMask); if the mask changed
        // anything, inline content is later read from the original prose, never the masked.
        var structure = prose
        let masked = DisplayMathMask.mask(&structure)
        var firstParse: CommonMarkParser? = CommonMarkParser(structure)
        let blockTree = firstParse!.tree(includingInlines: false)
        let firstMap = PositionMap(
            lineStarts: lines.lineStarts.map { $0 - bom },
            pieces: [.init(parsed: 0, file: bom, length: prose.count, copied: true)])
        var collector = BlockCollector(bytes: bytes, lines: lines, map: firstMap)
        collector.visit(blockTree, 0, quoteDepth: 0)

        let model = BlockModel(fenced: collector.blocks, bytes: bytes, lines: lines, file: path)
        diagnostics += model.diagnostics

        // Second pass, only when there is math to protect; otherwise the first parse serves.
        var unclosed: [MathScanner.Unclosed] = []
        let spans = MathScanner(bytes: bytes, lines: lines).spans(in: collector.leaves, unclosed: &unclosed)
        let pageDiagnostics = unclosed.map { dollar in
            guard !dollar.value else {
                return Diagnostic.error("a computed value opened here has no <!--/--> after it on its line", file: path,
                                        at: lines.range(dollar.offset..<(dollar.offset + 5)),
                                        notes: [.init("write <!--= expression --><!--/--> on one line; `chainrule update` puts the value between the two")])
            }
            return Diagnostic.error(
                dollar.display ? "display math opened here is never closed" : "inline math opened here is never closed",
                file: path, at: lines.range(dollar.offset..<(dollar.offset + (dollar.display ? 2 : 1))),
                notes: [dollar.display ? .init("close it with $$ in the same paragraph (a blank line ends a paragraph)")
                        : .init("close it with $ in the same paragraph, or write \\$ for a dollar sign")])
        }
        let placeholders = Placeholders(prose: prose, spans: spans)
        let tables = TableScanner(bytes: bytes, lines: lines, spans: spans, placeholders: placeholders).tables(in: collector.leaves)
        let tree: CommonMarkTree
        let map: PositionMap
        if spans.isEmpty {
            tree = masked ? CommonMarkParser(prose).tree(includingInlines: true) : firstParse!.tree(includingInlines: true)
            map = firstMap
        } else {
            firstParse = nil
            var text: [UInt8] = []
            text.reserveCapacity(prose.count)
            var pieces: [PositionMap.Piece] = []
            var cursor = bom
            for (index, span) in spans.enumerated() {
                pieces.append(.init(parsed: text.count, file: cursor, length: span.range.lowerBound - cursor, copied: true))
                text.append(contentsOf: bytes[cursor..<span.range.lowerBound])
                let token = placeholders.token(index)
                pieces.append(.init(parsed: text.count, file: span.range.lowerBound, length: token.count, copied: false))
                text.append(contentsOf: token)
                cursor = span.range.upperBound
            }
            pieces.append(.init(parsed: text.count, file: cursor, length: bytes.count - cursor, copied: true))
            text.append(contentsOf: bytes[cursor...])
            if let range = front.range {
                // The front matter lies before every span, so it sits at the same offsets.
                for index in range where text[index - bom] != 0x0A && text[index - bom] != 0x0D {
                    text[index - bom] = 0x20
                }
            }
            tree = CommonMarkParser(text).tree(includingInlines: true)
            map = PositionMap(parsed: text, pieces: pieces)
        }
        if tree.flattened {
            diagnostics.append(.warning(
                "the document nests lists, quotes or emphasis more than \(CommonMarkParser.maximumDepth) deep; deeper levels are flattened",
                file: path))
        }

        let converter = MarkupConverter(
            bytes: bytes, lines: lines, map: map, spans: spans, placeholders: placeholders,
            codeBlocks: model.markupByStart, tables: tables, tree: tree)
        let markup = GitHubExtensions.apply(converter.blocks())

        return Notebook(
            path: path, bytes: bytes, frontMatter: front.frontMatter, blocks: model.blocks,
            outputs: model.outputs, markup: markup, diagnostics: diagnostics, pageDiagnostics: pageDiagnostics,
            values: values(spans, blocks: model.blocks, lines: lines), lines: lines)
    }

    /// The computed values among the spans, with how many blocks come before each.
    private func values(_ spans: [MathSpan], blocks: [CodeBlock], lines: LineIndex) -> [ComputedValue] {
        spans.filter { $0.recorded != nil }.enumerated().map { index, span in
            ComputedValue(index: index, expression: span.tex, location: lines.location(of: span.texStart),
                          recorded: String(decoding: bytes[span.recorded!], as: UTF8.self), recordedRange: span.recorded!,
                          afterBlock: blocks.filter { $0.range.upperBound <= span.range.lowerBound }.count)
        }
    }

    private func invalidUTF8(at offset: Int) -> Diagnostic {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = bom
        var index = bom
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var column = 1
        for byte in bytes[lineStart..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return .error(
            "the file is not valid UTF-8", file: path,
            at: SourceRange(at: SourceLocation(line: line, column: column)),
            notes: [.init("byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset) is not part of a UTF-8 character; save the notebook as UTF-8")])
    }
}
