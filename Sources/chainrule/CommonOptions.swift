import ArgumentParser
import Diagnostics
import Document
import Foundation
import Pipeline

/// Options shared by the commands that run many notebooks.
struct RunOptions: ParsableArguments {
    @Argument(help: "Notebooks, or folders of notebooks (default: notebooks/).")
    var paths: [String] = []

    @Option(help: "Run this many notebooks at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every notebook as it starts and finishes.")
    var verbose = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    var verbosity: Progress.Verbosity { quiet ? .quiet : (verbose ? .verbose : .normal) }

    /// The notebook files to work on, and the problems finding them.
    func notebookPaths() -> (paths: [String], diagnostics: [Diagnostic]) {
        let found = NotebookFinder.find(paths.isEmpty ? [Project.notebooks] : paths)
        return (found.notebooks, found.diagnostics)
    }

    /// The project folder, where `.chainrule/` lives: the configuration's, else the current
    /// directory.
    var projectRoot: String { Project.configuration()?.root ?? FileManager.default.currentDirectoryPath }
}

/// Loads notebooks, collecting the ones that cannot be read as diagnostics.
func loadNotebooks(_ paths: [String]) -> (notebooks: [Notebook], diagnostics: [Diagnostic]) {
    var notebooks: [Notebook] = [], diagnostics: [Diagnostic] = []
    for path in paths {
        do {
            notebooks.append(try NotebookLoader.load(path))
        } catch {
            diagnostics += error.diagnostics
        }
    }
    return (notebooks, diagnostics)
}

/// A `K/N` shard of a CI matrix.
struct Shard: ExpressibleByArgument {
    let index: Int
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    /// The notebooks of this shard: every n-th of the sorted paths, starting at the k-th, so
    /// shards are disjoint, cover everything, and do not depend on the machine.
    func select(_ paths: [String]) -> [String] {
        paths.sorted().enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
