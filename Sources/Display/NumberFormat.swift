import CShims

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
        return printf(value, "g", precision: digits)
    }

    /// A whole number that `%g` would round (7 digits or more) written whole, or nil.
    static func whole(_ value: Double) -> String? {
        guard value.magnitude >= 1e6, value.magnitude < wholeLimit, value == value.rounded() else { return nil }
        return String(Int64(value))
    }

    /// `value` as C's printf writes it with `%.<precision><conversion>` (conversion one of
    /// `f F e E g G`): the same C code natively and in WebAssembly, so both write the same
    /// digits.
    public static func printf(_ value: Double, _ conversion: Character, precision: Int) -> String {
        let code = CChar(truncatingIfNeeded: conversion.asciiValue ?? 0)
        let precision = Int32(clamping: precision)
        var small = [CChar](repeating: 0, count: 64)
        let length = Int(chainrule_format_double(&small, small.count, code, precision, value))
        precondition(length >= 0, "printf has no conversion '\(conversion)' for a double")
        if length < small.count { return String(decoding: small[..<length].lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        var large = [CChar](repeating: 0, count: length + 1)
        _ = chainrule_format_double(&large, large.count, code, precision, value)
        return String(decoding: large[..<length].lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
