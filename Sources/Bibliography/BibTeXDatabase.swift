import Diagnostics

/// The entries of one .bib file (or several, merged), by key, with the problems found in it.
///
/// Parsing never fails: a broken entry is reported and skipped, and the rest of the file is
/// still read (see `BibTeXParser` for the rules), so a page can cite what is fine while its
/// author fixes the rest.
public struct BibTeXDatabase: Sendable {
    /// Entries in file order; of two entries with one key, only the first.
    public let entries: [BibTeXEntry]
    /// Every problem found, each with the file's path, line and column.
    public let diagnostics: [Diagnostic]
    private let index: [String: Int]

    /// Reads a .bib file's text; `path` is the file as the user named it, for diagnostics.
    public static func parse(_ text: String, path: String) -> BibTeXDatabase {
        var parser = BibTeXParser(text: text, path: path)
        parser.parse()
        return BibTeXDatabase(entries: parser.entries, diagnostics: parser.diagnostics)
    }

    /// The entries of several files, in order; a key already seen in an earlier file is
    /// reported (as a warning in the later file) and its later entry left out, as BibTeX
    /// does within one file.
    public init(merging databases: [BibTeXDatabase], paths: [String]) {
        precondition(databases.count == paths.count, "one path per database")
        var entries: [BibTeXEntry] = []
        var diagnostics: [Diagnostic] = []
        var firstPaths: [String: (path: String, entry: BibTeXEntry)] = [:]
        for (database, path) in zip(databases, paths) {
            diagnostics += database.diagnostics
            for entry in database.entries {
                if let first = firstPaths[entry.key] {
                    diagnostics.append(.warning(
                        "key '\(entry.key)' is also defined in \(first.path):\(first.entry.keyRange.start); this entry is ignored",
                        file: path, at: entry.keyRange))
                } else {
                    firstPaths[entry.key] = (path, entry)
                    entries.append(entry)
                }
            }
        }
        self.init(entries: entries, diagnostics: diagnostics)
    }

    /// A database of entries made elsewhere (keys must be unique: the first one wins).
    public init(entries: [BibTeXEntry], diagnostics: [Diagnostic] = []) {
        var index: [String: Int] = [:]
        var unique: [BibTeXEntry] = []
        for entry in entries where index[entry.key] == nil {
            index[entry.key] = unique.count
            unique.append(entry)
        }
        self.entries = unique
        self.diagnostics = diagnostics
        self.index = index
    }

    public func entry(forKey key: String) -> BibTeXEntry? {
        index[key].map { entries[$0] }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
