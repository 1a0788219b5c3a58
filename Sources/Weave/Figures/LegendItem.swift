/// What a legend entry shows before its text.
enum Swatch {
    /// A stretch of line and/or a dot, drawn with the series class (`cr-s0`...).
    case series(index: Int, line: Bool, points: Bool)
    /// A class marker (`cr-c0`...), as in the scatter plot.
    case marker(index: Int)
    /// A descent path: line, dot and arrow (`cr-p0`...).
    case path(index: Int)
}

struct LegendItem {
    var swatch: Swatch
    var text: String
}
