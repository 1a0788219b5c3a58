/// What a computation block should have recorded: the input of `Notebook.rewritingOutputs`.
public struct OutputRecord: Sendable, Hashable {
    /// The output text, lines separated by "\n", no final newline.
    public var text: String
    /// The words to write after `output` on the fence line.
    public var info: [String]

    /// A record of `text` with optional info words.
    public init(text: String, info: [String] = []) {
        self.text = text
        self.info = info
    }
}
