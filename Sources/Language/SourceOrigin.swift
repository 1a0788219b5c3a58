import Diagnostics

/// Where a block's code sits in its notebook file, so that every token gets the file's
/// line and column (not the block's): line `i` of the code (from 0) is file line
/// `firstLine + i`, and its columns are shifted by `columnOffsets[i]` (the indentation a
/// list or a block quote puts before fenced code).
public struct SourceOrigin: Hashable, Sendable {
    public var firstLine: Int
    public var columnOffsets: [Int]

    public init(firstLine: Int = 1, columnOffsets: [Int] = []) {
        self.firstLine = firstLine
        self.columnOffsets = columnOffsets
    }

    /// The file location of column `column` (from 1) on code line `line` (from 0).
    public func location(line: Int, column: Int) -> SourceLocation {
        let offset = line < columnOffsets.count ? columnOffsets[line] : (columnOffsets.last ?? 0)
        return SourceLocation(line: firstLine + line, column: column + offset)
    }
}
