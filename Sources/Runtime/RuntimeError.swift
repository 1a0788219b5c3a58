import Diagnostics
import Engine

/// A failure while running a block: a diagnostic at the source range that caused it.
public struct RuntimeError: Error {
    public var diagnostic: Diagnostic

    public init(_ message: String, at range: SourceRange?, notes: [Diagnostic.Note] = []) {
        self.diagnostic = .error(message, at: range, notes: notes)
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// An engine error, located at the expression that asked for the operation.
    init(_ error: EngineError, at range: SourceRange?) {
        self.init(error.description, at: range, notes: error.notes.map { .init($0) })
    }
}

/// An error raised by a built-in before it knows where it was called from; the
/// interpreter attaches the call's range (or the argument's, when it names one).
struct BuiltinError: Error {
    var message: String
    var notes: [Diagnostic.Note] = []
    /// Which argument was wrong, when one was: its position or label.
    var argument: ArgumentReference?

    init(_ message: String, notes: [Diagnostic.Note] = [], argument: ArgumentReference? = nil) {
        self.message = message
        self.notes = notes
        self.argument = argument
    }
}

enum ArgumentReference: Hashable {
    case position(Int)
    case label(String)
}
