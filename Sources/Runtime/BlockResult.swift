import Diagnostics
import Display

/// What running one block gave: what it displayed, and how it failed, if it did.
public struct BlockResult: Sendable, Hashable, Codable {
    public var items: [DisplayItem]
    /// Syntax errors (all of them) or the one runtime error that stopped the block.
    public var errors: [Diagnostic]
    /// Problems that did not stop the block.
    public var warnings: [Diagnostic]

    public init(items: [DisplayItem] = [], errors: [Diagnostic] = [], warnings: [Diagnostic] = []) {
        self.items = items
        self.errors = errors
        self.warnings = warnings
    }

    public var failed: Bool { !errors.isEmpty }

    /// The text a notebook records for this block: its displays, one after another, or for
    /// a failed block its error messages (without locations, so moving the block does not
    /// make the record stale). nil when the block displays nothing.
    public var recordedText: String? {
        var parts = items.map(\.record)
        parts += errors.map(\.recordedText)
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
