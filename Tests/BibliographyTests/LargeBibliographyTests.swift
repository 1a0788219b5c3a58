import Foundation
import Testing
@testable import Bibliography

/// A large generated bibliography is read completely, and every entry is listed.
@Suite struct LargeBibliographyTests {
    static func generated(entries count: Int) -> String {
        var text = "@string{nn = {Neural Networks}}\n"
        for index in 0..<count {
            text += """
                @article{author\(index)year\(1950 + index % 70),
                  author  = {M{\\"u}ller\(index), J{\\'e}r{\\^o}me and van der Berg, Anna and Kov{\\'a}{\\v{c}}, Ivan and others},
                  title   = {On the {B}ackpropagation of Errors, Part \(index): $\\nabla_w L$ --- revisited},
                  journal = nn # { Letters},
                  year    = \(1950 + index % 70), month = oct,
                  volume  = \(index % 40 + 1), number = {\(index % 12 + 1)}, pages = {\(index)--\(index + 9)},
                  doi     = {10.1000/example.\(index)},
                }

                """
        }
        return text
    }

    @Test func fiveThousandEntriesParseCompletely() throws {
        let count = 5_000
        let text = Self.generated(entries: count)
        let parsed = BibTeXDatabase.parse(text, path: "big.bib")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entries.count == count)
        let last = try #require(parsed.entry(forKey: "author\(count - 1)year\(1950 + (count - 1) % 70)"))
        #expect(last.text("journal") == "Neural Networks Letters")
        #expect(last.authors.names.first?.family == "Müller\(count - 1)")
        #expect(last.authors.hasOthers)

        let style = AuthorYearStyle(database: parsed, citedKeys: parsed.entries.map(\.key))
        #expect(style.referenceList.count == count)
        #expect(style.referenceList.first?.key == "author0year1950")
    }
}
