import Document

/// Stable ids for a page's headings, from their text: `## The chain rule` is `#the-chain-rule`.
///
/// Lowercase letters and digits (of any script) are kept, runs of anything else become one
/// `-`; a repeated heading gets `-1`, `-2`... in document order. Ids the page template uses
/// start with `cr_`, and a heading id never contains `_`, so the two can never collide.
public struct AnchorNamer: Sendable {
    private var used: Set<String> = []

    public init() {}

    /// The id for the next heading with this text, unique on the page.
    public mutating func name(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The id before deduplication; `section` for a heading with no letters or digits.
    public static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character == "'" || character == "’" {
                // "Newton's method" reads better as newtons-method than newton-s-method.
                continue
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Inline content as a title's source: text, with math back in its `$...$` (so
    /// `TitleText` can draw it), formatting dropped.
    public static func titleSource(_ inlines: [Markup.Inline]) -> String {
        inlines.map { inline in
            if case .math(let tex, _, _) = inline { return "$" + tex + "$" }
            return plainText([inline])
        }.joined()
    }

    /// The text a reader sees in inline content, for ids and search: math as its TeX, code as
    /// written, formatting dropped.
    public static func plainText(_ inlines: [Markup.Inline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let value), .code(let value): text += value
            case .emphasis(let children), .strong(let children), .strikethrough(let children): text += plainText(children)
            case .footnoteReference, .taskMarker, .value, .citation, .crossReference: break
            case .link(_, _, let content, _): text += plainText(content)
            case .image(_, _, let alt, _): text += plainText(alt)
            case .html: break
            case .softBreak, .lineBreak: text += " "
            case .math(let tex, _, _): text += tex
            }
        }
        return text
    }
}
