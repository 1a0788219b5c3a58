import Diagnostics
import Display

/// What one computation block gave when it ran, as the page shows it. The pipeline makes
/// these from its run; Weave only draws them.
public struct BlockOutput: Sendable, Hashable, Codable {
    /// How the block ended.
    public enum State: Sendable, Hashable, Codable {
        /// It ran and displayed `items` (possibly nothing).
        case ran
        /// It stopped on `errors`; `expected` when the block is marked `error`, in which case
        /// the page shows the error as its output.
        case failed(expected: Bool)
        /// It did not run because an earlier block failed.
        case skipped
    }

    public var state: State
    /// What the block displayed, in order (text, tables, figures).
    public var items: [DisplayItem]
    /// Why it failed, located in the notebook file.
    public var errors: [Diagnostic]

    public init(state: State, items: [DisplayItem] = [], errors: [Diagnostic] = []) {
        self.state = state
        self.items = items
        self.errors = errors
    }
}
