/// Recognises CommonMark autolinks and raw inline HTML at a `<`, so that the math scanner
/// skips them as cmark will (a `$` inside `<a title="$x$">` is not math).
///
/// The rules are CommonMark's (spec 0.30, sections 6.5 and 6.6). Searches for a closing
/// `-->`, `?>`, `]]>` or `>` remember where they last failed, so a line full of unclosed
/// `<!--` is scanned once, not once per opener.
struct RawHTMLMatcher {
    let text: [UInt8]
    private var noCommentEndFrom = Int.max
    private var noProcessingEndFrom = Int.max
    private var noCDATAEndFrom = Int.max
    private var noGreaterThanFrom = Int.max

    init(text: [UInt8]) {
        self.text = text
    }

    /// The end (exclusive) of the autolink or HTML construct starting at `start` (a `<`), or nil.
    mutating func match(at start: Int) -> Int? {
        autolink(at: start) ?? tag(at: start)
    }

    private func byte(_ index: Int) -> UInt8 { index < text.count ? text[index] : 0 }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private func autolink(at start: Int) -> Int? {
        // URI: scheme of 2 to 32 characters, ':', then no space, '<', '>' or control.
        var i = start + 1
        if Self.isLetter(byte(i)) {
            var length = 1
            i += 1
            while Self.isLetter(byte(i)) || Self.isDigit(byte(i)) || byte(i) == 0x2B || byte(i) == 0x2E
                || byte(i) == 0x2D
            {
                length += 1
                i += 1
            }
            if length >= 2, length <= 32, byte(i) == 0x3A {
                i += 1
                while i < text.count, text[i] > 0x20, text[i] != 0x3C, text[i] != 0x3E, text[i] != 0x7F {
                    i += 1
                }
                if byte(i) == 0x3E { return i + 1 }
            }
        }
        // Email: local part, '@', labels separated by dots.
        i = start + 1
        let localStart = i
        while i < text.count, Self.isEmailLocal(text[i]) { i += 1 }
        guard i > localStart, byte(i) == 0x40 else { return nil }
        i += 1
        while true {
            let labelStart = i
            while Self.isLetter(byte(i)) || Self.isDigit(byte(i)) || byte(i) == 0x2D { i += 1 }
            let length = i - labelStart
            guard length >= 1, length <= 63, text[labelStart] != 0x2D, text[i - 1] != 0x2D else { return nil }
            if byte(i) == 0x2E {
                i += 1
                continue
            }
            return byte(i) == 0x3E ? i + 1 : nil
        }
    }

    private static func isEmailLocal(_ byte: UInt8) -> Bool {
        if isLetter(byte) || isDigit(byte) { return true }
        return Array(".!#$%&'*+/=?^_`{|}~-".utf8).contains(byte)
    }

    private mutating func tag(at start: Int) -> Int? {
        let next = byte(start + 1)
        if Self.isLetter(next) { return openTag(at: start) }
        if next == 0x2F { return closingTag(at: start) }
        if next == 0x3F { return Self.find(Array("?>".utf8), in: text, from: start + 2, memo: &noProcessingEndFrom) }
        guard next == 0x21 else { return nil }
        if byte(start + 2) == 0x2D, byte(start + 3) == 0x2D { return comment(at: start) }
        if Self.isLetter(byte(start + 2)) { return Self.find([0x3E], in: text, from: start + 3, memo: &noGreaterThanFrom) }
        if Array(text[start..<min(start + 9, text.count)]) == Array("<![CDATA[".utf8) {
            return Self.find(Array("]]>".utf8), in: text, from: start + 9, memo: &noCDATAEndFrom)
        }
        return nil
    }

    private func tagName(from index: Int) -> Int {
        var i = index
        while Self.isLetter(byte(i)) || Self.isDigit(byte(i)) || byte(i) == 0x2D { i += 1 }
        return i
    }

    private func skipSpace(from index: Int) -> Int {
        var i = index
        while i < text.count, Self.isSpace(text[i]) { i += 1 }
        return i
    }

    private func openTag(at start: Int) -> Int? {
        var i = tagName(from: start + 1)
        while true {
            let afterSpace = skipSpace(from: i)
            let c = byte(afterSpace)
            if c == 0x3E { return afterSpace + 1 }
            if c == 0x2F { return byte(afterSpace + 1) == 0x3E ? afterSpace + 2 : nil }
            // An attribute needs whitespace before it.
            guard afterSpace > i, Self.isLetter(c) || c == 0x5F || c == 0x3A else { return nil }
            i = afterSpace + 1
            while Self.isLetter(byte(i)) || Self.isDigit(byte(i)) || [0x5F, 0x2E, 0x3A, 0x2D].contains(byte(i)) {
                i += 1
            }
            let beforeEquals = skipSpace(from: i)
            guard byte(beforeEquals) == 0x3D else { continue }
            var v = skipSpace(from: beforeEquals + 1)
            let quote = byte(v)
            if quote == 0x22 || quote == 0x27 {
                v += 1
                while v < text.count, text[v] != quote { v += 1 }
                guard v < text.count else { return nil }
                i = v + 1
            } else {
                let valueStart = v
                while v < text.count, !Self.isSpace(text[v]),
                    ![0x22, 0x27, 0x3D, 0x3C, 0x3E, 0x60].contains(text[v])
                {
                    v += 1
                }
                guard v > valueStart else { return nil }
                i = v
            }
        }
    }

    private func closingTag(at start: Int) -> Int? {
        guard Self.isLetter(byte(start + 2)) else { return nil }
        let i = skipSpace(from: tagName(from: start + 2))
        return byte(i) == 0x3E ? i + 1 : nil
    }

    private mutating func comment(at start: Int) -> Int? {
        // `<!-->` and `<!--->` are not comments; otherwise the first `-->` ends one.
        let body = start + 4
        if byte(body) == 0x3E || (byte(body) == 0x2D && byte(body + 1) == 0x3E) { return nil }
        return Self.find(Array("-->".utf8), in: text, from: body, memo: &noCommentEndFrom)
    }

    /// The end of the first `needle` at or after `from`, remembering a failure.
    private static func find(_ needle: [UInt8], in text: [UInt8], from: Int, memo: inout Int) -> Int? {
        if from >= memo { return nil }
        var i = from
        let first = needle[0]
        while i + needle.count <= text.count {
            if text[i] == first, Array(text[i..<i + needle.count]) == needle { return i + needle.count }
            i += 1
        }
        memo = from
        return nil
    }
}
