import Weave

/// What `chainrule build` was asked to do.
public struct SiteBuildOptions: Sendable, Hashable {
    /// Notebook files and folders (default `notebooks`).
    public var paths: [String]
    /// Where the site goes (default `site`).
    public var output: String
    /// The theme folder; nil looks for `theme` in the project and uses the built-in theme
    /// when there is none.
    public var theme: String?
    /// The project's root: where `.chainrule/cache` lives and what `load` may read.
    public var projectRoot: String
    /// Chainrule's version: part of every cache key, shown in each page's footer.
    public var toolVersion: String
    /// What tells one build of the same version from another (the executable's size and
    /// time): part of every cache key, so a rebuilt `chainrule` never shows results or pages
    /// made by the previous binary. Empty in tests.
    public var toolBuild: String = ""

    /// The version and the build, as cache keys use them.
    var toolIdentity: String { toolBuild.isEmpty ? toolVersion : toolVersion + " " + toolBuild }
    /// Run every notebook even when the cache has its results.
    public var force: Bool
    /// Publish the site even when blocks fail or links are broken (failures are shown in
    /// place and reported as warnings).
    public var keepGoing: Bool
    /// Let raw HTML in prose through (see `PageOptions`).
    public var rawHTML: Bool
    /// The site's title; nil takes it from `index.md`, or calls the site "Notebooks".
    public var title: String?
    /// Where the site is published (`SiteURL.base`; `--base-url`, else the configuration's).
    public var baseURL: String?
    /// How many notebooks run at once.
    public var jobs: Int
    /// The project's `chainrule.yml`, for what flags do not set: the site's description and
    /// language, TeX macros for every formula, the bibliography.
    public var configuration: ProjectConfiguration?
    /// The WebAssembly module that lets pages run their blocks (`LiveModule.locate`); nil
    /// builds pages that only show their outputs (and so do tests, unless they set it).
    public var liveModule: String?

    public init(paths: [String] = ["notebooks"], output: String = "site", theme: String? = nil, projectRoot: String = ".",
                toolVersion: String, force: Bool = false, keepGoing: Bool = false, rawHTML: Bool = false,
                title: String? = nil, jobs: Int = 0) {
        self.paths = paths
        self.output = output
        self.theme = theme
        self.projectRoot = projectRoot
        self.toolVersion = toolVersion
        self.force = force
        self.keepGoing = keepGoing
        self.rawHTML = rawHTML
        self.title = title
        self.jobs = jobs
    }

    /// `text` as a site's address (`SiteURL.base`): with its final `/`, or nil when it is not an
    /// absolute http or https address.
    public static func baseURL(_ text: String) -> String? { SiteURL.base(text) }

    /// Where cached runs and the record of the last build are kept.
    public var cacheDirectory: String {
        SiteFiles.join(projectRoot, ".chainrule/cache")
    }

    /// The cache of notebook runs these options build with.
    var buildCache: BuildCache {
        BuildCache(directory: cacheDirectory)
    }
}
