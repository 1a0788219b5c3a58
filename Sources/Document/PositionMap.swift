import Diagnostics

/// Maps positions in the text that cmark parsed back to byte offsets in the file.
///
/// The text cmark sees differs from the file: the byte-order mark is gone, and in the second
/// pass each math span is replaced by a short placeholder (its lines joined into one). The
/// map is a list of pieces; copied pieces map byte for byte, a placeholder maps to the start
/// of its span.
struct PositionMap: Sendable {
    struct Piece: Sendable, Hashable {
        var parsed: Int
        var file: Int
        var length: Int
        var copied: Bool
    }

    /// Line starts in the parsed text, as cmark counts lines.
    let lineStarts: [Int]
    let pieces: [Piece]

    init(parsed: [UInt8], pieces: [Piece]) {
        self.init(lineStarts: LineIndex.lineStarts(of: parsed), pieces: pieces)
    }

    init(lineStarts: [Int], pieces: [Piece]) {
        self.lineStarts = lineStarts
        self.pieces = pieces
    }

    /// Offset in the parsed text of a cmark position (column 0, which cmark reports at some
    /// block ends, is the line break before the line).
    func parsedOffset(_ position: CommonMarkPosition) -> Int {
        let line = min(max(position.line, 1), lineStarts.count)
        return max(0, lineStarts[line - 1] + position.column - 1)
    }

    func fileOffset(parsed offset: Int) -> Int {
        guard !pieces.isEmpty else { return offset }
        var low = 0
        var high = pieces.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if pieces[middle].parsed <= offset { low = middle } else { high = middle - 1 }
        }
        let piece = pieces[low]
        return piece.copied ? piece.file + (offset - piece.parsed) : piece.file
    }

    func fileOffset(_ position: CommonMarkPosition) -> Int {
        fileOffset(parsed: parsedOffset(position))
    }
}
