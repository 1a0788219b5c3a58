import Foundation
import Pipeline

/// Progress of a run over many notebooks, on stderr: on a terminal, one line that updates
/// in place (which notebooks are running, how many are done); without one (CI), one line
/// per notebook with its time and result. Quiet prints nothing; verbose adds the start of
/// each notebook.
final class Progress: @unchecked Sendable {
    enum Verbosity { case quiet, normal, verbose }

    private let total: Int
    private let verbosity: Verbosity
    private let interactive: Bool
    private var running: [Int: String] = [:]
    private var done = 0
    private var failures = 0

    init(total: Int, verbosity: Verbosity) {
        self.total = total
        self.verbosity = verbosity
        self.interactive = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func handle(_ event: NotebookBatch.Event) {
        guard verbosity != .quiet else { return }
        switch event {
        case .started(let index, let path):
            let path = Terminal.printable(path)
            running[index] = path
            if interactive { redraw() } else if verbosity == .verbose { write("start \(path)\n") }
        case .finished(let index, let path, let seconds, let verdict):
            let path = Terminal.printable(path)
            running[index] = nil
            done += 1
            let failed = verdict != .ok
            if failed { failures += 1 }
            let status: String
            switch verdict {
            case .ok: status = "ok   \(path)"
            case .stale(let records): status = "stale \(path): \(records) record\(records == 1 ? "" : "s")"
            case .failed: status = "FAIL \(path)"
            }
            let line = status + String(format: " (%.2f s)", seconds)
            if interactive {
                if failed || verbosity == .verbose { write("\r\u{1B}[K" + line + "\n") }
                redraw()
            } else {
                write(line + "\n")
            }
        }
    }

    /// Clears the updating line, before the final report is printed.
    func finish() {
        if interactive && verbosity != .quiet { write("\r\u{1B}[K") }
    }

    private func redraw() {
        let names = running.keys.sorted().compactMap { running[$0] }.map { ($0 as NSString).lastPathComponent }
        var line = "[\(done)/\(total)]"
        if failures > 0 { line += " \(failures) failed" }
        if !names.isEmpty { line += " running " + names.joined(separator: ", ") }
        let width = 100
        if line.count > width { line = String(line.prefix(width - 1)) + "…" }
        write("\r\u{1B}[K" + line)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
