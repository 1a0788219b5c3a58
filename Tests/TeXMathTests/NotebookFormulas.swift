import Foundation

/// The formulas of Markdown files, found as the site finds them (pandoc's `tex_math_dollars`
/// rule, as `MathScanner` in Document applies it), for tests that need real formulas: the
/// KaTeX comparison and the timing of the notebooks' math. This target cannot depend on
/// Document, so this is a small scanner of its own: front matter and fenced code are skipped,
/// then each paragraph is scanned for code spans, escaped dollars, `$$...$$` and `$...$`.
enum NotebookFormulas {
    struct Formula: Hashable, Sendable {
        var tex: String
        var display: Bool
        /// `notebooks/chain-rule.md`, for messages.
        var file: String
    }

    /// The repository's root, found from this source file's path (`Tests/TeXMathTests/...`).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every formula of `notebooks/*.md`, in file order.
    static func shippedNotebooks() throws -> [Formula] {
        try formulas(inFilesOf: repositoryRoot.appendingPathComponent("notebooks"), extension: "md")
    }

    /// Every formula of the source articles in `../shared/seeds/` (empty where that folder is
    /// not beside the repository).
    static func seedArticles() throws -> [Formula] {
        let seeds = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: seeds.path) else { return [] }
        return try formulas(inFilesOf: seeds, extension: "txt")
    }

    static func formulas(inFilesOf folder: URL, extension fileExtension: String) throws -> [Formula] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix("." + fileExtension) }.sorted()
        return try names.flatMap { name -> [Formula] in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let file = folder.lastPathComponent + "/" + name
            return formulas(in: text).map { Formula(tex: $0.tex, display: $0.display, file: file) }
        }
    }

    /// The formulas of one Markdown text.
    static func formulas(in markdown: String) -> [(tex: String, display: Bool)] {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
            lines.removeSubrange(0...end)
        }
        var found: [(tex: String, display: Bool)] = []
        var paragraph: [String] = []
        var fence: String?
        func flush() {
            if !paragraph.isEmpty { found += scan(paragraph.joined(separator: "\n")) }
            paragraph = []
        }
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = String(trimmed.prefix { $0 == trimmed.first })
                continue
            }
            if trimmed.isEmpty {
                flush()
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return found
    }

    /// Pandoc's rule: `$$...$$` is display math; `$...$` is inline math when the opening `$`
    /// is followed by a non-space, the closing one preceded by a non-space and not followed by
    /// a digit. Code spans are never math and `\$` is a dollar.
    private static func scan(_ text: String) -> [(tex: String, display: Bool)] {
        let scalars = Array(text.unicodeScalars)
        var found: [(tex: String, display: Bool)] = []
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 2
            case "`":
                var end = index
                while end < scalars.count, scalars[end] == "`" { end += 1 }
                let run = end - index
                var probe = end
                var closed = false
                while probe < scalars.count {
                    if scalars[probe] == "`" {
                        var runEnd = probe
                        while runEnd < scalars.count, scalars[runEnd] == "`" { runEnd += 1 }
                        if runEnd - probe == run {
                            index = runEnd
                            closed = true
                            break
                        }
                        probe = runEnd
                    } else {
                        probe += 1
                    }
                }
                if !closed { index = end }
            case "$" where index + 1 < scalars.count && scalars[index + 1] == "$":
                var close = index + 3
                while close + 1 < scalars.count, !(scalars[close] == "$" && scalars[close + 1] == "$") { close += 1 }
                guard close + 1 < scalars.count else { return found }
                found.append((string((index + 2)..<close), true))
                index = close + 2
            case "$":
                if let close = inlineClose(scalars, from: index) {
                    found.append((string((index + 1)..<close), false))
                    index = close + 1
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        return found
    }

    private static func inlineClose(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        var index = open + 1
        guard index < scalars.count, !scalars[index].properties.isWhitespace else { return nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if scalar == "`" { return nil }
            if scalar == "$" {
                if scalars[index - 1].properties.isWhitespace { return nil }
                if index + 1 < scalars.count, ("0"..."9").contains(scalars[index + 1]) { return nil }
                return index
            }
            index += 1
        }
        return nil
    }
}
