/// The colours of series, classes and paths: one list in one order for every figure kind and
/// both themes, so the first line of a plot, the first class of a scatter plot and the first
/// path on a contour plot are one colour, and a page's figures agree.
///
/// Okabe and Ito's colour-blind-safe colours, darkened where needed for at least 3:1
/// contrast on white (lines, markers) and lightened for the dark theme.
enum Palette {
    struct Colour {
        var light: String
        var dark: String
    }

    static let colours: [Colour] = [
        Colour(light: "#0072b2", dark: "#56b4e9"),
        Colour(light: "#d55e00", dark: "#ff8c42"),
        Colour(light: "#008a62", dark: "#2fc79d"),
        Colour(light: "#bb5c9b", dark: "#e59cc6"),
        Colour(light: "#a87400", dark: "#f0b429"),
        Colour(light: "#3a8fc7", dark: "#9ad0f5"),
        Colour(light: "#6e6e6e", dark: "#b0b0b0"),
        Colour(light: "#8f7a00", dark: "#f0e442"),
    ]

    /// The slot of the `index`th series (or class, or path): the list repeats.
    static func slot(_ index: Int) -> Int {
        ((index % colours.count) + colours.count) % colours.count
    }

    /// The class that gives an element the `index`th colour. Every kind of mark takes it;
    /// the stylesheet says whether a mark is stroked or filled with `--cr-colour`.
    static func colourClass(_ index: Int) -> String {
        "cr-s\(slot(index))"
    }

    /// `--cr-series-N` declarations for one theme, one a line, lines after the first indented.
    static func properties(dark: Bool, indent: String) -> String {
        colours.enumerated().map { index, colour in
            "--cr-series-\(index): \(dark ? colour.dark : colour.light);"
        }.joined(separator: "\n" + indent)
    }

    /// One rule per slot: the class sets `--cr-colour`, which the marks draw with.
    static var slotRules: String {
        colours.indices.map { ".cr-fig .cr-s\($0) { --cr-colour: var(--cr-series-\($0)); }" }.joined(separator: "\n")
    }
}
