import Diagnostics
import Engine

/// A failure while running a block: a diagnostic at the source range that caused it.
///
/// The one error type the runtime throws (typed throws: the WebAssembly build has no `any
/// Error`). A built-in or the engine may raise one before it knows where it was called from
/// (`builtin`, `init(engine:)`): it is `unplaced`, and the interpreter places it at the
/// call, or at the argument it names, when the built-in returns (`placed`).
public struct RuntimeError: Error {
    public var diagnostic: Diagnostic
    /// Where the interpreter is to place an error raised before its place was known; nil once
    /// it has a place.
    var unplaced: Unplaced?

    enum Unplaced {
        /// At the call that raised it.
        case call
        /// At one of the call's arguments, when the call has it.
        case argument(ArgumentReference)
    }

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

    /// An engine error raised inside a built-in or an operator, to be placed at its call.
    init(engine error: EngineError) {
        self.init(error, at: nil)
        unplaced = .call
    }

    /// An error raised by a built-in, which the interpreter places at the call or at
    /// `argument`.
    static func builtin(_ message: String, notes: [Diagnostic.Note] = [], argument: ArgumentReference? = nil) -> RuntimeError {
        var error = RuntimeError(message, at: nil, notes: notes)
        error.unplaced = argument.map { .argument($0) } ?? .call
        return error
    }

    /// The error at its place: `call` itself, or the range `argument` gives for the argument
    /// it names (nil when the call has no such argument). An error with a place keeps it.
    func placed(call: SourceRange, argument: (ArgumentReference) -> SourceRange? = { _ in nil }) -> RuntimeError {
        guard let unplaced else { return self }
        var placed = self
        placed.unplaced = nil
        switch unplaced {
        case .call: placed.diagnostic.range = call
        case .argument(let reference): placed.diagnostic.range = argument(reference) ?? call
        }
        return placed
    }
}

/// Engine work inside a built-in or an operator: its error becomes a runtime error that the
/// call places.
@inline(__always)
func engineCall<T>(_ body: () throws(EngineError) -> T) throws(RuntimeError) -> T {
    do {
        return try body()
    } catch {
        throw RuntimeError(engine: error)
    }
}

enum ArgumentReference: Hashable {
    case position(Int)
    case label(String)
}

/// A runtime error raised inside a closure the engine calls (a training checkpoint, a
/// gradient check's objective), on its way through the engine.
private final class RuntimeCallbackFailure: CallbackFailure, @unchecked Sendable {
    let error: RuntimeError

    init(_ error: RuntimeError) {
        self.error = error
    }

    override var description: String { error.diagnostic.message }
}

extension RuntimeError {
    /// The error a closure handed to the engine throws: itself natively, where such a closure
    /// may throw anything, wrapped in the engine's error in WebAssembly.
    var callback: CallbackError {
        #if hasFeature(Embedded)
        .callback(RuntimeCallbackFailure(self))
        #else
        self
        #endif
    }

    /// What an engine function that called a closure threw: the closure's own error, or the
    /// engine's (to be placed at the call).
    init(callback error: CallbackError) {
        #if hasFeature(Embedded)
        if case .callback(let failure) = error, let failure = failure as? RuntimeCallbackFailure {
            self = failure.error
        } else {
            self.init(engine: error)
        }
        #else
        if let error = error as? RuntimeError {
            self = error
        } else if let error = error as? EngineError {
            self.init(engine: error)
        } else {
            self.init("\(error)", at: nil)
        }
        #endif
    }
}

/// Runtime work inside a closure the engine calls.
@inline(__always)
func asCallback<T>(_ body: () throws(RuntimeError) -> T) throws(CallbackError) -> T {
    do {
        return try body()
    } catch {
        throw error.callback
    }
}

/// An engine function that calls a closure (`train`, a gradient check).
@inline(__always)
func callingBack<T>(_ body: () throws(CallbackError) -> T) throws(RuntimeError) -> T {
    do {
        return try body()
    } catch {
        throw RuntimeError(callback: error)
    }
}
