/// The names of a BibTeX `author` or `editor` field, split by BibTeX's rules.
///
/// Names are separated by the word "and" (in any case) outside braces, so
/// `{Barnes and Noble, Inc.}` is one name. Each name is read in one of BibTeX's three forms:
///
/// - `First von Last`: the particle ("von") runs from the first word that starts with a
///   lowercase letter to the last such word before the final one; without one, the family
///   name is the last word ("David E. Rumelhart", "Ludwig van Beethoven").
/// - `von Last, First`: the particle runs up to the last lowercase word before the family
///   name ("van der Maaten, Laurens").
/// - `von Last, Jr, First` ("King, Jr, Martin Luther").
///
/// A word's case is that of its first letter outside braces; in an accented letter written
/// `{\'E}mile` it is the case of the letter under the accent, and a word that starts with
/// a plain brace group (`{de}`) has no case, so braces keep a word out of the particle.
/// The name `others` means the list goes on (et al.). Parts are converted from TeX to
/// Unicode text after the split, so the braces and accents that steered it are gone.
public struct NameList: Sendable, Hashable {
    public var names: [PersonName]
    /// The list ended with `and others`: there are more names than it gives.
    public var hasOthers: Bool

    public init(names: [PersonName], hasOthers: Bool = false) {
        self.names = names
        self.hasOthers = hasOthers
    }

    /// The names of a field's value as written in the .bib file (after `@string`
    /// substitution, TeX included).
    public init(bibTeX value: String) {
        self.init(names: [])
        var current: [Word] = []
        for word in Self.words(of: value) {
            if case .word(let text) = word, text.lowercased() == "and" {
                add(current)
                current = []
            } else {
                current.append(word)
            }
        }
        add(current)
    }

    public var isEmpty: Bool { names.isEmpty && !hasOthers }

    /// A word of a name, or a comma between its parts.
    private enum Word: Equatable {
        case word(String)
        case comma
    }

    private mutating func add(_ words: [Word]) {
        guard !words.isEmpty else { return }
        if words == [.word("others")] || words == [.word("Others")] {
            hasOthers = true
            return
        }
        if let name = Self.name(of: words) { names.append(name) }
    }

    /// Words split at spaces, ties (`~`) and commas outside braces. A backslash keeps the
    /// character after it (`\,` is a thin space, not a comma).
    private static func words(of value: String) -> [Word] {
        var words: [Word] = []
        var word = String.UnicodeScalarView()
        var depth = 0
        var escaped = false
        func endWord() {
            if !word.isEmpty { words.append(.word(String(word))) }
            word = String.UnicodeScalarView()
        }
        for scalar in value.unicodeScalars {
            if escaped {
                word.append(scalar)
                escaped = false
                continue
            }
            switch scalar {
            case "\\":
                word.append(scalar)
                escaped = true
            case "{":
                depth += 1
                word.append(scalar)
            case "}":
                if depth > 0 {
                    depth -= 1
                    word.append(scalar)
                }
            case " ", "\t", "\n", "\r", "~":
                if depth == 0 { endWord() } else { word.append(scalar) }
            case "," where depth == 0:
                endWord()
                words.append(.comma)
            default:
                word.append(scalar)
            }
        }
        endWord()
        return words
    }

    private static func name(of words: [Word]) -> PersonName? {
        var parts: [[String]] = [[]]
        for word in words {
            switch word {
            case .comma: parts.append([])
            case .word(let text): parts[parts.count - 1].append(text)
            }
        }
        var given: [String] = [], particle: [String] = [], family: [String] = [], suffix: [String] = []
        if parts.count == 1 {
            let all = parts[0]
            if let first = all.indices.dropLast().first(where: { isLowercase(all[$0]) == true }) {
                let last = all.indices.dropLast().last(where: { isLowercase(all[$0]) == true })!
                given = Array(all[..<first])
                particle = Array(all[first...last])
                family = Array(all[(last + 1)...])
            } else {
                given = Array(all.dropLast())
                family = Array(all.suffix(1))
            }
        } else {
            let head = parts[0]
            if let last = head.indices.dropLast().last(where: { isLowercase(head[$0]) == true }) {
                particle = Array(head[...last])
                family = Array(head[(last + 1)...])
            } else {
                family = head
            }
            if parts.count == 2 {
                given = parts[1]
            } else {
                suffix = parts[1]
                given = parts[2...].map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
                if parts.count > 3 { given = [given.joined(separator: ", ")] }
            }
        }
        func text(_ words: [String]) -> String { TeXText.plain(words.joined(separator: " ")) }
        var name = PersonName(given: text(given), particle: text(particle), family: text(family), suffix: text(suffix))
        if name.family.isEmpty {
            // ", Jean" or a name of particles only: what there is becomes the family name.
            name = PersonName(family: [name.particle, name.given].filter { !$0.isEmpty }.joined(separator: " "))
        }
        return name.family.isEmpty ? nil : name
    }

    /// Whether a word starts with a lowercase letter: true, false, or nil for a word with no
    /// letter outside braces (such a word is never part of the particle).
    static func isLowercase(_ word: String) -> Bool? {
        let scalars = Array(word.unicodeScalars)
        var depth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                if depth == 0, index + 1 < scalars.count, scalars[index + 1] == "\\" {
                    // An accented or special letter, `{\'E}` or `{\ss}`: the case of its letter.
                    var end = index + 1
                    var level = 1
                    while end < scalars.count, level > 0 {
                        if scalars[end] == "{" { level += 1 } else if scalars[end] == "}" { level -= 1 }
                        end += 1
                    }
                    let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<(level == 0 ? end - 1 : end)]))
                    if let letter = TeXText.plain(inner).unicodeScalars.first(where: { $0.properties.isAlphabetic }) {
                        return letter.properties.isLowercase
                    }
                    index = end
                    continue
                }
                depth += 1
            } else if scalar == "}" {
                depth = max(0, depth - 1)
            } else if depth == 0, scalar.properties.isAlphabetic {
                return scalar.properties.isLowercase
            }
            index += 1
        }
        return nil
    }
}
