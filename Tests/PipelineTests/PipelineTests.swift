import Document
import Foundation
import Testing
@testable import Pipeline

func notebook(_ text: String, path: String = "/tmp/test.md") throws -> Notebook {
    try Notebook.parse(path: path, bytes: Array(text.utf8))
}

@Suite struct FingerprintTests {
    @Test func roundTripsThroughItsToken() {
        let print = Fingerprint(code: 0x3f9a, context: 0x2c1e, data: 0, tool: 0xd4c2)
        #expect(print.description == "3f9a2c1e0000d4c2")
        #expect(Fingerprint("3f9a2c1e0000d4c2") == print)
        #expect(Fingerprint("3f9a") == nil && Fingerprint("zzzz2c1e0000d4c2") == nil)
    }

    @Test func partsChangeWithTheirInputs() {
        let digests = InputDigests()
        let base = digests.fingerprints(["a = 1", "a + 1", "a * 2"], filesRead: nil, directory: "/tmp", toolVersion: "1")
        let edited = digests.fingerprints(["a = 1", "a + 2", "a * 2"], filesRead: nil, directory: "/tmp", toolVersion: "1")
        #expect(base[0] == edited[0])
        #expect(base[1].reasons(comparedTo: edited[1]) == [.code])
        #expect(base[2].reasons(comparedTo: edited[2]) == [.context])
        let newTool = digests.fingerprints(["a = 1"], filesRead: nil, directory: "/tmp", toolVersion: "2")
        #expect(base[0].reasons(comparedTo: newTool[0]) == [.tool])
    }
}

@Suite struct UnifiedDiffTests {
    @Test func printsHunksLikeDiffU() {
        let diff = UnifiedDiff.make("a\nb\nc\nd", "a\nB\nc\nd\ne")
        #expect(diff == """
            --- recorded
            +++ now
            @@ -1,4 +1,5 @@
             a
            -b
            +B
             c
             d
            +e

            """)
        #expect(UnifiedDiff.make("same", "same").isEmpty)
        #expect(UnifiedDiff.make("", "new") == "--- recorded\n+++ now\n@@ -0,0 +1,1 @@\n+new\n")
    }

    @Test func separatesDistantChangesIntoHunks() {
        let old = (1...30).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "\n3\n", with: "\nthree\n").replacingOccurrences(of: "\n27\n", with: "\n27b\n")
        let diff = UnifiedDiff.make(old, new)
        #expect(diff.components(separatedBy: "@@ ").count - 1 == 2)
        #expect(diff.contains("-3\n+three\n") && diff.contains("-27\n+27b\n"))
    }
}

@Suite struct OutputComparisonTests {
    @Test func toleranceAppliesToNumbersOnly() {
        #expect(OutputComparison.matches("0.731059", "0.731059", rtol: nil))
        #expect(!OutputComparison.matches("0.731059", "0.731058", rtol: nil))
        #expect(OutputComparison.matches("[1.00001, -2e-07]", "[1.00002, -2.00001e-07]", rtol: 1e-4))
        #expect(!OutputComparison.matches("loss 1", "gain 1", rtol: 0.1))
        #expect(!OutputComparison.matches("[1, 2]", "[1, 2, 3]", rtol: 0.1))
        #expect(OutputComparison.matches("x2 = 1", "x2 = 1.0000001", rtol: 1e-6))
    }
}

@Suite struct CheckAndUpdateTests {
    let source = """
        ---
        title: T
        ---
        # A notebook

        ```backprop
        a = 2
        a * 3
        ```

        Prose with $x_{i}$ between.

        ```backprop
        b = a + 1
        ```

        ```backprop
        b * 10
        ```
        """

    func updated(_ text: String) throws -> String {
        let book = try notebook(text)
        let run = NotebookRunner.run(book)
        return String(decoding: book.rewritingOutputs(NotebookUpdate.records(run, toolVersion: "test")), as: UTF8.self)
    }

    @Test func updateThenCheckPassesAndUpdateIsIdempotent() throws {
        let once = try updated(source)
        #expect(try updated(once) == once)
        let report = NotebookCheck.check(NotebookRunner.run(try notebook(once)), toolVersion: "test")
        #expect(report.passed)
        // Every byte outside the output blocks is as it was, except the line break that the
        // last block's closing fence needs when a record is added after it at the end of the file.
        let stripped = once.replacingOccurrences(of: #"```output [0-9a-f]{16}\n[^`]*```\n?"#, with: "", options: .regularExpression)
        #expect(stripped == source + "\n")
    }

    @Test func checkFindsExactlyTheChangedBlocks() throws {
        let recorded = try updated(source)
        let edited = recorded.replacingOccurrences(of: "b = a + 1", with: "b = a + 2")
        let report = NotebookCheck.check(NotebookRunner.run(try notebook(edited)), toolVersion: "test")
        #expect(report.stale.map(\.block) == [2])
        #expect(report.stale[0].reasons == [.context])
        #expect(report.stale[0].diff.contains("-30\n+40"))
        // A new tool gives the same outputs, but update would write new fingerprints: both
        // checks call the same records stale.
        let newTool = NotebookCheck.check(NotebookRunner.run(try notebook(recorded)), toolVersion: "other")
        #expect(newTool.stale.map(\.kind) == [.fingerprint, .fingerprint])
        #expect(newTool.stale.map(\.reasons) == [[.tool], [.tool]])
        #expect(NotebookCheck.checkSources(try notebook(recorded), toolVersion: "other").stale.map(\.block) == [0, 2])
        #expect(newTool.stale.map(\.block) == [0, 2])
        #expect(NotebookCheck.checkSources(try notebook(edited), toolVersion: "test").stale.map(\.reasons) == [[.context]])
    }

    @Test func missingAndUnwantedRecords() throws {
        let report = NotebookCheck.check(NotebookRunner.run(try notebook(source)), toolVersion: "test")
        #expect(report.stale.map(\.kind) == [.missing, .missing])
        let withExtra = try updated(source).replacingOccurrences(of: "a * 3\n", with: "c = a * 3\n")
        let second = NotebookCheck.check(NotebookRunner.run(try notebook(withExtra)), toolVersion: "test")
        // The first block's code changed, so the third's record comes from other earlier code.
        #expect(second.stale.map(\.kind) == [.unwanted, .fingerprint])
        #expect(second.stale.last?.reasons == [.context])
        #expect(try updated(withExtra).components(separatedBy: "```output").count == 2)
    }

    @Test func errorBlocksRecordTheirMessageAndFailWhenTheyStopFailing() throws {
        let text = "```backprop error\n[1, 2] @ [1, 2, 3]\n```\n"
        let once = try updated(text)
        #expect(once.contains("error: shapes [2] and [3] do not fit a matrix product"))
        let fixed = once.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 2]")
        let report = NotebookCheck.check(NotebookRunner.run(try notebook(fixed)), toolVersion: "test")
        #expect(!report.passed)
        #expect(report.diagnostics.contains { $0.message == "the block is marked 'error' but ran without one" })
    }

    @Test func orphanRecordsAreReported() throws {
        let report = NotebookCheck.check(NotebookRunner.run(try notebook("Prose.\n\n```output\n1\n```\n")), toolVersion: "t")
        #expect(!report.passed)
        #expect(report.diagnostics.contains { $0.message.contains("no computation block before it") })
    }
}
