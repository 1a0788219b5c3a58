import Bibliography
import Diagnostics
import Document
import TeXMath

/// Draws one notebook as the body of a page: prose from the Markup tree, math as MathML,
/// computation blocks highlighted by the language's lexer, each with the output it gave.
///
/// Deterministic (the same notebook and outputs give the same bytes) and free of I/O: links
/// to files are recorded for the build to check, not looked up here.
public struct NotebookPageRenderer: Sendable {
    /// The notebook, parsed.
    public let notebook: Notebook
    /// Its outline (title and heading ids), as the site map has it.
    public let outline: PageOutline
    /// The notebook's normalized path, the key links use.
    public let source: String
    /// The page's path in the site.
    public let page: String
    /// One per computation block, in order.
    public let outputs: [BlockOutput]
    /// One per computed value of the prose (`Notebook.values`): the text the run gave, or
    /// nil where it gave none (the recorded text is shown, marked).
    public let values: [String?]
    /// Every page, for resolving links between notebooks.
    public let siteMap: SiteMap
    public let options: PageOptions
    /// Errors with the notebook as a whole (its front matter, an unclosed fence), shown at
    /// the top of the page: they are why its blocks did not run.
    public let problems: [Diagnostic]
    /// The context every formula starts from: the project's macros.
    public let mathContext: MathContext
    /// What citations resolve against.
    public let bibliography: BibTeXDatabase?

    public init(notebook: Notebook, outline: PageOutline, source: String, page: String, outputs: [BlockOutput],
                values: [String?] = [], siteMap: SiteMap, options: PageOptions, problems: [Diagnostic] = [],
                mathContext: MathContext = MathContext(), bibliography: BibTeXDatabase? = nil) {
        self.notebook = notebook
        self.mathContext = mathContext
        self.bibliography = bibliography
        self.values = values
        self.outline = outline
        self.source = source
        self.page = page
        self.outputs = outputs
        self.siteMap = siteMap
        self.options = options
        self.problems = problems
    }

    /// The page body and what the site needs to know about it.
    public func render() -> RenderedPage {
        var writer = PageWriter(renderer: self)
        if !problems.isEmpty {
            let renderer = DiagnosticRenderer(sources: [SourceText(path: notebook.path, text: String(decoding: notebook.bytes, as: UTF8.self))])
            let text = renderer.render(problems)
            writer.html += "<div class=\"cr-error cr-problems\" role=\"alert\"><div class=\"cr-error-label\">This notebook has errors</div><pre"
                + writer.scrollable("Errors of this notebook") + ">"
                + HTML.escape(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "</pre></div>\n"
            writer.hasFailures = true
        }
        var blocks = notebook.markup[...]
        if outline.titleIsFirstHeading { blocks = blocks.dropFirst() }
        // Footnotes are drawn at the end, wherever their text is written.
        writer.footnoteTexts = Dictionary(notebook.markup.flatMap(\.allBlocks).compactMap { block in
            if case .footnote(let label, let content, _) = block { return (label, content) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        writer.diagnostics += writer.math.unknownReferences
        writer.blocks(Array(blocks), tight: false)
        writer.footnotes()
        writer.references()
        writer.finishSection()
        return RenderedPage(body: writer.html, toc: writer.toc, links: writer.links, search: writer.search,
                            diagnostics: writer.diagnostics, hasFailures: writer.hasFailures)
    }
}

/// The mutable state of drawing one page.
struct PageWriter {
    let renderer: NotebookPageRenderer
    var html = ""
    var toc: [TOCEntry] = []
    var links: [PageLink] = []
    var search: [SearchSection] = []
    var diagnostics: [Diagnostic] = []
    var hasFailures = false
    var namer = AnchorNamer()
    var figureCount = 0
    /// The names of the page's boxes that may scroll (see `scrollable`), and how many code
    /// listings and display formulas it has drawn, which their names count.
    var scrollLabels: Set<String> = []
    var listingCount = 0
    var formulaCount = 0
    var warnedAboutRawHTML = false
    /// Each footnote's text by label, and the labels in the order of their first reference
    /// with how often each was referred to.
    var footnoteTexts: [String: [Markup.Block]] = [:]
    /// The page's numbered figures and tables, and how many have been drawn.
    var numbering = FigureNumbering([])
    var numberedCount = 0
    var footnoteOrder: [String] = []
    var footnoteUses: [String: Int] = [:]
    /// The search section being filled: its heading, its prose and its code so far (code
    /// goes last, so a result's snippet quotes prose where it can).
    var section: (anchor: String, heading: String, text: String, code: String)
    /// The line of the block being drawn, for locating inline raw HTML.
    var currentLine = 1
    /// The formulas, drawn in the order of the file with the notebook's macros and numbers.
    let math: NotebookMath
    let targets: CrossReferenceTargets
    let citationStyle: AuthorYearStyle?

    init(renderer: NotebookPageRenderer) {
        self.renderer = renderer
        let items = renderer.outputs.flatMap(\.items)
        numbering = FigureNumbering(items)
        math = NotebookMath(renderer.notebook, base: renderer.mathContext, otherLabels: renderer.siteMap.equationLabels(from: renderer.source))
        targets = CrossReferenceTargets(notebook: renderer.notebook, items: items, equations: math.knownLabels)
        citationStyle = renderer.bibliography.map { AuthorYearStyle(database: $0, citedKeys: PageWriter.citedKeys(renderer.notebook.markup)) }
        self.section = ("", TitleText.plain(renderer.outline.title), "", "")
        if let title = renderer.outline.titleAnchor { _ = namer.name(title) }
        html.reserveCapacity(renderer.notebook.bytes.count * 3)
    }

    var notebook: Notebook { renderer.notebook }

    mutating func finishSection() {
        let text = SearchText.collapse(section.text + " " + section.code)
        if !text.isEmpty || !section.anchor.isEmpty {
            search.append(SearchSection(anchor: section.anchor, heading: section.heading, text: text))
        }
    }

    mutating func blocks(_ blocks: [Markup.Block], tight: Bool) {
        for block in blocks { self.block(block, tight: tight) }
    }

    mutating func block(_ block: Markup.Block, tight: Bool) {
        switch block {
        case .heading(let level, let content, let line):
            currentLine = line
            heading(level: level, content: content)
        case .paragraph(let content, let line):
            currentLine = line
            paragraph(content, tight: tight)
        case .blockQuote(let children):
            html += "<blockquote>\n"
            blocks(children, tight: false)
            html += "</blockquote>\n"
        case .list(let ordered, let start, let isTight, let items):
            if ordered {
                html += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                html += "<ul>\n"
            }
            for item in items {
                html += "<li>"
                blocks(item, tight: isTight)
                if isTight, html.hasSuffix("\n") { html.removeLast() }
                html += "</li>\n"
            }
            html += ordered ? "</ol>\n" : "</ul>\n"
        case .code(let info, let code, let line):
            currentLine = line
            let language = info.split(separator: " ").first.map { String($0) } ?? ""
            let attribute = language.isEmpty ? "" : " data-lang=\"" + HTML.escape(language) + "\""
            // `language-x`, as CommonMark's renderer writes it, for a reader's highlighter theme.
            let codeClass = language.isEmpty ? "" : " class=\"language-" + HTML.escape(language) + "\""
            // The line break that ends the last line stays, as cmark writes it.
            listingCount += 1
            html += "<pre class=\"cr-listing\"\(attribute)\(scrollable("Listing \(listingCount)"))><code\(codeClass)>" + HTML.escape(code) + (code.isEmpty ? "" : "\n") + "</code></pre>\n"
            section.code += " " + code
        case .computation(let index):
            cell(index)
        case .output:
            // Recorded outputs are for `check`; the page shows the fresh results of the run.
            break
        case .html(let raw, let line):
            currentLine = line
            rawBlock(raw, line: line)
        case .thematicBreak:
            html += "<hr>\n"
        case .table(let table):
            currentLine = table.line
            self.table(table)
        case .alert(let kind, let children):
            html += "<div class=\"cr-alert cr-alert-\(kind.rawValue.lowercased())\" role=\"note\">\n"
            html += "<p class=\"cr-alert-title\">" + Self.alertTitle(kind) + "</p>\n"
            blocks(children, tight: false)
            html += "</div>\n"
        case .footnote:
            // Drawn at the end of the page, in the order of their first reference.
            break
        }
    }

    /// `[^label]`: its number, linked to the note; the note links back. An unknown label
    /// stays as written (the lint reports it).
    mutating func footnoteReference(_ label: String, location: SourceLocation) -> String {
        guard footnoteTexts[label] != nil else { return HTML.escape("[^" + label + "]") }
        if footnoteUses[label] == nil { footnoteOrder.append(label) }
        let use = (footnoteUses[label] ?? 0) + 1
        footnoteUses[label] = use
        let number = footnoteOrder.firstIndex(of: label)! + 1
        let id = Self.footnoteID(label)
        return "<sup class=\"cr-fnref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\(use > 1 ? "-\(use)" : "")\" aria-label=\"Footnote \(number)\">\(number)</a></sup>"
    }

    /// The notes referred to, numbered in order of first reference.
    mutating func footnotes() {
        guard !footnoteOrder.isEmpty else { return }
        html += "<section class=\"cr-footnotes\" aria-label=\"Footnotes\">\n<ol>\n"
        for label in footnoteOrder {
            let id = Self.footnoteID(label)
            html += "<li id=\"fn-\(id)\">\n"
            blocks(footnoteTexts[label] ?? [], tight: true)
            let backs = (1...(footnoteUses[label] ?? 1)).map { use in
                "<a href=\"#fnref-\(id)\(use > 1 ? "-\(use)" : "")\" class=\"cr-fnback\" aria-label=\"Back to the text\">↩</a>"
            }
            if html.hasSuffix("\n") { html.removeLast() }
            html += " " + backs.joined(separator: " ") + "\n</li>\n"
        }
        html += "</ol>\n</section>\n"
    }

    /// A label as it goes into an id: letters, digits, `-` and `_` kept, anything else as
    /// its code point, so two labels never share an id.
    static func footnoteID(_ label: String) -> String {
        label.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? String(scalar) : "u\(String(scalar.value, radix: 16))"
        }.joined()
    }

    static func alertTitle(_ kind: Markup.Alert) -> String {
        switch kind {
        case .note: return "Note"
        case .tip: return "Tip"
        case .important: return "Important"
        case .warning: return "Warning"
        case .caution: return "Caution"
        }
    }

    /// A pipe table, in a wrapper that scrolls on narrow screens, with its caption (`Table:`
    /// under it in the notebook) above it; alignment by class.
    mutating func table(_ table: Markup.Table) {
        let captionText = table.caption.map { AnchorNamer.plainText($0).trimmingWhitespace }
        html += "<div class=\"cr-table-wrap\"\(scrollable(captionText.map { "Table: " + $0 } ?? "Table"))><table class=\"cr-prose-table\">\n"
        if let caption = table.caption {
            html += "<caption>" + inlines(caption) + "</caption>\n"
            section.text += " " + (captionText ?? "")
        }
        html += "<thead>\n<tr>\n"
        for (column, cell) in table.header.enumerated() {
            // An empty corner is no column's header.
            let tag = cell.isEmpty ? "td" : "th"
            html += "<" + tag + Self.alignment(table.alignments[column]) + ">" + inlines(cell) + "</" + tag + ">\n"
            section.text += " " + AnchorNamer.plainText(cell)
        }
        html += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            html += "<tbody>\n"
            for row in table.rows {
                html += "<tr>\n"
                for (column, cell) in row.enumerated() {
                    html += "<td" + Self.alignment(table.alignments[column]) + ">" + inlines(cell) + "</td>\n"
                    section.text += " " + AnchorNamer.plainText(cell)
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        html += "</table></div>\n"
    }

    static func alignment(_ alignment: Markup.Table.Alignment) -> String {
        alignment == .none ? "" : " class=\"cr-align-\(alignment.rawValue)\""
    }

    mutating func heading(level: Int, content: [Markup.Inline]) {
        let text = AnchorNamer.plainText(content)
        let anchor = namer.name(text)
        let inner = inlines(content)
        finishSection()
        section = (anchor, text.trimmingWhitespace, "", "")
        html += "<h\(level) id=\"\(anchor)\">" + inner
            + "<a class=\"cr-anchor\" href=\"#\(anchor)\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
        if level == 2 || level == 3 {
            toc.append(TOCEntry(level: level, anchor: anchor, html: Self.unlinked(inner)))
        }
    }

    /// A heading's HTML without its links: the contents wrap each heading in a link of its
    /// own, and links do not nest.
    static func unlinked(_ html: String) -> String {
        guard html.contains("<a ") else { return html }
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<a ") {
            out += rest[..<open.lowerBound]
            guard let end = rest[open.upperBound...].firstIndex(of: ">") else { break }
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out.replacingOccurrences(of: "</a>", with: "")
    }

    mutating func paragraph(_ content: [Markup.Inline], tight: Bool) {
        // A paragraph that is only display math is a block of its own, not text.
        let meaningful = content.filter { $0 != .softBreak && $0 != .lineBreak && $0 != .text(" ") }
        if !meaningful.isEmpty, meaningful.allSatisfy({ if case .math(_, true, _) = $0 { return true } else { return false } }) {
            for inline in meaningful {
                if case .math(let tex, _, let location) = inline {
                    formulaCount += 1
                    html += "<div class=\"cr-display\"\(scrollable("Formula \(formulaCount)"))>" + formula(tex, display: true, location: location) + "</div>\n"
                    section.text += " " + tex
                }
            }
            return
        }
        let inner = inlines(content)
        section.text += " " + AnchorNamer.plainText(content)
        html += tight ? inner + "\n" : "<p>" + inner + "</p>\n"
    }

    mutating func inlines(_ content: [Markup.Inline]) -> String {
        var out = ""
        for inline in content { out += self.inline(inline) }
        return out
    }

    mutating func inline(_ inline: Markup.Inline) -> String {
        switch inline {
        case .text(let text):
            return HTML.escape(text)
        case .code(let code):
            return "<code>" + HTML.escape(code) + "</code>"
        case .emphasis(let children):
            return "<em>" + inlines(children) + "</em>"
        case .strong(let children):
            return "<strong>" + inlines(children) + "</strong>"
        case .link(let destination, let title, let content, let location):
            return link(destination: destination, title: title, content: content, location: location)
        case .image(let source, let title, let alt, let location):
            return image(source: source, title: title, alt: alt, location: location)
        case .html(let raw):
            return rawInline(raw)
        case .softBreak:
            return "\n"
        case .lineBreak:
            return "<br>\n"
        case .math(let tex, let display, let location):
            let mathML = formula(tex, display: display, location: location)
            guard display else { return mathML }
            formulaCount += 1
            return "<span class=\"cr-display\"\(scrollable("Formula \(formulaCount)"))>" + mathML + "</span>"
        case .strikethrough(let children):
            return "<del>" + inlines(children) + "</del>"
        case .footnoteReference(let label, let location):
            return footnoteReference(label, location: location)
        case .value(let index):
            if index < renderer.values.count, let text = renderer.values[index] {
                section.text += " " + text
                return "<span class=\"cr-value\">" + HTML.escape(text) + "</span>"
            }
            let recorded = index < notebook.values.count ? ComputedValue.unescaped(notebook.values[index].recorded) : ""
            return "<span class=\"cr-value cr-value-missing\" title=\"not computed in this build\">" + HTML.escape(recorded) + "</span>"
        case .citation(let citation, _):
            return self.citation(citation)
        case .crossReference(let reference, _):
            return crossReference(reference)
        case .taskMarker(let checked):
            return "<input type=\"checkbox\" disabled" + (checked ? " checked" : "") + " aria-label=\"" + (checked ? "done" : "to do") + "\"> "
        }
    }

    /// MathML for a formula. What the renderer could not render shows as TeX; it is reported
    /// by the pipeline's lint (NotebookLint), for every command alike, not here. A formula
    /// that is only a reference (`$\eqref{loss}$`) links to its equation.
    mutating func formula(_ tex: String, display: Bool, location: SourceLocation) -> String {
        guard let rendered = math.rendered[location] else { return MathRenderer().render(tex, display: display).mathML }
        if let reference = rendered.soleReference, let target = targets.resolve("eq-" + reference.name), let href = HTML.href(target.href) {
            // Named by its text too: what a link's name is made of ignores MathML in some readers.
            return "<a class=\"cr-xref\" href=\"" + href + "\" aria-label=\"" + HTML.escape(target.text) + "\">" + rendered.mathML + "</a>"
        }
        return rendered.mathML
    }
}
