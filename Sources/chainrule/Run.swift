import ArgumentParser
import Diagnostics
import Foundation
import Document
import Live
import Pipeline

extension Chainrule {
    /// `chainrule run FILE`: every block's output on stdout, exactly as `update` would record
    /// it (under a `==> FILE:LINE <==` header per block when several show something, and a
    /// failing block's as far as it got); diagnostics on stderr; no file written.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one notebook and print every block's output.")

        @Argument(help: "The notebook to run.")
        var file: String

        @Flag(help: "Print the notebook as a live page carries it (JSON: its blocks, limits and data files, and its text), for running it elsewhere, such as in the WebAssembly module (docs/live.md).")
        var program = false

        func run() throws {
            let notebook: Notebook
            do {
                notebook = try NotebookLoader.load(file)
            } catch {
                Terminal.error(DiagnosticRenderer().render(error.diagnostics))
                throw ExitCode(1)
            }
            let result = NotebookRunner.run(notebook)
            if program {
                print(LiveProgram(result, source: true).json.text)
                return
            }
            // What each block showed (a failing block, as far as it got); under a header
            // naming its line when more than one block shows something, as `head` does for
            // several files.
            let shown = notebook.blocks.indices.compactMap { index -> (line: Int, text: String)? in
                guard let text = result.recordedText(index) ?? result.partialText(index) else { return nil }
                return (notebook.blocks[index].fenceLine, text)
            }
            for (position, block) in shown.enumerated() {
                if shown.count > 1 { print((position > 0 ? "\n" : "") + "==> \(file):\(block.line) <==") }
                print(block.text)
            }
            let renderer = DiagnosticRenderer(sources: [NotebookLoader.sourceText(notebook)])
            Terminal.error(renderer.render(result.diagnostics))
            if result.failed { throw ExitCode(1) }
        }
    }
}
