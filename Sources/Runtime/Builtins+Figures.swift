import Display
import Engine

/// Figures and tables: values that carry the data the page draws, and display as one
/// line of summary (a figure) or aligned text (a table) in the recorded output.
extension Builtins {
    /// A figure as a value, with the call's `caption:` and `label:`, thinned for drawing when
    /// it holds more points than a page draws (here, inside the block's time budget, so a
    /// huge plot costs the notebook, not the build).
    static func figureValue(_ figure: Figure, _ arguments: Arguments) throws(RuntimeError) -> Value {
        var figure = figure
        (figure.caption, figure.label) = try caption(arguments)
        return .object(DisplayObject([.figure(figure.thinnedForDrawing())], typeName: "a figure"))
    }

    /// `caption:` and `label:`: a label names the figure or table in an id, so it is
    /// letters, digits, `-` and `_`.
    static func caption(_ arguments: Arguments) throws(RuntimeError) -> (String?, String?) {
        let label = try arguments.string("label")
        if let label {
            guard !label.isEmpty, label.count <= 64,
                  label.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) else {
                throw RuntimeError.builtin("a label is letters, digits, - and _ (it names the figure in links: #fig-LABEL)", argument: .label("label"))
            }
        }
        return (try arguments.string("caption"), label)
    }

    private static func strings(_ arguments: Arguments, _ name: String) throws(RuntimeError) -> [String]? {
        guard let value = arguments.value(name) else { return nil }
        guard case .list(let items) = value else {
            if case .tensor(let t) = value, t.rank == 1 { return t.value.values.map { NumberFormat.g($0) } }
            throw RuntimeError.builtin("'\(name)' must be a list of names, like [\"a\", \"b\"]", argument: .label(name))
        }
        return items.map { item in
            if case .string(let s) = item { return s }
            return ValueFormatter.text(item) ?? ""
        }
    }

    private static func vector(_ value: Value, _ arguments: Arguments, _ reference: ArgumentReference) throws(RuntimeError) -> [Double] {
        switch value {
        case .tensor(let t) where t.rank <= 1: return t.value.values
        case .tensor(let t) where t.rank == 2 && (t.shape.dims[1] == 1 || t.shape.dims[0] == 1): return t.value.values
        case .list(let items):
            return try items.map { (item) throws(RuntimeError) in
                guard case .tensor(let t) = item, let x = t.scalar else {
                    throw RuntimeError.builtin("expected numbers, found a \(item.typeName)", argument: reference)
                }
                return x
            }
        default:
            throw RuntimeError.builtin("expected a vector of numbers, not a \(value.typeName)", argument: reference)
        }
    }

    /// Samples a function of one number at `count` points across `domain`, recording nothing.
    private static func sample(_ f: Callable, over domain: (Double, Double), count: Int, _ arguments: Arguments) throws(RuntimeError) -> ([Double], [Double]) {
        let xs = (0..<count).map { domain.0 + (domain.1 - domain.0) * Double($0) / Double(count - 1) }
        let ys = try Graph.withoutRecording { () throws(RuntimeError) -> [Double] in
            try xs.map { (x) throws(RuntimeError) in
                let result = try arguments.interpreter.call(f, [.number(x)], at: arguments.callRange)
                guard case .tensor(let t) = result, let y = t.scalar else {
                    throw RuntimeError.builtin("a plotted function must return a number; \(f.name) returned a \(result.typeName)")
                }
                return y
            }
        }
        return (xs, ys)
    }

    /// `style:` as a name (`"dashed"`, `"line+circle"`).
    private static func lineStyle(_ name: String) throws(RuntimeError) -> LinePlot.Style {
        guard let style = LinePlot.Style(name: name) else {
            throw RuntimeError.builtin("a style is a line (\"line\", \"dashed\", \"dotted\"), markers (\"points\", \"circle\", \"square\", "
                               + "\"triangle\", \"diamond\") or one of each joined by + (\"dashed+circle\"), not \"\(name)\"",
                               argument: .label("style"))
        }
        return style
    }

    /// `f, g, ..., a, b`: one or more functions, then the two ends of the interval they are
    /// drawn over.
    private static func functionsOverInterval(_ items: [Value]) -> (low: Double, high: Double)? {
        guard items.count >= 3, case .tensor(let a) = items[items.count - 2], case .tensor(let b) = items[items.count - 1],
              let low = a.scalar, let high = b.scalar,
              items.dropLast(2).allSatisfy({ if case .function = $0 { return true } else { return false } }) else { return nil }
        return (low, high)
    }

    private static func domain(_ arguments: Arguments, _ name: String, default fallback: (Double, Double)) throws(RuntimeError) -> (Double, Double) {
        guard let value = arguments.value(name) else { return fallback }
        let pair: Value
        if case .tuple(let items) = value { pair = .list(items) } else { pair = value }
        let bounds = try vector(pair, arguments, .label(name))
        guard bounds.count == 2, bounds[0] < bounds[1] else {
            throw RuntimeError.builtin("'\(name)' must be a pair (low, high) with low < high", argument: .label(name))
        }
        return (bounds[0], bounds[1])
    }

    static let figures: [Builtin] = [
        Builtin("plot", [variadic("series"), optional("x"), optional("labels"), optional("title"), optional("xlabel"), optional("ylabel"),
                         optional("xlog"), optional("ylog"), optional("style"), optional("domain"), optional("caption"), optional("label")],
                summary: "line plots: plot(y), plot(x, y), plot(f, a, b); several: plot(y1, y2, x: x, labels: [...]), plot(f, g, a, b); style: \"dashed\", \"dotted\", \"line+circle\"...") { (arguments) throws(RuntimeError) in
            let items = arguments.rest.map { $0.value }
            guard !items.isEmpty else { throw RuntimeError.builtin("plot needs something to draw") }
            let labels = try strings(arguments, "labels")
            // One style for every series, or a list of one per series.
            let styles: [LinePlot.Style]
            if case .list = arguments.value("style") ?? .none {
                styles = try strings(arguments, "style")!.map(lineStyle)
            } else {
                styles = [try lineStyle(try arguments.string("style") ?? "line")]
            }
            var domainValue = try domain(arguments, "domain", default: (-5, 5))
            var specs = items
            // plot(list of series, labels: [...]) and plot(matrix, labels: [...]), one series per element or row.
            if let labels, items.count == 1 {
                if case .list(let series) = items[0], series.count == labels.count { specs = series }
                if case .tensor(let t) = items[0], t.rank == 2, t.shape.dims[0] == labels.count, labels.count > 1 {
                    specs = try (0..<labels.count).map { (item) throws(RuntimeError) in .tensor(try engineCall { () throws(EngineError) in try t.indexed([.index(item)]) }) }
                }
            }
            // plot(x, y) and plot(f, a, b), as in matplotlib and Julia's Plots; plot(f, g, a, b)
            // draws several functions over one interval. Two vectors are one series (x, y)
            // unless x: is given or two labels name them as two.
            if let interval = functionsOverInterval(items) {
                guard interval.low < interval.high else { throw RuntimeError.builtin("plot(f, a, b) needs a < b", argument: .position(items.count - 2)) }
                if arguments.has("domain") {
                    throw RuntimeError.builtin("the interval is given twice: plot(f, a, b) or plot(f, domain: (a, b)), not both", argument: .label("domain"))
                }
                domainValue = (interval.low, interval.high)
                specs = Array(items.dropLast(2))
            } else if (labels?.count ?? 1) == 1, !arguments.has("x"), specs.count == 2, case .tensor(let a) = items[0], case .tensor(let b) = items[1],
                      a.rank == 1, b.rank == 1, a.shape == b.shape {
                specs = [.tuple(items)]
            }
            let sharedX = try arguments.value("x").map { (item) throws(RuntimeError) in try vector(item, arguments, .label("x")) }
            if styles.count != 1 && styles.count != specs.count {
                throw RuntimeError.builtin("\(specs.count) series but \(styles.count) styles", argument: .label("style"))
            }
            if let labels, labels.count != specs.count {
                throw RuntimeError.builtin("\(specs.count) series but \(labels.count) label\(labels.count == 1 ? "" : "s")", argument: .label("labels"))
            }
            var series: [LinePlot.Series] = []
            for (index, spec) in specs.enumerated() {
                let reference = ArgumentReference.position(index)
                var x: [Double], y: [Double]
                switch spec {
                case .function(let f):
                    (x, y) = try sample(f, over: domainValue, count: 201, arguments)
                case .tuple(let pair) where pair.count == 2:
                    x = try vector(pair[0], arguments, reference)
                    y = try vector(pair[1], arguments, reference)
                    guard x.count == y.count else {
                        throw RuntimeError.builtin("x has \(x.count) values but y has \(y.count)", argument: reference)
                    }
                case .tensor(let t) where t.rank == 2 && t.shape.dims[1] == 2:
                    x = stride(from: 0, to: t.value.count, by: 2).map { t.value[flat: $0] }
                    y = stride(from: 1, to: t.value.count, by: 2).map { t.value[flat: $0] }
                default:
                    y = try vector(spec, arguments, reference)
                    x = sharedX ?? y.indices.map(Double.init)
                    guard x.count == y.count else {
                        throw RuntimeError.builtin("x has \(x.count) values but series \(index + 1) has \(y.count)", argument: reference)
                    }
                }
                series.append(.init(name: labels?[index], x: x, y: y, style: styles.count == 1 ? styles[0] : styles[index]))
            }
            let plot = LinePlot(series: series, xLabel: try arguments.string("xlabel"), yLabel: try arguments.string("ylabel"),
                                xLog: try arguments.bool("xlog", default: false), yLog: try arguments.bool("ylog", default: false))
            return try figureValue(Figure(title: try arguments.string("title"), .line(plot)), arguments)
        },
        Builtin("scatter", [required("X"), optional("y"), optional("regions"), optional("grid"), optional("title"),
                            optional("xlabel"), optional("ylabel"), optional("caption"), optional("label")],
                summary: "points of X (shape [n, 2]) coloured by class y, over a classifier's decision regions if given") { (arguments) throws(RuntimeError) in
            let points = try arguments.tensor("X").value
            guard points.rank == 2, points.shape.dims[1] == 2 else {
                throw RuntimeError.builtin("scatter needs points of shape [n, 2], not \(points.shape)", argument: .label("X"))
            }
            let xs = stride(from: 0, to: points.count, by: 2).map { points[flat: $0] }
            let ys = stride(from: 1, to: points.count, by: 2).map { points[flat: $0] }
            var classes: [Int]?
            if arguments.has("y") { classes = try classIndices(try arguments.tensor("y").value, count: xs.count) }
            var regions: ScatterPlot.Regions?
            if let value = arguments.value("regions") {
                regions = try decisionRegions(value, xs: xs, ys: ys, grid: try arguments.int("grid", default: 80), arguments)
            }
            let plot = ScatterPlot(x: xs, y: ys, classes: classes, regions: regions,
                                   xLabel: try arguments.string("xlabel"), yLabel: try arguments.string("ylabel"))
            return try figureValue(Figure(title: try arguments.string("title"), .scatter(plot)), arguments)
        },
        Builtin("contour", [required("f"), optional("x"), optional("y"), optional("paths"), optional("labels"),
                            optional("levels"), optional("grid"), optional("title"), optional("xlabel"), optional("ylabel"), optional("caption"), optional("label")],
                summary: "level curves of f(x, y) over x: (a, b), y: (c, d), with descent paths drawn on them") { (arguments) throws(RuntimeError) in
            let f = try arguments.function("f")
            let xRange = try domain(arguments, "x", default: (-2, 2))
            let yRange = try domain(arguments, "y", default: xRange)
            let grid = try arguments.int("grid", default: 60)
            guard (4...400).contains(grid) else { throw RuntimeError.builtin("grid must be between 4 and 400", argument: .label("grid")) }
            let gx = (0..<grid).map { xRange.0 + (xRange.1 - xRange.0) * Double($0) / Double(grid - 1) }
            let gy = (0..<grid).map { yRange.0 + (yRange.1 - yRange.0) * Double($0) / Double(grid - 1) }
            let interpreter = arguments.interpreter
            let z = try Graph.withoutRecording { () throws(RuntimeError) -> [[Double]] in
                try gy.map { (y) throws(RuntimeError) in
                    try gx.map { (x) throws(RuntimeError) in
                        let result = try interpreter.call(f, [.number(x), .number(y)], at: arguments.callRange)
                        guard case .tensor(let t) = result, let value = t.scalar else {
                            throw RuntimeError.builtin("contour needs f(x, y) to return a number; \(f.name) returned a \(result.typeName)",
                                               argument: .label("f"))
                        }
                        return value
                    }
                }
            }
            var paths: [ContourPlot.Path] = []
            if let value = arguments.value("paths") {
                var items: [Value]
                if case .list(let list) = value { items = list } else { items = [value] }
                if case .tensor(let t) = value, t.rank == 3 { items = (0..<t.shape.dims[0]).map { .tensor(try! t.indexed([.index($0)])) } }
                let labels = try strings(arguments, "labels")
                if let labels, labels.count != items.count {
                    throw RuntimeError.builtin("\(items.count) paths but \(labels.count) labels", argument: .label("labels"))
                }
                paths = try items.enumerated().map { (index, item) throws(RuntimeError) in
                    guard case .tensor(let t) = item, t.rank == 2, t.shape.dims[1] == 2 else {
                        throw RuntimeError.builtin("a path is a tensor of points, shape [steps, 2]", argument: .label("paths"))
                    }
                    let values = t.value.values
                    return .init(name: labels?[index], points: stride(from: 0, to: values.count, by: 2).map { Point(values[$0], values[$0 + 1]) })
                }
            }
            let levels: [Double]? = arguments.has("levels") ? try vector(arguments.value("levels")!, arguments, .label("levels")) : nil
            let plot = ContourPlot(xs: gx, ys: gy, z: z, levels: levels, paths: paths,
                                   xLabel: try arguments.string("xlabel"), yLabel: try arguments.string("ylabel"))
            return try figureValue(Figure(title: try arguments.string("title"), .contour(plot)), arguments)
        },
        Builtin("panels", [variadic("figures"), optional("title"), optional("caption"), optional("label")], summary: "figures side by side") { (arguments) throws(RuntimeError) in
            let figures = try arguments.rest.enumerated().map { (index, item) throws(RuntimeError) -> Figure in
                guard case .object(let object as DisplayObject) = item.value, object.items.count == 1,
                      case .figure(let figure) = object.items[0] else {
                    throw RuntimeError.builtin("panels takes figures, not a \(item.value.typeName)", argument: .position(index))
                }
                return figure
            }
            guard !figures.isEmpty else { throw RuntimeError.builtin("panels needs at least one figure") }
            return try figureValue(Figure(title: try arguments.string("title"), .panels(figures)), arguments)
        },
        Builtin("table", [variadic("values"), optional("rows"), optional("columns"), optional("title"), optional("caption"), optional("label")],
                summary: "a table: one matrix, or one vector per column, with row and column labels") { (arguments) throws(RuntimeError) in
            var columns: [[String]] = []
            let items = arguments.rest
            guard !items.isEmpty else {
                throw RuntimeError.builtin("table needs values: one matrix, or one vector per column",
                                   notes: [.init("table([[1, 2], [3, 4]], columns: [\"a\", \"b\"]) or table(xs, ys, columns: [\"x\", \"y\"])")])
            }
            if items.count == 1, case .tensor(let t) = items[0].value, t.rank == 2 {
                let (rows, width) = (t.shape.dims[0], t.shape.dims[1])
                columns = (0..<width).map { c in (0..<rows).map { NumberFormat.g(t.value[flat: $0 * width + c]) } }
            } else {
                columns = try items.enumerated().map { (index, item) throws(RuntimeError) in
                    switch item.value {
                    case .tensor(let t) where t.rank <= 1: return t.value.values.map { NumberFormat.g($0) }
                    case .list(let values): return values.map { ValueFormatter.text($0) ?? "" }
                    default: throw RuntimeError.builtin("a table column is a vector or a list, not a \(item.value.typeName)", argument: .position(index))
                    }
                }
            }
            let height = columns.map { $0.count }.max() ?? 0
            guard columns.allSatisfy({ $0.count == height }) else { throw RuntimeError.builtin("the columns of a table must have the same length") }
            let rowLabels = try strings(arguments, "rows")
            if let rowLabels, rowLabels.count != height {
                throw RuntimeError.builtin("\(height) rows but \(rowLabels.count) row labels", argument: .label("rows"))
            }
            let headers = try strings(arguments, "columns") ?? []
            if !headers.isEmpty, headers.count != columns.count {
                throw RuntimeError.builtin("\(columns.count) columns but \(headers.count) column labels", argument: .label("columns"))
            }
            let rows = (0..<height).map { r in Table.Row(label: rowLabels?[r], cells: columns.map { $0[r] }) }
            let (caption, label) = try Builtins.caption(arguments)
            return .object(DisplayObject([.table(Table(title: try arguments.string("title"), columns: headers, rows: rows,
                                                       caption: caption, label: label))],
                                         typeName: "a table"))
        },
    ]

    /// Class labels as indices: one per sample, or one-hot rows (their largest entry).
    static func classIndices(_ labels: NDArray, count: Int) throws(RuntimeError) -> [Int] {
        var values = labels.values
        if labels.rank == 2 && labels.shape.dims[1] > 1 {
            let width = labels.shape.dims[1]
            values = (0..<labels.shape.dims[0]).map { row in
                Double((0..<width).max { labels[flat: row * width + $0] < labels[flat: row * width + $1] }!)
            }
        }
        guard values.count == count else {
            throw RuntimeError.builtin("\(values.count) labels for \(count) points", argument: .label("y"))
        }
        return try values.map { (value) throws(RuntimeError) in
            guard value == value.rounded(), value >= 0, value < 1000 else {
                throw RuntimeError.builtin("class labels are whole numbers from 0, not \(NumberFormat.g(value))", argument: .label("y"))
            }
            return Int(value)
        }
    }

    /// A classifier's answer on a grid over the data: argmax of its outputs (or output > ½).
    private static func decisionRegions(_ classifier: Value, xs: [Double], ys: [Double], grid: Int, _ arguments: Arguments) throws(RuntimeError) -> ScatterPlot.Regions {
        guard (4...300).contains(grid) else { throw RuntimeError.builtin("grid must be between 4 and 300", argument: .label("grid")) }
        guard case .object(let object as LayerObject) = classifier else {
            throw RuntimeError.builtin("regions: takes a network (or layer) that classifies points", argument: .label("regions"))
        }
        let (xLow, xHigh) = (xs.min() ?? 0, xs.max() ?? 1), (yLow, yHigh) = (ys.min() ?? 0, ys.max() ?? 1)
        let xMargin = max(xHigh - xLow, 1e-9) * 0.08, yMargin = max(yHigh - yLow, 1e-9) * 0.08
        let gx = (0..<grid).map { xLow - xMargin + (xHigh - xLow + 2 * xMargin) * Double($0) / Double(grid - 1) }
        let gy = (0..<grid).map { yLow - yMargin + (yHigh - yLow + 2 * yMargin) * Double($0) / Double(grid - 1) }
        let points = NDArray(shape: Shape([grid * grid, 2]), values: gy.flatMap { y in gx.flatMap { [$0, y] } })
        let outputs = try Graph.withoutRecording { () throws(RuntimeError) in try engineCall { () throws(EngineError) in try object.layer(Tensor(points)).value } }
        let width = outputs.count / (grid * grid)
        let classes: [Int] = (0..<(grid * grid)).map { i in
            if width == 1 { return outputs[flat: i] > 0.5 ? 1 : 0 }
            return (0..<width).max { outputs[flat: i * width + $0] < outputs[flat: i * width + $1] }!
        }
        return .init(xs: gx, ys: gy, classes: (0..<grid).map { Array(classes[($0 * grid)..<(($0 + 1) * grid)]) })
    }
}
