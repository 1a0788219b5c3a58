/// Formats citations and a reference list in an author-year style: pandoc's default,
/// the Chicago Manual of Style's author-date system, simplified.
///
/// In-text citations:
///
/// - Authors: one is cited by family name ("Nielsen"), two joined by "and" ("Kingma and
///   Ba"), three or more as the first and "et al." ("Rumelhart et al."), in parentheses and
///   in running text alike (Chicago's 18th edition; pandoc's CSL for the 17th lists up to
///   three). An entry without authors is cited by its editors, else its `organization`,
///   `institution` or `publisher`, else its title (in italics or quotes), else its key.
/// - `[@key]` is "(Rumelhart et al. 1986)"; a bare `@key` is "Rumelhart et al. (1986)";
///   `[-@key]` is "(1986)". A prefix comes before ("see Nielsen 2015"), a locator after a
///   comma ("Nielsen 2015, chap. 2"), as written. Several sources in one bracket are
///   separated by semicolons, in the order written.
/// - No year is "n.d.", after a comma in parentheses ("(Stanford CS231n, n.d.)").
/// - Entries cited by the same author text and year get "a", "b", ... after the year, in
///   the order of the reference list (by title for one author and year). Only the keys
///   given to `init` count: see `init`.
/// - An unknown key is shown as "key?" (report it with `BibTeXDatabase.unknownKeyDiagnostic`).
///
/// The reference list, sorted by author (particle and family name, then given names),
/// year (undated last), title, key:
///
///     Rumelhart, David E., Geoffrey E. Hinton, and Ronald J. Williams. 1986. “Learning
///     representations by back-propagating errors.” *Nature* 323 (6088): 533–536.
///     https://doi.org/10.1038/323533a0.
///
/// Names as written in the .bib file (or initials, see `GivenNameForm`), all of them, the
/// first inverted; the year; the title in quotes (a part of a larger work) or italics (a
/// book, report, manual or proceedings); where it appeared, by entry type (journal,
/// volume, issue and pages; book title, editors, pages and publisher; institution; school;
/// `howpublished`); the `note`; the DOI, else the URL, as a link. Titles keep the case
/// they are written in (no title-casing), page ranges are not shortened, months and
/// access dates are left out.
public struct AuthorYearStyle: Sendable {
    public let database: BibTeXDatabase
    public let givenNames: GivenNameForm
    /// One entry per cited key that the database has, in order: the page's bibliography.
    public let referenceList: [ReferenceListEntry]
    private let labels: [String: EntryLabel]

    /// A style for one page (or one site) that cites `citedKeys`: give every key cited
    /// there, before formatting any citation, since the year letters ("1986a") depend on
    /// which entries share an author and a year among them. Citing one of two 1986 papers by
    /// Rumelhart et al. gives "1986"; citing both gives "1986a" and "1986b". Pass the keys of
    /// the whole site for letters that stay the same from page to page. Unknown keys, and
    /// repeats, are ignored.
    public init(database: BibTeXDatabase, citedKeys: some Sequence<String>, givenNames: GivenNameForm = .full) {
        self.database = database
        self.givenNames = givenNames
        var labels: [String: EntryLabel] = [:]
        for key in citedKeys where labels[key] == nil {
            if let entry = database.entry(forKey: key) { labels[key] = EntryLabel(entry: entry) }
        }
        var ordered = labels.values.sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
        var groups: [[String]: [Int]] = [:]
        for (position, label) in ordered.enumerated() {
            groups[[label.author.plainText, label.year ?? ""], default: []].append(position)
        }
        for positions in groups.values where positions.count > 1 {
            for (number, position) in positions.enumerated() {
                ordered[position].yearSuffix = Self.letters(number)
            }
        }
        for label in ordered { labels[label.key] = label }
        self.labels = labels
        let formatter = ReferenceFormatter(givenNames: givenNames)
        referenceList = ordered.compactMap { label in
            database.entry(forKey: label.key).map {
                ReferenceListEntry(key: label.key, content: formatter.reference(for: $0, label: label))
            }
        }
    }

    /// A citation as the reader sees it in the text, such as "(see Nielsen 2015, chap. 2)"
    /// or "Rumelhart et al. (1986)". The citation should be a `.citation` from
    /// `CitationScanner`; a cross-reference's labels would show as unknown keys.
    public func format(_ citation: Citation) -> [StyledText] {
        var builder = StyledTextBuilder()
        let parenthesized = !citation.isInText
        if parenthesized { builder.append("(") }
        for (position, item) in citation.items.enumerated() {
            if position > 0 { builder.append("; ") }
            append(item, to: &builder)
        }
        if parenthesized { builder.append(")") }
        return builder.pieces
    }

    private func append(_ item: Citation.Item, to builder: inout StyledTextBuilder) {
        if !item.prefix.isEmpty { builder.append(item.prefix + " ") }
        let locator = item.locator.isEmpty ? "" : ", " + item.locator
        guard let label = label(forKey: item.key) else {
            builder.append(item.key + "?" + locator)
            return
        }
        switch item.mode {
        case .authorInText:
            builder.append(label.author)
            builder.append(" (" + label.yearText + locator + ")")
        case .normal:
            builder.append(label.author)
            builder.append((label.year == nil ? ", " : " ") + label.yearText + locator)
        case .suppressAuthor:
            builder.append(label.yearText + locator)
        }
    }

    /// The label of a cited key, or of a key the database has but `init` was not given
    /// (formatted without a year letter).
    private func label(forKey key: String) -> EntryLabel? {
        labels[key] ?? database.entry(forKey: key).map(EntryLabel.init(entry:))
    }

    /// "a" to "z", then "aa", "ab", ...: citeproc's year suffixes.
    static func letters(_ number: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var number = number
        var result = ""
        repeat {
            result = String(alphabet[number % 26]) + result
            number = number / 26 - 1
        } while number >= 0
        return result
    }

    /// Whole works have their titles in italics; articles, chapters, theses, web pages and
    /// other parts or unpublished works in quotes.
    static func hasItalicTitle(_ entry: BibTeXEntry) -> Bool {
        italicTitleTypes.contains(entry.type)
    }

    static let italicTitleTypes: Set<String> = [
        "book", "booklet", "manual", "proceedings", "collection", "mvbook", "mvcollection",
        "mvproceedings", "reference", "mvreference", "techreport", "report", "periodical",
        "software", "dataset",
    ]
}
