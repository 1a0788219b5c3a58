import ArgumentParser
import Diagnostics
import Document
import Foundation
import Pipeline

extension Chainrule {
    /// `chainrule check`: fails, pointing at file and line with a diff, when a recorded
    /// output no longer matches what the code gives.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run notebooks and compare every block's output with its record.",
            discussion: """
                For each stale block prints FILE:LINE, why it is stale (its code changed, an earlier block \
                changed, its data changed, the tool changed, or the same inputs now give a different result) \
                and a unified diff, then `N passed, N failed`. Exits 1 if anything is stale or fails. \
                With GITHUB_ACTIONS=true it also prints ::error annotations.
                """)

        @OptionGroup var options: RunOptions

        @Flag(help: "Run nothing: report records whose code, earlier code or tool version changed.")
        var fast = false

        @Option(help: "Check only the K-th of N stable slices of the notebooks (for a CI matrix), e.g. 2/4.")
        var shard: Shard?

        @Option(help: "Compare numbers with this relative tolerance (overrides a notebook's rtol).")
        var rtol: Double?

        @Option(help: "How to report: text (for people), or json (one document on stdout, for editors and CI; see docs/check-json.md).")
        var format: ReportFormat = .text

        enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func validate() throws {
            if let rtol, !(rtol >= 0 && rtol <= 1) { throw ValidationError("--rtol must be between 0 and 1") }
        }

        func run() throws {
            var (paths, problems) = options.notebookPaths()
            if let shard { paths = shard.select(paths) }
            let (notebooks, loadProblems) = loadNotebooks(paths)
            problems += loadProblems
            let version = ChainruleVersion.current
            var reports: [NotebookReport]
            if fast {
                reports = notebooks.map { NotebookCheck.checkSources($0, toolVersion: version) }
            } else {
                let progress = Progress(total: notebooks.count, verbosity: format == .json ? .quiet : options.verbosity)
                let rtol = rtol
                // One set of digests for the whole check: a data file is hashed once, however
                // many blocks and notebooks read it, and both passes below see the same digest.
                let digests = InputDigests()
                let runs = NotebookBatch.run(notebooks, jobs: options.jobs, judge: { run in
                    let report = NotebookCheck.check(run, toolVersion: version, rtol: rtol, digests: digests)
                    return report.diagnostics.contains { $0.severity == .error } ? .failed
                        : (report.stale.isEmpty ? .ok : .stale(records: report.stale.count))
                }, progress: progress.handle)
                progress.finish()
                let store = RecordStore(projectRoot: options.projectRoot)
                reports = runs.map { NotebookCheck.check($0, toolVersion: version, rtol: rtol, store: store, digests: digests) }
                store?.keep(runs)
            }
            if format == .json {
                print(CheckReportJSON.document(reports: reports, problems: problems, toolVersion: version), terminator: "")
                if reports.contains(where: { !$0.passed }) || !problems.isEmpty { throw ExitCode(1) }
                return
            }
            let annotate = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
            let renderer = DiagnosticRenderer(sources: notebooks.map(NotebookLoader.sourceText))
            var out = renderer.render(problems)
            for report in reports {
                for stale in report.stale {
                    out += "\(report.path):\(stale.line): \(stale.message)\n" + stale.diff
                    for detail in stale.details { out += "  " + detail + "\n" }
                    if annotate { out += GitHubAnnotation.error(file: report.path, line: stale.line, message: stale.message) }
                }
                let shown = report.diagnostics.filter { $0.severity == .error || !options.quiet }
                out += renderer.render(shown)
                if annotate {
                    for diagnostic in shown where diagnostic.severity == .error {
                        out += GitHubAnnotation.error(file: diagnostic.file ?? report.path, line: diagnostic.range?.start.line,
                                                      column: diagnostic.range?.start.column, message: diagnostic.message)
                    }
                }
            }
            let failed = reports.filter { !$0.passed }.count + problems.count
            out += "\(reports.count - reports.filter { !$0.passed }.count) passed, \(failed) failed\n"
            print(Terminal.printable(out), terminator: "")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

/// GitHub Actions workflow commands, so failures show on the pull request's files.
enum GitHubAnnotation {
    static func error(file: String, line: Int?, column: Int? = nil, message: String) -> String {
        var properties = "file=\(escapeProperty(file))"
        if let line { properties += ",line=\(line)" }
        if let column { properties += ",col=\(column)" }
        return "::error \(properties)::\(escapeData(message))\n"
    }

    /// The escaping GitHub's toolkit applies (core/command.ts).
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
