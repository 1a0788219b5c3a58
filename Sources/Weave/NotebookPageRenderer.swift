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
    /// Every page, for resolving links between notebooks.
    public let siteMap: SiteMap
    public let options: PageOptions
    /// Errors with the notebook as a whole (its front matter, an unclosed fence), shown at
    /// the top of the page: they are why its blocks did not run.
    public let problems: [Diagnostic]

    public init(notebook: Notebook, outline: PageOutline, source: String, page: String, outputs: [BlockOutput],
                siteMap: SiteMap, options: PageOptions, problems: [Diagnostic] = []) {
        self.notebook = notebook
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
            writer.html += "<div class=\"cr-error cr-problems\" role=\"alert\"><div class=\"cr-error-label\">This notebook has errors</div><pre>"
                + HTML.escape(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "</pre></div>\n"
            writer.hasFailures = true
        }
        var blocks = notebook.markup[...]
        if outline.titleIsFirstHeading { blocks = blocks.dropFirst() }
        writer.blocks(Array(blocks), tight: false)
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
    var warnedAboutRawHTML = false
    /// The search section being filled: its heading, its prose and its code so far (code
    /// goes last, so a result's snippet quotes prose where it can).
    var section: (anchor: String, heading: String, text: String, code: String)
    /// The line of the block being drawn, for locating inline raw HTML.
    var currentLine = 1
    let math = MathRenderer()

    init(renderer: NotebookPageRenderer) {
        self.renderer = renderer
        self.section = ("", renderer.outline.title, "", "")
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
            html += "<pre class=\"cr-listing\"\(attribute)><code>" + HTML.escape(code) + "</code></pre>\n"
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
        }
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
                    html += "<div class=\"cr-display\">" + formula(tex, display: true, location: location) + "</div>\n"
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
            return display ? "<span class=\"cr-display\">" + mathML + "</span>" : mathML
        }
    }

    /// MathML for a formula. What the renderer could not render shows as TeX; it is reported
    /// by the pipeline's lint (NotebookLint), for every command alike, not here.
    mutating func formula(_ tex: String, display: Bool, location: SourceLocation) -> String {
        math.render(tex, display: display).mathML
    }
}
