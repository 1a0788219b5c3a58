/// A piece of formatted bibliography text: what a citation, a reference list entry or a
/// converted BibTeX field is made of.
///
/// Never HTML: text from a .bib file is the user's (or a downloaded file's) text, so the page
/// renderer escapes every `.text` and `.math` itself, and a `.link` holds only an address that
/// was checked to be `http:` or `https:`.
public enum StyledText: Sendable, Hashable {
    /// Plain text, to be escaped by the renderer.
    case text(String)
    /// Italic text: a journal or book title, or `\emph{...}` in a field.
    case emphasis([StyledText])
    /// A link whose `url` starts with `http://` or `https://` (a DOI becomes
    /// `https://doi.org/...`); `content` is what the reader sees.
    case link(url: String, content: [StyledText])
    /// TeX math from a field's `$...$`, exactly as written between the dollars, for the
    /// renderer's math (a title such as "Learning $k$-term DNF").
    case math(tex: String)
}

extension Array where Element == StyledText {
    /// The text without styling, math as `$tex$`: for sorting, for comparing labels and for
    /// places that show plain text (a tooltip, a log line).
    public var plainText: String {
        var result = ""
        for piece in self {
            switch piece {
            case .text(let text): result += text
            case .emphasis(let content): result += content.plainText
            case .link(_, let content): result += content.plainText
            case .math(let tex): result += "$" + tex + "$"
            }
        }
        return result
    }
}
