/// The addresses a bibliography may link to: `http:` and `https:` URLs, and DOIs as
/// `https://doi.org/...`. Anything else (`javascript:`, `file:`, a relative path) is never a
/// link, whatever the .bib file says.
enum WebAddress {
    /// `url` if it is an absolute `http:` or `https:` URL with a host and no spaces or
    /// control characters; nil otherwise.
    static func httpURL(_ url: String) -> String? {
        let trimmed = url.trimmingSpaces
        let lowered = trimmed.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = trimmed.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = trimmed.dropFirst(7)
        } else {
            return nil
        }
        guard let hostStart = rest.first, hostStart != "/" else { return nil }
        for scalar in trimmed.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar == "\"" || scalar == "<" || scalar == ">" || scalar == "\u{00A0}"
            {
                return nil
            }
        }
        return trimmed
    }

    /// The `https://doi.org/` URL of a DOI written bare (`10.1038/323533a0`), with a `doi:`
    /// prefix, or as a doi.org URL; nil if it is not a DOI (see `doiName`). Characters that
    /// a URL path cannot hold are percent-encoded.
    static func doiURL(_ doi: String) -> String? {
        guard let name = doiName(doi) else { return nil }
        var encoded = "https://doi.org/"
        for byte in name.utf8 {
            if Self.isKeptInPath(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }

    /// The DOI itself, without a `doi:` or doi.org prefix, if it is one: DOIs start with
    /// "10." and hold a "/" between prefix and suffix.
    static func doiName(_ doi: String) -> Substring? {
        var name = Substring(doi.trimmingSpaces)
        if !name.hasPrefix("10.") {
            let lowered = name.lowercased()
            for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
            where lowered.hasPrefix(prefix) {
                name = name.dropFirst(prefix.count)
                break
            }
        }
        return name.hasPrefix("10.") && name.contains("/") ? name : nil
    }

    /// ASCII letters, digits and the punctuation a URL path holds as itself.
    private static func isKeptInPath(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~/:;()[]!*+,=@$&'".utf8.contains(byte)
        }
    }

    /// An address as written in a .bib file, with TeX's escapes (`\_`, `\%`, `\#`, `\&`,
    /// `\~`) undone and braces removed: a URL cannot hold a brace unencoded.
    static func unescaped(_ tex: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = tex.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "{", "}":
                continue
            case "\\":
                if let next = scalars.next() { result.append(next) }
            default:
                result.append(scalar)
            }
        }
        return String(result).trimmingSpaces
    }
}
