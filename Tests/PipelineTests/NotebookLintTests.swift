import Diagnostics
import Document
import Testing
@testable import Pipeline

/// Problems on the page are errors at their place in the file, found alike by every command
/// (they come with the run: `NotebookRunner.run` adds them).
@Suite struct NotebookLintTests {
    func problems(_ text: String) throws -> [Diagnostic] {
        NotebookLint.diagnostics(try notebook(text, path: "notebooks/test.md"))
    }

    @Test func unknownTeXIsAnErrorAtItsPlaceInTheFile() throws {
        let found = try problems("---\ntitle: T\n---\n\nSome text then $a + \\frob{x}$ here.\n")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.severity == .error)
        #expect(error.file == "notebooks/test.md")
        #expect(error.message.contains("\\frob"))
        // Line 5; the `$` is column 16, so the TeX starts at 17 and `\frob` at 21.
        #expect(error.range?.start == SourceLocation(line: 5, column: 21))
    }

    @Test func problemsInMultiLineDisplayMath() throws {
        let error = try #require(try problems("$$\na = b \\\\\n  \\nope\n$$\n").first)
        #expect(error.range?.start == SourceLocation(line: 3, column: 3))
        #expect(try problems("In a list:\n\n- $\\frac{a}{b$ there\n").first?.message.contains("brace") == true)
    }

    @Test func mathLeftOpenIsReportedAtItsOpening() throws {
        let display = try #require(try problems("Text.\n\nThen $$a + b\nand more.\n").first)
        #expect(display.message == "display math opened here is never closed")
        #expect(display.range?.start == SourceLocation(line: 3, column: 6))
        let inline = try #require(try problems("The weight $w_{jk is here.\n").first)
        #expect(inline.message == "inline math opened here is never closed")
        #expect(inline.range?.start == SourceLocation(line: 1, column: 12))
        // Money, escaped dollars and code are not math.
        #expect(try problems("It costs $5, or \\$x, and `$y` in code; $a$ is fine.\n").isEmpty)
    }

    @Test func unknownFrontMatterKeysSuggestTheKnownOne() throws {
        let found = try problems("---\ntitle: T\ntimout: 120\n---\n\nText.\n")
        let error = try #require(found.first)
        #expect(error.message == "unknown front-matter key 'timout'")
        #expect(error.range?.start == SourceLocation(line: 3, column: 1))
        #expect(error.notes.map(\.message) == ["did you mean 'timeout'?"])
    }

    @Test(arguments: ["backprob", "Backprop", "back-prop", "bakcprop", "BACKPROP", "backprop2"])
    func fencesThatLookLikeBackpropAreErrors(info: String) throws {
        let found = try problems("Text.\n\n```\(info)\nx = 1\n```\n")
        #expect(found.map(\.message) == ["a fence marked '\(info)' is shown as code and never run"])
        #expect(found.first?.range?.start.line == 3)
    }

    @Test(arguments: ["python", "bash", "backpropagation-notes", "text", ""])
    func otherFencesAreCode(info: String) throws {
        #expect(try problems("```\(info)\nx = 1\n```\n").isEmpty)
    }

    @Test func unknownBlockOptionsAreErrors() throws {
        let found = try problems("```backprop hdie\nx = 1\n```\n")
        #expect(found.map(\.message) == ["unknown block option 'hdie'"])
        #expect(found.first?.notes.map(\.message) == ["did you mean 'hide'?"])
    }
}
