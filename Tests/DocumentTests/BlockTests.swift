import Diagnostics
import Testing
@testable import Document

/// Computation blocks and recorded outputs: what they hold and exactly where they are.
@Suite struct BlockTests {
    @Test func optionsAreTheWordsAfterBackprop() throws {
        let notebook = try notebook("""
            ```backprop hide error
            x
            ```
            ~~~backprop
            y
            ~~~
            ```backprops
            ```
            ```python backprop
            ```
            """)
        #expect(notebook.blocks.map(\.options) == [["hide", "error"], []])
        #expect(notebook.blocks.map(\.code) == ["x", "y"])
        #expect(notebook.markup.count == 4)
        #expect(notebook.markup[2] == .code(info: "backprops", code: "", line: 7))
    }

    @Test func rangesCoverFenceToClosingLineBreak() throws {
        let text = "Intro\n\n````backprop hide\nx = 1\n```\n````  \nafter\n"
        let notebook = try notebook(text)
        let block = try #require(notebook.blocks.first)
        #expect(slice(notebook, block.range) == "````backprop hide\nx = 1\n```\n````  \n")
        #expect(block.code == "x = 1\n```")
        #expect(block.fenceLine == 3)
        #expect(block.firstCodeLine == 4)
        #expect(block.columnOffsets == [0, 0])
        #expect(block.infoRange == SourceRange(start: .init(line: 3, column: 5), end: .init(line: 3, column: 18)))
        #expect(block.isClosed)
    }

    @Test func crlfIsNormalisedInCodeButNotInRanges() throws {
        let notebook = try notebook("```backprop\r\na\r\n\r\nb\r\n```\r\n```output\r\n1\r\n2\r\n```\r\n")
        let block = try #require(notebook.blocks.first)
        #expect(block.code == "a\n\nb")
        #expect(slice(notebook, block.range) == "```backprop\r\na\r\n\r\nb\r\n```\r\n")
        #expect(notebook.outputs.first?.text == "1\n2")
        #expect(slice(notebook, notebook.outputs[0].range) == "```output\r\n1\r\n2\r\n```\r\n")
    }

    @Test func blocksInListsAndQuotesMapColumnsToTheFile() throws {
        let text = """
            - item

              ```backprop
              x = 1
                y
              ```
            > ```backprop
            > a
            >b
            > ```
            > 1. 学习
            >    ```backprop
            >    z
            >    ```
            """
        let notebook = try notebook(text)
        #expect(notebook.blocks.count == 3)
        let list = notebook.blocks[0]
        #expect(list.code == "x = 1\n  y")
        #expect(list.firstCodeLine == 4)
        #expect(list.columnOffsets == [2, 2])
        #expect(slice(notebook, list.range) == "```backprop\n  x = 1\n    y\n  ```\n")
        #expect(list.fileLocation(codeLine: 2, codeColumn: 3) == SourceLocation(line: 5, column: 5))
        let quote = notebook.blocks[1]
        #expect(quote.code == "a\nb")
        #expect(quote.columnOffsets == [2, 1])
        #expect(quote.infoRange.start == SourceLocation(line: 7, column: 6))
        let nested = notebook.blocks[2]
        #expect(nested.code == "z")
        #expect(nested.firstCodeLine == 13)
        #expect(nested.columnOffsets == [5])
        #expect(nested.isClosed)
    }

    @Test func tabsAndNonASCIIColumnsCountScalars() throws {
        let notebook = try notebook("- 学\n\n\t```backprop 学习\n\tx\n\t```\n")
        let block = try #require(notebook.blocks.first)
        // The tab is partly list indentation: cmark keeps the rest of it as a space.
        #expect(block.code == " x")
        #expect(block.columnOffsets == [0])
        #expect(block.fileLocation(codeLine: 1, codeColumn: 2) == SourceLocation(line: 4, column: 2))
        #expect(block.infoRange == SourceRange(start: .init(line: 3, column: 5), end: .init(line: 3, column: 16)))
    }

    @Test func outputFollowsItsBlockAcrossBlankLines() throws {
        let notebook = try notebook("""
            ```backprop
            x
            ```


            ```output 3f9a2c1e
            1
            ```
            """)
        #expect(notebook.blocks[0].output == 0)
        #expect(notebook.outputs == [RecordedOutput(
            index: 0, text: "1", info: ["3f9a2c1e"], range: 20..<44, line: 6, block: 0)])
        #expect(notebook.diagnostics.isEmpty)
        #expect(notebook.markup == [.computation(0), .output(0)])
    }

    @Test func orphansAreKeptAndReported() throws {
        let text = """
            ```output
            first
            ```

            ```backprop
            x
            ```
            Text between.
            ```output
            second
            ```
            ```backprop
            y
            ```
            ```output
            third
            ```
            ```output
            fourth
            ```
            - ```backprop
              z
              ```
            - ```output
              fifth
              ```
            """
        let notebook = try notebook(text)
        #expect(notebook.outputs.map(\.block) == [nil, nil, 1, nil, nil])
        #expect(notebook.blocks.map(\.output) == [nil, 2, nil])
        let orphans = notebook.diagnostics.filter { $0.message == "output block with no computation block before it" }
        #expect(orphans.map(\.range?.start) == [
            SourceLocation(line: 1, column: 1), SourceLocation(line: 9, column: 1),
            SourceLocation(line: 18, column: 1), SourceLocation(line: 24, column: 3),
        ])
        #expect(orphans.allSatisfy { $0.severity == .error && $0.file == "t.md" })
    }

    @Test func outputInAQuoteFollowsAcrossMarkerOnlyLines() throws {
        let notebook = try notebook("> ```backprop\n> x\n> ```\n>\n> ```output\n> 1\n> ```\n")
        #expect(notebook.outputs.first?.block == 0)
        #expect(notebook.outputs.first?.text == "1")
    }

    @Test func unclosedFenceRunsToTheEndOfTheFile() throws {
        let text = "# T\n\n```backprop\nx = 1\n\nText that is code now.\n"
        let notebook = try notebook(text)
        let block = try #require(notebook.blocks.first)
        #expect(!block.isClosed)
        #expect(block.code == "x = 1\n\nText that is code now.")
        #expect(block.range == 5..<text.utf8.count)
        let diagnostic = try #require(notebook.diagnostics.first)
        #expect(diagnostic.message == "unclosed code fence")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range == SourceRange(start: .init(line: 3, column: 1), end: .init(line: 3, column: 4)))
        #expect(diagnostic.notes.first?.message.contains("runs to the end of the file") == true)
        let rendered = DiagnosticRenderer(sources: [SourceText(path: "t.md", text: text)]).render(diagnostic)
        #expect(rendered.hasPrefix("t.md:3:1: error: unclosed code fence\n 3 | ```backprop\n   | ^~~\n"))
    }

    @Test func unclosedFenceInAListEndsWithItsItem() throws {
        let text = "- ```backprop\n  x\n\nafter\n```\n"
        let notebook = try notebook(text)
        let block = try #require(notebook.blocks.first)
        #expect(!block.isClosed)
        #expect(slice(notebook, block.range) == "```backprop\n  x\n\n")
        #expect(notebook.diagnostics.first?.notes.first?.message.contains("line 3") == true)
        // The fence below is a block of its own, and closed.
        #expect(notebook.markup.count == 3)
    }

    @Test func unclosedAtEndOfFileWithoutNewline() throws {
        let notebook = try notebook("```backprop\nx")
        #expect(notebook.blocks.first?.isClosed == false)
        #expect(notebook.blocks.first?.code == "x")
        #expect(notebook.blocks.first?.range == 0..<13)
        let empty = try Document.Notebook.parse(path: "t.md", bytes: Array("```backprop".utf8))
        #expect(empty.blocks.first?.isClosed == false)
        #expect(empty.blocks.first?.code == "")
        #expect(empty.blocks.first?.columnOffsets.isEmpty == true)
    }

    @Test func closedAtEndOfFileWithoutNewline() throws {
        let notebook = try notebook("```backprop\nx\n```")
        #expect(notebook.blocks.first?.isClosed == true)
        #expect(notebook.blocks.first?.range == 0..<17)
    }

    @Test func indentedCodeThatLooksLikeAFenceIsNotABlock() throws {
        let notebook = try notebook("Para\n\n    ```backprop\n    x\n    ```\n")
        #expect(notebook.blocks.isEmpty)
        #expect(notebook.markup[1] == .code(info: "", code: "```backprop\nx\n```", line: 3))
    }

    @Test func emptyBlockAndOutput() throws {
        let notebook = try notebook("```backprop\n```\n```output\n```\n")
        #expect(notebook.blocks.first?.code == "")
        #expect(notebook.blocks.first?.columnOffsets.isEmpty == true)
        #expect(notebook.outputs.first?.text == "")
        #expect(notebook.outputs.first?.block == 0)
    }

    @Test func outputContentIsOpaque() throws {
        let notebook = try notebook("```backprop\nx\n```\n```output\n$a*b$ <b> *c*\n```\n")
        #expect(notebook.outputs.first?.text == "$a*b$ <b> *c*")
        #expect(mathSpans(notebook.markup).isEmpty)
    }

    @Test func unclosedOutputIsReported() throws {
        let notebook = try notebook("```backprop\nx\n```\n```output\n1\n")
        #expect(notebook.outputs.first?.isClosed == false)
        #expect(notebook.outputs.first?.block == 0)
        #expect(notebook.diagnostics.map(\.message) == ["unclosed output block"])
    }
}
