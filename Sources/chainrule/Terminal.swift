import Foundation

/// Where the commands write: stdout for results, stderr for everything else.
enum Terminal {
    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(printable(text).utf8))
    }

    /// `text` with control characters made visible (ESC as `␛`, other C0 characters as their
    /// control pictures, DEL and C1 characters as `�`), keeping line breaks and tabs: a
    /// notebook's text or a forged cache must not drive the terminal that shows a report.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.append(scalar)
                continue
            }
            out.append(scalar.value < 0x20 ? Unicode.Scalar(0x2400 + scalar.value)! : "\u{FFFD}")
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }
}
