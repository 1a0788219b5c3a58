import Display

/// A `Table` as an HTML table: a caption from its title, a header row, row labels as row
/// headers, and numbers right-aligned in columns of figures. `wrapper` holds the attributes
/// of the box that scrolls a wide table (`HTML.scrollingRegion`).
enum TableRenderer {
    static func html(_ table: Table, numbered entry: FigureNumbering.Entry? = nil, wrapper: String = "") -> String {
        let labelled = table.hasRowLabels
        let width = max(table.columns.count, table.rows.map { $0.cells.count }.max() ?? 0)
        // A column is numeric when all its non-empty cells are numbers; its header aligns too.
        let numeric = (0..<width).map { column in
            let cells = table.rows.compactMap { column < $0.cells.count ? $0.cells[column] : nil }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumber)
        }
        // A numbered table is a figure: its caption above it, as wide as the column (a table's
        // own caption is only as wide as the table).
        var html = ""
        if let entry, let text = table.caption {
            html += "<figure class=\"cr-table-figure\" id=\"\(entry.id)\"><figcaption><span class=\"cr-caption-number\">Table \(entry.number).</span> "
                + TitleText.html(text) + "</figcaption>\n"
        }
        html += "<div class=\"cr-table-wrap\"" + wrapper + "><table class=\"cr-table\">\n"
        if let title = table.title, !title.isEmpty { html += "<caption>" + HTML.escape(title) + "</caption>\n" }
        if !table.columns.isEmpty {
            html += "<thead><tr>"
            if labelled { html += "<td></td>" }
            for column in 0..<width {
                let name = column < table.columns.count ? table.columns[column] : ""
                html += (numeric[column] ? "<th scope=\"col\" class=\"cr-num\">" : "<th scope=\"col\">") + HTML.escape(name) + "</th>"
            }
            html += "</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            if labelled { html += "<th scope=\"row\">" + HTML.escape(row.label ?? "") + "</th>" }
            for column in 0..<width {
                let cell = column < row.cells.count ? row.cells[column] : ""
                html += numeric[column] ? "<td class=\"cr-num\">" + HTML.escape(typographic(cell)) + "</td>" : "<td>" + HTML.escape(cell) + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        if entry != nil, table.caption != nil { html += "</figure>\n" }
        return html
    }

    /// A number as a table sets it: a true minus sign (as the figures' ticks have), which is
    /// as wide as a plus and lines up in columns of figures.
    static func typographic(_ number: String) -> String {
        number.hasPrefix("-") ? "\u{2212}" + number.dropFirst() : number
    }

    /// `-1.5`, `2e-07`, `inf`, `nan`: what `NumberFormat` writes.
    static func isNumber(_ text: String) -> Bool {
        if ["nan", "inf", "-inf"].contains(text) { return true }
        return Double(text) != nil
    }
}
