import Document

/// What the rest of the site needs to know about a notebook before any page is drawn: its
/// title, its description, and the ids of its headings (for checking links to them).
///
/// Cheap: it walks the headings of the parsed notebook and runs nothing.
public struct PageOutline: Sendable, Hashable, Codable {
    /// The page title: the front matter's `title`, else a level-1 heading that opens the
    /// notebook, else the file name. An opening level-1 heading with the title's text is
    /// shown once, as the page title. It may hold math in `$...$` (see `TitleText`).
    public var title: String
    /// The front matter's `description`.
    public var description: String?
    /// Where the notebook goes in the index (front matter `order`).
    public var order: Double?
    /// The language of its text (front matter `lang`, a BCP 47 tag such as `fr`); the home
    /// notebook's sets the site's.
    public var language: String?
    /// Every heading id on the page, in document order.
    public var anchors: [String]
    /// Whether the opening level-1 heading became the title (and is left out of the body);
    /// then the first anchor is its id, which the page's `<h1>` carries.
    public var titleIsFirstHeading: Bool

    /// The id of the page's `<h1>`, when it came from a heading of the notebook.
    public var titleAnchor: String? { titleIsFirstHeading ? anchors.first : nil }

    public init(title: String, description: String?, order: Double?, anchors: [String], titleIsFirstHeading: Bool) {
        self.title = title
        self.description = description
        self.order = order
        self.anchors = anchors
        self.titleIsFirstHeading = titleIsFirstHeading
    }

    /// The outline of a parsed notebook; `fileName` is the fallback title.
    public init(_ notebook: Notebook, fileName: String) {
        var titleIsFirstHeading = false
        var title = notebook.frontMatter.title.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        if case .heading(1, let content, _)? = notebook.markup.first {
            // An opening `# Title` is the title, unless the front matter names another one.
            let text = AnchorNamer.titleSource(content).trimmingWhitespace
            if !text.isEmpty, title == nil || title?.lowercased() == text.lowercased() {
                title = title ?? text
                titleIsFirstHeading = true
            }
        }
        var namer = AnchorNamer()
        var anchors: [String] = []
        if titleIsFirstHeading, case .heading(1, let content, _)? = notebook.markup.first {
            // The heading that became the title keeps its id (on the page's `<h1>`).
            anchors.append(namer.name(AnchorNamer.plainText(content)))
        }
        PageOutline.forEachHeading(notebook.markup, skippingFirst: titleIsFirstHeading) { _, content in
            anchors.append(namer.name(AnchorNamer.plainText(content)))
        }
        let description = notebook.frontMatter.description.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        self.init(title: title ?? PageOutline.title(fromFileName: fileName), description: description,
                  order: notebook.frontMatter.order, anchors: anchors, titleIsFirstHeading: titleIsFirstHeading)
        language = notebook.frontMatter.values["lang"]?.string.flatMap { tag in
            // Only a plausible tag: it goes into an attribute of every page.
            tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } && !tag.isEmpty ? tag : nil
        }
    }

    /// `gradient-descent.md` reads as "Gradient descent".
    static func title(fromFileName name: String) -> String {
        var stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        stem = String(stem.map { $0 == "-" || $0 == "_" ? " " : $0 })
        guard let first = stem.first else { return "Untitled" }
        return first.uppercased() + stem.dropFirst()
    }

    /// Headings in document order, the way the page renderer meets them (inside block quotes
    /// and list items too), so both give the same ids.
    static func forEachHeading(_ blocks: [Markup.Block], skippingFirst: Bool, _ body: (Int, [Markup.Inline]) -> Void) {
        var skip = skippingFirst
        func walk(_ blocks: [Markup.Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, let content, _):
                    if skip {
                        skip = false
                        continue
                    }
                    body(level, content)
                default: walk(block.childBlocks)
                }
            }
        }
        walk(blocks)
    }
}
