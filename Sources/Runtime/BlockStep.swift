import Diagnostics
import Language

/// What a block's run means, read against its `error` option: the one place that option is
/// interpreted, for the CLI's runs and a live page's alike.
public enum BlockVerdict: Sendable, Hashable {
    case succeeded
    /// Marked `error`, and failed: its error is what it shows and records.
    case failedAsExpected
    /// Failed without the mark: `run`, `check` and `build` fail, later blocks are skipped.
    case failedUnexpectedly
    /// Marked `error`, but ran without one (an error of the notebook).
    case succeededUnexpectedly

    public init(failed: Bool, expectsError: Bool) {
        switch (failed, expectsError) {
        case (false, false): self = .succeeded
        case (true, true): self = .failedAsExpected
        case (true, false): self = .failedUnexpectedly
        case (false, true): self = .succeededUnexpectedly
        }
    }
}

/// One block of a notebook's run, in the run's one interpreter: what a notebook run does with
/// each block in turn (`NotebookRunner` natively, `LiveSession` on a page).
public enum BlockStep {
    /// Runs `code` unless the run has `stopped` (an earlier block failed unexpectedly) or the
    /// block's fence is not closed, in which case only its syntax errors are reported (they do
    /// not depend on running). Returns the result (nil when not run) and the problems the
    /// notebook reports for the block, without a file; sets `stopped` when the block failed
    /// unexpectedly.
    public static func run(_ code: String, origin: SourceOrigin, expectsError: Bool, isClosed: Bool, fenceLine: Int,
                           stopped: inout Bool, in interpreter: Interpreter) -> (result: BlockResult?, problems: [Diagnostic]) {
        guard !stopped, isClosed else {
            return (nil, Parser.parse(code, origin: origin).diagnostics)
        }
        let result = interpreter.run(code, origin: origin)
        var problems = result.warnings
        switch BlockVerdict(failed: result.failed, expectsError: expectsError) {
        case .failedUnexpectedly:
            problems += result.errors
            stopped = true
        case .succeededUnexpectedly:
            problems.append(.error("the block is marked 'error' but ran without one",
                                   at: SourceRange(at: SourceLocation(line: fenceLine, column: 1)),
                                   notes: [.init("remove 'error' from its info string, or make the code fail as intended")]))
        case .succeeded, .failedAsExpected:
            break
        }
        return (result, problems)
    }
}
