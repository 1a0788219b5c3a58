import Diagnostics

/// A `$...$` or `$$...$$` span found in prose, or a computed value
/// (`<!--= expression -->recorded<!--/-->`): the parts of prose that cmark must not see,
/// replaced by placeholders during its second pass.
struct MathSpan: Sendable, Hashable {
    /// File bytes from the opening dollar through the closing one.
    var range: Range<Int>
    /// The TeX between the dollars, exactly as written, except that a span crossing lines
    /// has its lines joined by "\n" without the container prefixes (`> `, list indentation);
    /// for a computed value, its expression.
    var tex: String
    /// File offset of the first TeX character (of the expression).
    var texStart: Int
    var display: Bool
    /// For a computed value, where its recorded text lies in the file (between the two
    /// comments); nil for math.
    var recorded: Range<Int>? = nil
}

/// A paragraph or heading as cmark's first pass found it: where its inline content lies.
struct InlineLeaf: Sendable, Hashable {
    /// File offset where the content starts on the first line (after `#`s for an ATX heading).
    var contentStart: Int
    var firstLine: Int
    var lastLine: Int
    /// Block quotes around it: their `>` markers are not content on later lines.
    var quoteDepth: Int
    /// A heading's content rather than a paragraph's (no table can start there).
    var isHeading = false
}

/// Finds TeX math in prose by pandoc's `tex_math_dollars` rule, before cmark can mangle it.
///
/// The rule: `$$...$$` is display math (one or more characters, possibly across lines);
/// `$...$` is inline math when the opening `$` has a non-space right after it, the closing `$`
/// has a non-space right before it and no digit right after it (so "$5 and $10" is text);
/// `\$` is a literal dollar. Code spans, autolinks and raw HTML are never math, and whichever
/// starts first wins, as in pandoc (`` `$a$` `` is code, `$a<b>c$` is math). One deviation
/// from pandoc: inline math cannot contain a backtick, so a price before a code span
/// ("$10, see `$x$`") does not swallow the code span's dollar.
///
/// A leaf's content is scanned as one stream: its lines joined by "\n" with the block quote
/// markers and the container indentation of later lines left out, and a table maps every
/// stream byte back to its file offset.
struct MathScanner {
    let bytes: [UInt8]
    let lines: LineIndex

    /// A dollar that opens math nothing closes: a `$$` with no `$$` after it in its paragraph,
    /// or a `$` right before a letter, `\` or `{` (so it can only be meant as TeX) with no
    /// `$` to close it. A dollar for money (`$5`, `$ 5`) is never one.
    struct Unclosed: Sendable, Hashable {
        /// File offset of the opening dollar (or of the computed value's `<!--=`).
        var offset: Int
        var display: Bool
        /// A computed value without its closing `<!--/-->`.
        var value = false
    }

    func spans(in leaves: [InlineLeaf]) -> [MathSpan] {
        var unclosed: [Unclosed] = []
        return spans(in: leaves, unclosed: &unclosed)
    }

    func spans(in leaves: [InlineLeaf], unclosed: inout [Unclosed]) -> [MathSpan] {
        var spans: [MathSpan] = []
        for leaf in leaves {
            // Most paragraphs hold no dollar at all: skip them without building a stream.
            var hasDollar = false
            let end = lines.contentEnd(ofLine: leaf.lastLine)
            if leaf.contentStart < end {
                // A dollar, or the `<!--=` of a computed value.
                for index in leaf.contentStart..<end where bytes[index] == 0x24
                    || (bytes[index] == 0x3D && index >= 4 && bytes[index - 1] == 0x2D && bytes[index - 4] == 0x3C) {
                    hasDollar = true
                    break
                }
            }
            if hasDollar { scan(stream(of: leaf), into: &spans, unclosed: &unclosed) }
        }
        return spans
    }

    /// The leaf's content as a stream of bytes, and where each line of it starts in the file.
    struct Stream {
        var text: [UInt8] = []
        /// (stream offset, file offset) of each line's first byte; a line's "\n" maps to the
        /// file's line break.
        var runs: [(stream: Int, file: Int, length: Int)] = []

        func fileOffset(_ index: Int) -> Int {
            var low = 0
            var high = runs.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if runs[middle].stream <= index { low = middle } else { high = middle - 1 }
            }
            let run = runs[low]
            return run.file + min(index - run.stream, run.length)
        }
    }

    func stream(of leaf: InlineLeaf) -> Stream {
        var stream = Stream()
        let firstLineStart = lines.start(ofLine: leaf.firstLine)
        // Container indentation of the first line: what lies between the last `>` marker and
        // the content (a list marker and its padding), stripped from later lines too.
        let afterMarkers = skipQuoteMarkers(from: firstLineStart, end: leaf.contentStart, depth: leaf.quoteDepth)
        let indent = max(0, leaf.contentStart - afterMarkers)
        for line in leaf.firstLine...leaf.lastLine {
            let end = lines.contentEnd(ofLine: line)
            var start: Int
            if line == leaf.firstLine {
                start = leaf.contentStart
            } else {
                stream.text.append(0x0A)
                start = skipQuoteMarkers(from: lines.start(ofLine: line), end: end, depth: leaf.quoteDepth)
                var stripped = 0
                while stripped < indent, start < end, bytes[start] == 0x20 || bytes[start] == 0x09 {
                    start += 1
                    stripped += 1
                }
            }
            start = min(start, end)
            stream.runs.append((stream.text.count, start, end - start))
            stream.text.append(contentsOf: bytes[start..<end])
        }
        return stream
    }

    /// Past up to `depth` block quote markers (each `>` with one optional space after it).
    private func skipQuoteMarkers(from start: Int, end: Int, depth: Int) -> Int {
        var position = start
        var consumed = 0
        while consumed < depth {
            var probe = position
            while probe < end, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
            guard probe < end, bytes[probe] == 0x3E else { break }
            position = probe + 1
            if position < end, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            consumed += 1
        }
        return position
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    func scan(_ stream: Stream, into spans: inout [MathSpan]) {
        var unclosed: [Unclosed] = []
        scan(stream, into: &spans, unclosed: &unclosed)
    }

    func scan(_ stream: Stream, into spans: inout [MathSpan], unclosed: inout [Unclosed]) {
        let text = stream.text
        let count = text.count
        // Maximal backtick runs by length, for finding the run that closes a code span.
        var runsByLength: [Int: [Int]] = [:]
        var index = 0
        while index < count {
            if text[index] == 0x60 {
                let start = index
                while index < count, text[index] == 0x60 { index += 1 }
                runsByLength[index - start, default: []].append(start)
            } else {
                index += 1
            }
        }
        var html = RawHTMLMatcher(text: text)
        var i = 0
        while i < count {
            switch text[i] {
            case 0x5C:  // backslash: an escaped punctuation character is literal
                i += i + 1 < count && Self.isASCIIPunctuation(text[i + 1]) ? 2 : 1
            case 0x60:  // a code span, if a run of the same length closes it
                var k = i
                while k < count, text[k] == 0x60 { k += 1 }
                let length = k - i
                if let starts = runsByLength[length], let close = Self.firstGreater(than: k - 1, in: starts) {
                    i = close + length
                } else {
                    i = k
                }
            case 0x3C:  // a computed value, an autolink or raw HTML
                if let value = computedValue(stream, at: i, unclosed: &unclosed) {
                    spans.append(value.span)
                    i = value.end
                } else {
                    i = html.match(at: i) ?? i + 1
                }
            case 0x24:
                if i + 1 < count, text[i + 1] == 0x24 {
                    if let span = displayMath(text, at: i) {
                        spans.append(makeSpan(stream, opener: i, content: (i + 2)..<span, closerLength: 2, display: true))
                        i = span + 2
                    } else {
                        unclosed.append(Unclosed(offset: stream.fileOffset(i), display: true))
                        // Nothing after an unclosed `$$` is math either (pandoc would take
                        // a later `$` as the start of inline math inside it).
                        i = count
                    }
                } else if let close = inlineMath(text, at: i) {
                    spans.append(makeSpan(stream, opener: i, content: (i + 1)..<close, closerLength: 1, display: false))
                    i = close + 1
                } else {
                    if i + 1 < count, Self.opensTeX(text[i + 1]), !Self.hasDollar(text, after: i) {
                        unclosed.append(Unclosed(offset: stream.fileOffset(i), display: false))
                    }
                    i += 1
                }
            default:
                i += 1
            }
        }
    }

    /// `<!--= expression -->recorded<!--/-->` at `start`, on one line: the span (its range,
    /// expression and recorded text) and where scanning goes on. An opening comment with no
    /// closing one on its line is reported and scanned as the comment it is.
    private func computedValue(_ stream: Stream, at start: Int, unclosed: inout [Unclosed]) -> (span: MathSpan, end: Int)? {
        let text = stream.text
        let opener = Array("<!--=".utf8), close = Array("-->".utf8), closer = Array("<!--/-->".utf8)
        guard text.count - start >= opener.count, Array(text[start..<start + opener.count]) == opener else { return nil }
        var lineEnd = start
        while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
        func find(_ needle: [UInt8], from: Int) -> Int? {
            var i = from
            while i + needle.count <= lineEnd {
                if text[i] == needle[0], Array(text[i..<i + needle.count]) == needle { return i }
                i += 1
            }
            return nil
        }
        guard let expressionEnd = find(close, from: start + opener.count),
              let closing = find(closer, from: expressionEnd + close.count) else {
            unclosed.append(Unclosed(offset: stream.fileOffset(start), display: false, value: true))
            return nil
        }
        var expressionStart = start + opener.count
        while expressionStart < expressionEnd, text[expressionStart] == 0x20 { expressionStart += 1 }
        var trimmedEnd = expressionEnd
        while trimmedEnd > expressionStart, text[trimmedEnd - 1] == 0x20 { trimmedEnd -= 1 }
        let recordedStart = expressionEnd + close.count
        let span = MathSpan(
            range: stream.fileOffset(start)..<(stream.fileOffset(closing + closer.count - 1) + 1),
            tex: String(decoding: text[expressionStart..<trimmedEnd], as: UTF8.self),
            texStart: stream.fileOffset(expressionStart), display: false,
            recorded: stream.fileOffset(recordedStart)..<stream.fileOffset(closing))
        return (span, closing + closer.count)
    }

    /// A letter, `\` or `{`: what only TeX would put right after an opening `$`.
    private static func opensTeX(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5C || byte == 0x7B
    }

    /// Whether another `$` follows `start` in the paragraph (then this one is no orphan,
    /// whatever pandoc's rule made of the pair).
    private static func hasDollar(_ text: [UInt8], after start: Int) -> Bool {
        text[(start + 1)...].contains(0x24)
    }

    private static func firstGreater(than value: Int, in sorted: [Int]) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] > value { high = middle } else { low = middle + 1 }
        }
        return low < sorted.count ? sorted[low] : nil
    }

    /// Offset of the `$$` that closes display math opened at `start`, after at least one
    /// character. As in pandoc, nothing is escaped inside: the first `$$` closes.
    private func displayMath(_ text: [UInt8], at start: Int) -> Int? {
        var j = start + 3
        while j + 1 < text.count {
            if text[j] == 0x24, text[j + 1] == 0x24 { return j }
            j += 1
        }
        return nil
    }

    /// Offset of the `$` that closes inline math opened at `start`, by pandoc's rule.
    private func inlineMath(_ text: [UInt8], at start: Int) -> Int? {
        let count = text.count
        var j = start + 1
        guard j < count, !Self.isSpace(text[j]) else { return nil }
        while j < count {
            let c = text[j]
            if c == 0x24 {
                if j + 1 < count, text[j + 1] >= 0x30, text[j + 1] <= 0x39 { return nil }
                return j
            }
            if c == 0x60 {
                // Beyond pandoc: inline TeX has no use for a backtick, and without this rule
                // "costs $10, see `$x$`" would end math inside the code span.
                return nil
            }
            if c == 0x5C {
                // `\text{...}` may hold dollars of its own; any other `\x` is taken whole.
                if let end = textCommand(text, at: j) {
                    j = end
                } else {
                    j += 2
                }
            } else if Self.isSpace(c) {
                var k = j
                while k < count, Self.isSpace(text[k]) { k += 1 }
                if k < count, text[k] == 0x24 { return nil }
                j = k
            } else {
                j += 1
            }
        }
        return nil
    }

    /// The end of `\text{...}` with balanced braces starting at `start` (the backslash).
    private func textCommand(_ text: [UInt8], at start: Int) -> Int? {
        let name = Array("\\text{".utf8)
        guard start + name.count <= text.count, Array(text[start..<start + name.count]) == name else { return nil }
        var depth = 1
        var j = start + name.count
        while j < text.count {
            switch text[j] {
            case 0x5C: j += 1
            case 0x7B: depth += 1
            case 0x7D:
                depth -= 1
                if depth == 0 { return j + 1 }
            default: break
            }
            j += 1
        }
        return nil
    }

    private func makeSpan(
        _ stream: Stream, opener: Int, content: Range<Int>, closerLength: Int, display: Bool
    ) -> MathSpan {
        let start = stream.fileOffset(opener)
        let end = stream.fileOffset(content.upperBound + closerLength - 1) + 1
        return MathSpan(
            range: start..<end,
            tex: String(decoding: stream.text[content], as: UTF8.self),
            texStart: stream.fileOffset(content.lowerBound),
            display: display)
    }
}
