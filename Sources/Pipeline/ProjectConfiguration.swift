import Diagnostics
import Foundation
import Weave
import Yams

/// A project's settings, in `chainrule.yml` at its root, found by walking up from the
/// folder a command starts in (as mdBook finds `book.toml`):
///
///     title: Backpropagation, step by step     # the site's title
///     description: A course in ten notebooks    # under the title on the home page
///     language: en                              # the pages' lang
///     notebooks: notebooks                      # what check, update and build read
///     output: site                              # where build writes
///     theme: theme                              # overrides of the built-in theme
///     macros: |                                 # TeX macros for every formula
///       \newcommand{\R}{\mathbb{R}}
///     bibliography: references.bib              # cited as [@key] in every notebook
///     base_url: https://example.github.io/course/   # canonical links and sitemap.xml
///
/// Every key is optional; paths are relative to the file. A flag on the command line wins
/// over the file. An unknown key is an error with the nearest known one, and the folder that
/// holds the file is the project: what `load` and linked files may not leave.
public struct ProjectConfiguration: Sendable, Hashable {
    public static let fileName = "chainrule.yml"
    public static let keys = ["title", "description", "language", "notebooks", "output", "theme", "macros", "bibliography", "base_url"]

    /// The folder that holds the file, and the file.
    public var root: String
    public var path: String
    public var title: String?
    public var description: String?
    public var language: String?
    public var notebooks: String?
    public var output: String?
    public var theme: String?
    public var macros: String?
    public var bibliography: String?
    /// Where the site is published (`SiteURL.base`, with its final `/`).
    public var baseURL: String?
    /// Where the value of `bibliography` is in the file, for its problems.
    public var bibliographyLocation: SourceLocation?
    /// Where the text of `macros` starts in the file, and the indentation of its lines after
    /// the first (a block scalar, `macros: |`, starts on the next line, indented).
    public var macrosLocation: SourceLocation?
    public var macrosIndent = 0

    public init(root: String, path: String) {
        self.root = root
        self.path = path
    }

    /// The configuration of the project that holds `folder`: the nearest `chainrule.yml` at
    /// or above it. Nil when there is none; problems with the file are diagnostics.
    public static func find(from folder: String) -> (ProjectConfiguration?, [Diagnostic]) {
        var candidate = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        while true {
            let file = candidate.appendingPathComponent(fileName).path
            if SiteFiles.kind(file) == .file {
                guard let bytes = SiteFiles.read(file) else {
                    return (nil, [.error("cannot read the project's configuration", file: file)])
                }
                return parse(String(decoding: bytes, as: UTF8.self), path: file, root: candidate.path)
            }
            if candidate.path == "/" { return (nil, []) }
            candidate.deleteLastPathComponent()
        }
    }

    /// `find(from:)`, read once per file for the life of the process: every notebook of a
    /// project asks for the same file.
    public static func cached(from folder: String) -> (ProjectConfiguration?, [Diagnostic]) {
        guard let file = ProjectRoot.configurationFile(above: folder) else { return (nil, []) }
        return ConfigurationCache.shared.value(for: file) { find(from: folder) }
    }

    /// Reads the file's text.
    public static func parse(_ sourceText: String, path: String, root: String) -> (ProjectConfiguration?, [Diagnostic]) {
        var configuration = ProjectConfiguration(root: root, path: path)
        var problems: [Diagnostic] = []
        let node: Node?
        do {
            node = try Yams.compose(yaml: sourceText, .basic)
        } catch let error as YamlError {
            return (nil, [.error("the configuration is not valid YAML: \(error)", file: path)])
        } catch {
            return (nil, [.error("the configuration is not valid YAML", file: path)])
        }
        guard let node else { return (configuration, []) }
        guard case .mapping(let mapping) = node else {
            return (nil, [.error("the configuration must be a mapping of keys to values", file: path,
                                 at: SourceRange(at: location(node.mark)))])
        }
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let at = SourceRange(at: location(key.mark))
            guard keys.contains(name) else {
                let suggestion = Suggestion.closest(to: name, among: keys)
                problems.append(.error("unknown configuration key '\(name)'", file: path, at: at,
                                       notes: suggestion.map { [.init("did you mean '\($0)'?")] } ?? [.init("keys: " + keys.joined(separator: ", "))]))
                continue
            }
            guard let text = value.scalar?.string else {
                problems.append(.error("'\(name)' must be text", file: path, at: SourceRange(at: location(value.mark))))
                continue
            }
            switch name {
            case "title": configuration.title = text
            case "description": configuration.description = text
            case "language": configuration.language = text
            case "notebooks": configuration.notebooks = text
            case "output": configuration.output = text
            case "theme": configuration.theme = text
            case "macros":
                configuration.macros = text
                var start = location(value.mark)
                if let style = value.scalar?.style, style == .literal || style == .folded {
                    // The text starts on the line after the `|`, at its indentation.
                    let firstLine = text.isEmpty ? nil : sourceLine(of: sourceText, number: start.line + 1)
                    let indent = firstLine.map { $0.prefix { $0 == " " }.count } ?? 0
                    start = SourceLocation(line: start.line + 1, column: indent + 1)
                    configuration.macrosIndent = indent
                } else if let style = value.scalar?.style, style != .plain {
                    start = SourceLocation(line: start.line, column: start.column + 1)
                }
                configuration.macrosLocation = start
            case "base_url":
                guard let base = SiteURL.base(text) else {
                    problems.append(.error("'base_url' must be an absolute http or https address", file: path,
                                           at: SourceRange(at: location(value.mark)),
                                           notes: [.init("such as https://example.github.io/course/")]))
                    continue
                }
                configuration.baseURL = base
            case "bibliography":
                configuration.bibliography = text
                configuration.bibliographyLocation = location(value.mark)
            default: break
            }
        }
        return (problems.isEmpty ? configuration : nil, problems)
    }

    /// A path of the file's (relative to the project) as a command gives it: relative to the
    /// current folder when the project is under it, else absolute.
    public func resolve(_ relative: String) -> String {
        let absolute = relative.hasPrefix("/") ? relative : (root as NSString).appendingPathComponent(relative)
        let current = FileManager.default.currentDirectoryPath
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// Where the character at `offset` (in Unicode scalars) of the macros' text is in the file.
    public func macrosLocation(atOffset offset: Int) -> SourceLocation {
        let start = macrosLocation ?? SourceLocation(line: 1, column: 1)
        guard let macros else { return start }
        var line = start.line, column = start.column
        for scalar in macros.unicodeScalars.prefix(offset) {
            if scalar == "\n" {
                line += 1
                column = macrosIndent + 1
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The text of line `number` (counted from 1), if the file has it.
    private static func sourceLine(of text: String, number: Int) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number - 1 < lines.count ? lines[number - 1] : nil
    }

    /// Yams counts lines and columns from 1, as diagnostics do.
    private static func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(line: max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1))
    }
}

/// Configurations already read, by file.
private final class ConfigurationCache: @unchecked Sendable {
    static let shared = ConfigurationCache()
    private let lock = NSLock()
    private var values: [String: (ProjectConfiguration?, [Diagnostic])] = [:]

    func value(for file: String, _ make: () -> (ProjectConfiguration?, [Diagnostic])) -> (ProjectConfiguration?, [Diagnostic]) {
        if let known = lock.withLock({ values[file] }) { return known }
        let made = make()
        lock.withLock { values[file] = made }
        return made
    }
}
