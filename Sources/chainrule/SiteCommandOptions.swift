import ArgumentParser
import Diagnostics
import Foundation
import Pipeline

/// What `build` and `serve` share.
struct SiteCommandOptions: ParsableArguments {
    @Argument(help: "Notebook files or folders (default: notebooks).")
    var paths: [String] = []

    @Option(name: .long, help: "Where to write the site (default: the configuration's output, else site).")
    var out: String?

    @Option(name: .long, help: "A theme folder (default: theme/ when the project has one).")
    var theme: String?

    @Option(name: .long, help: "The site's title (default: the title of notebooks/index.md, else \"Notebooks\").")
    var title: String?

    @Option(name: .long, help: "Where the site is published, such as https://example.github.io/course/ (default: the configuration's base_url): canonical links and sitemap.xml.")
    var baseURL: String?

    @Flag(name: .long, help: "Run every notebook, even those whose results are cached.")
    var force = false

    @Flag(name: .long, help: "Write the site even when blocks fail or links are broken (failures are shown on the pages).")
    var keepGoing = false

    @Flag(name: .long, help: "Let raw HTML in prose through (only for notebooks you trust; by default it is shown as text).")
    var rawHTML = false

    @Option(name: .long, help: "How many notebooks run at once (default: one per core).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every notebook as it starts and finishes.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if out?.isEmpty == true { throw ValidationError("--out needs a folder") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose do not go together") }
        if let baseURL, SiteBuildOptions.baseURL(baseURL) == nil {
            throw ValidationError("--base-url needs an absolute http or https address, such as https://example.github.io/course/")
        }
    }

    var verbosity: Progress.Verbosity { quiet ? .quiet : (verbose ? .verbose : .normal) }

    func buildOptions(keepGoing forced: Bool = false) -> SiteBuildOptions {
        // Flags win over the project's configuration, which wins over the defaults.
        let configuration = Project.configuration()
        var options = SiteBuildOptions(
            paths: paths.isEmpty ? [Project.notebooks] : paths,
            output: out ?? configuration.map { $0.resolve($0.output ?? "site") } ?? "site",
            theme: theme ?? configuration?.theme.map { configuration!.resolve($0) },
            projectRoot: configuration?.root ?? FileManager.default.currentDirectoryPath, toolVersion: ChainruleVersion.current,
            force: force, keepGoing: keepGoing || forced, rawHTML: rawHTML, title: title ?? configuration?.title, jobs: jobs ?? 0)
        options.configuration = configuration
        options.baseURL = baseURL.flatMap(SiteBuildOptions.baseURL)
        options.toolBuild = Self.executableStamp
        options.liveModule = LiveModule.locate()
        return options
    }

    /// The running executable's size and modification time: a rebuilt `chainrule` with the
    /// same version string still gets fresh results (one `stat`, no hashing).
    static var executableStamp: String {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber,
              let modified = attributes[.modificationDate] as? Date
        else { return "" }
        return "\(size.int64Value) \(Int64(modified.timeIntervalSince1970 * 1000))"
    }

    /// Builds with progress on stderr, prints the diagnostics and a summary line.
    static func build(_ options: SiteBuildOptions, verbosity: Progress.Verbosity) -> SiteBuildReport {
        let display = ProgressBox(verbosity: verbosity)
        let report = SiteBuilder.build(options) { event in display.handle(event) }
        display.finish()
        Terminal.error(DiagnosticRenderer(sources: sources(of: report.diagnostics)).render(report.diagnostics))
        if verbosity != .quiet || report.failed {
            Terminal.error(summary(report, output: options.output) + "\n")
        }
        return report
    }

    /// The notebooks that diagnostics point into, for quoting their lines.
    static func sources(of diagnostics: [Diagnostic]) -> [SourceText] {
        let files = Set(diagnostics.compactMap { $0.range != nil ? $0.file : nil })
        return files.sorted().compactMap { path in
            FileManager.default.contents(atPath: path).map { SourceText(path: path, text: String(decoding: $0, as: UTF8.self)) }
        }
    }

    static func summary(_ report: SiteBuildReport, output: String) -> String {
        let time = String(format: "%.2f s", report.seconds)
        let count = "\(report.notebooks) notebook\(report.notebooks == 1 ? "" : "s")"
        if !report.published {
            return "build failed: \(output)/ left as it was (\(time))"
        }
        if report.upToDate {
            return "\(output)/ is up to date (\(count), \(time))"
        }
        let cached = report.notebooks - min(report.ran, report.notebooks)
        return "built \(output)/ from \(count): \(report.ran) ran, \(cached) cached, \(report.pagesRendered) page\(report.pagesRendered == 1 ? "" : "s") drawn (\(time))"
    }
}
