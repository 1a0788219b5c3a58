import Diagnostics
import Language
import Runtime

/// A page's notebook being run by its reader: the blocks of a `LiveProgram`, in one
/// interpreter, as the CLI runs them (`BlockStep`), with the reader's edits and slider values.
///
/// Running block K first brings the interpreter to the state after block K - 1. The session
/// keeps the interpreter of its last run: when that run ended just before K with the same code
/// and sliders, only K runs; otherwise every block up to K runs again in a fresh interpreter,
/// since a block may change anything (a network trained in place, the generator's state).
public final class LiveSession {
    /// One block's run.
    public struct Outcome {
        public var index: Int
        /// nil when the block did not run (an earlier block failed, or its fence is open).
        public var result: BlockResult?
        /// What the notebook reports for the block (its unexpected error, warnings), in the file.
        public var problems: [Diagnostic]
        public var verdict: BlockVerdict? {
            result.map { BlockVerdict(failed: $0.failed, expectsError: expectsError) }
        }
        let expectsError: Bool

        /// What `chainrule run` prints for the block: its record or, when it failed unexpectedly,
        /// what it showed before it failed (nil when nothing).
        public var printedText: String? {
            guard let result, let verdict else { return nil }
            if verdict != .failedUnexpectedly { return result.recordedText }
            return result.items.isEmpty ? nil : result.items.map { $0.record }.joined(separator: "\n")
        }
    }

    public let program: LiveProgram
    private var interpreter: Interpreter?
    /// The code of the blocks the kept interpreter ran, in order, and its sliders.
    private var ranCode: [String] = []
    private var ranSliders: [SourceLocation: Double] = [:]
    private var stopped = false

    public init(program: LiveProgram) {
        self.program = program
    }

    /// The code block `index` runs: the reader's edit, or the page's.
    func code(_ index: Int, _ edits: [Int: String]) -> String {
        edits[index] ?? program.blocks[index].code
    }

    /// Runs block `target` (and, first, the blocks before it that need to run again) and
    /// returns the outcome of every block it ran, in order.
    public func run(_ target: Int, edits: [Int: String] = [:], sliders: [SourceLocation: Double] = [:]) -> [Outcome] {
        guard program.blocks.indices.contains(target) else { return [] }
        let codes = (0...target).map { code($0, edits) }
        var first = target
        if interpreter == nil || ranSliders != sliders || ranCode != Array(codes[..<target]) {
            let files = program.files.reduce(into: [String: [UInt8]]()) { table, file in table[file.path] = Array(file.text.utf8) }
            interpreter = Interpreter(configuration: .init(limits: program.limits, dataFiles: .table(files), sliderValues: sliders))
            ranCode = []
            ranSliders = sliders
            stopped = program.notebookProblems?.stopBlocks ?? false
            first = 0
        }
        guard let interpreter else { return [] }
        // Each run has the notebook's whole budget, however long ago the kept interpreter ran.
        interpreter.restartTimeBudget()
        var outcomes: [Outcome] = []
        for index in first...target {
            let block = program.blocks[index]
            let origin = codes[index] == block.code
                ? block.origin : SourceOrigin(firstLine: block.origin.firstLine, columnOffsets: [block.origin.columnOffsets.first ?? 0])
            let (result, problems) = BlockStep.run(codes[index], origin: origin, expectsError: block.expectsError,
                                                   isClosed: block.closed, fenceLine: block.fence,
                                                   stopped: &stopped, in: interpreter)
            ranCode.append(codes[index])
            outcomes.append(Outcome(index: index, result: result, problems: problems.map { $0.inFile(program.path) },
                                    expectsError: block.expectsError))
        }
        return outcomes
    }

    /// The text diagnostics quote: the notebook's, or else the blocks' code at their lines (with
    /// the reader's edits), which is all a page has.
    public func sourceText(_ edits: [Int: String]) -> SourceText {
        if let source = program.source { return SourceText(path: program.path, text: source) }
        var lines: [String] = []
        for (index, block) in program.blocks.enumerated() {
            let offset = block.origin.columnOffsets.first ?? 0
            for (number, line) in code(index, edits).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let at = block.origin.firstLine - 1 + number
                while lines.count <= at { lines.append("") }
                lines[at] = String(repeating: " ", count: offset) + line
            }
        }
        return SourceText(path: program.path, text: lines.joined(separator: "\n"))
    }
}
