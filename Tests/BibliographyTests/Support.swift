import Diagnostics
import Foundation
@testable import Bibliography

/// Fixture files under Tests/BibliographyTests/Fixtures.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func database(_ name: String) throws -> BibTeXDatabase {
        BibTeXDatabase.parse(try text(name), path: "Fixtures/" + name)
    }
}

/// Styled text written as Markdown would show it, to compare whole entries at a glance:
/// `*emphasis*`, `<url>` for a link showing its address, `[text](url)` for another, `$tex$`.
func markdown(_ pieces: [StyledText]) -> String {
    pieces.map { piece in
        switch piece {
        case .text(let text): return text
        case .emphasis(let content): return "*" + markdown(content) + "*"
        case .math(let tex): return "$" + tex + "$"
        case .link(let url, let content):
            return content == [.text(url)] ? "<" + url + ">" : "[" + markdown(content) + "](" + url + ")"
        }
    }.joined()
}

/// A diagnostic on one line: "line:column: severity: message", then each note.
func summary(_ diagnostic: Diagnostic) -> String {
    var text = diagnostic.range.map { "\($0.start): " } ?? ""
    text += "\(diagnostic.severity.rawValue): \(diagnostic.message)"
    for note in diagnostic.notes {
        text += " / note: " + note.message + (note.range.map { " at \($0.start)" } ?? "")
    }
    return text
}

/// The citations of a text (cross-references left out), for formatting tests.
func citations(_ text: String) -> [Citation] {
    CitationScanner.scan(text).compactMap { reference in
        if case .citation(let citation) = reference { return citation }
        return nil
    }
}

/// The only citation of a text.
func citation(_ text: String) -> Citation {
    let found = citations(text)
    precondition(found.count == 1, "expected one citation in \(text), found \(found.count)")
    return found[0]
}

/// Scalars of a string, to check that accented letters are composed (one scalar each).
func scalarValues(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}
