import Display

/// Turns a `Figure` (plain data) into inline SVG for a page.
///
/// Every drawn element carries a class (`cr-line`, `cr-s0`, `cr-grid`...) and the page's
/// stylesheet (`FigureRenderer.stylesheet`) gives the colours, so one SVG reads well in
/// light and dark mode. Text uses the page's font. Output is deterministic: the same
/// figure gives the same bytes.
public struct FigureRenderer: Sendable {
    public init() {}

    /// Inline SVG for one figure. `id` is unique within the page and prefixes every element
    /// id (clip paths), so several figures can share a page; characters that an id cannot
    /// hold become `_`.
    ///
    /// Panels become a `div.cr-panels` of one `svg` per panel, which the stylesheet lays
    /// out side by side and wraps on narrow screens. A computation graph is a `div.cr-diagram`:
    /// its title, the circuit in a `div.cr-scroll`, and its colour key (see `diagram`). The
    /// `div.cr-scroll` is a region a keyboard can reach and scroll, called `name` ("Figure 2"),
    /// or its title; the page's script takes that off when the circuit fits.
    public func svg(_ figure: Figure, id: String, name: String? = nil) -> String {
        render(figure, id: SVGWriter.identifier(id), metrics: .standard, name: name)
    }

    /// A plot on its own is drawn twice, and the width of the box it is in picks one (see
    /// `stylesheet`): as wide as the column when the column keeps its smallest text legible,
    /// and laid out again on the narrow canvas of a phone, with fewer ticks and its labels
    /// placed for that width, rather than shrunk until its text is too small to read.
    private func render(_ figure: Figure, id: String, metrics: FigureMetrics, name: String?) -> String {
        let title = figure.title.flatMap { $0.isEmpty ? nil : $0 }
        switch figure.content {
        case .graph(let graph):
            return diagram(graph, title: title, summary: figure.summary, id: id, name: name)
        case .network(let network):
            return diagram(network, title: title, summary: figure.summary, name: name)
        case .panels(let figures):
            return panels(figures, title: title, id: id, name: name)
        case .line, .scatter, .contour:
            guard metrics.width > FigureMetrics.narrow.width else { return plot(figure, title: title, id: id, metrics: metrics) }
            return "<div class=\"cr-reflow\">"
                + plot(figure, title: title, id: id, metrics: metrics, extraClass: "cr-wide")
                + plot(figure, title: title, id: id + "-n", metrics: .narrow, extraClass: "cr-narrow",
                       maxWidth: FigureMetrics.narrow.width * FigureMetrics.narrowGrowth)
                + "</div>"
        }
    }

    /// One line, scatter or contour plot as an `svg`.
    private func plot(_ figure: Figure, title: String?, id: String, metrics: FigureMetrics,
                      extraClass: String? = nil, maxWidth: Double? = nil) -> String {
        let body: (body: String, width: Double, height: Double)
        switch figure.content {
        case .line(let plot):
            body = LinePlotRenderer(plot: plot, title: title, metrics: metrics, id: id).render()
        case .scatter(let plot):
            body = ScatterPlotRenderer(plot: plot, title: title, metrics: metrics, id: id).render()
        case .contour(let plot):
            body = ContourPlotRenderer(plot: plot, title: title, metrics: metrics, id: id).render()
        case .graph, .network, .panels:
            return ""
        }
        return SVGDocument.wrap(
            body: body.body, width: body.width, height: body.height,
            title: title ?? FigureRenderer.kindName(figure.content), summary: figure.summary,
            extraClass: extraClass, maxWidth: maxWidth
        )
    }

    /// Panels as a flex row of separate SVGs rather than one wide SVG: each panel keeps a
    /// legible text size and the row wraps on a phone instead of shrinking.
    private func panels(_ figures: [Figure], title: String?, id: String, name: String?) -> String {
        var html = SVGWriter()
        // Named by its title, or by what it is: each panel has its own summary, which a
        // screen reader would otherwise read twice.
        html.open("div", [("class", "cr-panels"), ("role", "group"), ("aria-label", title ?? "\(figures.count) figures side by side")])
        if let title {
            html.element("div", [("class", "cr-panels-title")], content: title)
        }
        html.open("div", [("class", "cr-panels-row")])
        for (index, figure) in figures.enumerated() {
            let metrics: FigureMetrics = figures.count == 1 ? .standard : .narrow
            html.raw(render(figure, id: "\(id)-p\(index)", metrics: metrics, name: name.map { $0 + ", panel \(index + 1)" }))
        }
        html.close("div")
        html.close("div")
        return html.text
    }

    /// A circuit diagram shrinks to fit the column down to the scale at which its labels are
    /// still legible (`FigureMetrics.legibleSize`), and no further: a wider circuit scrolls sideways, and
    /// the stylesheet shades the edge where more of it is and writes "scroll sideways" under
    /// it. Shrinking a wide circuit to fit a phone would make its numbers unreadable, and
    /// wrapping it would cut its wires, so scrolling reads best once shrinking stops. The
    /// title and the colour key are HTML outside the scrolling part, so they stay in view,
    /// centred on the column, whatever is scrolled.
    private func diagram(_ graph: GraphDiagram, title: String?, summary: String, id: String, name: String?) -> String {
        let rendered = GraphDiagramRenderer(graph: graph, id: id).render()
        var html = SVGWriter()
        html.open("div", [("class", "cr-diagram")])
        if let title {
            html.element("div", [("class", "cr-diagram-title")], content: title)
        }
        html.open("div", [("class", "cr-scroll"), ("tabindex", "0"), ("role", "region"),
                          ("aria-label", name ?? title ?? FigureRenderer.kindName(.graph(graph)))])
        html.raw(SVGDocument.wrap(
            body: rendered.body, width: rendered.width, height: rendered.height,
            title: title ?? FigureRenderer.kindName(.graph(graph)), summary: summary,
            extraClass: "cr-graph",
            minWidths: (wide: rendered.width * min(1, FigureMetrics.wideLegibleSize / rendered.fontSize),
                        phone: rendered.width * min(1, FigureMetrics.legibleSize / rendered.fontSize))
        ))
        html.close("div")
        if let key = rendered.key {
            html.open("div", [("class", "cr-diagram-key")])
            html.element("span", [("class", "cr-fwd")], content: "green")
            html.characters(": forward value (above a wire)")
            if key == .valuesAndGradients {
                html.characters(" \u{00B7} ")
                html.element("span", [("class", "cr-grad")], content: "red")
                html.characters(": gradient of the output (below)")
            }
            html.close("div")
        }
        html.close("div")
        return html.text
    }

    /// A network is a diagram as a circuit is, its title above it as HTML; its key is part
    /// of the drawing. It shrinks to fit the column while its text stays legible (its
    /// renderer's `minimumScale`), and scrolls past that, in a region a keyboard can reach.
    private func diagram(_ network: NetworkDiagram, title: String?, summary: String, name: String?) -> String {
        let rendered = NetworkDiagramRenderer(network: network).render()
        var html = SVGWriter()
        html.open("div", [("class", "cr-diagram")])
        if let title {
            html.element("div", [("class", "cr-diagram-title")], content: title)
        }
        html.open("div", [("class", "cr-scroll"), ("tabindex", "0"), ("role", "region"),
                          ("aria-label", name ?? title ?? FigureRenderer.kindName(.network(network)))])
        let minimum = rendered.width * rendered.minimumScale
        html.raw(SVGDocument.wrap(
            body: rendered.body, width: rendered.width, height: rendered.height,
            title: title ?? FigureRenderer.kindName(.network(network)), summary: summary,
            extraClass: "cr-network", minWidths: (wide: minimum, phone: minimum)
        ))
        html.close("div")
        html.close("div")
        return html.text
    }

    /// Whether the figure draws a diagram that may scroll: a computation graph or a network.
    static func hasCircuit(_ figure: Figure) -> Bool {
        switch figure.content {
        case .graph, .network: return true
        case .panels(let figures): return figures.contains(where: hasCircuit)
        default: return false
        }
    }

    /// What the `<title>` says when the figure has no title.
    static func kindName(_ content: Figure.Content) -> String {
        switch content {
        case .line: return "Line plot"
        case .scatter: return "Scatter plot"
        case .contour: return "Contour plot"
        case .graph: return "Computation graph"
        case .network: return "Network diagram"
        case .panels: return "Figures"
        }
    }
}
