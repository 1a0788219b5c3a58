import ArgumentParser
import Diagnostics
import Foundation
import Pipeline

extension Chainrule {
    /// `chainrule build [PATHS] [--out DIR]`: runs the notebooks and writes the static site.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the notebooks and write the static site.",
            discussion: """
                Notebooks whose bytes (and data files) have not changed since the last build are \
                not run again: their results come from .chainrule/cache. The new site is written \
                next to the old one and swapped in only when the build succeeds.
                """)

        @OptionGroup var site: SiteCommandOptions

        func run() throws {
            let report = SiteCommandOptions.build(site.buildOptions(), verbosity: site.verbosity)
            if report.failed { throw ExitCode(1) }
        }
    }
}
