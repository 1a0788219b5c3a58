/// What a legend entry shows before its text.
enum Swatch {
    /// A stretch of line and/or a marker, in the series colour (`Palette`).
    case series(index: Int, line: Bool, points: Bool)
    /// A class marker, as in the scatter plot.
    case marker(index: Int)
    /// A descent path: line, dot and arrow.
    case path(index: Int)
}

struct LegendItem {
    var swatch: Swatch
    var text: String
}
