import Diagnostics

/// Pipe tables (GitHub's extension), found in the paragraphs of cmark's first pass.
///
/// A table is a header row, a delimiter row with as many cells (`---`, `:--`, `--:`, `:-:`),
/// then rows, up to the end of the paragraph; lines before the header stay a paragraph.
/// Rows are split into cells on the source, at each `|` that is not escaped (`\|`) and not
/// inside math, and each cell is then parsed on its own as inline Markdown, as the GFM
/// spec says. (The spec splits inside code spans too; the exception for math is so that
/// `$|x|$` needs no escapes.)
struct TableScanner {
    let bytes: [UInt8]
    let lines: LineIndex
    let spans: [MathSpan]
    let placeholders: Placeholders

    /// A table found in a paragraph, and how many of the paragraph's lines come before it.
    struct Found {
        var table: Markup.Table
        var linesBefore: Int
    }

    /// Tables by the file offset where their paragraph starts.
    func tables(in leaves: [InlineLeaf]) -> [Int: Found] {
        var found: [Int: Found] = [:]
        let scanner = MathScanner(bytes: bytes, lines: lines)
        for leaf in leaves where !leaf.isHeading && leaf.lastLine > leaf.firstLine {
            // Most paragraphs hold no pipe: skip them without building a stream.
            let end = lines.contentEnd(ofLine: leaf.lastLine)
            guard leaf.contentStart < end, bytes[leaf.contentStart..<end].contains(0x7C) else { continue }
            if let table = table(in: scanner.stream(of: leaf), firstLine: leaf.firstLine) {
                found[leaf.contentStart] = table
            }
        }
        return found
    }

    private func table(in stream: MathScanner.Stream, firstLine: Int) -> Found? {
        // The stream's lines, as ranges of stream offsets.
        var rows: [Range<Int>] = []
        var start = 0
        for (index, byte) in stream.text.enumerated() where byte == 0x0A {
            rows.append(start..<index)
            start = index + 1
        }
        rows.append(start..<stream.text.count)
        for header in 0..<(rows.count - 1) {
            guard let alignments = delimiterRow(stream, rows[header + 1]) else { continue }
            let headerCells = cells(stream, rows[header])
            guard headerCells.count == alignments.count else { continue }
            let bodies = rows[(header + 2)...].map { cells(stream, $0) }
            let line = firstLine + header
            let parse = { (cells: [Range<Int>], line: Int) -> [[Markup.Inline]] in
                (0..<alignments.count).map { column in
                    column < cells.count ? self.inlines(stream, cells[column], line: line) : []
                }
            }
            let table = Markup.Table(
                alignments: alignments, header: parse(headerCells, line),
                rows: bodies.enumerated().map { parse($0.element, line + 2 + $0.offset) }, line: line)
            return Found(table: table, linesBefore: header)
        }
        return nil
    }

    /// The alignments of a delimiter row, or nil when the line is not one.
    private func delimiterRow(_ stream: MathScanner.Stream, _ row: Range<Int>) -> [Markup.Table.Alignment]? {
        let text = stream.text[row]
        guard text.contains(0x2D) else { return nil }
        var alignments: [Markup.Table.Alignment] = []
        for cell in cells(stream, row) {
            var trimmed = Array(stream.text[cell])
            let left = trimmed.first == 0x3A, right = trimmed.last == 0x3A
            if left { trimmed.removeFirst() }
            if right, !trimmed.isEmpty { trimmed.removeLast() }
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0 == 0x2D }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        // A single column needs a pipe somewhere, or `---` would be a table of one.
        guard !alignments.isEmpty, text.contains(0x7C) else { return nil }
        return alignments
    }

    /// A row's cells: the ranges between unescaped pipes outside math, trimmed, without the
    /// leading and trailing pipe.
    private func cells(_ stream: MathScanner.Stream, _ row: Range<Int>) -> [Range<Int>] {
        let text = stream.text
        var separators: [Int] = []
        var i = row.lowerBound
        while i < row.upperBound {
            let byte = text[i]
            if byte == 0x5C {
                i += 2
                continue
            }
            if byte == 0x7C, !insideMath(stream.fileOffset(i)) { separators.append(i) }
            i += 1
        }
        var bounds = [row.lowerBound - 1] + separators + [row.upperBound]
        // A pipe at the very start or end of the row only closes the row.
        if let first = separators.first, trimmed(text, (row.lowerBound)..<first).isEmpty { bounds.removeFirst() }
        if let last = separators.last, trimmed(text, (last + 1)..<row.upperBound).isEmpty { bounds.removeLast() }
        guard bounds.count >= 2 else { return [] }
        return (0..<(bounds.count - 1)).map { trimmed(text, (bounds[$0] + 1)..<bounds[$0 + 1]) }
    }

    private func trimmed(_ text: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, text[lower] == 0x20 || text[lower] == 0x09 { lower += 1 }
        while upper > lower, text[upper - 1] == 0x20 || text[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    private func insideMath(_ fileOffset: Int) -> Bool {
        spans.contains { $0.range.contains(fileOffset) }
    }

    /// One cell's content, parsed on its own as inline Markdown: `\|` becomes `|`, math
    /// becomes its placeholder, and a marker character in front keeps cmark from reading
    /// the cell as a block (`# x`, `- x`).
    private func inlines(_ stream: MathScanner.Stream, _ cell: Range<Int>, line: Int) -> [Markup.Inline] {
        guard !cell.isEmpty else { return [] }
        var text = placeholders.cellMarker
        var pieces: [PositionMap.Piece] = [.init(parsed: 0, file: stream.fileOffset(cell.lowerBound), length: text.count, copied: false)]
        var i = cell.lowerBound
        while i < cell.upperBound {
            let file = stream.fileOffset(i)
            if let index = spans.firstIndex(where: { $0.range.lowerBound == file }) {
                let token = placeholders.token(index)
                pieces.append(.init(parsed: text.count, file: file, length: token.count, copied: false))
                text += token
                while i < cell.upperBound, stream.fileOffset(i) < spans[index].range.upperBound { i += 1 }
                continue
            }
            let escapedPipe = stream.text[i] == 0x5C && i + 1 < cell.upperBound && stream.text[i + 1] == 0x7C
            if escapedPipe { i += 1 }
            pieces.append(.init(parsed: text.count, file: stream.fileOffset(i), length: 1, copied: true))
            text.append(stream.text[i])
            i += 1
        }
        let tree = CommonMarkParser(text).tree(includingInlines: true)
        let converter = MarkupConverter(bytes: bytes, lines: lines, map: PositionMap(parsed: text, pieces: pieces), spans: spans,
                                        placeholders: placeholders, codeBlocks: [:], tables: [:], tree: tree)
        guard case .paragraph(var content, _)? = converter.blocks().first else { return [] }
        if case .text(let first)? = content.first {
            let rest = String(first.unicodeScalars.dropFirst(placeholders.cellMarkerScalars))
            if rest.isEmpty { content.removeFirst() } else { content[0] = .text(rest) }
        }
        return content
    }
}
