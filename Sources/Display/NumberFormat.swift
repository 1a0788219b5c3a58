import Foundation

/// How numbers are written everywhere a user reads them: C's `%g` with 6 significant digits,
/// except that a whole number is written whole (a count of 20000000 is not `2e+07`).
///
/// `0.731059`, `138.834`, `1.5e-07`, `-4`, `3628800`; negative zero is written `0` (a
/// gradient of `-0` would otherwise make two equal results look different); `nan`, `inf` and
/// `-inf` as C does.
public enum NumberFormat {
    public static let significantDigits = 6
    /// Whole numbers below this are written in full: every one of them is exact in a double.
    static let wholeLimit = 9_007_199_254_740_992.0

    public static func g(_ value: Double, digits: Int = significantDigits) -> String {
        if value == 0 { return "0" }
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if digits == significantDigits, let whole = whole(value) { return whole }
        return String(format: "%.\(digits)g", value)
    }

    /// A whole number that `%g` would round (7 digits or more) written whole, or nil.
    static func whole(_ value: Double) -> String? {
        guard value.magnitude >= 1e6, value.magnitude < wholeLimit, value == value.rounded() else { return nil }
        return String(Int64(value))
    }
}
