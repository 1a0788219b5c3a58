/// The text of a source file, split into lines once, for rendering diagnostics.
public struct SourceText: Sendable {
    public let path: String
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        // Split on \n only and drop a trailing \r, so CRLF files show clean source lines.
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    /// Line `number`, counting from 1, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
