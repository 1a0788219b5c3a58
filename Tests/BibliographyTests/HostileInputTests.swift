import Diagnostics
import Testing
@testable import Bibliography

/// Inputs built to cost time or memory: each must be read in one pass, with its problems
/// reported and its size bounded.
@Suite struct HostileInputTests {
    @Test func deepNestingIsReadWithoutRecursion() throws {
        let depth = 100_000
        let text = "@misc{deep, title = {" + String(repeating: "{", count: depth) + "x"
            + String(repeating: "}", count: depth) + "}}"
        let database = BibTeXDatabase.parse(text, path: "deep.bib")
        #expect(database.diagnostics.isEmpty)
        let entry = try #require(database.entry(forKey: "deep"))
        #expect(entry.text("title") == "x")
        #expect(entry.authors.isEmpty)
    }

    @Test func nestedStylesAreFlattenedBeyondALimit() throws {
        let depth = 10_000
        let tex = String(repeating: "\\emph{", count: depth) + "x" + String(repeating: "}", count: depth)
        let pieces = TeXText.styled(tex)
        func nesting(_ pieces: [StyledText]) -> Int {
            pieces.map { piece -> Int in
                if case .emphasis(let content) = piece { return 1 + nesting(content) }
                return 0
            }.max() ?? 0
        }
        #expect(nesting(pieces) == TeXText.maximumStyleNesting)
        #expect(pieces.plainText == "x")
        // Accents on accents stop converting at their own limit.
        let accented = TeXText.plain(String(repeating: "\\'{", count: 50) + "e" + String(repeating: "}", count: 50))
        #expect(accented.unicodeScalars.first == "é")
    }

    @Test func stringsThatDoubleAreCutAtTheExpansionBudget() {
        var text = "@string{s0 = {" + String(repeating: "x", count: 1_000) + "}}\n"
        for level in 1...40 { text += "@string{s\(level) = s\(level - 1) # s\(level - 1)}\n" }
        text += "@misc{big, title = s40}\n@misc{after, title = {Still read}}\n"
        let database = BibTeXDatabase.parse(text, path: "bomb.bib")
        let messages = database.diagnostics.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("@string values expand to more than") == true)
        #expect(database.diagnostics.first?.range?.start.line ?? 0 > 1)
        #expect(database.entry(forKey: "big")?.fields["title"] == "")
        #expect(database.entry(forKey: "after")?.text("title") == "Still read")
    }

    @Test func anUnclosedBraceInAHugeFileIsOneProblem() {
        let text = "@misc{a, title = {" + String(repeating: "word ", count: 200_000)
        let database = BibTeXDatabase.parse(text, path: "huge.bib")
        #expect(database.diagnostics.map(summary) == [
            "1:18: error: unclosed '{' in the value of 'title' / note: every '{' needs a matching '}'",
        ])
    }

    @Test func problemsStopBeingReportedAfterAHundred() {
        let text = String(repeating: "@misc{, title = {no key}}\n", count: 500) + "@misc{last, title = {read}}"
        let database = BibTeXDatabase.parse(text, path: "many.bib")
        #expect(database.diagnostics.count == BibTeXParser.maximumDiagnostics + 1)
        #expect(database.diagnostics.last?.message == "too many problems in this file; the rest are not reported")
        #expect(database.entries.map(\.key) == ["last"])
    }

    @Test func aWholeFileOnOneLineIsRead() {
        let count = 20_000
        let text = (0..<count).map { "@misc{k\($0), title = {T\($0)}}" }.joined(separator: " ") + " @misc{k0, x = {y}}"
        let database = BibTeXDatabase.parse(text, path: "line.bib")
        #expect(database.entries.count == count)
        // The duplicate at the end of the line is located in scalars on that one line.
        #expect(database.diagnostics.map(summary) == [
            "1:\(text.unicodeScalars.count - 11): error: duplicate key 'k0'; this entry is ignored / note: 'k0' is first defined here at 1:7",
        ])
    }

    @Test func aStrayClosingBraceInQuotesIsReportedAndSkipped() {
        let database = BibTeXDatabase.parse("@misc{a, title = \"x } y\"}", path: "t.bib")
        #expect(database.diagnostics.map(summary) == ["1:21: error: '}' closes no '{' in the value of 'title'"])
        // The value is kept as written; as text, the stray brace is gone.
        #expect(database.entry(forKey: "a")?.fields == ["title": "x } y"])
        #expect(database.entry(forKey: "a")?.text("title") == "x y")
    }
}
