/// A table of labelled rows and columns, its cells already written as text.
///
/// Its text form (what a notebook records) aligns the columns; the page draws it as HTML.
public struct Table: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var label: String?
        public var cells: [String]

        public init(label: String? = nil, cells: [String]) {
            self.label = label
            self.cells = cells
        }
    }

    public var title: String?
    public var columns: [String]
    public var rows: [Row]
    /// A caption, numbered on the page ("Table 1. ..."), and the label prose refers to it by
    /// (`@tbl-label`, `#tbl-label`).
    public var caption: String?
    public var label: String?

    public init(title: String? = nil, columns: [String], rows: [Row], caption: String? = nil, label: String? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.label = label
    }

    /// Whether any row has a label (then the first text column holds the labels).
    public var hasRowLabels: Bool { rows.contains { $0.label != nil } }

    /// Whether every cell of column `index` is a number (such columns align to the right).
    public func isNumeric(column index: Int) -> Bool {
        rows.allSatisfy { row in
            index >= row.cells.count || row.cells[index].isEmpty || Double(row.cells[index]) != nil
                || ["nan", "inf", "-inf"].contains(row.cells[index])
        }
    }

    /// Plain text, one line per row, columns separated by two spaces: row labels and text
    /// left-aligned, numbers and their headers right-aligned.
    public var text: String {
        let labelled = hasRowLabels
        let width = max(columns.count, rows.map { $0.cells.count }.max() ?? 0)
        var grid: [[String]] = []
        // No header line when no column has a name.
        if !columns.allSatisfy { $0.isEmpty } { grid.append((labelled ? [""] : []) + pad(columns, to: width)) }
        for row in rows {
            grid.append((labelled ? [row.label ?? ""] : []) + pad(row.cells, to: width))
        }
        let columnCount = grid.first?.count ?? 0
        let widths = (0..<columnCount).map { column in
            grid.map { $0[column].count }.max() ?? 0
        }
        var lines: [String] = []
        if let title { lines.append(title) }
        if let caption { lines.append("caption: " + caption + (label.map { " (tbl-\($0))" } ?? "")) }
        for row in grid {
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                let gap = String(repeating: " ", count: widths[column] - cell.count)
                let isLabel = labelled && column == 0
                let numeric = !isLabel && isNumeric(column: column - (labelled ? 1 : 0))
                line += numeric ? gap + cell : cell + gap
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ cells: [String], to width: Int) -> [String] {
        cells + Array(repeating: "", count: max(0, width - cells.count))
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension Table: Codable {}
extension Table.Row: Codable {}
#endif
