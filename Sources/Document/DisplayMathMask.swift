/// Keeps display math whole through cmark's first pass.
///
/// A formula over several lines may have a line that, to CommonMark, opens a block: `+ x`
/// or `- x` starts a list, `# x` a heading, `> x` a quote, `1. x` a numbered list. cmark's
/// first pass would then cut the paragraph there, and the `$$` pair would never be seen
/// together. Before that pass, in every `$$ ... $$` region outside fenced code, the
/// character that would open such a block is replaced by an inert byte of the same length,
/// so the region stays one paragraph and every offset stays true. The bytes the math is
/// read from, and the placeholders of the second pass, come from the original file.
///
/// A computed value that starts a line (`<!--= x.grad -->-4<!--/-->`) is masked the same
/// way: to CommonMark a line that starts with `<!--` opens an HTML block, even in the middle
/// of a paragraph.
enum DisplayMathMask {
    /// Masks `text` in place; returns whether anything was masked.
    @discardableResult
    static func mask(_ text: inout [UInt8]) -> Bool {
        let lineStarts = [0] + text.indices.filter { text[$0] == 0x0A }.map { $0 + 1 }.filter { $0 <= text.count }
        var fence: (byte: UInt8, length: Int)?
        // Inside an open region: the markers seen on its lines so far. They are replaced only
        // when the region closes; a blank line or a fence abandons it, as it would end the
        // paragraph.
        var pending: [Int]?
        var changed = false
        for (number, start) in lineStarts.enumerated() {
            let end = number + 1 < lineStarts.count ? lineStarts[number + 1] - 1 : text.count
            var content = start
            // Container markers: block quote markers and indentation stay as they are.
            while content < end, text[content] == 0x20 || text[content] == 0x09 || text[content] == 0x3E { content += 1 }
            if let run = fenceRun(text, content, end) {
                if let open = fence {
                    if run.byte == open.byte && run.length >= open.length { fence = nil }
                } else {
                    fence = run
                    pending = nil
                }
                continue
            }
            if fence != nil { continue }
            if content >= end || text[content..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                pending = nil
                continue
            }
            if pending != nil, let marker = blockMarker(text, content, end) { pending!.append(marker) }
            if startsComputedValue(text, content, end) {
                text[content] = 0x78
                changed = true
            }
            // Each unescaped `$$` on the line opens or closes a region.
            var index = content
            while index + 1 < end {
                if text[index] == 0x5C {
                    index += 2
                    continue
                }
                if text[index] == 0x24 && text[index + 1] == 0x24 {
                    if let markers = pending {
                        for marker in markers { text[marker] = 0x78 }
                        changed = changed || !markers.isEmpty
                        pending = nil
                    } else {
                        pending = []
                    }
                    index += 2
                    continue
                }
                index += 1
            }
        }
        return changed
    }

    /// `<!--=` at `index`, with the `<!--/-->` that closes the value later on the line.
    static func startsComputedValue(_ text: [UInt8], _ index: Int, _ end: Int) -> Bool {
        let opener: [UInt8] = Array("<!--=".utf8), closer: [UInt8] = Array("<!--/-->".utf8)
        guard end - index >= opener.count + closer.count, text[index..<(index + opener.count)].elementsEqual(opener) else { return false }
        var at = index + opener.count
        while at + closer.count <= end {
            if text[at] == 0x3C, text[at..<(at + closer.count)].elementsEqual(closer) { return true }
            at += 1
        }
        return false
    }

    /// A fence of 3 or more backticks or tildes starting at `index`.
    static func fenceRun(_ text: [UInt8], _ index: Int, _ end: Int) -> (byte: UInt8, length: Int)? {
        guard index < end, text[index] == 0x60 || text[index] == 0x7E else { return nil }
        var length = 0
        while index + length < end, text[index + length] == text[index] { length += 1 }
        return length >= 3 ? (text[index], length) : nil
    }

    /// Where the line would open a block: `+ - *` or `#` or `>` followed by a space or the
    /// end, or digits followed by `.` or `)` and a space, or a setext underline of `=`.
    static func blockMarker(_ text: [UInt8], _ index: Int, _ end: Int) -> Int? {
        let first = text[index]
        let next = index + 1 < end ? text[index + 1] : 0x20
        let spaceAfter = next == 0x20 || next == 0x09 || next == 0x0D
        switch first {
        case 0x2B, 0x2D, 0x2A, 0x23, 0x3E:
            if spaceAfter || first == 0x23 || (first == 0x2D && text[index..<end].allSatisfy { $0 == 0x2D || $0 == 0x20 }) {
                return index
            }
        case 0x3D where text[index..<end].allSatisfy { $0 == 0x3D || $0 == 0x20 || $0 == 0x0D }:
            return index
        case 0x30...0x39:
            var digit = index
            while digit < end, (0x30...0x39).contains(text[digit]) { digit += 1 }
            if digit < end, text[digit] == 0x2E || text[digit] == 0x29,
               digit + 1 >= end || text[digit + 1] == 0x20 || text[digit + 1] == 0x09 {
                return index
            }
        default:
            break
        }
        return nil
    }
}
