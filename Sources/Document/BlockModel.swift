import Diagnostics

/// Turns the code blocks cmark found into computation blocks and recorded outputs: pairs each
/// output with the block it records, and reports unclosed fences and orphan outputs.
struct BlockModel {
    var blocks: [CodeBlock] = []
    var outputs: [RecordedOutput] = []
    var diagnostics: [Diagnostic] = []
    /// The markup node of each fenced block, by the file offset where it starts.
    var markupByStart: [Int: Markup.Block] = [:]

    init(fenced: [FencedBlock], bytes: [UInt8], lines: LineIndex, file: String) {
        // Each fenced block's number among computation blocks or among outputs.
        var computationIndex = [Int?](repeating: nil, count: fenced.count)
        var outputIndex = [Int?](repeating: nil, count: fenced.count)
        var computations = 0
        var outputCount = 0
        for index in fenced.indices {
            switch fenced[index].role {
            case .computation:
                computationIndex[index] = computations
                computations += 1
            case .output:
                outputIndex[index] = outputCount
                outputCount += 1
            case .other, .indented: break
            }
        }
        blocks.reserveCapacity(computations)
        outputs.reserveCapacity(outputCount)
        markupByStart.reserveCapacity(computations + outputCount)
        // An output records the computation block right before it in the same container,
        // with only blank lines (and the container's `>` markers) between them.
        var recordedBy = [Int?](repeating: nil, count: outputCount)
        var outputOf = [Int?](repeating: nil, count: computations)
        for index in fenced.indices where fenced[index].role == .output {
            guard let previous = fenced[index].previousSibling, let computation = computationIndex[previous],
                let output = outputIndex[index]
            else { continue }
            let source = fenced[previous]
            guard source.isClosed, source.range.upperBound <= fenced[index].start else { continue }
            let gap = bytes[source.range.upperBound..<fenced[index].start]
            guard gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || $0 == 0x3E }) else { continue }
            recordedBy[output] = computation
            outputOf[computation] = output
        }

        for index in fenced.indices {
            let block = fenced[index]
            switch block.role {
            case .computation:
                let number = computationIndex[index]!
                blocks.append(CodeBlock(
                    index: number, options: Array(block.words.dropFirst()), code: block.text,
                    range: block.range, fenceLine: block.fenceLine, firstCodeLine: block.fenceLine + 1,
                    columnOffsets: Self.columnOffsets(block, bytes: bytes, lines: lines),
                    infoRange: lines.range(block.infoRange), isClosed: block.isClosed, output: outputOf[number]))
                markupByStart[block.start] = .computation(number)
                if !block.isClosed {
                    diagnostics.append(unclosed(block, what: "code fence", lines: lines, file: file))
                }
            case .output:
                let number = outputIndex[index]!
                outputs.append(RecordedOutput(
                    index: number, text: block.text, info: Array(block.words.dropFirst()), range: block.range,
                    line: block.fenceLine, block: recordedBy[number], isClosed: block.isClosed))
                markupByStart[block.start] = .output(number)
                if !block.isClosed {
                    diagnostics.append(unclosed(block, what: "output block", lines: lines, file: file))
                }
                if recordedBy[number] == nil {
                    diagnostics.append(.error(
                        "output block with no computation block before it", file: file,
                        at: fenceRange(block, lines: lines),
                        notes: [.init("an output block records the `backprop` block directly above it (blank lines may separate them); `chainrule update` leaves this one alone")]))
                }
            case .other, .indented:
                break
            }
        }
    }

    private func fenceRange(_ block: FencedBlock, lines: LineIndex) -> SourceRange {
        var end = block.start
        let lineEnd = lines.contentEnd(ofLine: block.fenceLine)
        if end < lines.bytes.count {
            let fence = lines.bytes[end]
            while end < lineEnd, lines.bytes[end] == fence { end += 1 }
        }
        return lines.range(block.start..<end)
    }

    private func unclosed(_ block: FencedBlock, what: String, lines: LineIndex, file: String) -> Diagnostic {
        let lastLine = lines.line(of: max(block.range.lowerBound, block.range.upperBound - 1))
        let reach = block.range.upperBound >= lines.bytes.count
            ? "the block runs to the end of the file"
            : "the block runs to line \(lastLine), where its list item or block quote ends"
        return .error(
            "unclosed \(what)", file: file, at: fenceRange(block, lines: lines),
            notes: [.init("\(reach); close it with a line of the same fence after its last line")])
    }

    /// Columns before each content line's code: the file line is the code line with its
    /// container prefix in front, so the difference in scalars is the prefix's width.
    private static func columnOffsets(_ block: FencedBlock, bytes: [UInt8], lines: LineIndex) -> [Int] {
        var offsets: [Int] = []
        var codeScalars = 0
        var line = block.fenceLine + 1
        for byte in block.literal.utf8 {
            if byte == 0x0A {
                let start = lines.start(ofLine: line)
                let fileScalars = lines.scalarCount(start..<lines.contentEnd(ofLine: line))
                offsets.append(max(0, fileScalars - codeScalars))
                codeScalars = 0
                line += 1
            } else if byte & 0xC0 != 0x80 {
                codeScalars += 1
            }
        }
        return offsets
    }
}
