import Diagnostics

/// A computation block: a fenced code block whose info string starts with the word `backprop`.
public struct CodeBlock: Sendable, Hashable {
    /// Its position among the notebook's computation blocks, from 0.
    public let index: Int
    /// The words after `backprop` in the info string (`hide`, `error`, ...), for later stages
    /// to check: this module does not judge them.
    public let options: [String]
    /// The code with container indentation removed, lines joined by "\n" (CRLF normalised),
    /// and no final newline.
    public let code: String
    /// Bytes of the whole block: from the first fence character of the opening fence through
    /// the end of the closing fence line, including its line break (for an unclosed block,
    /// through its last line).
    public let range: Range<Int>
    /// 1-based line of the opening fence.
    public let fenceLine: Int
    /// 1-based file line of the first content line (`fenceLine + 1`, even for an empty block).
    public let firstCodeLine: Int
    /// For each content line, the number of columns (Unicode scalars) that precede the code on
    /// that file line (list indentation, `> `), so that a column in `code` maps to the file:
    /// file column = offset + column in `code`. cmark expands a tab that is only partly
    /// indentation into spaces; on such a line the mapping is off by the tab's remainder.
    public let columnOffsets: [Int]
    /// Where the info string is (after the fence), for diagnostics about options.
    public let infoRange: SourceRange
    /// False when no closing fence ends the block: it then runs to the end of the file (or of
    /// the list item or block quote that holds it).
    public let isClosed: Bool
    /// Index into `Notebook.outputs` of the recorded output that directly follows the block.
    public let output: Int?

    /// A computation block; `Notebook.parse` makes these.
    public init(
        index: Int, options: [String], code: String, range: Range<Int>, fenceLine: Int,
        firstCodeLine: Int, columnOffsets: [Int], infoRange: SourceRange, isClosed: Bool,
        output: Int?
    ) {
        self.index = index
        self.options = options
        self.code = code
        self.range = range
        self.fenceLine = fenceLine
        self.firstCodeLine = firstCodeLine
        self.columnOffsets = columnOffsets
        self.infoRange = infoRange
        self.isClosed = isClosed
        self.output = output
    }

    /// The file location of a position in `code` (1-based line and column within the code),
    /// for diagnostics that the language reports relative to the block.
    public func fileLocation(codeLine: Int, codeColumn: Int) -> SourceLocation {
        let offset = codeLine >= 1 && codeLine <= columnOffsets.count ? columnOffsets[codeLine - 1] : 0
        return SourceLocation(line: firstCodeLine + codeLine - 1, column: offset + codeColumn)
    }
}
