import Testing
@testable import Document

/// `rewritingOutputs`: the only edit `chainrule update` makes.
@Suite struct RewritingTests {
    func rewrite(_ text: String, _ records: [OutputRecord?]) throws -> String {
        let notebook = try notebook(text)
        let bytes = notebook.rewritingOutputs(records)
        // Idempotent: parse what was written, write the same records again, nothing changes.
        let again = try Notebook.parse(path: "t.md", bytes: bytes)
        #expect(again.rewritingOutputs(records) == bytes)
        #expect(again.rewritingOutputs(again.currentRecords) == bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func insertsRightAfterTheBlock() throws {
        let text = "# T\n\n```backprop\nx\n```\n\nText.\n"
        #expect(try rewrite(text, [OutputRecord(text: "1\n(2, 3)", info: ["3f9a"])])
            == "# T\n\n```backprop\nx\n```\n```output 3f9a\n1\n(2, 3)\n```\n\nText.\n")
    }

    @Test func replacesKeepingTheFence() throws {
        let text = "```backprop\nx\n```\n\n~~~~output old\n0\n~~~~\nAfter\n"
        #expect(try rewrite(text, [OutputRecord(text: "1", info: ["new"])])
            == "```backprop\nx\n```\n\n~~~~output new\n1\n~~~~\nAfter\n")
    }

    @Test func unchangedOutputKeepsEveryByte() throws {
        let text = "```backprop\r\nx\r\n```\r\n\r\n~~~~output  old  \r\n0\r\n~~~~   \r\n"
        let notebook = try notebook(text)
        #expect(notebook.rewritingOutputs([OutputRecord(text: "0", info: ["old"])]) == notebook.bytes)
    }

    @Test func fenceGrowsWhenTheTextWouldCloseIt() throws {
        let text = "```backprop\nx\n```\n```output\n0\n```\n"
        #expect(try rewrite(text, [OutputRecord(text: "a\n````\nb")])
            == "```backprop\nx\n```\n`````output\na\n````\nb\n`````\n")
        // A new block's fence outgrows every backtick run in its text.
        #expect(try rewrite("```backprop\nx\n```\n", [OutputRecord(text: "```")])
            == "```backprop\nx\n```\n````output\n```\n````\n")
    }

    @Test func removesTheOutputAndTheBlankLinesBeforeIt() throws {
        let text = "```backprop\nx\n```\n\n\n```output\n0\n```\n\nAfter\n"
        #expect(try rewrite(text, [nil]) == "```backprop\nx\n```\n\nAfter\n")
    }

    @Test func usesTheFilesLineBreaks() throws {
        let text = "Intro\r\n\r\n```backprop\r\nx\r\n```\r\n"
        #expect(try rewrite(text, [OutputRecord(text: "1\n2")])
            == "Intro\r\n\r\n```backprop\r\nx\r\n```\r\n```output\r\n1\r\n2\r\n```\r\n")
    }

    @Test func newOutputsTakeTheContainerPrefix() throws {
        let list = "- item\n\n  ```backprop\n  x\n  ```\n- next\n"
        #expect(try rewrite(list, [OutputRecord(text: "1\n\n  indented")])
            == "- item\n\n  ```backprop\n  x\n  ```\n  ```output\n  1\n\n    indented\n  ```\n- next\n")
        let quote = "> ```backprop\n> x\n> ```\n"
        #expect(try rewrite(quote, [OutputRecord(text: "1\n\n x")])
            == "> ```backprop\n> x\n> ```\n> ```output\n> 1\n>\n>  x\n> ```\n")
        let tight = ">```backprop\n>x\n>```\n"
        #expect(try rewrite(tight, [OutputRecord(text: " 1")]) == ">```backprop\n>x\n>```\n> ```output\n>  1\n> ```\n")
        let nested = "> 1. ```backprop\n>    x\n>    ```\n"
        #expect(try rewrite(nested, [OutputRecord(text: "1")])
            == "> 1. ```backprop\n>    x\n>    ```\n>    ```output\n>    1\n>    ```\n")
    }

    @Test func replacingInAContainerKeepsTheOutputsPrefix() throws {
        let text = "> ```backprop\n> x\n> ```\n>\n> ```output\n> 0\n> ```\n"
        #expect(try rewrite(text, [OutputRecord(text: "1\n2")])
            == "> ```backprop\n> x\n> ```\n>\n> ```output\n> 1\n> 2\n> ```\n")
        #expect(try rewrite(text, [nil]) == "> ```backprop\n> x\n> ```\n")
    }

    @Test func keepsAMissingFinalNewlineMissing() throws {
        #expect(try rewrite("```backprop\nx\n```", [OutputRecord(text: "1")]) == "```backprop\nx\n```\n```output\n1\n```")
        #expect(try rewrite("```backprop\nx\n```\n```output\n0\n```", [OutputRecord(text: "1")])
            == "```backprop\nx\n```\n```output\n1\n```")
        #expect(try rewrite("```backprop\nx\n```\n\n```output\n0\n```", [nil]) == "```backprop\nx\n```")
        #expect(try rewrite("```backprop\r\nx\r\n```", [OutputRecord(text: "1")]) == "```backprop\r\nx\r\n```\r\n```output\r\n1\r\n```")
    }

    @Test func emptyTextIsAnEmptyBlock() throws {
        #expect(try rewrite("```backprop\nx\n```\n", [OutputRecord(text: "")]) == "```backprop\nx\n```\n```output\n```\n")
    }

    @Test func leavesUnclosedBlocksAndOrphansAlone() throws {
        let text = "```output\norphan\n```\n```backprop\nx\n```\n```backprop\nopen\n"
        let notebook = try notebook(text)
        #expect(notebook.blocks.count == 2)
        #expect(String(decoding: notebook.rewritingOutputs([nil, OutputRecord(text: "1")]), as: UTF8.self) == text)
        #expect(String(decoding: notebook.rewritingOutputs([OutputRecord(text: "1"), OutputRecord(text: "2")]), as: UTF8.self)
            == "```output\norphan\n```\n```backprop\nx\n```\n```output\n1\n```\n```backprop\nopen\n")
    }

    @Test func onlyOutputSegmentsChange() throws {
        let text = """
            ---
            title: T
            ---
            # $x$ heading

            ```backprop
            a
            ```

            ```output
            old
            ```
            Prose $y$.

            - ```backprop hide
              b
              ```
              ~~~output
              old
              ~~~
            """
        let notebook = try notebook(text)
        let rewritten = try Notebook.parse(
            path: "t.md", bytes: notebook.rewritingOutputs([OutputRecord(text: "new\n```"), OutputRecord(text: "2")]))
        // The bytes between outputs.
        func others(_ notebook: Notebook) -> [[UInt8]] {
            var result: [[UInt8]] = []
            var cursor = 0
            for output in notebook.outputs {
                result.append(Array(notebook.bytes[cursor..<output.range.lowerBound]))
                cursor = output.range.upperBound
            }
            return result + [Array(notebook.bytes[cursor...])]
        }
        #expect(others(rewritten) == others(notebook))
        #expect(rewritten.outputs.map(\.text) == ["new\n```", "2"])
    }
}
