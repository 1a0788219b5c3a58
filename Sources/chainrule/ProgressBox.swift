import Foundation
import Pipeline

/// The progress display of a build, created once the build knows how many notebooks run.
final class ProgressBox: @unchecked Sendable {
    private let lock = NSLock()
    private let verbosity: Progress.Verbosity
    private var progress: Progress?

    init(verbosity: Progress.Verbosity) {
        self.verbosity = verbosity
    }

    func handle(_ event: SiteBuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .planned(let toRun, _):
            progress = toRun > 0 ? Progress(total: toRun, verbosity: verbosity) : nil
        case .batch(let event):
            progress?.handle(event)
        }
    }

    func finish() {
        lock.lock()
        progress?.finish()
        lock.unlock()
    }
}
