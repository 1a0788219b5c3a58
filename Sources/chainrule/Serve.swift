import ArgumentParser
import Dispatch
import Foundation
import Pipeline
#if canImport(Glibc)
import Glibc
#endif

extension Chainrule {
    /// `chainrule serve`: builds, serves the site on 127.0.0.1, rebuilds when a notebook
    /// changes, and the open page reloads itself.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it on 127.0.0.1 and rebuild when a notebook changes.",
            discussion: """
                Failed blocks and broken links do not stop the preview: they are shown on the \
                pages and printed here. Pages reload themselves after each rebuild.
                """)

        @OptionGroup var site: SiteCommandOptions

        @Option(name: .long, help: "The port to listen on (127.0.0.1 only).")
        var port: Int = 8000

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        }

        func run() throws {
            // A parent may have started us with SIGINT and SIGTERM blocked (a test harness's
            // worker thread, say); then Ctrl-C and `kill` would never stop the server.
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGINT)
            sigaddset(&signals, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            // A preview keeps going: a failure is shown on its page rather than stopping the server.
            let options = site.buildOptions(keepGoing: true)
            let verbosity = site.verbosity
            // Listen first: a port in use is reported before any work is done.
            let server = SiteServer(root: options.output, port: UInt16(port))
            do {
                try server.start()
            } catch {
                Terminal.error("error: cannot listen on 127.0.0.1:\(port): \(error)\n")
                throw ExitCode(1)
            }
            let first = SiteCommandOptions.build(options, verbosity: verbosity)
            server.bumpVersion()
            Terminal.error("serving \(options.output)/ at http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
            var watched = watchList(options, report: first)
            var snapshot = SiteWatcher(paths: watched).snapshot()
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let now = SiteWatcher(paths: watched).snapshot()
                guard now != snapshot else { continue }
                let report = SiteCommandOptions.build(options, verbosity: verbosity)
                if report.published { server.bumpVersion() }
                watched = watchList(options, report: report)
                // Changes made during the build are seen on the next poll.
                snapshot = now
            }
        }

        /// The notebook folders, the theme, and the data files and linked files the build read.
        private func watchList(_ options: SiteBuildOptions, report: SiteBuildReport) -> [String] {
            var paths = options.paths
            paths.append(options.theme ?? "theme")
            paths += report.inputs
            return paths
        }
    }
}
