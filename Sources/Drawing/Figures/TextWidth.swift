/// How wide a text will be, estimated: the figure uses the page's font, which the renderer
/// never sees, so layout reserves room for a fairly wide sans-serif (DejaVu Sans, the
/// widest common default) and errs on the generous side.
enum TextWidth {
    /// Estimated width of `text` at `fontSize` user units.
    static func of(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += width(of: scalar)
        }
        return ems * fontSize
    }

    private static func width(of scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "0"..."9": return 0.64
        case ".", ",", ":", ";", "'", "!", "|": return 0.33
        case "i", "j", "l": return 0.28
        case "f", "t", "r": return 0.42
        case "m", "w": return 0.95
        case "a"..."z": return 0.61
        case "M", "W": return 0.98
        case "I", "J": return 0.35
        case "A"..."Z": return 0.72
        case " ": return 0.32
        case "-", "(", ")", "[", "]": return 0.4
        case "\u{2212}", "+", "=", "<", ">", "*", "\u{00D7}": return 0.84
        default:
            // Greek and other letters about like lowercase; wide symbols and CJK wider.
            return scalar.value >= 0x2E80 ? 1.0 : 0.66
        }
    }
}
