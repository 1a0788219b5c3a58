import Diagnostics

/// Where each line of a .bib file starts, to turn byte offsets into compiler-style locations.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as the notebook parser counts them; columns
/// count Unicode scalars (see `SourceLocation`). A UTF-8 byte-order mark is not part of
/// line 1's columns.
struct LineIndex {
    let bytes: [UInt8]
    private let lineStarts: [Int]
    /// UTF-8 continuation bytes before every multiple of `stride`, so that a column on a
    /// long line (a whole file on one line) costs two short scans, not a scan of the line.
    private let continuations: [Int]
    private static let stride = 64

    init(bytes: [UInt8], startingAt start: Int) {
        self.bytes = bytes
        var starts = [start]
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
        var counts = [0]
        counts.reserveCapacity(bytes.count / Self.stride + 1)
        var running = 0
        for index in 0..<bytes.count {
            if bytes[index] & 0xC0 == 0x80 { running += 1 }
            if (index + 1) % Self.stride == 0 { counts.append(running) }
        }
        continuations = counts
    }

    /// Continuation bytes in `bytes[0..<offset]`.
    private func continuationCount(before offset: Int) -> Int {
        let block = offset / Self.stride
        var count = continuations[block]
        for index in (block * Self.stride)..<offset where bytes[index] & 0xC0 == 0x80 { count += 1 }
        return count
    }

    func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, lineStarts[0]), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        let continuationBytes = continuationCount(before: clamped) - continuationCount(before: start)
        return SourceLocation(line: low + 1, column: clamped - start - continuationBytes + 1)
    }

    func range(_ offsets: Range<Int>) -> SourceRange {
        SourceRange(start: location(of: offsets.lowerBound), end: location(of: offsets.upperBound))
    }
}
