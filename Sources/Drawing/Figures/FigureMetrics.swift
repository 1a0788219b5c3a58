/// The standard sizes and type of a figure, in user units.
struct FigureMetrics {
    var width: Double
    var height: Double
    var padding = 10.0
    var titleSize = 15.0
    var labelSize = 13.0
    var tickSize = 12.0
    var legendSize = 12.5
    var contourLabelSize = 12.0

    /// The smallest text the figure draws.
    var smallestText: Double { min(titleSize, labelSize, tickSize, legendSize, contourLabelSize) }

    /// A figure on its own in a text column.
    static let standard = FigureMetrics(width: 640, height: 400)
    /// The same figure laid out again for a phone, and one of two or three panels side by
    /// side: a smaller canvas with the same type, so its text is drawn at least at its size
    /// on a 390 px phone (whose column is about 366 px) and stays legible when panels share
    /// a column.
    static let narrow = FigureMetrics(width: 340, height: 300)

    /// The smallest text a reader should see, in CSS pixels.
    static let legibleSize = 11.0
    /// The smallest a circuit's text may shrink to on a wide screen (a phone keeps
    /// `legibleSize`), so that the course's circuits fit a laptop's column whole rather than
    /// scroll a little.
    static let wideLegibleSize = 10.0

    /// The narrowest box in which a figure drawn with these metrics keeps its smallest text
    /// at `legibleSize`: below it the figure is shown laid out with `narrow`.
    var narrowestLegibleBox: Double { width * FigureMetrics.legibleSize / smallestText }

    /// How much wider than its canvas the phone's layout may be shown (its text grows by as
    /// much), so that it fills a phone's column rather than sitting in the middle of it.
    static let narrowGrowth = 1.3
}
