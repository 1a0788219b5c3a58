/// One slice of a notebook file. A notebook's segments cover its bytes in order with no gap
/// and no overlap, so printing them back gives the file exactly, and an edit that replaces
/// only `.output` segments provably leaves every other byte alone.
public struct Segment: Sendable, Hashable {
    /// What a slice of the file is.
    public enum Kind: Sendable, Hashable {
        /// The UTF-8 byte-order mark at the very start, kept but never parsed.
        case byteOrderMark
        /// The YAML front matter, from its opening `---` through its closing line break.
        case frontMatter
        /// Everything else: prose, headings, other code, and the blank lines between blocks.
        case prose
        /// A computation block (index into `Notebook.blocks`), fence to closing line break.
        case computation(Int)
        /// A recorded output block (index into `Notebook.outputs`).
        case output(Int)
    }

    /// What this slice is.
    public let kind: Kind
    /// Its bytes in the file.
    public let range: Range<Int>

    /// A slice of the file.
    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
