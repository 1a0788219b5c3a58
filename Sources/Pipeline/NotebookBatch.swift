import Document
import Foundation

/// Runs many notebooks at once: one notebook per task, as many tasks as cores.
public enum NotebookBatch {
    /// What the progress display hears about.
    public enum Event: Sendable {
        case started(index: Int, path: String)
        case finished(index: Int, path: String, seconds: Double, verdict: Verdict)
    }

    /// How a notebook came out, for its progress line.
    public enum Verdict: Sendable, Hashable {
        case ok
        /// Ran, but this many records (of blocks or of values in the prose) do not match
        /// (for `check`).
        case stale(records: Int)
        case failed
    }

    /// Runs `notebooks` (in `contexts`, by default their projects') on `jobs` workers and returns their runs in the order given, so the
    /// report is the same whichever finishes first. `progress` is called for every start and
    /// finish, one call at a time; `judge` says how each run came out (by default, failed or
    /// ok; `check` counts stale records too).
    public static func run(
        _ notebooks: [Notebook], contexts: [NotebookContext]? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        judge: @escaping @Sendable (NotebookRun) -> Verdict = { $0.failed ? .failed : .ok },
        progress: @escaping @Sendable (Event) -> Void = { _ in }
    ) -> [NotebookRun] {
        let reporting = NSLock()
        let report: @Sendable (Event) -> Void = { event in reporting.withLock { progress(event) } }
        return Parallel.map(notebooks.count, jobs: max(1, jobs)) { index in
            let notebook = notebooks[index]
            report(.started(index: index, path: notebook.path))
            let run = NotebookRunner.run(notebook, context: contexts?[index])
            report(.finished(index: index, path: notebook.path, seconds: run.seconds, verdict: judge(run)))
            return run
        }
    }
}
