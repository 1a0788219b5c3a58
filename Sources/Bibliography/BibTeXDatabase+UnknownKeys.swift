import Diagnostics

extension BibTeXDatabase {
    /// The key nearest to an unknown one, if it is close enough to be a typo
    /// ("kingma2014" for "kingma2015"); ties go to the entry first in the file.
    public func suggestedKey(for key: String) -> String? {
        Suggestion.closest(to: key, among: entries.lazy.map(\.key))
    }

    /// The error for a cited key that no entry has, to report at the citation (`file` and
    /// `range` are the notebook's), with a "did you mean" note; nil if the key is known.
    public func unknownKeyDiagnostic(for key: String, file: String?, at range: SourceRange?) -> Diagnostic? {
        guard entry(forKey: key) == nil else { return nil }
        var notes: [Diagnostic.Note] = []
        if CitationScanner.isCrossReference(key) {
            notes.append(.init("'@\(key)' is a cross-reference; write it in brackets of its own, apart from citations"))
        } else if let suggestion = suggestedKey(for: key) {
            notes.append(.init("did you mean '\(suggestion)'?"))
        } else if entries.isEmpty {
            notes.append(.init("no bibliography entries are loaded"))
        }
        return .error("no bibliography entry has the key '\(key)'", file: file, at: range, notes: notes)
    }
}
