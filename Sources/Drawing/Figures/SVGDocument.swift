/// The `<svg>` element around one figure.
enum SVGDocument {
    /// Wraps `body` in a responsive, accessible root element, shown at most `maxWidth` px wide
    /// (its own width unless said) and, with `minWidths`, at least as wide as those say on a
    /// wide screen and on a phone (`--cr-min-width`, `--cr-phone-min-width`, which the
    /// figures' stylesheet applies).
    static func wrap(
        body: String, width: Double, height: Double, title: String, summary: String,
        extraClass: String? = nil, minWidths: (wide: Double, phone: Double)? = nil, maxWidth: Double? = nil
    ) -> String {
        var svg = SVGWriter()
        let w = SVGWriter.n(width)
        let h = SVGWriter.n(height)
        let style = "max-width:\(SVGWriter.n(maxWidth ?? width))px"
            + (minWidths.map { ";--cr-min-width:\(SVGWriter.n($0.wide))px;--cr-phone-min-width:\(SVGWriter.n($0.phone))px" } ?? "")
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
