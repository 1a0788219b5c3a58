/// A notebook in the sidebar, the home page's list and the previous/next links.
public struct NavItem: Sendable, Hashable, Codable {
    public var title: String
    /// The page's path in the site.
    public var page: String
    public var description: String?

    public init(title: String, page: String, description: String? = nil) {
        self.title = title
        self.page = page
        self.description = description
    }
}
