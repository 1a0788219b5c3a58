import Display

/// What a legend entry shows before its text.
enum Swatch {
    /// A stretch of the series' line (solid, dashed or dotted) and/or its marker, in its
    /// colour, so the legend shows each series as it is drawn.
    case series(index: Int, style: LinePlot.Style)
    /// A class marker, as in the scatter plot.
    case marker(index: Int)
    /// A descent path: line, dot and arrow.
    case path(index: Int)
}

struct LegendItem {
    var swatch: Swatch
    var text: String
}
