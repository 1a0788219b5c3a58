import Diagnostics
import Drawing
import Runtime

/// What the WebAssembly module answers: one JSON request in, one JSON response out (the
/// contract in docs/live.md). Kept apart from the module's exports so that the native tests
/// hold it to the same answers.
public final class LiveEndpoint {
    private var session: LiveSession?

    public init() {}

    /// The answer to `request` (UTF-8 JSON text).
    public func handle(_ request: String) -> String {
        let value: JSON
        do throws(JSON.ParseError) {
            value = try JSON.parse(request)
        } catch {
            return failure("the request is not JSON: \(error.message) at byte \(error.offset)")
        }
        if let program = value["load"] {
            do throws(LiveProgram.Invalid) {
                session = LiveSession(program: try LiveProgram(json: program))
                return JSON.object([("ok", .bool(true))]).text
            } catch {
                return failure("the page's program cannot be read: \(error.message)")
            }
        }
        if let code = value["highlight"]?.string {
            return JSON.object([("html", .string(Highlighter().html(code)))]).text
        }
        if let target = value["run"]?.int {
            guard let session else { return failure("no program is loaded") }
            guard session.program.blocks.indices.contains(target) else { return failure("there is no block \(target)") }
            var edits: [Int: String] = [:]
            for (key, code) in value["code"]?.members ?? [] {
                if let index = Int(key), let text = code.string, session.program.blocks.indices.contains(index) { edits[index] = text }
            }
            var sliders: [SourceLocation: Double] = [:]
            for (key, number) in value["sliders"]?.members ?? [] {
                let parts = key.split(separator: ":")
                if parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]), let x = number.number {
                    sliders[SourceLocation(line: line, column: column)] = x
                }
            }
            let start = MonotonicClock.nanoseconds
            let outcomes = session.run(target, edits: edits, sliders: sliders)
            let seconds = Double(MonotonicClock.nanoseconds - start) / 1e9
            let renderer = DiagnosticRenderer(sources: [session.sourceText(edits)])
            return JSON.object([
                ("blocks", .array(outcomes.map { answer($0, session.program.blocks[$0.index], renderer) })),
                ("seconds", .number(seconds)),
            ]).text
        }
        return failure("the request asks for nothing this module does (load, run, highlight)")
    }

    private func answer(_ outcome: LiveSession.Outcome, _ block: LiveProgram.Block, _ renderer: DiagnosticRenderer) -> JSON {
        var fields: [(String, JSON)] = [("index", .number(Double(outcome.index)))]
        fields.append(("html", .string(Self.html(outcome, block, renderer))))
        let verdict = outcome.verdict
        fields.append(("skipped", .bool(outcome.result == nil)))
        fields.append(("failed", .bool(verdict == .failedUnexpectedly)))
        fields.append(("expectedError", .bool(verdict == .failedAsExpected)))
        fields.append(("text", outcome.printedText.map { .string($0) } ?? .null))
        fields.append(("diagnostics", .string(renderer.render(outcome.problems))))
        // Whether the block fails the notebook, as `run`, `check` and `build` would fail.
        fields.append(("failsNotebook", .bool(outcome.problems.contains { $0.severity == .error })))
        fields.append(("sliders", .array((outcome.result?.sliders ?? []).map { $0.json })))
        return .object(fields)
    }

    /// What the page shows of a block after its code, as the page writer draws a cell
    /// (Weave's `PageWriter.cell`): its output area, numbered as the page numbered it, and for
    /// a block that failed unexpectedly its diagnostic; for a block not run, why.
    static func html(_ outcome: LiveSession.Outcome, _ block: LiveProgram.Block, _ renderer: DiagnosticRenderer) -> String {
        guard let result = outcome.result, let verdict = outcome.verdict else {
            return "<p class=\"cr-skipped\">Not run: an earlier block failed.</p>\n"
        }
        var labels = Set<String>()
        let number = outcome.index + 1
        switch verdict {
        case .succeeded, .succeededUnexpectedly:
            return OutputDrawing.html(items: result.items, block: number, numbering: block.numbering, labels: &labels)
        case .failedAsExpected:
            return OutputDrawing.html(items: result.items, expectedError: result.errors.map { $0.recordedText }.joined(separator: "\n"),
                                      block: number, numbering: block.numbering, labels: &labels)
        case .failedUnexpectedly:
            let area = OutputDrawing.html(items: result.items, block: number, numbering: block.numbering, labels: &labels)
            let text = renderer.render(outcome.problems.filter { $0.severity == .error })
            return area + "<div class=\"cr-error\" role=\"alert\"><div class=\"cr-error-label\">This block failed</div><pre"
                + HTML.scrollingRegion("Error, block \(number)", uniqueAmong: &labels) + ">"
                + HTML.escape(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "</pre></div>\n"
        }
    }

    private func failure(_ message: String) -> String {
        JSON.object([("error", .string(message))]).text
    }
}
