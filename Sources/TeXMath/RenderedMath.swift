/// One formula rendered to MathML, with the problems found on the way.
public struct RenderedMath: Sendable, Hashable {
    /// A single `<math xmlns="http://www.w3.org/1998/Math/MathML">` element, ready to paste
    /// into HTML. The original TeX travels along in an `<annotation>` so copying gives it back.
    public var mathML: String
    /// Problems the renderer worked around, in source order (at most ``MathRenderer/maximumWarnings``
    /// of them, the last saying that more were dropped).
    public var warnings: [MathWarning]

    /// Wraps already rendered MathML and its warnings.
    public init(mathML: String, warnings: [MathWarning]) {
        self.mathML = mathML
        self.warnings = warnings
    }
}
