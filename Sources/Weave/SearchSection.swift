/// One entry of the site's search index: a stretch of a page under one heading.
public struct SearchSection: Sendable, Hashable, Codable {
    /// The heading's id (`""` for the text before the first heading).
    public var anchor: String
    /// The heading's text (the page title for the part before the first heading).
    public var heading: String
    /// The prose and code under it, as plain text with runs of white space collapsed.
    public var text: String

    public init(anchor: String, heading: String, text: String) {
        self.anchor = anchor
        self.heading = heading
        self.text = text
    }
}
