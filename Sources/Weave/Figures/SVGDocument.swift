/// The `<svg>` element around one figure.
enum SVGDocument {
    /// Wraps `body` in a responsive, accessible root element.
    static func wrap(
        body: String, width: Double, height: Double, title: String, summary: String,
        extraClass: String? = nil, minWidth: Double? = nil
    ) -> String {
        var svg = SVGWriter()
        let w = SVGWriter.n(width)
        let h = SVGWriter.n(height)
        let style = "max-width:\(w)px" + (minWidth.map { ";min-width:\(SVGWriter.n($0))px" } ?? "")
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", extraClass.map { "cr-fig " + $0 } ?? "cr-fig"),
            ("viewBox", "0 0 \(w) \(h)"), ("width", "100%"), ("style", style),
            ("role", "img"), ("aria-label", summary), ("font-size", "12"),
        ])
        svg.element("title", content: title)
        svg.raw(body)
        svg.close("svg")
        return svg.text
    }
}
