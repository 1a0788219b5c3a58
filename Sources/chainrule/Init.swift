import ArgumentParser
import Diagnostics
import Foundation
import Pipeline

extension Chainrule {
    /// `chainrule init [DIR]`: a new course whose `check` and `build` pass at once.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a course: configuration, a first notebook, .gitignore and a GitHub workflow.",
            discussion: """
                Writes chainrule.yml, notebooks/index.md, a short notebook that derives and checks the slope \
                of the logistic function (with its outputs recorded), notebooks/references.bib, .gitignore, \
                and .github/workflows/notebooks.yml, which checks every pull request and publishes the site \
                to GitHub Pages from main. A file that exists is left as it is.
                """)

        @Argument(help: "The folder of the new course (default: the current folder).")
        var directory: String = "."

        @Option(help: "The course's title (default: the folder's name).")
        var title: String?

        @Option(help: "The GitHub Action the workflow uses, as OWNER/REPOSITORY@REF.")
        var action: String = ProjectTemplate.defaultAction

        func run() throws {
            let root = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
            let name = title ?? root.lastPathComponent.replacingOccurrences(of: "-", with: " ").capitalized
            var written: [String] = []
            for file in ProjectTemplate.files(title: name, action: action) {
                let path = root.appendingPathComponent(file.path).path
                let shown = directory == "." ? file.path : (directory as NSString).appendingPathComponent(file.path)
                if FileManager.default.fileExists(atPath: path) {
                    print("kept    \(shown) (it exists)")
                    continue
                }
                do {
                    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    guard try Self.create(path, file.text) else {
                        print("kept    \(shown) (it exists)")
                        continue
                    }
                } catch {
                    Terminal.error(DiagnosticRenderer().render([.error("cannot write the file: \(error.localizedDescription)", file: shown)]))
                    throw ExitCode(1)
                }
                print("wrote   \(shown)")
                written.append(path)
            }
            // The new notebooks' outputs, as `update` records them.
            for path in written where path.hasSuffix(".md") {
                let notebook = try NotebookLoader.load(path)
                let run = NotebookRunner.run(notebook)
                guard !run.failed else {
                    Terminal.error(DiagnosticRenderer(sources: [NotebookLoader.sourceText(notebook)]).render(run.diagnostics))
                    throw ExitCode(1)
                }
                let records = NotebookUpdate.records(run, toolVersion: ChainruleVersion.current)
                _ = try NotebookUpdate.write(run.notebook.rewritingOutputs(records, values: run.values), over: run.notebook)
            }
            let place = directory == "." ? "" : "cd \(directory) && "
            print("""

                Next: \(place)chainrule check, then chainrule serve to read the site as you write.
                Push to GitHub and turn on Pages (Settings, Pages, Source: GitHub Actions) to publish it.
                """)
        }

        /// Writes `path` whole, or not at all when it exists (even when it appears meanwhile):
        /// the text goes to a temporary file beside it, which is then hard-linked into place,
        /// and a link never replaces a file. Returns false when the file was there.
        static func create(_ path: String, _ text: String) throws -> Bool {
            let temporary = path + ".chainrule-init-\(getpid())"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            defer { unlink(temporary) }
            if link(temporary, path) == 0 { return true }
            if errno == EEXIST { return false }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
