/// A figure as data: what to draw, not how. The site turns it into inline SVG; a notebook
/// records its one-line `summary` and the digest of everything drawn (`Figure+Record`), so
/// any changed point or label makes the notebook stale.
public struct Figure: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case line(LinePlot)
        case scatter(ScatterPlot)
        case contour(ContourPlot)
        case graph(GraphDiagram)
        /// A fully connected network: its layers of units and its weights.
        case network(NetworkDiagram)
        /// Several figures side by side, left to right (wrapping on narrow screens).
        case panels([Figure])
    }

    public var title: String?
    public var content: Content
    /// A caption under the figure, numbered on the page ("Figure 2. ..."), and the label
    /// prose refers to it by (`@fig-label`, `#fig-label`).
    public var caption: String?
    public var label: String?
    /// Set when the content was thinned for drawing (`thinnedForDrawing`): the summary and
    /// digest of the whole figure, which are its record.
    public var wholeRecord: FigureRecord?

    public init(title: String? = nil, _ content: Content) {
        self.title = title
        self.content = content
    }

    /// The summary, then the caption and label when there are: what the record shows, so a
    /// changed caption is a visible change, not only a changed digest.
    public var recordLine: String {
        guard let caption else { return summary }
        let oneLine = String(caption.map { $0.isNewline ? " " : $0 })
        return summary + "; caption: " + oneLine + (label.map { " (fig-\($0))" } ?? "")
    }

    /// One line: the kind, the title, the sizes and the values a reader would check.
    public var summary: String {
        if let wholeRecord { return wholeRecord.summary }
        let titled: (String) -> String = { kind in
            self.title.map { "\(kind) \"\($0)\"" } ?? kind
        }
        switch content {
        case .line(let plot): return titled("plot") + ": " + plot.summary
        case .scatter(let plot): return titled("scatter") + ": " + plot.summary
        case .contour(let plot): return titled("contour") + ": " + plot.summary
        case .graph(let graph): return titled("graph") + ": " + graph.summary
        case .network(let network): return titled("network") + ": " + network.summary
        case .panels(let figures):
            return titled("panels") + ": " + figures.map { $0.summary }.joined(separator: " | ")
        }
    }
}

/// A point in the plane, for paths and markers.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// `lo..hi` of the finite values, written with `NumberFormat`.
func rangeText(_ values: [Double]) -> String {
    let finite = values.filter { $0.isFinite }
    guard let lo = finite.min(), let hi = finite.max() else { return "no finite values" }
    return lo == hi ? NumberFormat.g(lo) : "\(NumberFormat.g(lo))..\(NumberFormat.g(hi))"
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension Figure: Codable {}
extension Figure.Content: Codable {}
extension Point: Codable {}
#endif
