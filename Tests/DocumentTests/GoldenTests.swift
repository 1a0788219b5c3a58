import Foundation
import Testing
@testable import Document
import TestSupport

/// Realistic notebooks against their expected dumps (`NAME.md` and `NAME.dump` under
/// Fixtures; `Golden.check`, so `RECORD_FIXTURES=1` writes them anew).
@Suite struct GoldenTests {
    @Test(arguments: ["xor", "crlf"])
    func dumpMatches(name: String) throws {
        let bytes = try Fixtures.bytes(name + ".md")
        let notebook = try Notebook.parse(path: name + ".md", bytes: bytes)
        #expect(notebook.rewritingOutputs(notebook.currentRecords) == bytes)
        let dump = notebook.dump()
        let expectedURL = Fixtures.directory.appendingPathComponent(name + ".dump")
        if let problem = Golden.check(dump, against: expectedURL) { Issue.record(Comment(rawValue: problem)) }
    }
}
