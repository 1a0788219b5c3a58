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
            outputArea(output.items, block: index + 1, extra: nil)
        case .failed(expected: true):
            let errors = output.errors.map(\.recordedText).joined(separator: "\n")
            outputArea(output.items, block: index + 1, extra: "<pre class=\"cr-text cr-expected-error\"\(scrollable("Error, block \(index + 1)"))>"
                + HTML.escape(errors) + "</pre>\n")
        case .failed(expected: false):
            hasFailures = true
            outputArea(output.items, block: index + 1, extra: nil)
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

    /// The next captioned figure or table of the page, as the page's numbering has it.
    mutating func nextNumbered() -> FigureNumbering.Entry? {
        defer { numberedCount += 1 }
        return numberedCount < numbering.entries.count ? numbering.entries[numberedCount] : nil
    }

    /// The block's displays in one box: runs of text lines in one `<pre>`, tables and figures
    /// between them. `block` is the block's number on the page, which names its boxes.
    mutating func outputArea(_ items: [DisplayItem], block: Int, extra: String?) {
        guard !items.isEmpty || extra != nil else { return }
        html += "<div class=\"cr-output\">\n"
        var lines: [String] = []
        func flush() {
            guard !lines.isEmpty else { return }
            html += "<pre class=\"cr-text\"" + scrollable("Output, block \(block)") + ">" + HTML.escape(lines.joined(separator: "\n")) + "</pre>\n"
            lines.removeAll()
        }
        for item in items {
            switch item {
            case .text(let text):
                lines.append(text)
            case .abridged(let abridged):
                lines.append(abridged.text)
            case .table(let table):
                flush()
                let entry = table.caption == nil ? nil : nextNumbered()
                let name = entry.map { "Table \($0.number)" } ?? table.title.flatMap { $0.isEmpty ? nil : "Table: " + $0 } ?? "Table, block \(block)"
                html += TableRenderer.html(table, numbered: entry, wrapper: scrollable(name))
            case .figure(let figure):
                flush()
                figureCount += 1
                let entry = figure.caption == nil ? nil : nextNumbered()
                // What its circuits, which scroll when they are wide, are called.
                let name = FigureRenderer.hasCircuit(figure) ? uniqueLabel(entry.map { "Figure \($0.number)" } ?? "Figure, block \(block)") : nil
                let svg = FigureRenderer().svg(figure, id: "cr_fig\(figureCount)", name: name)
                guard figure.caption != nil, let entry else {
                    html += "<figure class=\"cr-figure\">" + svg + "</figure>\n"
                    continue
                }
                html += "<figure class=\"cr-figure\" id=\"\(entry.id)\">" + svg + "<figcaption><span class=\"cr-caption-number\">"
                    + "Figure \(entry.number).</span> " + TitleText.html(figure.caption ?? "") + "</figcaption></figure>\n"
            }
        }
        flush()
        if let extra { html += extra }
        html += "</div>\n"
    }
}
