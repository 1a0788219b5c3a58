/// The alphabets of `\mathbf`, `\mathbb`, `\mathcal` and friends.
///
/// Browsers following MathML Core honour only `mathvariant="normal"`, so styled letters are
/// written as the Unicode Mathematical Alphanumeric Symbols (`\mathbf{W}` is U+1D416), which
/// every math font draws and copy-paste keeps.
enum MathFont: Equatable, Sendable {
    case roman, italic, bold, boldItalic, doubleStruck, script, boldScript, fraktur
    case sansSerif, sansSerifBold, monospace

    /// The character for `scalar` in this alphabet. `upright` tells whether the result should
    /// be kept roman by the writer (it matters only for unmapped letters that browsers would
    /// italicize). `defaultUpright` is the letter's own style: TeX sets capital Greek upright.
    func apply(to scalar: Unicode.Scalar, defaultUpright: Bool) -> (text: String, upright: Bool) {
        switch self {
        case .roman:
            return (String(scalar), true)
        case .italic:
            if let capital = MathFont.greekIndex(of: scalar), capital < 25 {
                return (MathFont.mapped(scalar, latin: nil, greek: 0x1D6E2), false)
            }
            return (String(scalar), false)
        case .bold:
            return (MathFont.mapped(scalar, latin: 0x1D400, greek: 0x1D6A8, digits: 0x1D7CE), false)
        case .boldItalic:
            // \boldsymbol keeps upright letters upright, only bolder (\boldsymbol\Gamma).
            if defaultUpright {
                return (MathFont.mapped(scalar, latin: 0x1D400, greek: 0x1D6A8, digits: 0x1D7CE), false)
            }
            return (MathFont.mapped(scalar, latin: 0x1D468, greek: 0x1D71C, digits: 0x1D7CE), false)
        case .doubleStruck:
            return (MathFont.mapped(scalar, latin: 0x1D538, digits: 0x1D7D8, holes: MathFont.doubleStruckHoles), false)
        case .script:
            return (MathFont.mapped(scalar, latin: 0x1D49C, holes: MathFont.scriptHoles), false)
        case .boldScript:
            return (MathFont.mapped(scalar, latin: 0x1D4D0), false)
        case .fraktur:
            return (MathFont.mapped(scalar, latin: 0x1D504, holes: MathFont.frakturHoles), false)
        case .sansSerif:
            return (MathFont.mapped(scalar, latin: 0x1D5A0, digits: 0x1D7E2), false)
        case .sansSerifBold:
            return (MathFont.mapped(scalar, latin: 0x1D5D4, greek: 0x1D756, digits: 0x1D7EC), false)
        case .monospace:
            return (MathFont.mapped(scalar, latin: 0x1D670, digits: 0x1D7F6), false)
        }
    }

    /// Maps A-Z a-z (52 code points from `latin`), the 58-letter Greek block (from `greek`) and
    /// 0-9 (from `digits`). Letters that Unicode encoded earlier, in Letterlike Symbols, are
    /// holes in the block and come from `holes` instead. Anything else is left as it is.
    private static func mapped(_ scalar: Unicode.Scalar, latin: UInt32?, greek: UInt32? = nil,
                               digits: UInt32? = nil, holes: [Unicode.Scalar: UInt32] = [:]) -> String {
        let value = scalar.value
        var result: UInt32?
        if let hole = holes[scalar] {
            result = hole
        } else if let latin, (0x41...0x5A).contains(value) {
            result = latin + value - 0x41
        } else if let latin, (0x61...0x7A).contains(value) {
            result = latin + 26 + value - 0x61
        } else if let digits, (0x30...0x39).contains(value) {
            result = digits + value - 0x30
        } else if let greek, let index = greekIndex(of: scalar) {
            result = greek + UInt32(index)
        }
        return String(result.flatMap(Unicode.Scalar.init) ?? scalar)
    }

    /// The position of a Greek letter in the Unicode math alphabets: 25 capitals (with the
    /// capital theta symbol in the gap at U+03A2), nabla, 25 small letters, then the partial
    /// sign and the six variant forms.
    private static func greekIndex(of scalar: Unicode.Scalar) -> Int? {
        let value = Int(scalar.value)
        switch value {
        case 0x391...0x3A9 where value != 0x3A2: return value - 0x391
        case 0x3F4: return 17
        case 0x2207: return 25
        case 0x3B1...0x3C9: return 26 + value - 0x3B1
        case 0x2202: return 51
        case 0x3F5: return 52
        case 0x3D1: return 53
        case 0x3F0: return 54
        case 0x3D5: return 55
        case 0x3F1: return 56
        case 0x3D6: return 57
        default: return nil
        }
    }

    private static let doubleStruckHoles: [Unicode.Scalar: UInt32] = [
        "C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124,
    ]
    private static let scriptHoles: [Unicode.Scalar: UInt32] = [
        "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112, "M": 0x2133,
        "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134,
    ]
    private static let frakturHoles: [Unicode.Scalar: UInt32] = [
        "C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128,
    ]
}
