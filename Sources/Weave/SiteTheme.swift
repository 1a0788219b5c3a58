import Diagnostics
import Mustache

/// The look of a site: two Mustache templates (`page.mustache`, `index.mustache`), a
/// stylesheet and a script. The built-in theme (`DefaultTheme`) is used for every part that
/// the project's theme folder does not replace.
///
/// In templates `{{x}}` is escaped and `{{{x}}}` is raw; only values that are already HTML
/// (the page body, the contents' headings, the home page's introduction) are meant for
/// `{{{ }}}`. A title or description may hold math (`$\delta$`): `title` is its plain text,
/// for `<title>` and attributes, and `title_html` draws it (likewise `description_html`).
/// The context:
///
/// - everywhere: `site.title`, `site.title_html`, `site.description`, `site.description_html`,
///   `site.language`, `content_security_policy` (for the `<meta>` that must come first in
///   `<head>`; raw, `{{{ }}}`), `live` (whether the page's blocks can run in the browser: load
///   `assets/live.js` and place `live_program`, its program as JSON escaped for a
///   `<script type="application/json" id="cr-live-program">`, raw; docs/live.md), `root` (the prefix back
///   to the site's root, `""` or `../`), `page_url` (the page's own path, as `assets/nav.js`
///   compares it), `canonical` (the page's address when the site has a `base_url`), `generator` (the version), `stylesheets` (each with `href`), `nav` (each
///   notebook: `title`, `href`, `current`, `description`; the built-in templates load the
///   list from `assets/nav.js` instead, so that each page does not carry the whole list);
/// - `page.mustache`: `page.title`, `page.title_html`, `page.title_anchor`, `page.description`,
///   `page.description_html`, `page.source`, `page.body`,
///   `page.has_toc`, `page.toc` (each: `anchor`, `html`, `has_children`, `children`),
///   `page.has_pager`, `page.previous` and `page.next` (each: `title`, `href`);
/// - `index.mustache`: `intro`, `has_intro`, `has_notebooks`, `notebooks` (each: `number`, `title`,
///   `title_html`, `href`, `description`, `description_html`).
public struct SiteTheme: Sendable {
    /// A file of a theme folder, read by the caller.
    public struct File: Sendable, Hashable {
        /// The path as the user would name it (for diagnostics).
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    private let pageTemplate: MustacheTemplate
    private let indexTemplate: MustacheTemplate
    /// What the site writes as `assets/style.css`.
    public let stylesheet: String
    /// What the site writes as `assets/site.js`.
    public let script: String
    /// Whether the project adds `custom.css` (written as `assets/custom.css`, after the
    /// stylesheet).
    public let customStylesheet: String?

    /// The built-in theme with the given files replacing its parts, by name
    /// (`page.mustache`, `index.mustache`, `style.css`, `site.js`, `custom.css`). A template
    /// that does not parse is an error at its line and column.
    public init(overrides: [String: File] = [:]) throws(DiagnosticList) {
        var diagnostics: [Diagnostic] = []
        func template(_ name: String, _ builtIn: String) -> MustacheTemplate? {
            let file = overrides[name]
            do {
                return try MustacheTemplate(string: file?.text ?? builtIn)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.append(.error("template does not parse: \(error.error)", file: file?.path ?? name,
                                          at: SourceRange(at: location)))
            } catch {
                diagnostics.append(.error("template does not parse: \(error)", file: file?.path ?? name))
            }
            return nil
        }
        let page = template(DefaultTheme.pageTemplateName, DefaultTheme.pageTemplate)
        let index = template(DefaultTheme.indexTemplateName, DefaultTheme.indexTemplate)
        guard let page, let index, diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        pageTemplate = page
        indexTemplate = index
        stylesheet = (overrides[DefaultTheme.stylesheetName]?.text ?? DefaultTheme.stylesheet)
            + "\n/* Figures */\n" + FigureRenderer.stylesheet + "\n" + SiteTheme.printFigures
        script = overrides[DefaultTheme.scriptName]?.text ?? DefaultTheme.script
        customStylesheet = overrides[DefaultTheme.customStylesheetName]?.text
    }

    /// Prints in the figures' light palette whatever the screen's setting: the figures'
    /// dark-mode rules come after the page's own print rules, so this goes last.
    static let printFigures: String = {
        let css = FigureRenderer.stylesheet
        guard let open = css.range(of: ":root {"), let close = css[open.upperBound...].range(of: "}") else { return "" }
        return "@media print {\n" + css[open.lowerBound..<close.upperBound] + "\n}\n"
    }()

    /// A notebook's page. With `live` (the site has the live module), a page that has a
    /// program (`RenderedPage.liveProgram`) loads the live script and carries its program.
    public func page(_ rendered: RenderedPage, outline: PageOutline, source: String, path: String,
                     site: SiteInfo, nav: [NavItem], previous: NavItem?, next: NavItem?, live: Bool = false) -> String {
        let root = SitePath.root(from: path)
        var toc: [[String: Any]] = []
        for entry in rendered.toc {
            let item: [String: Any] = ["anchor": entry.anchor, "html": entry.html]
            if entry.level == 3, var parent = toc.last {
                var children = parent["children"] as? [[String: Any]] ?? []
                children.append(item)
                parent["children"] = children
                parent["has_children"] = true
                toc[toc.count - 1] = parent
            } else {
                toc.append(item.merging(["children": [[String: Any]](), "has_children": false]) { a, _ in a })
            }
        }
        func link(_ item: NavItem?) -> Any {
            guard let item else { return false }
            return ["title": TitleText.plain(item.title), "title_html": TitleText.html(item.title),
                    "href": SitePath.url(SitePath.relative(from: path, to: item.page))]
        }
        var page: [String: Any] = [
            "title": TitleText.plain(outline.title),
            "title_html": TitleText.html(outline.title),
            "source": source,
            "body": rendered.body,
            "toc": toc,
            "has_toc": !toc.isEmpty,
            "previous": link(previous),
            "next": link(next),
            "has_pager": previous != nil || next != nil,
        ]
        if let description = outline.description {
            page["description"] = TitleText.plain(description)
            page["description_html"] = TitleText.html(description)
        }
        if let anchor = outline.titleAnchor { page["title_anchor"] = anchor }
        var context = common(site: site, root: root, nav: nav, current: path, liveProgram: live ? rendered.liveProgram : nil)
        context["page"] = page
        return pageTemplate.render(context)
    }

    /// JSON as the text of a `<script type="application/json">`: every `<` written as
    /// `\u003c`, which JSON reads as the same character (outside strings JSON has no `<`).
    /// So nothing in it can end the element (`</script>`) or make the parser look for a
    /// second end (`<!--<script>`, after which the first `</script>` does not end it).
    public static func scriptJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// The home page: `intro` is the body of `index.md` when the project has one, and
    /// `liveProgram` its program when the site is live (as for `page`).
    public func index(intro: String?, site: SiteInfo, nav: [NavItem], liveProgram: String? = nil) -> String {
        var context = common(site: site, root: "", nav: nav, current: "index.html", liveProgram: liveProgram)
        context["intro"] = intro ?? ""
        context["has_intro"] = !(intro ?? "").isEmpty
        context["has_notebooks"] = !nav.isEmpty
        context["notebooks"] = nav.enumerated().map { number, item -> [String: Any] in
            var entry: [String: Any] = ["number": number + 1, "title": TitleText.plain(item.title),
                                        "title_html": TitleText.html(item.title), "href": SitePath.url(item.page)]
            if let description = item.description {
                entry["description"] = TitleText.plain(description)
                entry["description_html"] = TitleText.html(description)
            }
            return entry
        }
        return indexTemplate.render(context)
    }

    private func common(site: SiteInfo, root: String, nav: [NavItem], current: String, liveProgram: String?) -> [String: Any] {
        var siteContext: [String: Any] = ["title": TitleText.plain(site.title), "title_html": TitleText.html(site.title),
                                          "language": site.language]
        if let description = site.description {
            siteContext["description"] = TitleText.plain(description)
            siteContext["description_html"] = TitleText.html(description)
        }
        var stylesheets: [[String: Any]] = [["href": root + "assets/style.css"]]
        if customStylesheet != nil { stylesheets.append(["href": root + "assets/custom.css"]) }
        return [
            "site": siteContext,
            "content_security_policy": DefaultTheme.contentSecurityPolicy(live: liveProgram != nil),
            "live": liveProgram != nil,
            "live_program": liveProgram.map(Self.scriptJSON) ?? "",
            "root": root,
            "generator": site.generator,
            "stylesheets": stylesheets,
            "page_url": SitePath.url(current),
            "canonical": site.baseURL.map { SiteURL.page(current, base: $0) } ?? false,
            "nav": nav.map { item -> [String: Any] in
                var entry: [String: Any] = [
                    "title": TitleText.plain(item.title), "title_html": TitleText.html(item.title),
                    "href": SitePath.url(SitePath.relative(from: current, to: item.page)),
                    "current": item.page == current,
                ]
                if let description = item.description { entry["description"] = TitleText.plain(description) }
                return entry
            },
        ]
    }
}
