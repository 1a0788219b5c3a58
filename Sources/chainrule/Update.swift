import ArgumentParser
import Diagnostics
import Document
import Foundation
import Pipeline

extension Chainrule {
    /// `chainrule update`: rewrites the recorded outputs in place, and nothing else.
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run notebooks and rewrite their output blocks in place.",
            discussion: """
                Adds missing output blocks, removes those of blocks that no longer display anything, and \
                changes no other byte. A file is written atomically, and only when something changed. A \
                notebook with a failing block, or with an output block that follows no block, is left as it is, \
                and so is a read-only notebook, a symbolic link, or one edited during the run. Temporary files \
                left by an update that was killed are removed.
                """)

        @OptionGroup var options: RunOptions

        func run() throws {
            let (paths, findProblems) = options.notebookPaths()
            let (notebooks, loadProblems) = loadNotebooks(paths)
            let removed = NotebookUpdate.removeStaleTemporaries(nextTo: paths)
            let progress = Progress(total: notebooks.count, verbosity: options.verbosity)
            let runs = NotebookBatch.run(notebooks, jobs: options.jobs,
                                         progress: progress.handle)
            progress.finish()
            RecordStore(projectRoot: options.projectRoot)?.keep(runs)
            let renderer = DiagnosticRenderer(sources: notebooks.map(NotebookLoader.sourceText))
            var out = renderer.render(findProblems + loadProblems)
            if !options.quiet {
                for path in removed { out += "removed \(path) (left by an update that was killed)\n" }
            }
            var updated = 0, unchanged = 0, failed = findProblems.count + loadProblems.count
            // One set of digests for every notebook, so a data file several of them read is hashed once.
            let digests = InputDigests()
            for run in runs {
                let shown = run.diagnostics.filter { $0.severity == .error || !options.quiet }
                out += renderer.render(shown)
                guard !run.failed else {
                    out += "not updated: \(run.notebook.path) (fix the errors above first)\n"
                    failed += 1
                    continue
                }
                let records = NotebookUpdate.records(run, toolVersion: ChainruleVersion.current, digests: digests)
                do {
                    if try NotebookUpdate.write(run.notebook.rewritingOutputs(records, values: run.values), over: run.notebook) {
                        updated += 1
                        if !options.quiet { out += "updated \(run.notebook.path)\n" }
                    } else {
                        unchanged += 1
                    }
                } catch {
                    out += renderer.render(error.diagnostics)
                    failed += 1
                }
            }
            out += "\(updated) updated, \(unchanged) unchanged, \(failed) failed\n"
            print(Terminal.printable(out), terminator: "")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
