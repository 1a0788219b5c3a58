import Diagnostics
import Foundation
@testable import Document

/// Parses text as a notebook named "t.md", failing the test on invalid UTF-8.
func notebook(_ text: String, path: String = "t.md") throws -> Notebook {
    try Notebook.parse(path: path, bytes: Array(text.utf8))
}

/// The bytes of a range of a notebook, as text.
func slice(_ notebook: Notebook, _ range: Range<Int>) -> String {
    String(decoding: notebook.bytes[range], as: UTF8.self)
}

/// The math inlines of a tree, in order.
func mathSpans(_ blocks: [Markup.Block]) -> [(tex: String, display: Bool, location: SourceLocation)] {
    var result: [(String, Bool, SourceLocation)] = []
    func visit(_ inlines: [Markup.Inline]) {
        for inline in inlines {
            switch inline {
            case .math(let tex, let display, let location): result.append((tex, display, location))
            case .emphasis(let content), .strong(let content): visit(content)
            case .link(_, _, let content, _): visit(content)
            case .image(_, _, let alt, _): visit(alt)
            default: break
            }
        }
    }
    func visit(_ blocks: [Markup.Block]) {
        for block in blocks {
            switch block {
            case .heading(_, let content, _), .paragraph(let content, _): visit(content)
            case .blockQuote(let children): visit(children)
            case .list(_, _, _, let items): items.forEach(visit)
            default: break
            }
        }
    }
    visit(blocks)
    return result
}

/// Fixture files under Tests/DocumentTests/Fixtures.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
