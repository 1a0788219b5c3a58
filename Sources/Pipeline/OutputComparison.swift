import Foundation

/// Whether a block's output matches its record: exactly, or with a relative tolerance on
/// the numbers in it (for notebooks whose last digits differ across platforms).
public enum OutputComparison {
    public static func matches(_ recorded: String, _ now: String, rtol: Double?) -> Bool {
        if recorded == now { return true }
        guard let rtol, rtol > 0 else { return false }
        let (textA, numbersA) = split(recorded), (textB, numbersB) = split(now)
        guard textA == textB, numbersA.count == numbersB.count else { return false }
        return zip(numbersA, numbersB).allSatisfy { a, b in
            if a == b || (a.isNaN && b.isNaN) { return true }
            return abs(a - b) <= rtol * max(abs(a), abs(b))
        }
    }

    /// The digest at the end of a line of a record (`... log y #62dab3291854`), if any.
    public static func digest<S: StringProtocol>(in line: S) -> String? {
        let length = 12
        let scalars = Array(line.unicodeScalars.suffix(length + 2))
        guard scalars.count == length + 2, scalars[0] == " ", scalars[1] == "#",
              scalars.dropFirst(2).allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else { return nil }
        return String(String.UnicodeScalarView(scalars.dropFirst(2)))
    }

    /// The text with every number replaced by a marker, and the numbers in order. A digest
    /// (`#62dab3291854`) is text: it must match exactly, whatever the tolerance.
    static func split(_ text: String) -> (String, [Double]) {
        var skeleton = "", numbers: [Double] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        while i < scalars.count {
            let c = scalars[i]
            if c == "#" {
                var j = i + 1
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || ("a"..."f").contains(scalars[j]) { j += 1 }
                skeleton += String(String.UnicodeScalarView(scalars[i..<j]))
                i = j
                continue
            }
            let startsNumber = isDigit(c) || ((c == "-" || c == ".") && i + 1 < scalars.count && isDigit(scalars[i + 1]))
            let partOfWord = i > 0 && (scalars[i - 1].properties.isAlphabetic || scalars[i - 1] == "_")
            guard startsNumber && !partOfWord else {
                skeleton.unicodeScalars.append(c)
                i += 1
                continue
            }
            var j = i + 1
            while j < scalars.count, isDigit(scalars[j]) || scalars[j] == "." { j += 1 }
            if j < scalars.count, scalars[j] == "e" || scalars[j] == "E" {
                var k = j + 1
                if k < scalars.count, scalars[k] == "+" || scalars[k] == "-" { k += 1 }
                if k < scalars.count, isDigit(scalars[k]) {
                    j = k
                    while j < scalars.count, isDigit(scalars[j]) { j += 1 }
                }
            }
            let token = String(String.UnicodeScalarView(scalars[i..<j]))
            if let value = Double(token) {
                numbers.append(value)
                skeleton += "\u{0}"
            } else {
                skeleton += token
            }
            i = j
        }
        return (skeleton, numbers)
    }
}
