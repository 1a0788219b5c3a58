import Foundation

/// What an in-text citation says of an entry ("Rumelhart et al." and "1986a"), and where
/// the entry goes in the reference list.
struct EntryLabel: Sendable {
    /// Who the entry is by, in the order of preference of the author-year style.
    enum Creator: Sendable, Hashable {
        case authors(NameList)
        case editors(NameList)
        /// An organisation named by a field (`organization`, `institution` or `publisher`),
        /// for an entry without names.
        case organization(field: String, name: [StyledText])
        /// No creator at all: the title stands first.
        case title
    }

    let key: String
    let creator: Creator
    /// The creator as cited: "Nielsen", "Kingma and Ba", "Rumelhart et al.", the
    /// organisation, or the title (in italics or quotes, as in the reference list).
    let author: [StyledText]
    /// The year as written (from `year`, or the start of a biblatex `date`); nil: n.d.
    let year: String?
    /// "a", "b", ... when another cited entry has the same author text and year.
    var yearSuffix = ""
    let sortKey: [String]

    init(entry: BibTeXEntry) {
        key = entry.key
        let authors = entry.authors, editors = entry.editors
        if !authors.isEmpty {
            creator = .authors(authors)
        } else if !editors.isEmpty {
            creator = .editors(editors)
        } else if let (field, name) = ["organization", "institution", "publisher"].lazy
            .compactMap({ field in entry.styled(field).map { (field, $0) } }).first
        {
            creator = .organization(field: field, name: name)
        } else {
            creator = .title
        }
        switch creator {
        case .authors(let names), .editors(let names):
            author = [.text(Self.citedNames(names))]
        case .organization(_, let name):
            author = name
        case .title:
            author = EntryLabel.citedTitle(of: entry) ?? [.text(entry.key)]
        }
        if let year = entry.text("year") {
            self.year = year
        } else if let date = entry.text("date"), date.prefix(4).allSatisfy(\.isNumber), date.count >= 4 {
            self.year = String(date.prefix(4))
        } else {
            year = nil
        }
        let creatorSort: String
        switch creator {
        case .authors(let names), .editors(let names):
            creatorSort = names.names.map { name in
                [name.particle, name.family, name.given, name.suffix].filter { !$0.isEmpty }.joined(separator: " ")
            }.joined(separator: " ; ") + (names.hasOthers ? " ; ~" : "")
        case .organization(_, let name):
            creatorSort = name.plainText
        case .title:
            creatorSort = Self.withoutLeadingArticle(entry.text("title") ?? entry.key)
        }
        sortKey = [
            Self.folded(creatorSort),
            year == nil ? "1" : "0" + Self.folded(year!),
            Self.folded(Self.withoutLeadingArticle(entry.text("title") ?? "")),
            entry.key,
        ]
    }

    /// The year as cited: "1986", "1986a", "n.d." or "n.d.-a".
    var yearText: String {
        guard let year else { return yearSuffix.isEmpty ? "n.d." : "n.d.-" + yearSuffix }
        return year + yearSuffix
    }

    /// One name: "Nielsen"; two: "Kingma and Ba"; three or more (or a list that ends with
    /// `and others`): "Rumelhart et al.".
    static func citedNames(_ list: NameList) -> String {
        let names = list.names.map(\.citedName)
        if list.hasOthers || names.count >= 3 { return (names.first ?? "Anonymous") + " et al." }
        return names.joined(separator: " and ")
    }

    /// The title as it is cited in place of an author: in italics for a whole work (a book),
    /// in quotes for a part of one (an article, a web page).
    static func citedTitle(of entry: BibTeXEntry) -> [StyledText]? {
        guard let title = entry.styled("title") else { return nil }
        if AuthorYearStyle.hasItalicTitle(entry) { return [.emphasis(title)] }
        var builder = StyledTextBuilder([.text("“")])
        builder.append(title)
        builder.append("”")
        return builder.pieces
    }

    /// For sorting: lowercase, accents removed ("Érdős" sorts with "Erdos").
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func withoutLeadingArticle(_ title: String) -> String {
        for article in ["The ", "A ", "An "] where title.hasPrefix(article) {
            return String(title.dropFirst(article.count))
        }
        return title
    }
}
