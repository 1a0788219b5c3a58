import Bibliography
import Diagnostics
import Digest
import Document
import Foundation
import TeXMath

/// What a notebook takes from outside its own text: the TeX macros of its project's
/// configuration, and the bibliography its citations resolve against (the front matter's
/// `bibliography`, else the configuration's). The run's lint and the page read the same
/// context, so a macro or a key the page knows is never reported as unknown, and the other
/// way round.
///
/// The configuration is the one of the notebook's project (the nearest `chainrule.yml` above
/// it, as `ProjectRoot` finds it), whatever folder the command starts in.
public struct NotebookContext: Sendable {
    /// The configuration's macros, read into the context every formula of the notebook
    /// starts from.
    public var math = MathContext()
    public var bibliography: BibTeXDatabase?
    /// Files the page is drawn from besides the notebook and what its blocks read (the
    /// bibliography): they join the files the run read (`InputDigests.files(readBy:context:)`),
    /// so that changing one runs the notebook and draws the page again.
    public var files: [String] = []
    /// Problems with the configuration, its macros and the bibliography.
    public var diagnostics: [Diagnostic] = []
    /// Changes with the configuration, its macros and the bibliography's path, for the run's
    /// key. (The bibliography's bytes are digested with the run's other files, in `files`.)
    public var digest = ""

    public init() {}

    /// The context of `notebook`.
    public static func of(_ notebook: Notebook) -> NotebookContext {
        var context = NotebookContext()
        var hash = SHA256()
        hash.update("chainrule-context-1")
        let folder = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        let (configuration, problems) = ProjectConfiguration.cached(from: folder)
        context.diagnostics += problems
        if let configuration {
            hash.update(configuration.path)
            if let macros = configuration.macros {
                hash.update(macros)
                let warnings = context.math.defineMacros(macros)
                context.diagnostics += warnings.map { warning in
                    let range = SourceRange(start: configuration.macrosLocation(atOffset: warning.offset),
                                            end: configuration.macrosLocation(atOffset: warning.offset + warning.length))
                    return .error(warning.message, file: configuration.path, at: range, notes: warning.notes.map { .init($0) })
                }
            }
        }
        // The notebook's own bibliography wins over the project's.
        var bibliography: (path: String, namedIn: String, at: SourceRange?)?
        if let value = notebook.frontMatter.values["bibliography"] {
            let at = notebook.frontMatter.location(of: "bibliography").map { SourceRange(at: $0) }
            if let name = value.string, !name.isEmpty {
                bibliography = (name.hasPrefix("/") ? name : (folder as NSString).appendingPathComponent(name), notebook.path, at)
            } else {
                context.diagnostics.append(.error("'bibliography' must be the path of a .bib file", file: notebook.path, at: at))
            }
        } else if let configuration, let name = configuration.bibliography {
            bibliography = (configuration.resolve(name), configuration.path, configuration.bibliographyLocation.map { SourceRange(at: $0) })
        }
        if let (path, file, at) = bibliography {
            if let problem = readableProblem(path, notebook: notebook.path) {
                context.diagnostics.append(.error(problem, file: file, at: at))
            } else if let bytes = SiteFiles.read(path) {
                let database = BibTeXDatabase.parse(String(decoding: bytes, as: UTF8.self), path: path)
                context.bibliography = database
                context.diagnostics += database.diagnostics
                context.files.append(path)
                hash.update(path)
            } else {
                context.diagnostics.append(.error("cannot read the bibliography '\(path)'", file: file, at: at))
            }
        }
        context.digest = hash.hex
        return context
    }

    /// Why the bibliography at `path` may not be read for the notebook: like a data file, it
    /// must be a regular file inside the notebook's project (a stranger's notebook must not
    /// publish /etc/passwd as its list of references).
    private static func readableProblem(_ path: String, notebook: String) -> String? {
        guard let real = ProjectRoot.resolved(path) else { return "no bibliography '\(path)'" }
        let root = ProjectRoot.of(notebook: notebook)
        guard ProjectRoot.contains(root, real) else { return "the bibliography '\(path)' is outside the project (\(root))" }
        guard SiteFiles.isRegularFile(real) else { return "the bibliography '\(path)' is not a regular file" }
        return nil
    }
}
