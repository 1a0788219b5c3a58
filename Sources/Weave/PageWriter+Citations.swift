import Bibliography
import Diagnostics
import Document
import TeXMath

/// Citations (`[@key]`), the list of references at the end of the page, and references to
/// the page's numbered figures, tables, equations and sections (`@fig-loss`).
extension PageWriter {
    /// Every key cited on the page, in order, for the style's year letters.
    static func citedKeys(_ blocks: [Markup.Block]) -> [String] {
        blocks.flatMap(\.allBlocks).flatMap(\.inlineRuns).flatMap { $0 }.flatMap(\.allInlines).flatMap { inline -> [String] in
            if case .citation(let citation, _) = inline { return citation.keys }
            return []
        }
    }

    mutating func citation(_ citation: Citation) -> String {
        guard let style = citationStyle else {
            // Without a bibliography it is nobody's citation (the lint has reported one in
            // brackets): the page shows it as written.
            return HTML.escape(Self.source(of: citation))
        }
        let styled = style.format(citation)
        section.text += " " + styled.plainText
        let target = citation.keys.first { renderer.bibliography?.entry(forKey: $0) != nil }
        let inner = Self.html(styled)
        guard let target else { return "<span class=\"cr-cite\">" + inner + "</span>" }
        return "<a class=\"cr-cite\" href=\"#ref-" + Self.referenceID(target) + "\">" + inner + "</a>"
    }

    /// A citation as pandoc's syntax writes it.
    static func source(of citation: Citation) -> String {
        let items = citation.items.map { item -> String in
            let key = (item.mode == .suppressAuthor ? "-@" : "@") + item.key
            return [item.prefix, key].filter { !$0.isEmpty }.joined(separator: " ") + (item.locator.isEmpty ? "" : ", " + item.locator)
        }
        if citation.isInText { return items.joined(separator: "; ") }
        return "[" + items.joined(separator: "; ") + "]"
    }

    /// The references cited on the page, sorted as the style sorts them.
    mutating func references() {
        guard let style = citationStyle, !style.referenceList.isEmpty else { return }
        html += "<section class=\"cr-references\" aria-labelledby=\"cr-references\">\n<h2 id=\"cr-references\">References</h2>\n<ul class=\"cr-reference-list\">\n"
        for entry in style.referenceList {
            html += "<li id=\"ref-" + Self.referenceID(entry.key) + "\">" + Self.html(entry.content) + "</li>\n"
            section.text += " " + entry.content.plainText
        }
        html += "</ul>\n</section>\n"
    }

    /// `@fig-loss` as "Figure 2", `@tbl-deltas` as "Table 1", `@eq-delta` as "(3)",
    /// `@sec-the-chain-rule` as the heading's text, each a link. The lint reports unknown
    /// ones (and the build, for equations); the page shows them as written.
    mutating func crossReference(_ reference: Citation) -> String {
        reference.items.map { item -> String in
            guard let target = targets.resolve(item.key) else {
                return "<span class=\"cr-xref cr-xref-missing\">" + HTML.escape("@" + item.key) + "</span>"
            }
            section.text += " " + target.text
            let text = item.mode == .suppressAuthor ? target.number : target.text
            let prefix = item.prefix.isEmpty ? "" : HTML.escape(item.prefix) + " "
            let href = HTML.href(target.href) ?? "#"
            return prefix + "<a class=\"cr-xref\" href=\"" + href + "\">" + HTML.escape(text) + "</a>"
        }.joined(separator: ", ")
    }

    /// Styled text as HTML: text escaped, links through `HTML.href`, math as MathML.
    static func html(_ styled: [StyledText]) -> String {
        styled.map { piece in
            switch piece {
            case .text(let text): return HTML.escape(text)
            case .emphasis(let content): return "<em>" + html(content) + "</em>"
            case .link(let url, let content):
                guard let href = HTML.href(url) else { return html(content) }
                return "<a href=\"" + href + "\">" + html(content) + "</a>"
            case .math(let tex): return MathRenderer().render(tex, display: false).mathML
            }
        }.joined()
    }

    /// A key as it goes into an id (`ref-KEY`): the footnote rule, so no two keys share one.
    static func referenceID(_ key: String) -> String {
        footnoteID(key)
    }
}
