import Foundation
import Testing
@testable import Document

/// Realistic notebooks against their expected dumps (`NAME.md` and `NAME.dump` under
/// Fixtures). Run with `RECORD_FIXTURES=1` to write the dumps anew; the test then fails, so
/// that every new baseline is read by a person before it is committed.
@Suite struct GoldenTests {
    @Test(arguments: ["xor", "crlf"])
    func dumpMatches(name: String) throws {
        let bytes = try Fixtures.bytes(name + ".md")
        let notebook = try Notebook.parse(path: name + ".md", bytes: bytes)
        #expect(notebook.rewritingOutputs(notebook.currentRecords) == bytes)
        let dump = notebook.dump()
        let expectedURL = Fixtures.directory.appendingPathComponent(name + ".dump")
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] != nil {
            try Data(dump.utf8).write(to: expectedURL)
            Issue.record("recorded \(expectedURL.path); read it, then run again without RECORD_FIXTURES")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(dump == expected)
    }
}
