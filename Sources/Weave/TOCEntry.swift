/// A heading in a page's table of contents.
public struct TOCEntry: Sendable, Hashable, Codable {
    /// 2 or 3 (the page title is the level-1 heading).
    public var level: Int
    /// The heading's id on the page.
    public var anchor: String
    /// The heading's content as HTML (it may hold math or code), already escaped.
    public var html: String

    public init(level: Int, anchor: String, html: String) {
        self.level = level
        self.anchor = anchor
        self.html = html
    }
}
