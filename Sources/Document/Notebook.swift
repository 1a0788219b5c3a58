import Diagnostics

/// A notebook file as a document: front matter, prose, computation blocks and their recorded
/// outputs, with every part located in the file. The only edit made to a file is
/// `rewritingOutputs` (what `update` writes), which keeps every byte it does not rewrite.
public struct Notebook: Sendable {
    /// The path as given, used in diagnostics.
    public let path: String
    /// The file exactly as read.
    public let bytes: [UInt8]
    /// The front matter (`FrontMatter.empty` when there is none).
    public let frontMatter: FrontMatter
    /// Computation blocks (`backprop`), in document order, at any depth (lists, quotes).
    public let blocks: [CodeBlock]
    /// Every `output` fence, in document order, orphans included.
    public let outputs: [RecordedOutput]
    /// The document tree for the site (front matter excluded).
    public let markup: [Markup.Block]
    /// Problems found while parsing that do not stop it: front matter errors, unclosed fences,
    /// orphan outputs.
    public let diagnostics: [Diagnostic]
    /// Problems with the page itself that do not keep the blocks from running: math that is
    /// opened and never closed. (The pipeline adds TeX it cannot render and the like.)
    public let pageDiagnostics: [Diagnostic]
    /// Values computed in the prose (`<!--= x.grad -->-4<!--/-->`), in document order.
    public let values: [ComputedValue]
    /// Line starts, for turning byte offsets into locations.
    let lines: LineIndex

    init(
        path: String, bytes: [UInt8], frontMatter: FrontMatter, blocks: [CodeBlock],
        outputs: [RecordedOutput], markup: [Markup.Block], diagnostics: [Diagnostic],
        pageDiagnostics: [Diagnostic] = [], values: [ComputedValue] = [], lines: LineIndex
    ) {
        self.path = path
        self.bytes = bytes
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.outputs = outputs
        self.markup = markup
        self.diagnostics = diagnostics
        self.pageDiagnostics = pageDiagnostics
        self.values = values
        self.lines = lines
    }

    /// Parses a notebook. Throws only when the file cannot be modelled at all: bytes that are
    /// not UTF-8 (the diagnostic names the line and column of the first bad byte). Every other
    /// problem is in `diagnostics`.
    public static func parse(path: String, bytes: [UInt8]) throws(DiagnosticList) -> Notebook {
        try NotebookParser(path: path, bytes: bytes).parse()
    }

    /// Each block's recorded output as it stands (nil where it has none): rewriting with these
    /// is `update` with nothing to change, and gives the file back byte for byte.
    public var currentRecords: [OutputRecord?] {
        blocks.map { block in block.output.map { OutputRecord(text: outputs[$0].text, info: outputs[$0].info) } }
    }

    /// The file location of a byte offset (columns count Unicode scalars).
    public func location(ofByte offset: Int) -> SourceLocation {
        lines.location(of: offset)
    }

    /// The text of a line (from 1), without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lines.lineCount else { return "" }
        return String(decoding: bytes[lines.start(ofLine: line)..<lines.contentEnd(ofLine: line)], as: UTF8.self)
    }

    /// The range between two byte offsets.
    public func sourceRange(ofBytes range: Range<Int>) -> SourceRange {
        lines.range(range)
    }

    /// The diagnostics that are errors (a notebook with any should not run).
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
