/// Choices the person building the site makes for every page.
public struct PageOptions: Sendable, Hashable, Codable {
    /// Let raw HTML in prose through as written. Off by default: a site built from someone
    /// else's notebook must not run their scripts, so raw HTML is shown as text (HTML comments
    /// are dropped). The switch is the builder's (`--raw-html`), never the notebook's own.
    public var rawHTML: Bool

    public init(rawHTML: Bool = false) {
        self.rawHTML = rawHTML
    }
}
