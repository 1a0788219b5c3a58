import TeXMath

/// Titles and descriptions may hold math (`title: The $\sigma$ function`): drawn as MathML
/// in headings, the home page's cards and the navigation, and written as plain text where
/// only text can go (`<title>`, the meta description, the search index).
public enum TitleText {
    /// Escaped text with each `$...$` as MathML.
    public static func html(_ source: String) -> String {
        pieces(source).map { piece in
            switch piece {
            case .text(let text): return HTML.escape(text)
            case .math(let tex): return MathRenderer().render(tex, display: false).mathML
            }
        }.joined()
    }

    /// The text a reader would read: math as the characters of its formula (`σ`, not
    /// `\sigma`), spaces kept.
    public static func plain(_ source: String) -> String {
        pieces(source).map { piece in
            switch piece {
            case .text(let text): return text
            case .math(let tex): return textContent(MathRenderer().render(tex, display: false).mathML)
            }
        }.joined()
    }

    enum Piece: Equatable {
        case text(String)
        case math(String)
    }

    /// The text split at `$...$` by the rule prose uses: a `$` opens when something other
    /// than a space follows it and closes when something other than a space precedes it and
    /// no digit follows; `\$` is a dollar.
    static func pieces(_ source: String) -> [Piece] {
        let characters = Array(source)
        var pieces: [Piece] = []
        var text = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\\", i + 1 < characters.count, characters[i + 1] == "$" {
                text.append("$")
                i += 2
                continue
            }
            if c == "$", i + 1 < characters.count, !characters[i + 1].isWhitespace,
               let close = closingDollar(characters, after: i) {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.math(String(characters[(i + 1)..<close])))
                i = close + 1
                continue
            }
            text.append(c)
            i += 1
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private static func closingDollar(_ characters: [Character], after open: Int) -> Int? {
        var j = open + 1
        while j < characters.count {
            if characters[j] == "\\" {
                j += 2
                continue
            }
            if characters[j] == "$", !characters[j - 1].isWhitespace,
               !(j + 1 < characters.count && characters[j + 1].isNumber) {
                return j
            }
            j += 1
        }
        return nil
    }

    /// The text of MathML's tokens, in order (not the TeX annotation that travels with them).
    private static func textContent(_ mathML: String) -> String {
        var tokens = mathML[...]
        if let annotation = firstRange(of: "<annotation", in: tokens), let end = firstRange(of: "</annotation>", in: tokens) {
            tokens = tokens[..<annotation.lowerBound] + tokens[end.upperBound...]
        }
        var out = ""
        var inTag = false
        for character in tokens {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                out.append(character)
            }
        }
        return HTML.unescape(out)
    }

    /// Where `tag` (ASCII) first is in `text`, found by its bytes: an ASCII byte is never
    /// part of another character's UTF-8, so a match is whole characters.
    private static func firstRange(of tag: String, in text: Substring) -> Range<Substring.Index>? {
        let needle = Array(tag.utf8)
        let bytes = text.utf8
        var start = bytes.startIndex
        while let first = bytes[start...].firstIndex(of: needle[0]) {
            var end = first
            var matched = 0
            while matched < needle.count, end < bytes.endIndex, bytes[end] == needle[matched] {
                matched += 1
                end = bytes.index(after: end)
            }
            if matched == needle.count { return first..<end }
            start = bytes.index(after: first)
        }
        return nil
    }
}
