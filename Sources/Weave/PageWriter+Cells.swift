import Diagnostics
import Display

extension PageWriter {
    /// A computation block and what it gave: the code (unless `hide`), then its output set
    /// apart; a block marked `error` shows its error as its output; a block that failed
    /// unexpectedly shows its diagnostic, compiler-style, in place. `data-block` is the
    /// block's index in the notebook (from 0), by which a live page's script finds it.
    mutating func cell(_ index: Int) {
        let block = notebook.blocks[index]
        let output = index < renderer.outputs.count ? renderer.outputs[index] : BlockOutput(state: .skipped)
        let hidden = block.options.contains("hide")
        var classes = "cr-cell"
        switch output.state {
        case .failed(expected: false): classes += " cr-failed"
        case .skipped: classes += " cr-not-run"
        default: break
        }
        if hidden { classes += " cr-hidden-code" }
        html += "<div class=\"\(classes)\" id=\"cr_block\(index + 1)\" data-block=\"\(index)\">\n"
        if !hidden {
            html += "<pre class=\"cr-code\"\(scrollable("Code, block \(index + 1)"))><code class=\"language-backprop\">" + Highlighter().html(block.code) + "</code></pre>\n"
            section.code += " " + block.code
        }
        switch output.state {
        case .ran:
            outputArea(output.items, block: index + 1)
        case .failed(expected: true):
            outputArea(output.items, block: index + 1, expectedError: output.errors.map(\.recordedText).joined(separator: "\n"))
        case .failed(expected: false):
            hasFailures = true
            outputArea(output.items, block: index + 1)
            let renderer = DiagnosticRenderer(sources: [SourceText(path: notebook.path, text: String(decoding: notebook.bytes, as: UTF8.self))])
            let text = renderer.render(output.errors.map { $0.file == nil ? $0.inFile(notebook.path) : $0 })
            html += "<div class=\"cr-error\" role=\"alert\"><div class=\"cr-error-label\">This block failed</div><pre"
                + scrollable("Error, block \(index + 1)") + ">"
                + HTML.escape(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "</pre></div>\n"
        case .skipped:
            html += "<p class=\"cr-skipped\">Not run: an earlier block failed.</p>\n"
        }
        html += "</div>\n"
    }

    /// The block's output area (`OutputDrawing`), numbered as the page numbers its figures
    /// and tables, its boxes named uniquely on the page.
    mutating func outputArea(_ items: [DisplayItem], block: Int, expectedError: String? = nil) {
        let counts = OutputNumbering.counts(of: items)
        let place = OutputNumbering(entries: Array(numbering.entries.dropFirst(numberedCount).prefix(counts.numbered)),
                                    figuresBefore: figureCount)
        html += OutputDrawing.html(items: items, expectedError: expectedError, block: block, numbering: place, labels: &scrollLabels)
        numberedCount += counts.numbered
        figureCount += counts.figures
    }
}
