import Document
import Foundation

/// Runs many notebooks at once: one notebook per task, as many tasks as cores.
public enum NotebookBatch {
    /// What the progress display hears about.
    public enum Event: Sendable {
        case started(index: Int, path: String)
        case finished(index: Int, path: String, seconds: Double, failed: Bool)
    }

    /// Runs `notebooks` on `jobs` workers and returns their runs in the order given, so the
    /// report is the same whichever finishes first. `progress` is called for every start and
    /// finish, one call at a time.
    public static func run(
        _ notebooks: [Notebook], projectRoot: String?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: @escaping @Sendable (Event) -> Void = { _ in }
    ) -> [NotebookRun] {
        let reporting = NSLock()
        let report: @Sendable (Event) -> Void = { event in reporting.withLock { progress(event) } }
        return Parallel.map(notebooks.count, jobs: max(1, jobs)) { index in
            let notebook = notebooks[index]
            report(.started(index: index, path: notebook.path))
            let run = NotebookRunner.run(notebook, projectRoot: projectRoot)
            report(.finished(index: index, path: notebook.path, seconds: run.seconds, failed: run.failed))
            return run
        }
    }
}
