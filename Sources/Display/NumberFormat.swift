import Foundation

/// How numbers are written everywhere a user reads them: C's `%g` with 6 significant digits.
///
/// `0.731059`, `138.834`, `1.5e-07`, `-4`; negative zero is written `0` (a gradient of `-0`
/// would otherwise make two equal results look different); `nan`, `inf` and `-inf` as C does.
public enum NumberFormat {
    public static let significantDigits = 6

    public static func g(_ value: Double, digits: Int = significantDigits) -> String {
        if value == 0 { return "0" }
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.\(digits)g", value)
    }
}
