import Diagnostics
import Drawing
import Runtime

/// What the interpreter gives for a sequence of blocks run in one interpreter, as a notebook's
/// blocks run: the same program natively (main.swift, reading standard input) and in
/// WebAssembly (wasm/Entry.swift, reading the text JavaScript hands it). Tests/Wasm/run.sh
/// feeds both every block of the shipped notebooks and compares what they print.
///
/// The input is the blocks' code, each block after a line `==> LABEL` (the label is echoed, so
/// a difference names its block). For each block the output is its label, then what it
/// records (its displays, or its error's message) and its errors and warnings with their
/// lines and columns. Nothing is read from files (`load` reports that it cannot).
///
/// Then the block as a live page draws it (`Drawing`): its code highlighted, and its output
/// area, its captioned figures and tables numbered after the blocks above it.
enum LanguageProbe {
    static func output(_ input: String) -> String {
        let interpreter = Interpreter(configuration: .init(dataFiles: .table([:])))
        var out = ""
        var figures = 0, captionedFigures = 0, captionedTables = 0
        var labels: Set<String> = []
        for (index, (label, code)) in blocks(input).enumerated() {
            let result = interpreter.run(code)
            out += "==> \(label)\n"
            if let text = result.recordedText { out += text + "\n" }
            for diagnostic in result.errors + result.warnings {
                let at = diagnostic.range.map { "\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column) " } ?? ""
                out += "\(at)\(diagnostic.severity.rawValue): \(diagnostic.message)\n"
                for note in diagnostic.notes { out += "note: \(note.message)\n" }
            }
            out += Highlighter().html(code) + "\n"
            let numbering = FigureNumbering(result.items, figuresBefore: captionedFigures, tablesBefore: captionedTables)
            out += OutputDrawing.html(items: result.items, block: index + 1,
                                      numbering: OutputNumbering(entries: numbering.entries, figuresBefore: figures), labels: &labels)
            figures += OutputNumbering.counts(of: result.items).figures
            captionedFigures += numbering.entries.filter { $0.kind == "Figure" }.count
            captionedTables += numbering.entries.filter { $0.kind == "Table" }.count
        }
        return out
    }

    /// The blocks of the input: (label, code) after each `==> ` line.
    static func blocks(_ input: String) -> [(String, String)] {
        var blocks: [(String, String)] = []
        var label: String?
        var lines: [Substring] = []
        for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("==> ") {
                if let label { blocks.append((label, lines.joined(separator: "\n"))) }
                label = String(line.dropFirst(4))
                lines = []
            } else {
                lines.append(line)
            }
        }
        if let label { blocks.append((label, lines.joined(separator: "\n"))) }
        return blocks
    }
}
