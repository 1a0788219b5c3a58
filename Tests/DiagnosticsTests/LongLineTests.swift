import Testing
@testable import Diagnostics

/// A generated or hostile line (100,000 characters) is quoted as a window around the caret.
@Suite struct LongLineTests {
    @Test func aLongLineIsCutAroundTheCaret() {
        let line = String(repeating: "1 + ", count: 25_000) + "oops"
        let column = line.count - 3
        let diagnostic = Diagnostic.error("undefined name 'oops'", file: "n.md",
                                          at: SourceRange(start: SourceLocation(line: 1, column: column),
                                                          end: SourceLocation(line: 1, column: column + 4)))
        let text = DiagnosticRenderer(sources: [SourceText(path: "n.md", text: line)]).render(diagnostic)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "n.md:1:\(column): error: undefined name 'oops'")
        #expect(lines[1].hasPrefix(" 1 | …+ 1 + 1"))
        #expect(lines[1].hasSuffix("1 + oops"))
        #expect(lines[1].count < 200)
        // The caret sits under the 'o' of oops, tildes under the rest.
        let quoted = Array(lines[1]), marker = Array(lines[2])
        let caret = marker.firstIndex(of: "^")!
        #expect(quoted[caret] == "o")
        #expect(lines[2].hasSuffix("^~~~"))
    }

    @Test func aShortLineIsQuotedWhole() {
        let diagnostic = Diagnostic.error("bad", file: "n.md", at: SourceRange(at: SourceLocation(line: 1, column: 5)))
        let text = DiagnosticRenderer(sources: [SourceText(path: "n.md", text: "x = y + 1")]).render(diagnostic)
        #expect(text == "n.md:1:5: error: bad\n 1 | x = y + 1\n   |     ^\n")
    }
}

@Suite struct SourceTextTests {
    @Test func linesEndAtLineFeedsCarriageReturnsAndBoth() {
        let text = SourceText(path: "n.md", text: "a\nb\r\nc\rd\n\ne")
        #expect(text.lines == ["a", "b", "c", "d", "", "e"])
        #expect(SourceText(path: "n.md", text: "x\n").lines == ["x", ""])
        #expect(SourceText(path: "n.md", text: "").lines == [""])
    }
}
