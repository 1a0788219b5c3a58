/// The standard sizes and type of a figure, in user units.
struct FigureMetrics {
    var width: Double
    var height: Double
    var padding = 10.0
    var titleSize = 15.0
    var labelSize = 13.0
    var tickSize = 12.0
    var legendSize = 12.5

    /// A figure on its own in a text column.
    static let standard = FigureMetrics(width: 640, height: 400)
    /// One of two or three panels side by side (smaller canvas, same type size, so the
    /// text stays legible when the panels are scaled to share a column).
    static let panel = FigureMetrics(width: 400, height: 300)
}
