/// How search splits text into words, at build time (the index) and in the browser (the
/// query; `DefaultTheme.script` does the same): lower case; a word is a run of letters,
/// digits, `_` and `.`, with dots at its ends dropped, and a dotted name (`x.grad`) is indexed
/// whole and by its parts. Chinese and Japanese text has no spaces between words, so a run of
/// their characters is split into overlapping pairs (one character alone stays one word), as
/// Lucene's CJK analyser does; a query's pairs must all match.
public enum SearchWords {
    public static func split(_ text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var ideographs: [Unicode.Scalar] = []
        func endWord() {
            guard !word.isEmpty else { return }
            let trimmed = String(word).trimmingDots()
            word = String.UnicodeScalarView()
            guard !trimmed.isEmpty else { return }
            words.append(trimmed)
            if trimmed.contains(".") {
                words += trimmed.split(separator: ".").map(String.init)
            }
        }
        func endIdeographs() {
            if ideographs.count == 1 { words.append(String(Character(ideographs[0]))) }
            if ideographs.count > 1 {
                for index in 0..<ideographs.count - 1 {
                    var pair = String.UnicodeScalarView()
                    pair.append(ideographs[index])
                    pair.append(ideographs[index + 1])
                    words.append(String(pair))
                }
            }
            ideographs = []
        }
        for scalar in text.lowercased().unicodeScalars {
            if isIdeograph(scalar) {
                endWord()
                ideographs.append(scalar)
            } else if isWordPart(scalar) {
                endIdeographs()
                word.append(scalar)
            } else {
                endWord()
                endIdeographs()
            }
        }
        endWord()
        endIdeographs()
        return words
    }

    /// The shard a word's postings are in: its first two characters (Unicode scalars), as
    /// hexadecimal UTF-8, so that a file name holds any script.
    public static func shardKey(_ word: String) -> String {
        var key = ""
        for scalar in word.unicodeScalars.prefix(2) {
            for byte in String(scalar).utf8 {
                key += String(byte >> 4, radix: 16) + String(byte & 15, radix: 16)
            }
        }
        return key
    }

    /// Letters and digits (JavaScript's `\p{L}` and `\p{N}`), `_` and `.`.
    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" || scalar == "." { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Han, Hiragana and Katakana (the script's ranges are the same).
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }
}

private extension String {
    func trimmingDots() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while scalars.first == "." { scalars = scalars.dropFirst() }
        while scalars.last == "." { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
