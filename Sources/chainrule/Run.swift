import ArgumentParser
import Diagnostics
import Foundation
import Document
import Pipeline

extension Chainrule {
    /// `chainrule run FILE`: every block's output on stdout, exactly as `update` would record
    /// it; diagnostics on stderr; no file written.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one notebook and print every block's output.")

        @Argument(help: "The notebook to run.")
        var file: String

        func run() throws {
            let notebook: Notebook
            do {
                notebook = try NotebookLoader.load(file)
            } catch {
                Terminal.error(DiagnosticRenderer().render(error.diagnostics))
                throw ExitCode(1)
            }
            let result = NotebookRunner.run(notebook)
            for index in notebook.blocks.indices {
                if let text = result.recordedText(index) { print(text) }
            }
            let renderer = DiagnosticRenderer(sources: [NotebookLoader.sourceText(notebook)])
            Terminal.error(renderer.render(result.diagnostics))
            if result.failed { throw ExitCode(1) }
        }
    }
}
