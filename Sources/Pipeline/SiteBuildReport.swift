import Diagnostics

/// What a build did, for the command to print.
public struct SiteBuildReport: Sendable {
    /// Every problem, in notebook order: warnings (unknown TeX commands, raw HTML shown as
    /// text), failed blocks and broken links (errors, or warnings with `--keep-going`).
    public var diagnostics: [Diagnostic]
    /// Whether the site folder now holds this build (false when the build failed and left
    /// the previous site in place).
    public var published: Bool
    /// Nothing had changed since the last build: no notebook ran, no file was written.
    public var upToDate: Bool
    /// Notebooks in the site.
    public var notebooks: Int
    /// Notebooks that ran (the others came from the cache).
    public var ran: Int
    /// Pages drawn (the others were reused from the last build unchanged).
    public var pagesRendered: Int
    public var seconds: Double
    /// Files besides the notebooks that the site depends on (data files read by `load`,
    /// files that pages link to), for `serve` to watch.
    public var inputs: [String] = []

    /// Whether the command should exit 1.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }

    public init(diagnostics: [Diagnostic], published: Bool, upToDate: Bool, notebooks: Int, ran: Int,
                pagesRendered: Int, seconds: Double) {
        self.diagnostics = diagnostics
        self.published = published
        self.upToDate = upToDate
        self.notebooks = notebooks
        self.ran = ran
        self.pagesRendered = pagesRendered
        self.seconds = seconds
    }
}

/// What the progress display hears about during a build.
public enum SiteBuildEvent: Sendable {
    /// After the cache was consulted: how many notebooks will run and how many will not.
    case planned(toRun: Int, cached: Int)
    /// A notebook started or finished running.
    case batch(NotebookBatch.Event)
}
