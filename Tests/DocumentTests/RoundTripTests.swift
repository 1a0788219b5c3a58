import Testing
@testable import Document

@Suite struct RoundTripTests {
    /// Files that have broken round trips in other tools.
    static let corpus: [(String, String)] = [
        ("empty", ""),
        ("one newline", "\n"),
        ("no final newline", "# Title\n\nText"),
        ("crlf", "# Title\r\n\r\n```backprop\r\nx = 1\r\n```\r\n```output\r\n1\r\n```\r\n"),
        ("lone cr", "a\rb\r```backprop\rx\r```\r"),
        ("tabs", "\t- item\n\t\t```backprop\n\t\tx\t= 1\n\t\t```\n"),
        ("bom", "\u{FEFF}# Title\n"),
        ("bom and front matter", "\u{FEFF}---\ntitle: T\n---\nText\n"),
        ("only front matter", "---\ntitle: T\n---\n"),
        ("only front matter, no newline", "---\ntitle: T\n---"),
        ("tildes", "~~~backprop\nx\n~~~\n~~~~output\n1\n~~~~\n"),
        ("long backticks", "````backprop\n```\n````\n`````output\n````\n`````\n"),
        ("list", "- a\n\n  ```backprop\n  x\n  ```\n\n  ```output\n  1\n  ```\n- b\n"),
        ("quote", "> ```backprop\n> x\n> ```\n>\n> ```output\n> 1\n> ```\n"),
        ("nested", "> 1. ```backprop\n>    x\n>    ```\n"),
        ("unicode", "# 学习 🙂\n\n$\\alpha$ 和 $\\beta$ 🙂\n\n```backprop\n\"学习\"\n```\n"),
        ("unclosed", "```backprop\nx\n\n"),
        ("unclosed front matter", "---\ntitle: T\n"),
        ("nul", "a\u{0}b\n"),
        ("deep quotes", String(repeating: ">", count: 500) + " $x$\n"),
        ("deep lists", (0..<200).map { String(repeating: "  ", count: $0) + "- a" }.joined(separator: "\n")),
        ("deep emphasis", String(repeating: "*a ", count: 300) + String(repeating: " b*", count: 300)),
        ("dollars only", "$$$$$$ $ $$ $\n"),
        ("private use", "\u{F8000}\u{F8010}\u{F8001} $x$\n"),
    ]

    @Test(arguments: corpus.map(\.0))
    func updatingWithNothingToChangeGivesTheFileBack(name: String) throws {
        let text = Self.corpus.first { $0.0 == name }!.1
        let notebook = try notebook(text)
        #expect(notebook.rewritingOutputs(notebook.currentRecords) == Array(text.utf8))
        Self.checkSegments(notebook)
    }

    /// Blocks and outputs lie in the file in order, without overlapping.
    static func checkSegments(_ notebook: Notebook, sourceLocation: SourceLocation = #_sourceLocation) {
        let ranges = (notebook.blocks.map(\.range) + notebook.outputs.map(\.range)).sorted { $0.lowerBound < $1.lowerBound }
        var cursor = 0
        for range in ranges {
            #expect(range.lowerBound >= cursor && range.upperBound <= notebook.bytes.count, sourceLocation: sourceLocation)
            cursor = range.upperBound
        }
    }

    @Test func privateUseTextIsNotTakenForAPlaceholder() throws {
        let notebook = try notebook("\u{F8000}\u{F8010}\u{F8001} $x$\n")
        #expect(notebook.markup == [.paragraph([
            .text("\u{F8000}\u{F8010}\u{F8001} "), .math(tex: "x", display: false, location: .init(line: 1, column: 6)),
        ], line: 1)])
    }

    @Test func deepNestingIsFlattenedWithAWarning() throws {
        let notebook = try notebook(String(repeating: ">", count: 500) + " $x$\n")
        #expect(notebook.diagnostics.contains { $0.severity == .warning && $0.message.contains("flattened") })
        #expect(mathSpans(notebook.markup).map(\.tex) == ["x"])
    }

    @Test func randomNotebooksPrintBackAndRewriteIdempotently() throws {
        var failures = 0
        for seed in 0..<3000 as Range<UInt64> {
            var generator = RandomNotebook(seed: seed)
            let bytes = generator.notebook()
            let notebook = try Notebook.parse(path: "r.md", bytes: bytes)
            if notebook.rewritingOutputs(notebook.currentRecords) != bytes {
                failures += 1
                Issue.record("seed \(seed): recording the outputs as they are changed the file")
                continue
            }
            Self.checkSegments(notebook)
            for block in notebook.blocks {
                let fence = notebook.bytes[block.range.lowerBound]
                #expect(fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~"), "seed \(seed)")
            }

            // Rewrite with random records, then check the result says what was asked.
            let records: [OutputRecord?] = notebook.blocks.map { _ in
                generator.chance(30) ? nil : OutputRecord(text: generator.outputText(), info: generator.chance(50) ? ["ab12"] : [])
            }
            let rewritten = notebook.rewritingOutputs(records)
            let again = try Notebook.parse(path: "r.md", bytes: rewritten)
            // An orphan right after a removed output is adopted by the block on re-parse (orphans
            // are errors, to be fixed before updating): only orphan-free notebooks are checked.
            if notebook.outputs.contains(where: { $0.block == nil }) { continue }
            #expect(again.blocks.count == notebook.blocks.count, "seed \(seed)")
            guard again.blocks.count == notebook.blocks.count else { continue }
            for (old, new) in zip(notebook.blocks, again.blocks) where old.isClosed {
                #expect(old.code == new.code, "seed \(seed)")
                if let existing = old.output, !notebook.outputs[existing].isClosed { continue }
                let output = new.output.map { again.outputs[$0] }
                if let record = records[old.index] {
                    #expect(output?.text == record.text, "seed \(seed) block \(old.index)")
                    #expect(output?.info == record.info, "seed \(seed) block \(old.index)")
                } else {
                    #expect(output == nil, "seed \(seed) block \(old.index)")
                }
            }
            #expect(again.rewritingOutputs(records) == rewritten, "seed \(seed): not idempotent")
            // Prose survives: outside output blocks, only blank lines and prefixes may change.
            #expect(Self.prose(of: again) == Self.prose(of: notebook), "seed \(seed): prose changed")
            // Recording what is already there changes nothing.
            let same = notebook.blocks.map { block in block.output.map { OutputRecord(text: notebook.outputs[$0].text, info: notebook.outputs[$0].info) } }
            let identity = notebook.rewritingOutputs(same)
            if identity != bytes {
                Issue.record("seed \(seed): recording the current outputs changed the file")
            }
            if failures > 5 { break }
        }
    }

    /// Every byte outside output blocks, less the blank-line and prefix bytes that adding or
    /// removing an output may touch.
    static func prose(of notebook: Notebook) -> [UInt8] {
        var result: [UInt8] = []
        var cursor = 0
        for output in notebook.outputs.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += notebook.bytes[cursor..<output.range.lowerBound].filter { ![0x20, 0x09, 0x0D, 0x0A, 0x3E].contains($0) }
            cursor = output.range.upperBound
        }
        return result + notebook.bytes[cursor...].filter { ![0x20, 0x09, 0x0D, 0x0A, 0x3E].contains($0) }
    }
}
