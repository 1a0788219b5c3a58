import Diagnostics
import Testing
@testable import Document

@Suite struct EncodingTests {
    func failure(_ bytes: [UInt8]) -> Diagnostic? {
        do {
            _ = try Notebook.parse(path: "bad.md", bytes: bytes)
            return nil
        } catch {
            #expect(error.diagnostics.count == 1)
            return error.diagnostics.first
        }
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        let diagnostic = try #require(failure(Array("ab\ncd\n学习x".utf8) + [0xFF, 0x41]))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == "bad.md")
        #expect(diagnostic.message == "the file is not valid UTF-8")
        #expect(diagnostic.range?.start == SourceLocation(line: 3, column: 4))
        #expect(diagnostic.notes.first?.message.contains("0xFF") == true)
    }

    @Test(arguments: [
        [0xC0, 0xAF],  // overlong '/'
        [0xE0, 0x80, 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
        [0xE5, 0xAD],  // truncated at the end
        [0x80],  // stray continuation
        [0xF8, 0x88, 0x80, 0x80, 0x80],  // five-byte form
    ] as [[UInt8]])
    func illFormedSequencesAreRejected(sequence: [UInt8]) throws {
        let diagnostic = try #require(failure(Array("x\r\ny = ".utf8) + sequence))
        #expect(diagnostic.range?.start == SourceLocation(line: 2, column: 5))
    }

    @Test func wellFormedSequencesAreAccepted() throws {
        #expect(UTF8Validator.firstInvalidOffset(in: Array("a é 学 🙂 \u{10FFFF} \u{FEFF}".utf8)) == nil)
    }

    @Test func byteOrderMarkIsKeptButNotParsed() throws {
        let notebook = try notebook("\u{FEFF}# T $x$\n```backprop\nx\n```\n")
        #expect(notebook.bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(mathSpans(notebook.markup).map(\.location) == [SourceLocation(line: 1, column: 6)])
        #expect(notebook.blocks.first?.range.lowerBound == 11)
        #expect(notebook.location(ofByte: 3) == SourceLocation(line: 1, column: 1))
        #expect(notebook.rewritingOutputs(notebook.currentRecords) == notebook.bytes)
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let notebook = try notebook("a\rb\r\r```backprop\rx\r```\r")
        #expect(notebook.blocks.first?.fenceLine == 4)
        #expect(notebook.blocks.first?.code == "x")
    }
}
