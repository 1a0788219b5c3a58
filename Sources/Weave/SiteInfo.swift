/// What every page says about the site as a whole.
public struct SiteInfo: Sendable, Hashable {
    public var title: String
    public var description: String?
    /// The pages' `lang` (`en` unless the home notebook's front matter says otherwise).
    public var language: String
    /// Chainrule's version, in each page's `generator` meta tag.
    public var generator: String
    /// Where the site is published (`SiteURL.base`), for canonical links and the sitemap.
    public var baseURL: String?

    public init(title: String, description: String? = nil, language: String = "en", generator: String, baseURL: String? = nil) {
        self.title = title
        self.description = description
        self.language = language
        self.generator = generator
        self.baseURL = baseURL
    }
}
