/// Paths within a project and within a site, as `/`-separated text, handled lexically (no
/// file system): the same notebooks give the same links on every machine.
public enum SitePath {
    /// `a/./b/../c.md` is `a/c.md`; a leading `./` goes; `..` that climbs above the start is
    /// kept (`../x.md`) so the caller can tell a path that leaves its folder.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == ".." && absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// The folder part of a path (`a/b/c.md` is `a/b`, `c.md` is ``).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `folder` and `relative` joined and normalized.
    public static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        return normalize(folder.isEmpty ? relative : folder + "/" + relative)
    }

    /// Whether a normalized path climbs out of its starting folder.
    public static func leavesFolder(_ path: String) -> Bool {
        path == ".." || path.hasPrefix("../") || path.hasPrefix("/")
    }

    /// The link from the page at `from` to the file at `to`, both relative to the site's
    /// root: `a/b.html` to `c.html` is `../c.html`.
    public static func relative(from: String, to: String) -> String {
        let fromParts = directory(of: from).split(separator: "/")
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// The prefix that leads from a page back to the site's root (`""` or `../../`).
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// A site path as it goes into an `href`: bytes that a URL cannot hold as they are (space,
    /// `#`, `?`, `%`, non-ASCII...) percent-encoded, `/` kept. A `:` is encoded too: in the
    /// first segment of a relative URL it would make the name a scheme
    /// (`javascript:alert(1).html`).
    public static func url(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/!$&'()*+,;=@".unicodeScalars.contains(scalar)
            if safe {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// `notes/xor.md` becomes `notes/xor.html`.
    public static func page(forNotebook relative: String) -> String {
        (relative.hasSuffix(".md") ? String(relative.dropLast(3)) : relative) + ".html"
    }
}
