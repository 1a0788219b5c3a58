import Diagnostics

/// Walks cmark's first-pass tree for what the model needs from it: every code block with its
/// fence facts, and every paragraph and heading (where math may be).
struct BlockCollector {
    let bytes: [UInt8]
    let lines: LineIndex
    let map: PositionMap
    var leaves: [InlineLeaf] = []
    var blocks: [FencedBlock] = []

    init(bytes: [UInt8], lines: LineIndex, map: PositionMap) {
        self.bytes = bytes
        self.lines = lines
        self.map = map
    }

    /// Visits the children of a container (document, block quote, list, item).
    mutating func visit(_ tree: CommonMarkTree, _ index: Int, quoteDepth: Int) {
        let container = tree[index]
        // A top-level fence is ended only by the end of the file; a nested one also by the end
        // of its container, which cmark reports as the container's last line.
        let containerEnd = container.kind == .document ? Int.max : container.end.line
        var previous: Int?
        for childIndex in tree.children(of: index) {
            let child = tree[childIndex]
            var current: Int?
            switch child.kind {
            case .codeBlock(let info, let literal):
                blocks.append(fencedBlock(child, info: info, literal: literal, containerEnd: containerEnd, previous: previous))
                current = blocks.count - 1
            case .paragraph:
                leaves.append(leaf(child, quoteDepth: quoteDepth, heading: false))
            case .heading:
                leaves.append(leaf(child, quoteDepth: quoteDepth, heading: true))
            case .blockQuote:
                visit(tree, childIndex, quoteDepth: quoteDepth + 1)
            case .list, .item, .document:
                visit(tree, childIndex, quoteDepth: quoteDepth)
            default:
                break
            }
            previous = current
        }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private func leaf(_ node: CommonMarkTree.Node, quoteDepth: Int, heading: Bool) -> InlineLeaf {
        var start = map.fileOffset(node.start)
        let firstLine = node.start.line
        let firstEnd = lines.contentEnd(ofLine: firstLine)
        var lastLine = node.end.column == 0 ? node.end.line - 1 : node.end.line
        if heading {
            // ATX: `#` to `######` then a space or the end of the line; the content follows.
            var hashes = start
            while hashes < firstEnd, bytes[hashes] == 0x23 { hashes += 1 }
            let level = hashes - start
            if level >= 1, level <= 6, hashes == firstEnd || isSpace(bytes[hashes]) {
                start = hashes
                while start < firstEnd, isSpace(bytes[start]) { start += 1 }
                lastLine = firstLine
            } else {
                // Setext: the content ends before the first `===` or `---` underline.
                lastLine = firstLine
                var line = firstLine + 1
                while line <= min(node.end.line, lines.lineCount) {
                    if isUnderline(line) { break }
                    lastLine = line
                    line += 1
                }
            }
        }
        return InlineLeaf(
            contentStart: start, firstLine: firstLine, lastLine: max(firstLine, min(lastLine, lines.lineCount)),
            quoteDepth: quoteDepth, isHeading: heading)
    }

    /// A setext underline: only `=` or only `-` after the container prefix, then spaces.
    private func isUnderline(_ line: Int) -> Bool {
        var i = lines.start(ofLine: line)
        let end = lines.contentEnd(ofLine: line)
        while i < end, isSpace(bytes[i]) || bytes[i] == 0x3E { i += 1 }
        guard i < end, bytes[i] == 0x3D || bytes[i] == 0x2D else { return false }
        let mark = bytes[i]
        while i < end, bytes[i] == mark { i += 1 }
        while i < end, isSpace(bytes[i]) { i += 1 }
        return i == end
    }

    private func fencedBlock(
        _ node: CommonMarkTree.Node, info: String, literal: String, containerEnd: Int, previous: Int?
    ) -> FencedBlock {
        let start = map.fileOffset(node.start)
        let fenceLine = node.start.line
        let lineEnd = lines.contentEnd(ofLine: fenceLine)
        let lineCount = literal.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let fenceCharacter = start < bytes.count ? bytes[start] : 0
        var runEnd = start
        while runEnd < lineEnd, bytes[runEnd] == fenceCharacter { runEnd += 1 }
        let runLength = runEnd - start
        // cmark places an indented block at its first code character, which may be a fence
        // character: such a block has no info and its first line is its fence line.
        var isFence = (fenceCharacter == 0x60 || fenceCharacter == 0x7E) && runLength >= 3
        if isFence, info.isEmpty {
            let firstLiteralLine = literal.utf8.prefix { $0 != 0x0A }
            if Array(firstLiteralLine) == Array(bytes[start..<max(start, lineEnd)]) { isFence = false }
        }
        guard isFence else {
            let lastLine = min(fenceLine + max(lineCount, 1) - 1, lines.lineCount)
            return FencedBlock(
                role: .indented, start: start, range: start..<lines.end(ofLine: lastLine), fenceLine: fenceLine,
                info: "", words: [], literal: literal, isClosed: true, infoRange: start..<start,
                previousSibling: previous)
        }
        let endLine = node.end.line
        let isClosed = endLine == fenceLine + lineCount + 1 && endLine <= containerEnd
            && isClosingFence(line: endLine, character: fenceCharacter, length: runLength)
        let lastLine = isClosed ? endLine : min(fenceLine + lineCount, lines.lineCount)
        var infoStart = runEnd
        while infoStart < lineEnd, isSpace(bytes[infoStart]) { infoStart += 1 }
        var infoEnd = lineEnd
        while infoEnd > infoStart, isSpace(bytes[infoEnd - 1]) { infoEnd -= 1 }
        let words = info.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { String(Substring($0)) }
        let role: FencedBlock.Role =
            words.first == "backprop" ? .computation : words.first == "output" ? .output : .other
        return FencedBlock(
            role: role, start: start, range: start..<lines.end(ofLine: lastLine), fenceLine: fenceLine,
            info: info, words: words, literal: literal, isClosed: isClosed, infoRange: infoStart..<infoEnd,
            previousSibling: previous)
    }

    /// A closing fence: after the container prefix, at least `length` fence characters, then spaces.
    private func isClosingFence(line: Int, character: UInt8, length: Int) -> Bool {
        var i = lines.start(ofLine: line)
        let end = lines.contentEnd(ofLine: line)
        while i < end, isSpace(bytes[i]) || bytes[i] == 0x3E { i += 1 }
        let runStart = i
        while i < end, bytes[i] == character { i += 1 }
        guard i - runStart >= length else { return false }
        while i < end, isSpace(bytes[i]) { i += 1 }
        return i == end
    }
}
