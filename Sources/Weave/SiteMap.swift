import Diagnostics
import TeXMath

/// Every page of a site, for the links between them: which notebook became which page, and
/// which heading ids each page has.
public struct SiteMap: Sendable {
    /// One notebook's page.
    public struct Entry: Sendable, Hashable {
        /// The notebook's path, normalized (`notebooks/xor.md`).
        public var source: String
        /// The page's path in the site (`xor.html`).
        public var page: String
        public var title: String
        public var anchors: Set<String>
        /// The tag of each labelled equation (`\label{loss}` on equation 3: `"loss": "3"`).
        public var equations: [String: String]

        public init(source: String, page: String, title: String, anchors: Set<String>, equations: [String: String] = [:]) {
            self.source = source
            self.page = page
            self.title = title
            self.anchors = anchors
            self.equations = equations
        }
    }

    private let entries: [String: Entry]

    public init(_ entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The labelled equations of every page but `source`'s, with links from `source`'s page
    /// to them; of two pages with one label, the first in path order.
    public func equationLabels(from source: String) -> [String: MathContext.Label] {
        guard let own = entries[source] else { return [:] }
        var labels: [String: MathContext.Label] = [:]
        for entry in entries.values.sorted(by: { $0.source < $1.source }) where entry.source != source {
            for (name, tag) in entry.equations where labels[name] == nil {
                labels[name] = MathContext.Label(
                    tag: tag, link: SitePath.relative(from: own.page, to: entry.page) + "#" + RenderedMath.id(forLabel: name))
            }
        }
        return labels
    }

    /// The page of a notebook, by its normalized path.
    public func entry(_ source: String) -> Entry? {
        entries[source]
    }

    /// The problem with a link, if there is one: a notebook that does not exist, a heading id
    /// that its page does not have, a file that is outside the site or that the site cannot
    /// publish. `fileProblem` answers for paths in the project (the only I/O a check needs):
    /// why the file cannot be published, or nil.
    public func check(_ link: PageLink, from source: String, file: String, fileProblem: (String) -> String?) -> Diagnostic? {
        let at = SourceRange(at: link.location)
        switch link.target {
        case .notebook(let target):
            guard let entry = entries[target] else {
                let name = SitePath.normalize(link.destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? "")
                let known = entries.keys.sorted()
                var notes: [Diagnostic.Note] = [.init("looked for \(target)")]
                if let close = Suggestion.closest(to: target, among: known) {
                    notes.append(.init("did you mean '\(SitePath.relative(from: source, to: close))'?"))
                }
                return .error("broken link: no notebook '\(name)'", file: file, at: at, notes: notes)
            }
            return checkFragment(link, in: entry, file: file, at: at)
        case .samePage:
            guard let entry = entries[source] else { return nil }
            return checkFragment(link, in: entry, file: file, at: at)
        case .file(let path, let sitePath):
            if SitePath.leavesFolder(sitePath) {
                return .error("broken link: '\(link.destination)' is outside the notebooks folder", file: file, at: at,
                              notes: [.init("the site only copies files that sit next to the notebooks")])
            }
            if let problem = fileProblem(path) {
                return .error("broken link: \(problem)", file: file, at: at)
            }
            return nil
        }
    }

    private func checkFragment(_ link: PageLink, in entry: Entry, file: String, at: SourceRange) -> Diagnostic? {
        guard let fragment = link.fragment, !fragment.isEmpty, !entry.anchors.contains(fragment) else { return nil }
        var notes: [Diagnostic.Note] = []
        if let close = Suggestion.closest(to: fragment, among: entry.anchors.sorted()) {
            notes.append(.init("did you mean '#\(close)'?"))
        } else if !entry.anchors.isEmpty {
            notes.append(.init("its headings are #" + entry.anchors.sorted().prefix(8).joined(separator: ", #")))
        } else {
            notes.append(.init("it has no headings"))
        }
        return .error("broken link: no heading '#\(fragment)' in \(entry.source)", file: file, at: at, notes: notes)
    }
}
