extension Notebook {
    /// The file with every computation block's recorded output set to `records[i]` (nil: the
    /// block displays nothing, so it has no output block). Every byte outside output blocks
    /// stays as it was, except the blank lines between a block and an output that is removed.
    ///
    /// - An output whose text and info already match is not touched, so a second update is a
    ///   no-op that gives the same bytes.
    /// - A replaced output keeps its fence character and length, unless the new text holds a
    ///   run of that character as long as the fence: then the fence grows.
    /// - A new output goes right after its block, fenced with backticks longer than any run of
    ///   backticks in the text, in the file's line break convention and with the container
    ///   prefix (`> `, list indentation) of the block's closing fence line.
    /// - Unclosed blocks, unclosed outputs and orphan outputs are left alone.
    ///
    /// `records.count` must equal `blocks.count` (a programmer error otherwise). With
    /// `values` (one per computed value of the prose; nil leaves one as it is), each value's
    /// recorded text between its two comments is rewritten too, and nothing around it.
    public func rewritingOutputs(_ records: [OutputRecord?], values: [String?]? = nil) -> [UInt8] {
        precondition(records.count == blocks.count, "one record per computation block")
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        if let values {
            precondition(values.count == self.values.count, "one value per computed value")
            for (value, text) in zip(self.values, values) {
                guard let text else { continue }
                let recorded = ComputedValue.recordedText(text)
                if recorded != value.recorded { edits.append((value.recordedRange, Array(recorded.utf8))) }
            }
        }
        for block in blocks where block.isClosed {
            let existing = block.output.map { outputs[$0] }
            switch (records[block.index], existing) {
            case (nil, nil):
                continue
            case (nil, let output?):
                guard output.isClosed else { continue }
                var start = block.range.upperBound
                // Keep a file that had no final newline without one.
                if output.range.upperBound == bytes.count, lineBreakLength(endingAt: output.range.upperBound) == 0 {
                    start -= lineBreakLength(endingAt: start)
                }
                edits.append((start..<output.range.upperBound, []))
            case (let record?, nil):
                let end = block.range.upperBound
                let hasBreak = lineBreakLength(endingAt: end) > 0
                var inserted: [UInt8] = hasBreak ? [] : lineBreak
                inserted += render(
                    record, prefix: prefix(ofLineEndingAt: end), prefixFirstLine: true,
                    fence: Self.fence(for: record, character: nil, length: 3), finalBreak: hasBreak)
                edits.append((end..<end, inserted))
            case (let record?, let output?):
                guard output.isClosed, output.text != record.text || output.info != record.info else { continue }
                let start = output.range.lowerBound
                let character = bytes[start]
                var length = 0
                while start + length < bytes.count, bytes[start + length] == character { length += 1 }
                let lineStart = lines.start(ofLine: lines.line(of: start))
                edits.append((output.range, render(
                    record, prefix: Array(bytes[lineStart..<start]), prefixFirstLine: false,
                    fence: Self.fence(for: record, character: character, length: length),
                    finalBreak: lineBreakLength(endingAt: output.range.upperBound) > 0)))
            }
        }
        guard !edits.isEmpty else { return bytes }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var cursor = 0
        for edit in edits {
            result += bytes[cursor..<edit.range.lowerBound]
            result += edit.bytes
            cursor = edit.range.upperBound
        }
        result += bytes[cursor...]
        return result
    }

    /// The file's line break: that of its first line, or "\n" for a one-line file.
    var lineBreak: [UInt8] {
        guard lines.lineCount > 1 else { return [0x0A] }
        let end = lines.contentEnd(ofLine: 1)
        return Array(bytes[end..<lines.end(ofLine: 1)])
    }

    /// Bytes of the line break that ends just before `end` (0 if none).
    private func lineBreakLength(endingAt end: Int) -> Int {
        guard end > 0 else { return 0 }
        if bytes[end - 1] == 0x0A { return end >= 2 && bytes[end - 2] == 0x0D ? 2 : 1 }
        return bytes[end - 1] == 0x0D ? 1 : 0
    }

    /// The container prefix of the line that ends at `end`: its leading spaces, tabs and `>`.
    private func prefix(ofLineEndingAt end: Int) -> [UInt8] {
        let line = lines.line(of: max(0, end - 1))
        var index = lines.start(ofLine: line)
        var prefix: [UInt8] = []
        while index < end, [0x20, 0x09, 0x3E].contains(bytes[index]) {
            prefix.append(bytes[index])
            index += 1
        }
        return prefix
    }

    /// The fence for a record: the old one if the text cannot close it early, else longer.
    /// Backtick fences cannot carry an info string with a backtick in it: tildes then.
    private static func fence(for record: OutputRecord, character: UInt8?, length: Int) -> [UInt8] {
        var character = character ?? 0x60
        var length = length
        if character == 0x60, record.info.contains(where: { $0.contains("`") }) {
            character = 0x7E
            length = 3
        }
        var longest = 0
        var run = 0
        for byte in record.text.utf8 {
            run = byte == character ? run + 1 : 0
            longest = max(longest, run)
        }
        return Array(repeating: character, count: max(length, 3, longest + 1))
    }

    private func render(
        _ record: OutputRecord, prefix rawPrefix: [UInt8], prefixFirstLine: Bool, fence: [UInt8],
        finalBreak: Bool
    ) -> [UInt8] {
        // Only container markers belong in a prefix (a list marker becomes its width in
        // spaces), and `>` gets a space after it so content that starts with a space keeps it.
        var prefix = rawPrefix.map { $0 == 0x3E || $0 == 0x09 ? $0 : 0x20 }
        if prefix.last == 0x3E { prefix.append(0x20) }
        var blankPrefix = prefix
        while let last = blankPrefix.last, last == 0x20 || last == 0x09 { blankPrefix.removeLast() }

        var result: [UInt8] = prefixFirstLine ? prefix : []
        result += fence
        result += Array("output".utf8)
        for word in record.info { result += [0x20] + Array(word.utf8) }
        result += lineBreak
        for line in Self.lines(of: record.text) {
            result += line.isEmpty ? blankPrefix : prefix
            result += line
            result += lineBreak
        }
        result += prefix
        result += fence
        if finalBreak { result += lineBreak }
        return result
    }

    /// The lines of a text, split at "\n", "\r\n" or "\r"; none for "".
    private static func lines(of text: String) -> [[UInt8]] {
        guard !text.isEmpty else { return [] }
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A, previous == 0x0D {
                previous = byte
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                result.append(current)
                current = []
            } else {
                current.append(byte)
            }
            previous = byte
        }
        result.append(current)
        return result
    }
}
