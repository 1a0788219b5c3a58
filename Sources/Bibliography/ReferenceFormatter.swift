/// Writes one reference list entry of the author-year style (see `AuthorYearStyle`): a
/// sequence of sentences, each ended with a period unless it ends with its own punctuation.
///
/// Where the work appeared, by entry type:
///
/// - `article`: *Journal* volume (number): pages.
/// - `inproceedings`, `incollection`, `inbook`, `conference`: In *Book title*, edited by
///   editors, vol. volume, pages. Series volume. Address: Publisher.
/// - `book` and other whole works: Edited by editors. Edition. Vol. volume. Series volume.
///   Address: Publisher. (and `howpublished`, `organization` for a booklet or manual)
/// - `techreport`, `report`: Type number. Address: Institution.
/// - `phdthesis`, `mastersthesis`, `thesis`: PhD diss., School.
/// - `misc`, `online`, `unpublished` and unknown types: as an article if there is a
///   `journal`, as a chapter if there is a `booktitle`, else howpublished. organization.
///   institution. publisher.
///
/// A field already used as the creator (an organisation as author) is not repeated.
struct ReferenceFormatter {
    let givenNames: GivenNameForm

    func reference(for entry: BibTeXEntry, label: EntryLabel) -> [StyledText] {
        var sentences: [[StyledText]] = []
        switch label.creator {
        case .authors(let names):
            sentences.append([.text(nameList(names, invertFirst: true))])
        case .editors(let names):
            let role = names.names.count > 1 || names.hasOthers ? ", eds" : ", ed"
            sentences.append([.text(nameList(names, invertFirst: true) + role)])
        case .organization(_, let name):
            sentences.append(name)
        case .title:
            sentences.append(title(of: entry) ?? [.text(entry.key)])
        }
        sentences.append([.text(label.yearText)])
        if label.creator != .title, let title = title(of: entry) { sentences.append(title) }
        sentences += whereItAppeared(entry, creator: label.creator)
        if let note = entry.styled("note") { sentences.append(note) }
        if let link = link(of: entry) { sentences.append([link]) }
        var builder = StyledTextBuilder()
        for sentence in sentences where !sentence.isEmpty {
            if !builder.isEmpty { builder.append(" ") }
            builder.append(sentence)
            builder.endSentence()
        }
        return builder.pieces
    }

    /// “Title.” with the period inside the quotes (American usage), or *Title* in italics.
    func title(of entry: BibTeXEntry) -> [StyledText]? {
        guard let title = entry.styled("title") else { return nil }
        if AuthorYearStyle.hasItalicTitle(entry) { return [.emphasis(title)] }
        var builder = StyledTextBuilder([.text("“")])
        builder.append(title)
        builder.endSentence()
        builder.append("”")
        return builder.pieces
    }

    /// The first name inverted ("Rumelhart, David E."), the others not; two names are
    /// joined by ", and" after an inverted first name, by "and" otherwise; three or more by
    /// commas and ", and"; `and others` ends the list with ", et al.".
    func nameList(_ list: NameList, invertFirst: Bool) -> String {
        let names = list.names.enumerated().map { position, name in
            position == 0 && invertFirst ? name.inverted(givenNames: givenNames) : name.displayed(givenNames: givenNames)
        }
        if list.hasOthers { return (names + ["et al."]).joined(separator: ", ") }
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return names[0] + (invertFirst ? ", and " : " and ") + names[1]
        default: return names.dropLast().joined(separator: ", ") + ", and " + names[names.count - 1]
        }
    }

    // MARK: Where it appeared

    private func whereItAppeared(_ entry: BibTeXEntry, creator: EntryLabel.Creator) -> [[StyledText]] {
        var usedField: String?
        if case .organization(let field, _) = creator { usedField = field }
        let field: (String) -> [StyledText]? = { name in name == usedField ? nil : entry.styled(name) }
        switch entry.type {
        case "article":
            return article(entry, field: field)
        case "inproceedings", "conference", "incollection", "inbook", "inreference", "bookinbook", "suppbook",
            "suppcollection":
            return partOfBook(entry, creator: creator, field: field)
        case "phdthesis", "mastersthesis", "thesis":
            let kind = entry.text("type")
                ?? (entry.type == "phdthesis" ? "PhD diss." : entry.type == "mastersthesis" ? "Master’s thesis" : "Thesis")
            var builder = StyledTextBuilder([.text(kind)])
            if let school = field("school") ?? field("institution") {
                builder.append(", ")
                builder.append(school)
            }
            return [builder.pieces]
        case "techreport", "report":
            let kind = entry.text("type") ?? (entry.type == "techreport" ? "Technical Report" : "Report")
            return [[.text(kind + (entry.text("number").map { " " + $0 } ?? ""))],
                    publisher(entry, name: field("institution"))].filter { !$0.isEmpty }
        case _ where AuthorYearStyle.italicTitleTypes.contains(entry.type):
            return book(entry, creator: creator, field: field)
        default:
            // A `@misc` (or an unknown type) that names a journal or a book is formatted as
            // an article or a chapter would be: the fields say where it appeared.
            if field("journal") != nil || field("journaltitle") != nil {
                return article(entry, field: field) + ["howpublished", "organization"].compactMap(field)
            }
            if field("booktitle") != nil { return partOfBook(entry, creator: creator, field: field) }
            return ["howpublished", "organization", "institution", "publisher"].compactMap(field)
        }
    }

    private func article(_ entry: BibTeXEntry, field: (String) -> [StyledText]?) -> [[StyledText]] {
        var builder = StyledTextBuilder()
        if let journal = field("journal") ?? field("journaltitle") { builder.appendEmphasis(journal) }
        let volume = entry.text("volume"), number = entry.text("number") ?? entry.text("issue")
        if let volume { builder.append((builder.isEmpty ? "" : " ") + volume) }
        if let number { builder.append(volume != nil ? " (\(number))" : (builder.isEmpty ? "no. " : ", no. ") + number) }
        if let pages = pages(of: entry) {
            builder.append(volume != nil || number != nil ? ": " + pages : (builder.isEmpty ? "" : ", ") + pages)
        }
        return [builder.pieces]
    }

    private func partOfBook(_ entry: BibTeXEntry, creator: EntryLabel.Creator, field: (String) -> [StyledText]?) -> [[StyledText]] {
        var sentences: [[StyledText]] = []
        let series = field("series")
        var builder = StyledTextBuilder()
        if let bookTitle = field("booktitle") {
            builder.append("In ")
            builder.appendEmphasis(bookTitle)
        }
        let editors = entry.editors
        if !editors.isEmpty, creator != .editors(editors) {
            builder.append((builder.isEmpty ? "Edited by " : ", edited by ") + nameList(editors, invertFirst: false))
        }
        if series == nil, let volume = entry.text("volume") { builder.append((builder.isEmpty ? "Vol. " : ", vol. ") + volume) }
        if let pages = pages(of: entry) { builder.append((builder.isEmpty ? "" : ", ") + pages) }
        sentences.append(builder.pieces)
        sentences.append(self.series(series, entry: entry))
        sentences.append(publisher(entry, name: field("publisher")))
        return sentences
    }

    private func book(_ entry: BibTeXEntry, creator: EntryLabel.Creator, field: (String) -> [StyledText]?) -> [[StyledText]] {
        var sentences: [[StyledText]] = []
        let editors = entry.editors
        if !editors.isEmpty, creator != .editors(editors) {
            sentences.append([.text("Edited by " + nameList(editors, invertFirst: false))])
        }
        if let edition = entry.text("edition") { sentences.append([.text(Self.edition(edition))]) }
        let series = field("series")
        if series == nil, let volume = entry.text("volume") { sentences.append([.text("Vol. " + volume)]) }
        sentences.append(self.series(series, entry: entry))
        sentences.append(publisher(entry, name: field("publisher")))
        for name in ["howpublished", "organization"] { if let value = field(name) { sentences.append(value) } }
        return sentences
    }

    /// "Proceedings of Machine Learning Research 9": a series and the work's volume in it.
    private func series(_ series: [StyledText]?, entry: BibTeXEntry) -> [StyledText] {
        guard let series else { return [] }
        var builder = StyledTextBuilder(series)
        if let volume = entry.text("volume") { builder.append(" " + volume) }
        return builder.pieces
    }

    /// "Cambridge, MA: MIT Press", or the publisher alone.
    private func publisher(_ entry: BibTeXEntry, name: [StyledText]?) -> [StyledText] {
        guard let name else { return [] }
        var builder = StyledTextBuilder()
        if let address = entry.text("address") ?? entry.text("location") { builder.append(address + ": ") }
        builder.append(name)
        return builder.pieces
    }

    /// Page ranges with an en dash, however they were written ("533-536", "533--536").
    private func pages(of entry: BibTeXEntry) -> String? {
        guard let pages = entry.text("pages") else { return nil }
        let characters = Array(pages)
        var result = ""
        for (position, character) in characters.enumerated() {
            if character == "-", position > 0, position + 1 < characters.count,
                characters[position - 1].isNumber, characters[position + 1].isNumber
            {
                result.append("–")
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// "2" is "2nd ed."; a word ("Second") or "2nd" gets " ed." too.
    static func edition(_ edition: String) -> String {
        guard let number = Int(edition) else {
            return edition.hasSuffix("ed.") || edition.lowercased().hasSuffix("edition") ? edition : edition + " ed."
        }
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix) ed."
    }

    /// The DOI as an `https://doi.org/` link, else the URL if it is `http:` or `https:`.
    func link(of entry: BibTeXEntry) -> StyledText? {
        if let doi = entry.fields["doi"], let url = WebAddress.doiURL(WebAddress.unescaped(doi)) {
            return .link(url: url, content: [.text(url)])
        }
        if let address = entry.fields["url"], let url = WebAddress.httpURL(WebAddress.unescaped(address)) {
            return .link(url: url, content: [.text(url)])
        }
        return nil
    }
}
