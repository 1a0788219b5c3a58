import Diagnostics
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

    public let notebook: Notebook
    public let settings: NotebookSettings
    /// One per computation block, in order.
    public var outcomes: [Outcome]
    /// Files read by `load` up to and including each block (for fingerprints).
    public var filesRead: [[String]]
    /// Problems with the notebook itself or its blocks' options, and failures of blocks
    /// that were expected to succeed (or to fail, for `error` blocks), located in the file.
    public var diagnostics: [Diagnostic]
    public var seconds: Double

    /// Whether anything went wrong that should fail `run`, `check` and `build`.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }

    /// What a block records: its displays or, for a block marked `error` that failed, its
    /// error (nil when it displays nothing, did not run, or failed unexpectedly).
    public func recordedText(_ block: Int) -> String? {
        guard case .ran(let result) = outcomes[block] else { return nil }
        if result.failed && !notebook.blocks[block].options.contains("error") { return nil }
        return result.recordedText
    }
}

/// Runs every computation block of a notebook in order, in one interpreter.
public enum NotebookRunner {
    /// Options a block may carry after `backprop`.
    public static let blockOptions = ["hide", "error"]

    public static func run(_ notebook: Notebook, projectRoot: String? = nil) -> NotebookRun {
        let settings = NotebookSettings(notebook)
        let directory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        return LargeStack.run {
            let start = DispatchTime.now().uptimeNanoseconds
            var diagnostics = notebook.diagnostics.map { $0.file == nil ? $0.inFile(notebook.path) : $0 }
            diagnostics += settings.diagnostics
            var outcomes: [NotebookRun.Outcome] = []
            var filesRead: [[String]] = []
            let interpreter = Interpreter(configuration: .init(
                limits: settings.limits, notebookDirectory: directory, projectRoot: projectRoot ?? directory))
            var stopped = notebook.hasErrors || !settings.diagnostics.isEmpty
            for block in notebook.blocks {
                for option in block.options where !blockOptions.contains(option) {
                    let suggestion = Diagnostics.Suggestion.closest(to: option, among: blockOptions)
                    diagnostics.append(.warning("unknown block option '\(option)'", file: notebook.path, at: block.infoRange,
                                                notes: suggestion.map { [.init("did you mean '\($0)'?")] } ?? [.init("options: hide, error")]))
                }
                guard !stopped, block.isClosed else {
                    // Still report this block's syntax errors: they do not depend on running.
                    let origin = SourceOrigin(firstLine: block.firstCodeLine, columnOffsets: block.columnOffsets)
                    diagnostics += Parser.parse(block.code, origin: origin).diagnostics.map { $0.inFile(notebook.path) }
                    outcomes.append(.skipped)
                    filesRead.append(interpreter.filesRead)
                    continue
                }
                let origin = SourceOrigin(firstLine: block.firstCodeLine, columnOffsets: block.columnOffsets)
                let result = interpreter.run(block.code, origin: origin)
                outcomes.append(.ran(result))
                filesRead.append(interpreter.filesRead)
                diagnostics += result.warnings.map { $0.inFile(notebook.path) }
                let expectsError = block.options.contains("error")
                if result.failed && !expectsError {
                    diagnostics += result.errors.map { $0.inFile(notebook.path) }
                    stopped = true
                } else if !result.failed && expectsError {
                    diagnostics.append(.error("the block is marked 'error' but ran without one", file: notebook.path,
                                              at: SourceRange(at: SourceLocation(line: block.fenceLine, column: 1)),
                                              notes: [.init("remove 'error' from its info string, or make the code fail as intended")]))
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return NotebookRun(notebook: notebook, settings: settings, outcomes: outcomes, filesRead: filesRead,
                               diagnostics: diagnostics, seconds: seconds)
        }
    }
}
