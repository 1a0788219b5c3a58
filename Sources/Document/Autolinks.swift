import Diagnostics

/// Bare URLs and email addresses in text become links, by the GFM spec's extended autolink
/// rules: `www.` or `http://`, `https://`, `ftp://` and a valid domain (segments of letters,
/// digits, `-` and `_` with at least one dot, no `_` in the last two), then anything up to a
/// space or `<`, less trailing punctuation, unbalanced closing parentheses and an entity-like
/// `&name;`; and `local@domain.tld` addresses. Only at the start of text or after a space,
/// `*`, `_`, `~` or `(`.
enum Autolinks {
    static func find(in text: String, line: Int) -> [Markup.Inline] {
        guard text.contains("www.") || text.contains("://") || text.contains("@") else { return [.text(text)] }
        let characters = Array(text)
        var pieces: [Markup.Inline] = []
        var plainStart = 0
        var i = 0
        func flush(to end: Int) {
            if plainStart < end { pieces.append(.text(String(characters[plainStart..<end]))) }
        }
        while i < characters.count {
            let atBoundary = i == 0 || characters[i - 1].isWhitespace || "*_~(".contains(characters[i - 1])
            if atBoundary, let (end, destination) = url(characters, at: i) {
                flush(to: i)
                pieces.append(link(destination, String(characters[i..<end]), line: line))
                plainStart = end
                i = end
                continue
            }
            if characters[i] == "@", let (start, end) = email(characters, at: i), start >= plainStart {
                flush(to: start)
                let address = String(characters[start..<end])
                pieces.append(link("mailto:" + address, address, line: line))
                plainStart = end
                i = end
                continue
            }
            i += 1
        }
        flush(to: characters.count)
        return pieces
    }

    private static func link(_ destination: String, _ text: String, line: Int) -> Markup.Inline {
        .link(destination: destination, title: "", content: [.text(text)], location: SourceLocation(line: line, column: 1))
    }

    /// The end of a URL autolink starting at `start`, and its destination.
    private static func url(_ c: [Character], at start: Int) -> (Int, String)? {
        let rest = String(c[start..<min(c.count, start + 8)]).lowercased()
        var prefix = ""
        var domainStart = start
        if rest.hasPrefix("www.") {
            prefix = "http://"
        } else if let scheme = ["http://", "https://", "ftp://"].first(where: { rest.hasPrefix($0) }) {
            domainStart = start + scheme.count
        } else {
            return nil
        }
        guard let domainEnd = validDomain(c, from: domainStart) else { return nil }
        var end = domainEnd
        while end < c.count, !c[end].isWhitespace, c[end] != "<" { end += 1 }
        end = trimmed(c, start: start, end: end)
        guard end > domainStart else { return nil }
        return (end, prefix + String(c[start..<end]))
    }

    /// The end of a valid domain starting at `start`.
    private static func validDomain(_ c: [Character], from start: Int) -> Int? {
        var segments: [String] = [""]
        var i = start
        while i < c.count {
            let ch = c[i]
            if ch.isASCII && (ch.isLetter || ch.isNumber) || ch == "-" || ch == "_" {
                segments[segments.count - 1].append(ch)
            } else if ch == ".", i + 1 < c.count, c[i + 1].isASCII && (c[i + 1].isLetter || c[i + 1].isNumber || c[i + 1] == "-" || c[i + 1] == "_") {
                segments.append("")
            } else {
                break
            }
            i += 1
        }
        guard segments.count >= 2, !segments.contains(where: \.isEmpty),
              !segments.suffix(2).contains(where: { $0.contains("_") }) else { return nil }
        return i
    }

    /// The end after dropping trailing punctuation, unmatched `)` and an entity-like `&x;`.
    private static func trimmed(_ c: [Character], start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = c[end - 1]
            if "?!.,:*_~".contains(last) {
                end -= 1
            } else if last == ")" {
                let text = c[start..<end]
                if text.filter({ $0 == ")" }).count > text.filter({ $0 == "(" }).count { end -= 1 } else { break }
            } else if last == ";" {
                var k = end - 2
                while k > start, c[k].isASCII, c[k].isLetter || c[k].isNumber { k -= 1 }
                if k >= start, c[k] == "&", k < end - 2 { end = k } else { break }
            } else {
                break
            }
        }
        return end
    }

    /// The range of an email address around the `@` at `at`.
    private static func email(_ c: [Character], at: Int) -> (Int, Int)? {
        let isLocal = { (ch: Character) in ch.isASCII && (ch.isLetter || ch.isNumber) || ".-_+".contains(ch) }
        var start = at
        while start > 0, isLocal(c[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        var sawDot = false
        while end < c.count {
            let ch = c[end]
            if ch.isASCII && (ch.isLetter || ch.isNumber) || ch == "-" || ch == "_" {
                end += 1
            } else if ch == ".", end + 1 < c.count, c[end + 1].isASCII && (c[end + 1].isLetter || c[end + 1].isNumber || c[end + 1] == "-" || c[end + 1] == "_") {
                sawDot = true
                end += 1
            } else {
                break
            }
        }
        guard sawDot, end > at + 1, c[end - 1] != "-", c[end - 1] != "_" else { return nil }
        return (start, end)
    }
}
