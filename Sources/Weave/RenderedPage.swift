import Diagnostics

/// One notebook drawn as the body of a page, with what the site needs besides the HTML:
/// its table of contents, its links to check, its search entries and its warnings.
public struct RenderedPage: Sendable {
    /// The page's content: prose, math, computation blocks and their outputs (the theme's
    /// page template puts it in place).
    public var body: String
    /// Level-2 and level-3 headings.
    public var toc: [TOCEntry]
    /// Links and images that point inside the project.
    public var links: [PageLink]
    /// The page under each heading, as text for the search index.
    public var search: [SearchSection]
    /// Problems found while drawing (unknown TeX commands, raw HTML shown as text): warnings
    /// located in the notebook file.
    public var diagnostics: [Diagnostic]
    /// Whether any block failed unexpectedly (its diagnostic is on the page).
    public var hasFailures: Bool
    /// The page's program for live blocks (docs/live.md): JSON text that the page carries in
    /// `<script type="application/json" id="cr-live-program">` when the site has the live
    /// module; nil for a page that cannot run its blocks in the browser. Set by the pipeline,
    /// which knows the notebook's settings and files; the renderer leaves it nil.
    public var liveProgram: String?

    public init(body: String, toc: [TOCEntry], links: [PageLink], search: [SearchSection],
                diagnostics: [Diagnostic], hasFailures: Bool, liveProgram: String? = nil) {
        self.body = body
        self.toc = toc
        self.links = links
        self.search = search
        self.diagnostics = diagnostics
        self.hasFailures = hasFailures
        self.liveProgram = liveProgram
    }
}
