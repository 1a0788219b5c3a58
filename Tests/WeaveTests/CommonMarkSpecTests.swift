import Foundation
import Testing
@testable import Weave

/// The 652 examples of the CommonMark spec 0.30 (`Fixtures/commonmark-spec-0.30.json`, taken
/// from the spec's `spec.txt` as cmark 0.30.2 ships it; the spec is CC-BY-SA 4.0, John
/// MacFarlane), each drawn by the page renderer with raw HTML allowed and compared with the
/// spec's HTML once both are normalized the way cmark's own `normalize.py` does and
/// Chainrule's additions to the markup (heading ids and anchors, classes) are set aside.
///
/// Every example that differs must be one of `intendedDifferences`, with the reason: a new
/// difference fails the test, and so does an intended one that stopped differing (the list
/// must stay true). Run alone, the suite prints the pass rate:
/// `swift test --filter CommonMarkSpecTests`.
@Suite struct CommonMarkSpecTests {
    struct Example: Decodable, Sendable {
        var example: Int
        var section: String
        var markdown: String
        var html: String
    }

    /// Where Chainrule means to differ from CommonMark in what a page links to: each is
    /// applied to the spec's HTML, and an example that then agrees differs only as intended.
    static let intendedRewrites: [(reason: String, apply: @Sendable (String) -> String)] = [
        // A page may sit in a subfolder and the site is opened from disk, where `/` is the
        // disk's root: a path from the site's root becomes one relative to the page.
        ("a link to /path is relative to the site's root", { $0.replacingOccurrences(of: #"(href|src)="/"#, with: "$1=\"", options: .regularExpression) }),
        ("images load lazily", { $0.replacingOccurrences(of: "<img ", with: "<img loading=\"lazy\" ") }),
        ("a link to a notebook goes to its page", { $0.replacingOccurrences(of: #"href="\./([^"]*)\.md""#, with: "href=\"$1.html\"", options: .regularExpression) }),
        // A relative path with a colon could be read as a scheme (`c:x`), so it is encoded.
        ("a colon in a relative path is percent-encoded", { html in
            html.replacingOccurrences(of: #"href="([^":/]*):([^"]*)""#, with: "href=\"$1%3A$2\"", options: .regularExpression) }),
    ]

    /// Examples that differ otherwise, each with the reason.
    static let intendedDifferences: [Int: String] = [
        607: "GitHub's extended autolinks: a bare URL is a link",
        610: "GitHub's extended autolinks: a bare URL is a link",
        611: "GitHub's extended autolinks: a bare email address is a link",
    ]

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/commonmark-spec-0.30.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Example].self, from: data)) ?? []
    }()

    @Test func theSpecExamplesAgreeButForTheIntendedDifferences() throws {
        #expect(Self.examples.count == 652)
        var exact = 0, rewritten = 0
        var unexpected: [String] = []
        var stale: [Int] = []
        for example in Self.examples {
            // Under a title of its own, so that an opening `# Heading` stays in the body (it
            // would be the page's title) and an opening `---` is not front matter.
            let fixture = try PageFixture("---\ntitle: Spec\n---\n" + example.markdown, rawHTML: true)
            let ours = SpecHTML.normalize(SpecHTML.withoutChainruleMarkup(fixture.html))
            let theirs = SpecHTML.normalize(example.html)
            let listed = Self.intendedDifferences[example.example] != nil
            if ours == theirs {
                exact += 1
                if listed { stale.append(example.example) }
            } else if ours == SpecHTML.normalize(Self.intendedRewrites.reduce(example.html) { $1.apply($0) }) {
                rewritten += 1
                if listed { stale.append(example.example) }
            } else if !listed {
                unexpected.append("example \(example.example) (\(example.section)):\n  markdown: \(example.markdown.debugDescription)\n  spec:     \(theirs)\n  ours:     \(ours)")
            }
        }
        let total = Self.examples.count
        print("CommonMark 0.30 spec, \(total) examples: \(exact) agree exactly, \(rewritten) differ only in where links go "
              + "(\(Self.intendedRewrites.map(\.reason).joined(separator: "; "))), \(Self.intendedDifferences.count) differ by GitHub's extensions")
        #expect(unexpected.isEmpty, "\(unexpected.count) examples differ:\n\(unexpected.joined(separator: "\n"))")
        #expect(stale.isEmpty, "listed as differences but agree: \(stale)")
    }
}

/// HTML made comparable, after cmark's `test/normalize.py`: whitespace around and inside
/// block tags dropped, runs of whitespace outside `<pre>` collapsed, attributes sorted,
/// `<br />` as `<br>`, character references resolved where the HTML means the same.
enum SpecHTML {
    /// What Chainrule adds to the markup: heading ids and their anchor links, the classes
    /// and attributes of code listings (which scroll: see `HTML.scrollingRegion`).
    static func withoutChainruleMarkup(_ html: String) -> String {
        var text = html
        let replacements: [(String, String)] = [
            (##"<a class="cr-anchor" href="#[^"]*" aria-label="Link to this section">#</a>"##, ""),
            (#"<h([1-6]) id="[^"]*">"#, "<h$1>"),
            (#"<pre class="cr-listing"( data-lang="[^"]*")? tabindex="0" role="region" aria-label="Listing \d+">"#, "<pre>"),
        ]
        for (pattern, replacement) in replacements {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button", "object",
        "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div", "section", "dl",
        "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead",
        "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]

    /// One piece of HTML: a tag (with its name, lower case) or text.
    private enum Piece {
        case tag(name: String, closing: Bool, text: String)
        case text(String)
    }

    static func normalize(_ html: String) -> String {
        var pieces: [Piece] = []
        var rest = html[...]
        while !rest.isEmpty {
            if rest.hasPrefix("<"), let end = tagEnd(rest) {
                let raw = String(rest[..<end])
                pieces.append(tag(raw))
                rest = rest[end...]
            } else {
                let next = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
                pieces.append(.text(String(rest[..<next])))
                rest = rest[next...]
            }
        }
        var out = ""
        var inPre = false
        var lastWasBlock = true
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .tag(let name, let closing, let text):
                if name == "pre" { inPre = !closing }
                out += text
                lastWasBlock = blockTags.contains(name)
            case .text(var text):
                text = resolveReferences(text)
                if !inPre {
                    text = collapse(text)
                    if lastWasBlock { text = String(text.drop { $0 == " " }) }
                    if case .tag(let name, _, _)? = pieces.dropFirst(index + 1).first, blockTags.contains(name) {
                        while text.hasSuffix(" ") { text.removeLast() }
                    }
                }
                out += escape(text)
                lastWasBlock = false
            }
        }
        return out
    }

    private static func tagEnd(_ text: Substring) -> Substring.Index? {
        // A comment, a processing instruction, a declaration or CDATA runs to its own end.
        for (open, close) in [("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">")] where text.hasPrefix(open) {
            return text.range(of: close, range: text.index(text.startIndex, offsetBy: open.count)..<text.endIndex)?.upperBound
        }
        guard text.count > 1, let second = text.dropFirst().first, second.isLetter || second == "/" else { return nil }
        var quote: Character?
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return text.index(after: index)
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// A tag with its name lower-cased, its attributes sorted and `/>` as `>`.
    private static func tag(_ raw: String) -> Piece {
        guard raw.hasPrefix("</") || (raw.count > 1 && raw.dropFirst().first!.isLetter) else { return .tag(name: "", closing: false, text: raw) }
        let closing = raw.hasPrefix("</")
        var body = raw.dropFirst(closing ? 2 : 1).dropLast()
        if body.hasSuffix("/") { body = body.dropLast() }
        let name = String(body.prefix { !$0.isWhitespace }).lowercased()
        var attributes: [String] = []
        var rest = body.dropFirst(name.count)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { break }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            rest = rest.dropFirst(key.count).drop { $0.isWhitespace }
            var value: String?
            if rest.hasPrefix("=") {
                rest = rest.dropFirst().drop { $0.isWhitespace }
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let inner = rest.dropFirst().prefix { $0 != quote }
                    value = String(inner)
                    rest = rest.dropFirst(inner.count + 2)
                } else {
                    let inner = rest.prefix { !$0.isWhitespace }
                    value = String(inner)
                    rest = rest.dropFirst(inner.count)
                }
            }
            if key.isEmpty { break }
            attributes.append(key.lowercased() + (value.map { "=\"" + escape(resolveReferences($0), attribute: true) + "\"" } ?? ""))
        }
        let text = "<" + (closing ? "/" : "") + name + attributes.sorted().map { " " + $0 }.joined() + ">"
        return .tag(name: name, closing: closing, text: text)
    }

    private static func collapse(_ text: String) -> String {
        var out = ""
        var space = false
        for character in text {
            if character == " " || character == "\n" || character == "\t" || character == "\r" {
                space = true
            } else {
                if space { out.append(" ") }
                space = false
                out.append(character)
            }
        }
        if space { out.append(" ") }
        return out
    }

    private static func resolveReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (reference, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&apos;", "'"), ("&gt;", ">"), ("&lt;", "<"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: reference, with: character)
        }
        return out
    }

    private static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
