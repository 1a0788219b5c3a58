import Bibliography
import Diagnostics

/// The notebook as a document tree for the site: prose blocks and inlines, with computation
/// and output blocks referring to `Notebook.blocks` and `Notebook.outputs` by index.
///
/// Math is already separated from prose: a `.math` inline holds its TeX exactly as written,
/// whatever Markdown would have made of its `*`, `_`, `\\` or `<`.
public enum Markup {
    /// A block of the document. (Not `indirect`: the arrays already hold children out of
    /// line, and unboxed cases keep a large notebook's tree cheap to build.)
    public enum Block: Sendable, Hashable {
        /// An ATX (`#`) or setext heading, level 1 to 6.
        case heading(level: Int, content: [Inline], line: Int)
        /// A paragraph; `line` is its first line.
        case paragraph([Inline], line: Int)
        /// A `>` block quote.
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
        /// A `---`, `***` or `___` line.
        case thematicBreak
        /// A pipe table (GitHub's extension): a header row, then rows of cells.
        case table(Table)
        /// A block quote that starts with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`
        /// or `[!CAUTION]` (GitHub's alerts), without that marker.
        case alert(Alert, [Block])
        /// `[^label]: text`: a footnote's text, shown at the end of the page.
        case footnote(label: String, content: [Block], line: Int)
    }

    /// A pipe table. Rows have as many cells as the header (missing cells are empty, extra
    /// cells dropped, as GitHub does).
    public struct Table: Sendable, Hashable {
        public enum Alignment: String, Sendable, Hashable {
            case none, left, center, right
        }

        public var alignments: [Alignment]
        public var header: [[Inline]]
        public var rows: [[[Inline]]]
        /// The header row's line.
        public var line: Int
        /// What a paragraph right after the table that starts with `Table:` says (pandoc's
        /// caption), without that word.
        public var caption: [Inline]?

        public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]], line: Int, caption: [Inline]? = nil) {
            self.alignments = alignments
            self.header = header
            self.rows = rows
            self.line = line
            self.caption = caption
        }
    }

    /// The kinds of GitHub alert.
    public enum Alert: String, Sendable, Hashable, CaseIterable {
        case note = "NOTE", tip = "TIP", important = "IMPORTANT", warning = "WARNING", caution = "CAUTION"
    }

    /// Inline content of a paragraph, heading, emphasis or link.
    public enum Inline: Sendable, Hashable {
        /// Plain text, with entities and backslash escapes resolved.
        case text(String)
        /// A code span's content (never math).
        case code(String)
        /// `*emphasis*` or `_emphasis_`.
        case emphasis([Inline])
        /// `**strong**` or `__strong__`.
        case strong([Inline])
        /// `location` is the `[` that opens the link text.
        case link(destination: String, title: String, content: [Inline], location: SourceLocation)
        /// `location` is the `!` that opens the image.
        case image(source: String, title: String, alt: [Inline], location: SourceLocation)
        /// Raw inline HTML, as written.
        case html(String)
        /// A line break in the source that is not a hard break (usually shown as a space).
        case softBreak
        /// A hard line break (two spaces or a backslash at the end of a line).
        case lineBreak
        /// `$tex$` (display false) or `$$tex$$` (display true). `location` is the first TeX
        /// character, after the dollars, so a TeX warning at offset k maps to the file.
        case math(tex: String, display: Bool, location: SourceLocation)
        /// `~~struck~~` (GitHub's extension).
        case strikethrough([Inline])
        /// `[^label]`: a reference to a footnote.
        case footnoteReference(label: String, location: SourceLocation)
        /// `[ ]` or `[x]` at the start of a list item: a task's check box.
        case taskMarker(checked: Bool)
        /// `<!--= expression -->recorded<!--/-->`: a value the notebook computes, shown in
        /// the prose; `index` into `Notebook.values`.
        case value(index: Int)
        /// `[@key, p. 3]`, `@key`: a citation, as pandoc writes them (see `CitationScanner`).
        case citation(Citation, location: SourceLocation)
        /// `@fig-loss`, `@tbl-deltas`, `@eq-delta`, `@sec-the-chain-rule`: a reference to a
        /// numbered figure, table or equation, or to a section, of this page.
        case crossReference(Citation, location: SourceLocation)
    }
}

extension Markup {
    /// The file location `offset` Unicode scalars into a formula's TeX that starts at
    /// `start` (a `.math` inline's location), for diagnostics inside the formula.
    public static func location(in tex: String, offset: Int, from start: SourceLocation) -> SourceLocation {
        var line = start.line, column = start.column
        for (index, scalar) in tex.unicodeScalars.enumerated() {
            guard index < offset else { break }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}

extension Markup.Block {
    /// The blocks directly inside this one (quotes, list items, alerts, footnotes).
    public var childBlocks: [Markup.Block] {
        switch self {
        case .blockQuote(let blocks), .alert(_, let blocks), .footnote(_, let blocks, _): return blocks
        case .list(_, _, _, let items): return items.flatMap { $0 }
        default: return []
        }
    }

    /// The runs of inline content directly in this block (a heading's, a paragraph's, each
    /// cell of a table).
    public var inlineRuns: [[Markup.Inline]] {
        switch self {
        case .heading(_, let content, _), .paragraph(let content, _): return [content]
        case .table(let table): return (table.caption.map { [$0] } ?? []) + table.header + table.rows.flatMap { $0 }
        default: return []
        }
    }

    /// This block and every block inside it, depth first.
    public var allBlocks: [Markup.Block] {
        [self] + childBlocks.flatMap(\.allBlocks)
    }
}

extension Markup.Inline {
    /// The inlines directly inside this one (emphasis, links, image descriptions...).
    public var children: [Markup.Inline] {
        switch self {
        case .emphasis(let content), .strong(let content), .strikethrough(let content): return content
        case .link(_, _, let content, _): return content
        case .image(_, _, let alt, _): return alt
        default: return []
        }
    }

    /// This inline and every inline inside it, depth first.
    public var allInlines: [Markup.Inline] {
        [self] + children.flatMap(\.allInlines)
    }
}
