import Diagnostics

/// A link or image on a page that points inside the project, kept so the build can check it
/// against every page (and recheck it when the page itself is reused from the last build).
public struct PageLink: Sendable, Hashable, Codable {
    /// What the link points at.
    public enum Target: Sendable, Hashable, Codable {
        /// Another notebook (or the same one), by its normalized source path.
        case notebook(String)
        /// A heading on the same page (`#section`).
        case samePage
        /// A file next to the notebooks (an image, a data file): `source` is its path in the
        /// project, `sitePath` where the site gets a copy.
        case file(source: String, sitePath: String)
    }

    /// The destination as written in the notebook.
    public var destination: String
    public var target: Target
    /// The part after `#`, if any.
    public var fragment: String?
    /// The link's `[` (or the image's `!`) in the notebook file.
    public var location: SourceLocation

    public init(destination: String, target: Target, fragment: String?, location: SourceLocation) {
        self.destination = destination
        self.target = target
        self.fragment = fragment
        self.location = location
    }
}
