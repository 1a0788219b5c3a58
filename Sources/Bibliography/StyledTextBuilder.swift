/// Collects styled text piece by piece, merging neighbouring plain text, so that equal output
/// is equal data however it was assembled (tests compare pieces exactly).
struct StyledTextBuilder {
    private(set) var pieces: [StyledText] = []

    init() {}

    init(_ pieces: [StyledText]) {
        append(pieces)
    }

    var isEmpty: Bool { pieces.isEmpty }

    mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        if case .text(let previous)? = pieces.last {
            pieces[pieces.count - 1] = .text(previous + text)
        } else {
            pieces.append(.text(text))
        }
    }

    mutating func append(_ piece: StyledText) {
        switch piece {
        case .text(let text): append(text)
        case .emphasis(let content): if !content.isEmpty { pieces.append(piece) }
        case .link, .math: pieces.append(piece)
        }
    }

    mutating func append(_ newPieces: [StyledText]) {
        for piece in newPieces { append(piece) }
    }

    mutating func appendEmphasis(_ content: [StyledText]) {
        append(.emphasis(content))
    }

    /// The last character written, looking inside styles (to decide whether a sentence
    /// already ends with its own punctuation).
    var lastCharacter: Character? {
        var remaining = pieces[...]
        while let last = remaining.popLast() {
            if let character = Self.lastCharacter(of: last) { return character }
        }
        return nil
    }

    private static func lastCharacter(of piece: StyledText) -> Character? {
        switch piece {
        case .text(let text): return text.last
        case .math: return "$"
        case .emphasis(let content), .link(_, let content):
            for inner in content.reversed() {
                if let character = lastCharacter(of: inner) { return character }
            }
            return nil
        }
    }

    /// Ends a sentence of a reference list entry with a period, unless it already ends with
    /// one, or with a question or exclamation mark ("Why Does Unsupervised Pre-training
    /// Help Deep Learning?" takes no period), or with a closing quote (a quoted title has
    /// its period inside: “Title.”).
    mutating func endSentence() {
        guard let last = lastCharacter, !".?!”".contains(last) else { return }
        append(".")
    }
}
