/// Where each line of a file starts, to turn byte offsets into compiler-style locations: for
/// notebooks (Document) and BibTeX files (Bibliography) alike.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, exactly as cmark counts them, so that cmark's
/// line numbers and ours agree. Columns count Unicode scalars (see `SourceLocation`). A UTF-8
/// byte-order mark is not part of line 1: `lineStarts[0]` is the offset just after it.
public struct LineIndex: Sendable, Hashable {
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]
    /// The file, kept to count scalars and find line ends.
    public let bytes: [UInt8]
    /// UTF-8 continuation bytes before every multiple of `stride`, so that a column on a long
    /// line costs at most two short scans, not a scan from the line's start.
    private let continuations: [Int]
    private static let stride = 64

    public init(bytes: [UInt8], startingAt start: Int = 0) {
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes, from: start)
        var counts = [0]
        counts.reserveCapacity(bytes.count / Self.stride + 1)
        var running = 0
        // A plain loop over the buffer: a 10 MB notebook is 10 million iterations, and an
        // enumerated sequence costs several times more in a debug build.
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count {
                if buffer[index] & 0xC0 == 0x80 { running += 1 }
                if (index + 1) % Self.stride == 0 { counts.append(running) }
            }
        }
        self.continuations = counts
    }

    /// The offset of each line's first byte, from `start` on (line breaks as cmark counts them).
    public static func lineStarts(of bytes: [UInt8], from start: Int = 0) -> [Int] {
        var starts = [start]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var i = start
            let count = buffer.count
            while i < count {
                let byte = buffer[i]
                if byte == 0x0A {
                    starts.append(i + 1)
                } else if byte == 0x0D {
                    if i + 1 < count, buffer[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        return starts
    }

    /// Continuation bytes in `bytes[0..<offset]`.
    private func continuationCount(before offset: Int) -> Int {
        let block = offset / Self.stride
        var count = continuations[block]
        for index in (block * Self.stride)..<offset where bytes[index] & 0xC0 == 0x80 { count += 1 }
        return count
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line holding `offset` (an offset at a line break belongs to that line).
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// First byte of 1-based `line` (clamped to the file).
    public func start(ofLine line: Int) -> Int {
        lineStarts[min(max(line, 1), lineStarts.count) - 1]
    }

    /// Offset of the line break that ends `line`, or the end of the file.
    public func contentEnd(ofLine line: Int) -> Int {
        let index = min(max(line, 1), lineStarts.count)
        guard index < lineStarts.count else { return bytes.count }
        let next = lineStarts[index]
        if next >= 2, bytes[next - 2] == 0x0D, bytes[next - 1] == 0x0A { return next - 2 }
        return next - 1
    }

    /// Offset just after the line break that ends `line` (the next line's start, or the end).
    public func end(ofLine line: Int) -> Int {
        let index = min(max(line, 1), lineStarts.count)
        return index < lineStarts.count ? lineStarts[index] : bytes.count
    }

    /// The location of the byte at `offset`: its line, and one more than the number of
    /// scalars before it on that line.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(of: clamped)
        let start = lineStarts[line - 1]
        guard clamped > start else { return SourceLocation(line: line, column: 1) }
        let continuationBytes = continuationCount(before: clamped) - continuationCount(before: start)
        return SourceLocation(line: line, column: clamped - start - continuationBytes + 1)
    }

    /// Scalars in `bytes[range]` (UTF-8 continuation bytes do not start a scalar).
    public func scalarCount(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// A range from two byte offsets.
    public func range(_ offsets: Range<Int>) -> SourceRange {
        SourceRange(start: location(of: offsets.lowerBound), end: location(of: offsets.upperBound))
    }
}
