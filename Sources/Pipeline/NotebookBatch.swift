import Dispatch
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
        let results = Results(count: notebooks.count)
        let workers = max(1, min(jobs, notebooks.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claim() {
                let notebook = notebooks[index]
                results.report { progress(.started(index: index, path: notebook.path)) }
                let run = NotebookRunner.run(notebook, projectRoot: projectRoot)
                results.store(run, at: index)
                results.report { progress(.finished(index: index, path: notebook.path, seconds: run.seconds, failed: run.failed)) }
            }
        }
        return results.all
    }

    /// The shared state of the workers, behind one lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var runs: [NotebookRun?]

        init(count: Int) {
            runs = Array(repeating: nil, count: count)
        }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < runs.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ run: NotebookRun, at index: Int) {
            lock.lock()
            runs[index] = run
            lock.unlock()
        }

        func report(_ body: () -> Void) {
            lock.lock()
            body()
            lock.unlock()
        }

        var all: [NotebookRun] { runs.map { $0! } }
    }
}
