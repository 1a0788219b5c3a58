import Diagnostics

/// The notebook as a document tree for the site: prose blocks and inlines, with computation
/// and output blocks referring to `Notebook.blocks` and `Notebook.outputs` by index.
///
/// Math is already separated from prose: a `.math` inline holds its TeX exactly as written,
/// whatever Markdown would have made of its `*`, `_`, `\\` or `<`.
public enum Markup {
    /// A block of the document.
    public indirect enum Block: Sendable, Hashable {
        /// An ATX (`#`) or setext heading, level 1 to 6.
        case heading(level: Int, content: [Inline], line: Int)
        case paragraph([Inline], line: Int)
        case blockQuote([Block])
        /// `start` is the first number of an ordered list (1 for a bullet list); a tight list's
        /// items are not separated by blank lines.
        case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
        /// Fenced or indented code that is neither a computation nor an output block; `code`
        /// has no final newline and `line` is its first line (the opening fence if fenced).
        case code(info: String, code: String, line: Int)
        /// A computation block: index into `Notebook.blocks`.
        case computation(Int)
        /// A recorded output block: index into `Notebook.outputs`.
        case output(Int)
        /// A raw HTML block, as written (without its final newline).
        case html(String, line: Int)
        case thematicBreak
    }

    /// Inline content of a paragraph, heading, emphasis or link.
    public indirect enum Inline: Sendable, Hashable {
        case text(String)
        /// A code span's content (never math).
        case code(String)
        case emphasis([Inline])
        case strong([Inline])
        /// `location` is the `[` that opens the link text.
        case link(destination: String, title: String, content: [Inline], location: SourceLocation)
        /// `location` is the `!` that opens the image.
        case image(source: String, title: String, alt: [Inline], location: SourceLocation)
        /// Raw inline HTML, as written.
        case html(String)
        case softBreak
        case lineBreak
        /// `$tex$` (display false) or `$$tex$$` (display true). `location` is the first TeX
        /// character, after the dollars, so a TeX warning at offset k maps to the file.
        case math(tex: String, display: Bool, location: SourceLocation)
    }
}
