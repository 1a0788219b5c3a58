// What Foundation gave the drawing code, written for Embedded Swift, which has no Foundation.

extension StringProtocol {
    /// The text with every `scalar` replaced by `replacement`. By Unicode scalar, as
    /// Foundation's `replacingOccurrences` found a one-scalar string: the line feed of a CR LF
    /// is replaced too, though the two are one `Character` (Foundation kept one that a
    /// combining mark follows; this does not).
    func replacingScalar(_ scalar: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for each in unicodeScalars {
            if each == scalar { out += replacement } else { out.unicodeScalars.append(each) }
        }
        return out
    }
}

extension String {
    /// Without the spaces and tabs at either end, as Foundation's `CharacterSet.whitespaces`
    /// had them: Unicode's space separators, the tab, and the zero width space, which was one
    /// in the Unicode its tables come from. Line breaks stay.
    var trimmingSpacesAndTabs: String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
        guard let first = unicodeScalars.firstIndex(where: { !isSpace($0) }),
              let last = unicodeScalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(unicodeScalars[first...last])
    }
}
