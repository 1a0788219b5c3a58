import Diagnostics

/// The YAML front matter of a notebook: the page's title and description, its place in the
/// site's index, and options that other stages read (`timeout`, `rtol`, ...).
public struct FrontMatter: Sendable, Hashable {
    /// Bytes of the whole front matter, from the opening `---` through the line break of the
    /// closing line; nil when the notebook has none.
    public let range: Range<Int>?
    /// The page title (any text: escaping is the site's job).
    public var title: String?
    /// A one-line summary for the index.
    public var description: String?
    /// Where the notebook goes in the index (lower first).
    public var order: Double?
    /// Every top-level key, including the three above.
    public let values: [String: FrontMatterValue]
    /// Where each top-level key's value, and the key itself, starts in the file.
    let valueLocations: [String: SourceLocation]
    let keyLocations: [String: SourceLocation]

    /// No front matter.
    public static let empty = FrontMatter(
        range: nil, title: nil, description: nil, order: nil, values: [:], valueLocations: [:], keyLocations: [:])

    init(
        range: Range<Int>?, title: String?, description: String?, order: Double?,
        values: [String: FrontMatterValue], valueLocations: [String: SourceLocation],
        keyLocations: [String: SourceLocation] = [:]
    ) {
        self.range = range
        self.title = title
        self.description = description
        self.order = order
        self.values = values
        self.valueLocations = valueLocations
        self.keyLocations = keyLocations
    }

    /// The file location of a top-level key's value, for diagnostics such as "timeout must be
    /// a number".
    public func location(of key: String) -> SourceLocation? {
        valueLocations[key]
    }

    /// Where a top-level key itself starts, for diagnostics about the key.
    public func keyLocation(of key: String) -> SourceLocation? {
        keyLocations[key]
    }
}
