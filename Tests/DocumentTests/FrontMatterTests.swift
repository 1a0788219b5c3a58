import Diagnostics
import Testing
@testable import Document

@Suite struct FrontMatterTests {
    @Test func readsTheKnownFieldsAndKeepsEveryValue() throws {
        let notebook = try notebook("""
            ---
            title: "Backprop: <script>alert(1)</script>"
            description: The chain rule, by hand
            order: 2.5
            date: 2024-01-05
            timeout: 30
            rtol: 1e-6
            hex: 0x1F
            flag: true
            norway: no
            nothing:
            tags: [math, "nn"]
            nested: {a: 1, b: [x]}
            quoted: "3"
            tagged: !!str 4
            ...
            # Heading $x$
            """)
        let front = notebook.frontMatter
        #expect(front.title == "Backprop: <script>alert(1)</script>")
        #expect(front.description == "The chain rule, by hand")
        #expect(front.order == 2.5)
        #expect(front.values["date"] == .string("2024-01-05"))
        #expect(front.values["timeout"] == .number(30))
        #expect(front.values["rtol"]?.number == 1e-6)
        #expect(front.values["hex"] == .number(31))
        #expect(front.values["flag"] == .bool(true))
        #expect(front.values["norway"] == .string("no"))
        #expect(front.values["nothing"] == .null)
        #expect(front.values["tags"] == .list([.string("math"), .string("nn")]))
        #expect(front.values["nested"] == .map(["a": .number(1), "b": .list([.string("x")])]))
        #expect(front.values["quoted"] == .string("3"))
        #expect(front.values["tagged"] == .string("4"))
        #expect(front.location(of: "timeout") == SourceLocation(line: 6, column: 10))
        #expect(front.location(of: "missing") == nil)
        #expect(front.range == 0..<notebook.bytes.firstRange(of: Array("...\n".utf8))!.upperBound)
        #expect(notebook.diagnostics.isEmpty)
        // The front matter is not prose, and lines after it keep their numbers.
        #expect(notebook.markup == [.heading(level: 1, content: [
            .text("Heading "), .math(tex: "x", display: false, location: .init(line: 17, column: 12)),
        ], line: 17)])
    }

    @Test func numbersFollowTheCoreSchema() throws {
        for (text, value) in [("1", 1.0), ("-2", -2), ("+3.5", 3.5), (".5", 0.5), ("1.", 1), ("1e3", 1000), ("0o17", 15), (".inf", .infinity), ("-.inf", -.infinity)] {
            #expect(CoreSchema.number(text) == value, "\(text)")
        }
        for text in ["1_000", "0b1", "1:30", "e3", ".", "-", "1e", "0x", "nan", "+.nan"] {
            #expect(CoreSchema.number(text) == nil, "\(text)")
        }
        #expect(CoreSchema.number(".nan")?.isNaN == true)
    }

    @Test func noFrontMatter() throws {
        let notebook = try notebook("# Title\n---\n")
        #expect(notebook.frontMatter.range == nil)
        #expect(notebook.frontMatter.values.isEmpty)
        #expect(notebook.frontMatter.title == nil)
    }

    @Test func emptyFrontMatter() throws {
        let notebook = try notebook("---\n---\nText\n")
        #expect(notebook.frontMatter.range == 0..<8)
        #expect(notebook.frontMatter.values.isEmpty)
        #expect(notebook.markup == [.paragraph([.text("Text")], line: 3)])
    }

    @Test func yamlErrorsPointIntoTheFile() throws {
        let notebook = try notebook("---\ntitle: T\nbad: [1, 2\norder: 3\n---\nText\n")
        let diagnostic = try #require(notebook.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("invalid YAML in front matter: "))
        #expect(diagnostic.file == "t.md")
        #expect(diagnostic.range?.start.line == 4)
        let indented = try self.yamlError("---\ntitle: a\n  bad: b\n---\n")
        #expect(indented.range?.start == SourceLocation(line: 3, column: 6))
        #expect(indented.message == "invalid YAML in front matter: mapping values are not allowed in this context")
        let tab = try self.yamlError("---\nx: 1\n\ty: 2\n---\n")
        #expect(tab.range?.start.line == 3)
    }

    func yamlError(_ text: String) throws -> Diagnostic {
        let notebook = try Document.Notebook.parse(path: "t.md", bytes: Array(text.utf8))
        return try #require(notebook.diagnostics.first)
    }

    @Test func yamlErrorLinesCountFromTheFileEvenWithCRLFAndBOM() throws {
        let diagnostic = try yamlError("\u{FEFF}---\r\ntitle: a\r\n  bad: b\r\n---\r\n")
        #expect(diagnostic.range?.start == SourceLocation(line: 3, column: 6))
    }

    @Test func unclosedFrontMatterIsReportedAndReadAsProse() throws {
        let notebook = try notebook("---\ntitle: T\n\nText $x$\n")
        #expect(notebook.frontMatter.range == nil)
        let diagnostic = try #require(notebook.diagnostics.first)
        #expect(diagnostic.message == "front matter is not closed")
        #expect(diagnostic.range?.start == SourceLocation(line: 1, column: 1))
        #expect(mathSpans(notebook.markup).map(\.tex) == ["x"])
        #expect(notebook.rewritingOutputs(notebook.currentRecords) == notebook.bytes)
    }

    @Test func badFieldTypesAreDiagnostics() throws {
        let notebook = try notebook("---\ntitle: [a, b]\norder: first\n---\n")
        #expect(notebook.frontMatter.title == nil)
        #expect(notebook.frontMatter.order == nil)
        #expect(notebook.diagnostics.map(\.message) == ["title must be text", "order must be a number"])
        #expect(notebook.diagnostics.map(\.range?.start) == [SourceLocation(line: 2, column: 8), SourceLocation(line: 3, column: 8)])
    }

    @Test func scalarTitlesAreTheirText() throws {
        let notebook = try notebook("---\ntitle: 2024\ndescription: yes\n---\n")
        #expect(notebook.frontMatter.title == "2024")
        #expect(notebook.frontMatter.description == "yes")
    }

    @Test func frontMatterMustBeAMapping() throws {
        let diagnostic = try yamlError("---\n- a\n- b\n---\n")
        #expect(diagnostic.message == "front matter must be a YAML mapping of keys to values")
        #expect(diagnostic.range?.start.line == 2)
    }

    @Test func duplicateKeysAreReported() throws {
        let diagnostic = try yamlError("---\ntitle: a\ntitle: b\n---\n")
        #expect(diagnostic.message == "duplicate key 'title' in front matter")
    }

    @Test func aliasBombsAreStopped() throws {
        var yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "---\n"
        let diagnostic = try yamlError(yaml)
        #expect(diagnostic.message.hasPrefix("front matter is too large"))
    }

    @Test func firstLineMustBeExactlyThreeDashes() throws {
        #expect(try notebook("--- \ntitle: T\n---\n").frontMatter.range == nil)
        #expect(try notebook("----\ntitle: T\n---\n").frontMatter.range == nil)
        #expect(try notebook("---").frontMatter.range == nil)
    }
}
