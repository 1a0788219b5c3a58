import Diagnostics
import Testing
@testable import Bibliography

@Suite struct UnknownKeyTests {
    let range = SourceRange(start: .init(line: 12, column: 8), end: .init(line: 12, column: 19))

    @Test func aMisspeltKeyGetsADidYouMean() throws {
        let database = try Fixtures.database("neural-networks.bib")
        #expect(database.suggestedKey(for: "kingma2014") == "kingma2015")
        #expect(database.suggestedKey(for: "Nielsen2015") == "nielsen2015")
        #expect(database.suggestedKey(for: "goodfellow2016") == nil)
        let diagnostic = try #require(database.unknownKeyDiagnostic(for: "kingma2014", file: "notebooks/adam.md", at: range))
        #expect(diagnostic == .error("no bibliography entry has the key 'kingma2014'", file: "notebooks/adam.md", at: range,
                                     notes: [.init("did you mean 'kingma2015'?")]))
        #expect(DiagnosticRenderer().render(diagnostic) == """
            notebooks/adam.md:12:8: error: no bibliography entry has the key 'kingma2014'
            note: did you mean 'kingma2015'?

            """)
        #expect(database.unknownKeyDiagnostic(for: "kingma2015", file: "notebooks/adam.md", at: range) == nil)
    }

    @Test func aCrossReferenceAmongCitationsIsExplained() throws {
        let database = try Fixtures.database("neural-networks.bib")
        let diagnostic = database.unknownKeyDiagnostic(for: "fig-loss", file: "n.md", at: nil)
        #expect(diagnostic?.notes.map(\.message) == ["'@fig-loss' is a cross-reference; write it in brackets of its own, apart from citations"])
    }

    @Test func withoutABibliographyTheNoteSaysSo() {
        let empty = BibTeXDatabase(entries: [])
        #expect(empty.unknownKeyDiagnostic(for: "nielsen2015", file: "n.md", at: nil)?.notes.map(\.message)
            == ["no bibliography entries are loaded"])
    }
}
