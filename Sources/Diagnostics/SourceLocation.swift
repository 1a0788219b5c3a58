/// A position in a source file, as a compiler reports it.
///
/// Lines and columns count from 1. A column counts Unicode scalars, so a caret lands under
/// the right character in lines with non-ASCII text; a tab is one column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span of source text: `start` is the first character, `end` the one after the last.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at one location (a caret with nothing under it to underline).
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// The smallest range that covers both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)-\(end)" }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension SourceLocation: Codable {}
extension SourceRange: Codable {}
#endif
