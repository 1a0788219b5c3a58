/// A problem in a formula that the renderer worked around: an unknown command, an unbalanced
/// brace, a stray `&`. Rendering never fails; the offending text is shown as TeX and reported
/// here so the caller can print it like a compiler diagnostic.
public struct MathWarning: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a compiler's words, e.g. `unknown TeX command \foo`.
    public var message: String
    /// Where the problem starts, in Unicode scalars from the start of the TeX source (the text
    /// between the `$` delimiters). The caller maps it to a file's line and column.
    public var offset: Int
    /// How many scalars the problem covers (at least 1 when the source is not empty).
    public var length: Int
    /// Follow-up hints such as `did you mean \frac?`, printed as `note:` lines.
    public var notes: [String]

    /// Creates a warning covering `length` scalars from `offset`.
    public init(message: String, offset: Int, length: Int, notes: [String] = []) {
        self.message = message
        self.offset = offset
        self.length = length
        self.notes = notes
    }

    /// `offset+length: message`, for test failures and debugging.
    public var description: String { "\(offset)+\(length): \(message)" }
}
