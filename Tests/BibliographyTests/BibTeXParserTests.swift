import Diagnostics
import Testing
@testable import Bibliography

@Suite struct BibTeXParserTests {
    @Test func readsTheNeuralNetworkSources() throws {
        let database = try Fixtures.database("neural-networks.bib")
        #expect(database.diagnostics.isEmpty)
        #expect(database.entries.map(\.key) == [
            "rumelhart1986", "rumelhart1986pdp", "nielsen2015", "kingma2015", "glorot2010", "cs231n-backprop", "mazur2015",
        ])
        let nature = try #require(database.entry(forKey: "rumelhart1986"))
        #expect(nature.type == "article")
        #expect(nature.keyRange == SourceRange(start: .init(line: 4, column: 10), end: .init(line: 4, column: 23)))
        #expect(nature.text("title") == "Learning representations by back-propagating errors")
        #expect(nature.text("journal") == "Nature")
        #expect(nature.text("pages") == "533–536")
        #expect(nature.fields["pages"] == "533--536")
        #expect(nature.authors.names.map(\.family) == ["Rumelhart", "Hinton", "Williams"])
        let adam = try #require(database.entry(forKey: "kingma2015"))
        #expect(adam.fields["title"] == "{Adam}: A Method for Stochastic Optimization")
        #expect(adam.text("title") == "Adam: A Method for Stochastic Optimization")
        #expect(adam.editors.names.map(\.citedName) == ["Bengio", "LeCun"])
        // `month = mar` is BibTeX's predefined month name.
        #expect(database.entry(forKey: "mazur2015")?.text("month") == "March")
        #expect(database.entry(forKey: "cs231n-backprop")?.authors == NameList(names: [PersonName(family: "Stanford CS231n")]))
        #expect(database.entry(forKey: "missing") == nil)
    }

    @Test func recoversFromEveryProblemInTheTrickyFile() throws {
        let database = try Fixtures.database("tricky.bib")
        #expect(database.diagnostics.map(summary) == [
            "30:11: error: unclosed '{' in the value of 'title' / note: every '{' needs a matching '}'",
            "41:1: error: entry has no key / note: write the key right after '{', such as `@article{rumelhart1986,`; this entry is ignored",
            "43:1: warning: unknown entry type '@artcle'; it is formatted as @misc / note: did you mean '@article'?",
            "61:18: error: undefined @string 'jmrl' / note: did you mean 'jmlr'?",
            "63:9: warning: url 'javascript:alert(1)' is not an http: or https: address; it is left out of the reference list",
            "66:7: error: duplicate key 'lecun1998'; this entry is ignored / note: 'lecun1998' is first defined here at 21:10",
            "70:16: error: undefined @string 'loop' / note: a @string cannot refer to itself",
        ])
        #expect(database.diagnostics.allSatisfy { $0.file == "Fixtures/tricky.bib" })
        #expect(database.hasErrors)
        // The entry in @comment is not read; the broken entry keeps what came before its
        // problem (nothing), and the entries after it are whole.
        #expect(database.entries.map(\.key) == [
            "schmidhuber2015", "lecun1998", "broken2021", "vandermaaten2008", "hinton2006", "linnainmaa1970", "mit-lecture",
        ])
        #expect(database.entry(forKey: "broken2021")?.fields == [:])

        let schmidhuber = try #require(database.entry(forKey: "schmidhuber2015"))
        #expect(schmidhuber.type == "article")
        #expect(schmidhuber.fields["author"] == "J{\\\"u}rgen Schmidhuber")
        #expect(schmidhuber.authors.names == [PersonName(given: "Jürgen", family: "Schmidhuber")])
        #expect(schmidhuber.text("title") == "Deep learning in neural networks: An overview")
        #expect(schmidhuber.fields["volume"] == "61")
        #expect(schmidhuber.text("month") == "January")

        let lecun = try #require(database.entry(forKey: "lecun1998"))
        #expect(lecun.text("title") == "Gradient-based learning applied to document recognition")
        #expect(lecun.authors.names.map(\.given) == ["Yann", "Léon", "Yoshua", "Patrick"])

        let maaten = try #require(database.entry(forKey: "vandermaaten2008"))
        #expect(maaten.text("journal") == "Journal of Machine Learning Research")
        #expect(maaten.text("title") == "Visualizing Data using t-SNE")
        #expect(maaten.authors.names.first == PersonName(given: "Laurens", particle: "van der", family: "Maaten"))

        let thesis = try #require(database.entry(forKey: "linnainmaa1970"))
        let title = try #require(thesis.text("title"))
        #expect(title == "Algoritmin kumulatiivinen pyöristysvirhe yksittäisten pyöristysvirheiden Taylor-kehitelmänä")
        #expect(!scalarValues(title).contains(0x308), "accents are composed, not combining marks")
        #expect(thesis.styled("note") == [
            .text("In Finnish — reverse-mode differentiation, "), .math(tex: "\\partial y / \\partial x"), .text(" by machine"),
        ])

        let lecture = try #require(database.entry(forKey: "mit-lecture"))
        #expect(lecture.text("publisher") == "MIT Press")
        #expect(lecture.text("howpublished") == "(draft)")
    }

    @Test func typesFieldsAndStringNamesIgnoreCase() {
        let database = BibTeXDatabase.parse("""
            @STRING{NAT = {Nature}}
            @ARTICLE{a, TITLE = {X}, Journal = nat, month = DEC}
            @InProceedings(b, title = "Y",)
            @misc{lonely}
            """, path: "t.bib")
        #expect(database.diagnostics.isEmpty)
        #expect(database.entries.map(\.type) == ["article", "inproceedings", "misc"])
        #expect(database.entry(forKey: "a")?.fields == ["title": "X", "journal": "Nature", "month": "December"])
        #expect(database.entry(forKey: "b")?.fields == ["title": "Y"])
        #expect(database.entry(forKey: "lonely")?.fields == [:])
    }

    @Test func valuesNestQuoteAndJoin() {
        let database = BibTeXDatabase.parse("""
            @string{first = "Back" # {-}}
            @misc{a,
              nested = {A {B {C}} D},
              quoted = "A {"} B",
              number = 1986,
              joined = first # "propagation" # { } # 2,
              spaced = {  line one
                 line two  },
            }
            """, path: "t.bib")
        #expect(database.diagnostics.isEmpty)
        let fields = database.entry(forKey: "a")?.fields ?? [:]
        #expect(fields["nested"] == "A {B {C}} D")
        #expect(fields["quoted"] == "A {\"} B")
        #expect(fields["number"] == "1986")
        #expect(fields["joined"] == "Back-propagation 2")
        #expect(database.entry(forKey: "a")?.text("spaced") == "line one line two")
    }

    @Test func preambleCommentAndTextOutsideEntriesAreSkipped() {
        let database = BibTeXDatabase.parse("""
            Written by someone@example.com; BibTeX reads nothing out here.
            @preamble{ "\\newcommand{\\noopsort}[1]{}" # "x" }
            @comment{ @article{hidden, title = {Not an entry}} }
            @comment this line is a comment too
            @misc{seen, note = {\\noopsort{a}Shown}}
            """, path: "t.bib")
        #expect(database.diagnostics.isEmpty)
        #expect(database.entries.map(\.key) == ["seen"])
        #expect(database.entry(forKey: "seen")?.text("note") == "Shown")
    }

    @Test func aMissingCommaIsReportedAndBothFieldsKept() {
        let text = "@misc{a, title = {Ünïcode} year = 1}"
        let database = BibTeXDatabase.parse(text, path: "t.bib")
        let column = "@misc{a, title = {Ünïcode} ".unicodeScalars.count + 1
        #expect(database.diagnostics.map(summary) == [
            "1:\(column): error: expected ',' before field 'year' / note: fields of an entry are separated by commas",
        ])
        #expect(database.entry(forKey: "a")?.fields == ["title": "Ünïcode", "year": "1"])
    }

    @Test func aBadFieldEndsItsEntryAndTheNextEntryIsRead() {
        let database = BibTeXDatabase.parse("""
            @misc{a, year = 2000, title {X},
              note = {lost}}
            @misc{b, title = {B}}
            """, path: "t.bib")
        #expect(database.diagnostics.map(summary) == ["1:29: error: expected '=' after field name 'title'"])
        #expect(database.entry(forKey: "a")?.fields == ["year": "2000"])
        #expect(database.entry(forKey: "b")?.fields == ["title": "B"])
    }

    @Test func duplicateFieldsKeepTheFirst() {
        let database = BibTeXDatabase.parse("@misc{a,\n  title = {One},\n  TITLE = {Two}}", path: "t.bib")
        #expect(database.diagnostics.map(summary) == [
            "3:3: warning: field 'title' appears twice in entry 'a'; the first is kept / note: first given here at 2:3",
        ])
        #expect(database.entry(forKey: "a")?.fields == ["title": "One"])
    }

    @Test func anEntryUnclosedAtTheEndIsReportedWhereItOpens() {
        let database = BibTeXDatabase.parse("@misc{a,\n  title = {X}", path: "t.bib")
        #expect(database.diagnostics.map(summary) == ["1:6: error: entry 'a' is not closed / note: add '}' after its last field"])
        #expect(database.entry(forKey: "a")?.fields == ["title": "X"])
    }

    /// The title's brace found a match (the entry's own), so the entry is what is unclosed;
    /// the note points at the brace that ran over the next fields.
    @Test func aBraceThatSwallowedFieldsIsPointedOut() {
        let database = BibTeXDatabase.parse("""
            @misc{a,
              title = {Open,
              year = 2021,
            }

            @misc{b, title = {B}}
            """, path: "t.bib")
        #expect(database.diagnostics.map(summary) == [
            "1:6: error: entry 'a' is not closed / note: the next entry starts here at 6:1"
                + " / note: the value of 'title' runs over lines that look like fields: is a '}' missing in it? at 2:11",
        ])
        #expect(database.entry(forKey: "b")?.fields == ["title": "B"])
    }

    @Test func anUnclosedQuoteStopsBeforeTheNextEntry() {
        let database = BibTeXDatabase.parse("@misc{a, title = \"Open\n@misc{b, title = {B}}", path: "t.bib")
        #expect(database.diagnostics.map(summary) == [
            "1:18: error: unclosed '\"' in the value of 'title' / note: close the value with '\"'",
        ])
        #expect(database.entries.map(\.key) == ["a", "b"])
    }

    @Test func locationsCountScalarsAndEveryKindOfLineBreak() {
        let database = BibTeXDatabase.parse("\u{FEFF}@misc{é,\r\n  title = {X\r\n@misc{b,}\r@misc{c, title = {Ü}, x = {", path: "t.bib")
        #expect(database.diagnostics.map(summary) == [
            "2:11: error: unclosed '{' in the value of 'title' / note: every '{' needs a matching '}'",
            "4:27: error: unclosed '{' in the value of 'x' / note: every '{' needs a matching '}'",
        ])
        #expect(database.entries.map(\.key) == ["é", "b", "c"])
        #expect(database.entry(forKey: "é")?.keyRange == SourceRange(start: .init(line: 1, column: 7), end: .init(line: 1, column: 8)))
    }

    @Test func strayAtSignsAndMissingDelimitersAreReported() {
        let database = BibTeXDatabase.parse("@ {x}\n@misc key\n@misc{ok}", path: "t.bib")
        #expect(database.diagnostics.map(summary) == [
            "1:1: warning: '@' is not followed by an entry type; the text after it is ignored"
                + " / note: write entries as `@article{key, ...}`; outside entries, BibTeX ignores text",
            "2:1: error: expected '{' or '(' after '@misc'",
        ])
        #expect(database.entries.map(\.key) == ["ok"])
    }

    @Test func anUndefinedStringWithoutANearNameSaysHowToDefineIt() {
        let database = BibTeXDatabase.parse("@misc{a, publisher = springerverlag}", path: "t.bib")
        #expect(database.diagnostics.map(summary) == [
            "1:22: error: undefined @string 'springerverlag' / note: define it before its first use,"
                + " as `@string{springerverlag = {...}}`, or write the value in braces",
        ])
        #expect(database.entry(forKey: "a")?.fields == ["publisher": ""])
    }

    @Test func aDoiThatIsNotOneIsReported() {
        let database = BibTeXDatabase.parse("@misc{a, doi = {not-a-doi}, url = {https://example.org/}}", path: "t.bib")
        #expect(database.diagnostics.map(summary) == [
            "1:16: warning: doi 'not-a-doi' is not a DOI; it is left out of the reference list"
                + " / note: a DOI starts with '10.', such as `doi = {10.1038/323533a0}`",
        ])
    }

    @Test func databasesMergeWithTheFirstEntryOfAKeyKept() {
        let first = BibTeXDatabase.parse("@misc{a, title = {First}}", path: "a.bib")
        let second = BibTeXDatabase.parse("@misc{b, title = {B}}\n@misc{a, title = {Second}}", path: "b.bib")
        let merged = BibTeXDatabase(merging: [first, second], paths: ["a.bib", "b.bib"])
        #expect(merged.entries.map(\.key) == ["a", "b"])
        #expect(merged.entry(forKey: "a")?.text("title") == "First")
        #expect(merged.diagnostics.map { "\($0.file ?? ""): " + summary($0) } == [
            "b.bib: 2:7: warning: key 'a' is also defined in a.bib:1:7; this entry is ignored",
        ])
    }
}
