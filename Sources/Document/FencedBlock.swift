/// A code block as the first cmark pass found it, with everything the notebook model needs:
/// what it is, where it is, and whether its fence was closed.
struct FencedBlock: Sendable, Hashable {
    enum Role: Sendable, Hashable {
        case computation
        case output
        /// Fenced code in another language.
        case other
        /// An indented code block (no fence, no info string).
        case indented
    }

    var role: Role
    /// File offset of the first fence character (or of the first code character if indented).
    var start: Int
    /// Bytes of the whole block through the line break of its last line.
    var range: Range<Int>
    var fenceLine: Int
    var info: String
    /// The words of the info string.
    var words: [String]
    /// cmark's content: container indentation removed, every line ending in "\n".
    var literal: String
    var isClosed: Bool
    /// Bytes of the info string on the fence line.
    var infoRange: Range<Int>
    /// The code block just before this one in the same container, if the node just before
    /// this one is a code block (index into the list of all code blocks).
    var previousSibling: Int?

    /// The content without its final newline, as the model's `code` and `text` want it.
    var text: String {
        Self.droppingFinalNewline(literal)
    }

    /// The text without one final "\n" (by bytes: no grapheme breaking on large blocks).
    static func droppingFinalNewline(_ text: String) -> String {
        guard text.utf8.last == 0x0A else { return text }
        return String(Substring(text.utf8.dropLast()))
    }
}
