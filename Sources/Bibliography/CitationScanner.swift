/// Finds citations in a string of prose by pandoc's syntax.
///
/// - `[@key]`, `[@key, p. 33]`, `[see @key, pp. 33-35; also @other, chap. 1]`: a bracket
///   whose parts, separated by `;`, each hold one key (with an optional prefix before it and
///   a locator after it). A bracket with a part that holds no key is not a citation (it is
///   text, or a link's text), and neither is one that opens a footnote (`[^`).
/// - `[-@key]`: the author suppressed (the year alone). A bare `-@key` outside brackets also
///   suppresses the author, as in pandoc.
/// - A bare `@key` in running text names the author in the sentence; `@key [p. 33]` gives
///   it a locator (a bracket after it, with no key and no `;` in it).
/// - A key starts with a letter, digit or `_` and holds letters, digits, `_` and the
///   punctuation `:.#$%&-+?<>~/` when a letter, digit or `_` follows it (and `:` or `/`
///   before a `/`, for URLs as keys), so "see @nielsen2015." ends the key before the period.
///   `@{a key}` holds any characters but braces.
/// - An `@` right after a letter, digit or `.` is not a citation (`someone@example.com`).
///
/// Keys that label cross-references (`fig-`, `tbl-`, `eq-`, `sec-`, or capitalised,
/// `Fig-` for "Figure" at the start of a sentence) make a `.crossReference` when every key
/// of the citation is one. A bracket that mixes them with bibliography keys is a citation:
/// pandoc would not split it either, and the unknown key's diagnostic says why.
///
/// Each call scans only the string it is given: a citation broken across two text nodes (by
/// emphasis inside its brackets, or a line break the caller did not join) is not found.
public enum CitationScanner {
    public static let crossReferencePrefixes = ["fig-", "tbl-", "eq-", "sec-"]

    /// Whether a key labels a figure, table, equation or section rather than a source.
    public static func isCrossReference(_ key: String) -> Bool {
        crossReferencePrefixes.contains { prefix in
            key.hasPrefix(prefix) || key.hasPrefix(prefix.prefix(1).uppercased() + prefix.dropFirst())
        }
    }

    /// Every citation and cross-reference in `text`, in order, none overlapping.
    public static func scan(_ text: String) -> [ProseReference] {
        let scanner = Scanner(scalars: Array(text.unicodeScalars))
        return scanner.citations().map { citation in
            citation.items.allSatisfy { isCrossReference($0.key) } ? .crossReference(citation) : .citation(citation)
        }
    }
}

private struct Scanner {
    /// Brackets longer than this are not citations (nor locators): a citation is a line or
    /// two, and the bound keeps nested unmatched brackets from costing quadratic time.
    static let maximumBracketLength = 4_000

    let scalars: [Unicode.Scalar]
    /// For each `[`, the index of the `]` that closes it (brackets nest; a braced key may
    /// hold any bracket), or -1. Found in one pass, so that text full of brackets costs
    /// linear time.
    private let closingBracket: [Int]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var closing = [Int](repeating: -1, count: scalars.count)
        var open: [Int] = []
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "[":
                open.append(index)
            case "]":
                if let start = open.popLast() { closing[start] = index }
            case "@":
                if let braced = Self.bracedKeyEnd(scalars, at: index + 1, end: scalars.count) {
                    index = braced
                    continue
                }
            default:
                break
            }
            index += 1
        }
        closingBracket = closing
    }

    func citations() -> [Citation] {
        var found: [Citation] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[", let citation = bracketed(at: index) {
                found.append(citation)
                index = citation.range.upperBound
            } else if scalar == "@" || (scalar == "-" && index + 1 < scalars.count && scalars[index + 1] == "@"),
                let citation = bare(at: index)
            {
                found.append(citation)
                index = citation.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: Bare citations

    /// `@key`, `-@key`, optionally followed by ` [locator]`.
    private func bare(at start: Int) -> Citation? {
        let suppressed = scalars[start] == "-"
        let at = suppressed ? start + 1 : start
        guard mayStartCitation(at: start), let key = key(at: at + 1, end: scalars.count) else { return nil }
        var item = Citation.Item(key: key.text, keyRange: key.range, mode: suppressed ? .suppressAuthor : .authorInText)
        var end = key.end
        if let locator = locatorBracket(after: key.end) {
            item.locator = locator.text
            end = locator.end
        }
        return Citation(range: start..<end, items: [item])
    }

    /// A bracket after a bare key that gives its locator: spaces (at most one line break)
    /// then `[...]` with no key and no `;` inside, not followed by `(` or `[` (a link).
    private func locatorBracket(after end: Int) -> (text: String, end: Int)? {
        var index = end
        var lineBreaks = 0
        while index < scalars.count, Self.isSpace(scalars[index]) {
            if scalars[index] == "\n" { lineBreaks += 1 }
            index += 1
        }
        guard lineBreaks <= 1, index < scalars.count, scalars[index] == "[",
            let close = matchingBracket(from: index)
        else { return nil }
        let inside = (index + 1)..<close
        guard !inside.isEmpty, scalars[inside.lowerBound] != "^" else { return nil }
        for position in inside {
            if scalars[position] == ";" { return nil }
            if scalars[position] == "@", mayStartCitation(at: position), key(at: position + 1, end: close) != nil { return nil }
        }
        if close + 1 < scalars.count, scalars[close + 1] == "(" || scalars[close + 1] == "[" { return nil }
        return (text(inside).trimmingSpaces, close + 1)
    }

    // MARK: Bracketed citations

    private func bracketed(at open: Int) -> Citation? {
        guard open + 1 < scalars.count, scalars[open + 1] != "^", let close = matchingBracket(from: open) else { return nil }
        var parts: [Range<Int>] = []
        var partStart = open + 1
        var depth = 0
        var index = open + 1
        while index < close {
            switch scalars[index] {
            case "[": depth += 1
            case "]": depth -= 1
            case ";" where depth == 0:
                parts.append(partStart..<index)
                partStart = index + 1
            case "@":
                if let braced = bracedKeyEnd(at: index + 1, end: close) { index = braced - 1 }
            default: break
            }
            index += 1
        }
        parts.append(partStart..<close)
        var items: [Citation.Item] = []
        for part in parts {
            guard let item = item(in: part) else { return nil }
            items.append(item)
        }
        return Citation(range: open..<(close + 1), items: items)
    }

    /// `prefix @key locator` (or `prefix -@key locator`): the first key outside nested
    /// brackets is the key.
    private func item(in part: Range<Int>) -> Citation.Item? {
        var depth = 0
        var index = part.lowerBound
        while index < part.upperBound {
            let scalar = scalars[index]
            if scalar == "[" {
                depth += 1
            } else if scalar == "]" {
                depth -= 1
            } else if scalar == "@", depth == 0, mayStartCitation(at: index),
                let key = key(at: index + 1, end: part.upperBound)
            {
                var prefixEnd = index
                var mode = Citation.Item.Mode.normal
                if index > part.lowerBound, scalars[index - 1] == "-", mayStartCitation(at: index - 1) {
                    prefixEnd -= 1
                    mode = .suppressAuthor
                }
                var locator = text(key.end..<part.upperBound).trimmingSpaces
                if locator.hasPrefix(",") { locator = String(locator.dropFirst()).trimmingSpaces }
                return Citation.Item(key: key.text, keyRange: key.range,
                                     prefix: text(part.lowerBound..<prefixEnd).trimmingSpaces,
                                     locator: locator, mode: mode)
            }
            index += 1
        }
        return nil
    }

    /// The `]` that closes the `[` at `open`, if the bracket is short enough to be a citation.
    private func matchingBracket(from open: Int) -> Int? {
        let close = closingBracket[open]
        return close >= 0 && close - open <= Self.maximumBracketLength ? close : nil
    }

    // MARK: Keys

    /// The key after an `@` (whose position is `start - 1`), ending before `end`.
    private func key(at start: Int, end: Int) -> (text: String, range: Range<Int>, end: Int)? {
        guard start < end else { return nil }
        if scalars[start] == "{" {
            guard let close = bracedKeyEnd(at: start, end: end) else { return nil }
            let inside = (start + 1)..<(close - 1)
            return (text(inside), inside, close)
        }
        guard Self.isKeyCharacter(scalars[start]) else { return nil }
        var index = start + 1
        while index < end {
            let scalar = scalars[index]
            if Self.isKeyCharacter(scalar) {
                index += 1
            } else if Self.isInternalPunctuation(scalar), index + 1 < end,
                Self.isKeyCharacter(scalars[index + 1])
                    || ((scalar == ":" || scalar == "/") && scalars[index + 1] == "/")
            {
                index += 1
            } else {
                break
            }
        }
        // A `:` or `/` kept for a following `/` must not end the key ("@a:/" is "a").
        while let last = scalars[start..<index].last, !Self.isKeyCharacter(last) { index -= 1 }
        return (text(start..<index), start..<index, index)
    }

    /// The index after the `}` of `{...}` at `start`, when the braces hold at least one
    /// character and no other brace.
    private func bracedKeyEnd(at start: Int, end: Int) -> Int? {
        Self.bracedKeyEnd(scalars, at: start, end: end)
    }

    static func bracedKeyEnd(_ scalars: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
        guard start < end, scalars[start] == "{" else { return nil }
        var index = start + 1
        while index < end {
            if scalars[index] == "{" { return nil }
            if scalars[index] == "}" { return index > start + 1 ? index + 1 : nil }
            index += 1
        }
        return nil
    }

    /// An `@` (or the `-` of `-@`) after a letter, digit or period is part of a word or an
    /// address, not a citation.
    private func mayStartCitation(at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = scalars[index - 1]
        return !(Self.isLetterOrDigit(previous) || previous == ".")
    }

    private func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "_"
    }

    static func isInternalPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        ":.#$%&-+?<>~/".unicodeScalars.contains(scalar)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
