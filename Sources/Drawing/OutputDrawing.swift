import Display

/// The box under a computation block that holds what it displayed: runs of text lines in one
/// `<pre>`, tables and figures between them. The build draws every block's with it, and a
/// live page the block a reader ran again, so that both draw the same bytes.
public enum OutputDrawing {
    /// The block's output area, or nothing when it displayed nothing and has no error to
    /// show. `expectedError` is the error of a block marked `error`, shown as its output
    /// after its displays. `block` is the block's number on the page, which names its boxes
    /// ("Output, block 2"); `labels` holds the names the page's scrolling regions have so far,
    /// and gets this block's (`HTML.scrollingRegion(_:uniqueAmong:)`).
    public static func html(items: [DisplayItem], expectedError: String? = nil, block: Int,
                            numbering: OutputNumbering, labels: inout Set<String>) -> String {
        // The error's box is named before the displays': the order in which the page meets
        // names decides which one gets a " (2)".
        var error: String?
        if let expectedError {
            error = "<pre class=\"cr-text cr-expected-error\"" + HTML.scrollingRegion("Error, block \(block)", uniqueAmong: &labels) + ">"
                + HTML.escape(expectedError) + "</pre>\n"
        }
        guard !items.isEmpty || error != nil else { return "" }
        var html = "<div class=\"cr-output\">\n"
        var lines: [String] = []
        var entries = numbering.entries[...]
        var figureCount = numbering.figuresBefore
        func flush() {
            guard !lines.isEmpty else { return }
            html += "<pre class=\"cr-text\"" + HTML.scrollingRegion("Output, block \(block)", uniqueAmong: &labels) + ">"
                + HTML.escape(lines.joined(separator: "\n")) + "</pre>\n"
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
                let entry = table.caption == nil ? nil : entries.popFirst()
                let name = entry.map { "Table \($0.number)" } ?? table.title.flatMap { $0.isEmpty ? nil : "Table: " + $0 } ?? "Table, block \(block)"
                html += TableRenderer.html(table, numbered: entry, wrapper: HTML.scrollingRegion(name, uniqueAmong: &labels))
            case .figure(let figure):
                flush()
                figureCount += 1
                let entry = figure.caption == nil ? nil : entries.popFirst()
                // What its circuits, which scroll when they are wide, are called.
                let name = FigureRenderer.hasCircuit(figure)
                    ? HTML.uniqueLabel(entry.map { "Figure \($0.number)" } ?? "Figure, block \(block)", among: &labels) : nil
                let svg = FigureRenderer().svg(figure, id: "cr_fig\(figureCount)", name: name)
                guard let caption = figure.caption, let entry else {
                    html += "<figure class=\"cr-figure\">" + svg + "</figure>\n"
                    continue
                }
                html += "<figure class=\"cr-figure\" id=\"\(entry.id)\">" + svg + "<figcaption><span class=\"cr-caption-number\">"
                    + "Figure \(entry.number).</span> " + TitleText.html(caption) + "</figcaption></figure>\n"
            }
        }
        flush()
        if let error { html += error }
        html += "</div>\n"
        return html
    }
}
