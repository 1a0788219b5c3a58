/// What a figure's record covers: every field the site draws from, so that a changed point,
/// label, level or style changes the record's digest.
extension Figure: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        // A figure thinned for drawing is recorded as it was whole.
        // Written only when there is one, so figures without keep the digests they had.
        if let caption { writer.text("caption", caption) }
        if let label { writer.text("label", label) }
        if let wholeRecord { return writer.text("whole figure", wholeRecord.digest) }
        writer.text("title", title)
        switch content {
        case .line(let plot): writer.group("plot") { plot.writeRecord(to: &$0) }
        case .scatter(let plot): writer.group("scatter") { plot.writeRecord(to: &$0) }
        case .contour(let plot): writer.group("contour") { plot.writeRecord(to: &$0) }
        case .graph(let graph): writer.group("graph") { graph.writeRecord(to: &$0) }
        case .network(let network): writer.group("network") { network.writeRecord(to: &$0) }
        case .panels(let figures):
            writer.integer("panels", figures.count)
            for (index, figure) in figures.enumerated() {
                writer.group("panel \(index + 1)") { figure.writeRecord(to: &$0) }
            }
        }
    }
}

extension LinePlot: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.integer("series", series.count)
        for (index, one) in series.enumerated() {
            writer.group(RecordWriter.name("series", index, one.name)) { one.writeRecord(to: &$0) }
        }
        writer.text("x label", xLabel)
        writer.text("y label", yLabel)
        writer.flag("log x", xLog)
        writer.flag("log y", yLog)
    }
}

extension LinePlot.Series: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.text("name", name)
        writer.text("style", style.name)
        writer.numbers("x", x)
        writer.numbers("y", y)
    }
}

extension ScatterPlot: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.numbers("x", x)
        writer.numbers("y", y)
        if let classes { writer.integers("class", classes) } else { writer.text("class", nil) }
        if let regions {
            writer.group("regions") { regions.writeRecord(to: &$0) }
        } else {
            writer.text("regions", nil)
        }
        writer.text("x label", xLabel)
        writer.text("y label", yLabel)
    }
}

extension ScatterPlot.Regions: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.numbers("x", xs)
        writer.numbers("y", ys)
        writer.integer("rows", classes.count)
        for (row, classes) in classes.enumerated() {
            writer.group("row \(row)") { $0.integers("class", classes) }
        }
    }
}

extension ContourPlot: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.numbers("x", xs)
        writer.numbers("y", ys)
        writer.integer("rows", z.count)
        for (row, values) in z.enumerated() {
            writer.group("row \(row)") { $0.numbers("z", values) }
        }
        if let levels { writer.numbers("levels", levels) } else { writer.text("levels", nil) }
        writer.integer("paths", paths.count)
        for (index, path) in paths.enumerated() {
            writer.group(RecordWriter.name("path", index, path.name)) { path.writeRecord(to: &$0) }
        }
        writer.text("x label", xLabel)
        writer.text("y label", yLabel)
    }
}

extension ContourPlot.Path: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.text("name", name)
        writer.numbers("x", points.map { $0.x })
        writer.numbers("y", points.map { $0.y })
    }
}

extension GraphDiagram: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.integer("nodes", nodes.count)
        for node in nodes {
            writer.group(RecordWriter.name("node", node.id, node.label)) { node.writeRecord(to: &$0) }
        }
        writer.integer("root", root)
    }
}

extension GraphDiagram.Node: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.integer("id", id)
        writer.text("op", op)
        writer.text("label", label)
        writer.text("value", value)
        writer.text("grad", grad)
        // Written only when there is one, so a diagram of numbers keeps the digest it had.
        if let shape { writer.integers("shape", shape) }
        writer.integers("inputs", inputs)
    }
}

extension NetworkDiagram: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.integer("layers", layers.count)
        for (index, layer) in layers.enumerated() {
            writer.group(RecordWriter.name("layer", index, layer.name)) { layer.writeRecord(to: &$0) }
        }
        writer.flag("weights labelled", labelsWeights)
    }
}

extension NetworkDiagram.Layer: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.text("name", name)
        writer.integer("units", units.count)
        // Units and rows by their index from 0, as the engine's weight matrices number them.
        for (index, unit) in units.enumerated() { writer.text("unit \(index)", unit) }
        if let values { writer.numbers("value", values) } else { writer.text("value", nil) }
        if let biases { writer.numbers("bias", biases) } else { writer.text("bias", nil) }
        if let weights {
            writer.integer("weight rows", weights.count)
            for (row, values) in weights.enumerated() {
                writer.group("row \(row)") { $0.numbers("weight", values) }
            }
        } else {
            writer.text("weights", nil)
        }
    }
}

extension Table: RecordContent {
    public func writeRecord(to writer: inout RecordWriter) {
        writer.text("title", title)
        if let caption { writer.text("caption", caption) }
        if let label { writer.text("label", label) }
        writer.integer("columns", columns.count)
        for (index, column) in columns.enumerated() { writer.text("column \(index)", column) }
        writer.integer("rows", rows.count)
        for (index, row) in rows.enumerated() {
            writer.group(RecordWriter.name("row", index, row.label)) { writer in
                writer.text("label", row.label)
                for (column, cell) in row.cells.enumerated() { writer.text("cell \(column)", cell) }
            }
        }
    }
}

extension RecordWriter {
    /// `series 2 "train"`: a part by its position (from 1, as a reader counts) and its name.
    static func name(_ kind: String, _ index: Int, _ name: String?) -> String {
        "\(kind) \(index + 1)" + (name.map { " \"\($0)\"" } ?? "")
    }
}
