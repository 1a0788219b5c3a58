import Diagnostics

/// A recorded output: a fenced block whose info string starts with the word `output`. Its
/// content is opaque text: never math, never parsed.
public struct RecordedOutput: Sendable, Hashable {
    /// Its position among the notebook's output blocks, from 0.
    public let index: Int
    /// The content, lines joined by "\n" (CRLF normalised), no final newline.
    public let text: String
    /// The words after `output` (a fingerprint like `3f9a2c1e`).
    public let info: [String]
    /// Bytes of the whole fence, from its first fence character through the closing line break.
    public let range: Range<Int>
    /// 1-based line of its opening fence.
    public let line: Int
    /// The computation block it records, or nil when no computation block directly precedes
    /// it in the same container (an orphan, reported as an error).
    public let block: Int?
    /// False when no closing fence ends it; `rewritingOutputs` leaves such a block alone
    /// rather than guess where its text was meant to end.
    public let isClosed: Bool

    /// A recorded output; `Notebook.parse` makes these.
    public init(
        index: Int, text: String, info: [String], range: Range<Int>, line: Int, block: Int?,
        isClosed: Bool = true
    ) {
        self.index = index
        self.text = text
        self.info = info
        self.range = range
        self.line = line
        self.block = block
        self.isClosed = isClosed
    }
}
