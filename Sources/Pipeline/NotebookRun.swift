import Diagnostics
import Display
import Document
import Foundation
import Language
import Runtime

/// What running a notebook gave, block by block.
public struct NotebookRun: Sendable {
    /// How one block ended.
    public enum Outcome: Sendable, Hashable, Codable {
        case ran(BlockResult)
        /// Not run because an earlier block failed unexpectedly.
        case skipped
    }

    /// What a block's run means, read against its `error` option.
    public typealias Verdict = BlockVerdict

    /// The block's result and verdict, nil when it was skipped.
    public func verdict(_ block: Int) -> (result: BlockResult, verdict: Verdict)? {
        guard case .ran(let result) = outcomes[block] else { return nil }
        return (result, Verdict(failed: result.failed, expectsError: notebook.blocks[block].options.contains("error")))
    }

    public let notebook: Notebook
    public let settings: NotebookSettings
    /// One per computation block, in order.
    public var outcomes: [Outcome]
    /// Files read by `load` up to and including each block (for fingerprints).
    public var filesRead: [[String]]
    /// The text of each computed value of the prose (`Notebook.values`), as it is to be
    /// recorded; nil where it could not be computed (an error, or a block before it failed).
    public var values: [String?] = []
    /// Problems with the notebook itself or its blocks' options, and failures of blocks
    /// that were expected to succeed (or to fail, for `error` blocks), located in the file.
    public var diagnostics: [Diagnostic]
    public var seconds: Double
    /// How many of `diagnostics` are the notebook's own rather than its blocks': the first
    /// ones (its text, front matter, settings and context) and the last ones (the lint of its
    /// page). A live run of the blocks reports the rest.
    public var notebookProblems = (before: 0, after: 0)

    /// Whether anything went wrong that should fail `run`, `check` and `build`.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }

    /// What a block showed before it failed unexpectedly (nil when it did not fail so, or
    /// showed nothing first): `run` prints it, so a reader sees how far the block got.
    public func partialText(_ block: Int) -> String? {
        guard let (result, verdict) = verdict(block), verdict == .failedUnexpectedly, !result.items.isEmpty else { return nil }
        return result.items.map(\.record).joined(separator: "\n")
    }

    /// What a block records: its displays or, for a block marked `error` that failed, its
    /// error (nil when it displays nothing, did not run, or failed unexpectedly).
    public func recordedText(_ block: Int) -> String? {
        guard let (result, verdict) = verdict(block), verdict != .failedUnexpectedly else { return nil }
        return result.recordedText
    }
}

/// Runs every computation block of a notebook in order, in one interpreter.
public enum NotebookRunner {
    /// Options a block may carry after `backprop`.
    public static let blockOptions = ["hide", "error"]

    /// Seconds the runner waits past a notebook's time budget before it stops waiting. The
    /// interpreter stops itself at the budget between operations; this catches one long
    /// operation (a huge matrix product) that does not return in time.
    public static func watchdogGrace(_ budget: Double) -> Double { 0.5 + budget / 20 }

    /// Runs the notebook's blocks; `load` may read inside its project (`ProjectRoot`). The
    /// lint reads the formulas and citations in `context` (by default, the notebook's
    /// project's).
    public static func run(_ notebook: Notebook, context: NotebookContext? = nil) -> NotebookRun {
        let context = context ?? NotebookContext.of(notebook)
        let settings = NotebookSettings(notebook)
        let directory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        let partial = PartialRun()
        let start = DispatchTime.now().uptimeNanoseconds
        let finished = LargeStack.run(timeout: settings.limits.timeBudget + watchdogGrace(settings.limits.timeBudget)) {
            var diagnostics = notebook.diagnostics.map { $0.file == nil ? $0.inFile(notebook.path) : $0 }
            diagnostics += settings.diagnostics
            diagnostics += context.diagnostics
            let leading = diagnostics.count
            var outcomes: [NotebookRun.Outcome] = []
            var filesRead: [[String]] = []
            let interpreter = Interpreter(configuration: .init(
                limits: settings.limits, notebookDirectory: directory,
                projectRoot: ProjectRoot.of(notebook: notebook.path)))
            var stopped = notebook.hasErrors || !settings.diagnostics.isEmpty
            var values = [String?](repeating: nil, count: notebook.values.count)
            // The computed values of the prose after `count` blocks have run.
            func compute(after count: Int) {
                guard !stopped else { return }
                for value in notebook.values where value.afterBlock == count {
                    let (text, problems) = ComputedValues.evaluate(value, in: interpreter)
                    values[value.index] = text
                    diagnostics += problems.map { $0.inFile(notebook.path) }
                }
            }
            compute(after: 0)
            for block in notebook.blocks {
                partial.publish(outcomes, filesRead, diagnostics, running: block.index)
                let origin = SourceOrigin(firstLine: block.firstCodeLine, columnOffsets: block.columnOffsets)
                let (result, problems) = BlockStep.run(block.code, origin: origin, expectsError: block.options.contains("error"),
                                                       isClosed: block.isClosed, fenceLine: block.fenceLine,
                                                       stopped: &stopped, in: interpreter)
                outcomes.append(result.map { .ran($0) } ?? .skipped)
                filesRead.append(interpreter.filesRead)
                diagnostics += problems.map { $0.inFile(notebook.path) }
                if result != nil { compute(after: block.index + 1) }
            }
            // Problems on the page fail the notebook like a failing block, but do not keep
            // the blocks from running: their outputs are still checked.
            let items = outcomes.flatMap { outcome -> [DisplayItem] in
                if case .ran(let result) = outcome { return result.items }
                return []
            }
            let lint = NotebookLint.diagnostics(notebook, context: context, items: items)
            diagnostics += lint
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            var run = NotebookRun(notebook: notebook, settings: settings, outcomes: outcomes, filesRead: filesRead,
                                  values: values, diagnostics: diagnostics, seconds: seconds)
            run.notebookProblems = (leading, lint.count)
            return run
        }
        if let finished { return finished }
        return partial.timedOut(notebook, settings, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

/// What a run has done so far, for the watchdog: the outcomes of the blocks that finished
/// and the block that is running.
private final class PartialRun: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [NotebookRun.Outcome] = []
    private var filesRead: [[String]] = []
    private var diagnostics: [Diagnostic] = []
    private var running = 0

    func publish(_ outcomes: [NotebookRun.Outcome], _ filesRead: [[String]], _ diagnostics: [Diagnostic], running: Int) {
        lock.lock()
        (self.outcomes, self.filesRead, self.diagnostics, self.running) = (outcomes, filesRead, diagnostics, running)
        lock.unlock()
    }

    /// The run as far as it got, with the running block failed by the time budget and the
    /// blocks after it skipped.
    func timedOut(_ notebook: Notebook, _ settings: NotebookSettings, seconds: Double) -> NotebookRun {
        lock.lock()
        defer { lock.unlock() }
        var outcomes = outcomes, filesRead = filesRead, diagnostics = diagnostics
        let line = notebook.blocks.indices.contains(running) ? notebook.blocks[running].fenceLine : 1
        let budget = settings.limits.timeBudget
        let shown = budget == budget.rounded() ? "\(Int(budget)) s" : "\(budget) s"
        diagnostics.append(.error(
            "the notebook ran past its time budget of \(shown) in one long operation of this block", file: notebook.path,
            at: SourceRange(at: SourceLocation(line: line, column: 1)),
            notes: [.init("the operation was still running \(String(format: "%.1f", seconds - budget)) s after the budget ran out; make it smaller, or set a larger budget in the front matter, e.g. 'timeout: 120' (at most \(Int(ExecutionLimits.caps.timeBudget)) s)")]))
        while outcomes.count < notebook.blocks.count {
            outcomes.append(.skipped)
            filesRead.append(filesRead.last ?? [])
        }
        return NotebookRun(notebook: notebook, settings: settings, outcomes: outcomes, filesRead: filesRead,
                           diagnostics: diagnostics, seconds: seconds)
    }
}
