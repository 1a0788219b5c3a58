import Diagnostics
import Document
import TeXMath

/// Problems on the page that no block reports, found the same way by `run`, `check`,
/// `update` and `build`: math opened and never closed, TeX the renderer does not know or
/// cannot balance, front-matter keys that nothing reads, fences that look like a misspelt
/// `backprop` (so their code would never run or be checked), and block options that do not
/// exist. Each is an error at its place in the file: a page that shows raw `$$`, a
/// `\fracc` or a block that silently never runs must not pass.
public enum NotebookLint {
    /// The front-matter keys something reads: the page's and the run's.
    public static let frontMatterKeys = ["title", "description", "order", "lang"] + NotebookSettings.keys

    public static func diagnostics(_ notebook: Notebook) -> [Diagnostic] {
        var found = notebook.pageDiagnostics
        found += frontMatter(notebook)
        found += fences(notebook)
        found += blockOptions(notebook)
        var math = MathCheck(path: notebook.path)
        math.blocks(notebook.markup)
        found += math.diagnostics
        found += footnotes(notebook)
        return found
    }

    /// A reference to a footnote no paragraph defines (it would show as `[^label]`), and a
    /// note nothing refers to (it would never show).
    private static func footnotes(_ notebook: Notebook) -> [Diagnostic] {
        let blocks = notebook.markup.flatMap(\.allBlocks)
        var defined: [(label: String, line: Int)] = []
        for case .footnote(let label, _, let line) in blocks { defined.append((label, line)) }
        var used = Set<String>()
        var found: [Diagnostic] = []
        for inline in blocks.flatMap(\.inlineRuns).flatMap({ $0 }).flatMap(\.allInlines) {
            guard case .footnoteReference(let label, let location) = inline else { continue }
            used.insert(label)
            guard !defined.contains(where: { $0.label == label }) else { continue }
            let suggestion = Suggestion.closest(to: label, among: defined.map(\.label))
            found.append(.error("no footnote '[^\(label)]' in this notebook", file: notebook.path, at: SourceRange(at: location),
                                notes: suggestion.map { [.init("did you mean '[^\($0)]'?")] }
                                    ?? [.init("define it in a paragraph of its own: [^\(label)]: its text")]))
        }
        for (label, line) in defined where !used.contains(label) {
            found.append(.warning("footnote '[^\(label)]' is never referred to, so it is not shown", file: notebook.path,
                                  at: SourceRange(at: SourceLocation(line: line, column: 1))))
        }
        return found
    }

    private static func frontMatter(_ notebook: Notebook) -> [Diagnostic] {
        let front = notebook.frontMatter
        return front.values.keys.sorted().filter { !frontMatterKeys.contains($0) }.map { key in
            let suggestion = Suggestion.closest(to: key, among: frontMatterKeys)
            return .error("unknown front-matter key '\(key)'", file: notebook.path,
                          at: front.keyLocation(of: key).map { SourceRange(start: $0, end: SourceLocation(line: $0.line, column: $0.column + key.unicodeScalars.count)) },
                          notes: suggestion.map { [.init("did you mean '\($0)'?")] }
                              ?? [.init("keys: " + frontMatterKeys.joined(separator: ", "))])
        }
    }

    /// Fenced code whose language is nearly `backprop` (`backprob`, `Backprop`, `back-prop`):
    /// it would be shown as code and never run.
    private static func fences(_ notebook: Notebook) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func visit(_ blocks: [Markup.Block]) {
            for block in blocks {
                switch block {
                case .code(let info, _, let line):
                    guard let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init),
                          looksLikeBackprop(word) else { continue }
                    found.append(.error("a fence marked '\(word)' is shown as code and never run", file: notebook.path,
                                        at: SourceRange(at: SourceLocation(line: line, column: 1)),
                                        notes: [.init("did you mean 'backprop'? (a computation block's info string starts with backprop, in lower case)")]))
                default: visit(block.childBlocks)
                }
            }
        }
        visit(notebook.markup)
        return found
    }

    static func looksLikeBackprop(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard word != "backprop" else { return false }
        if lower == "backprop" { return true }
        let letters = String(lower.filter { $0.isLetter })
        return Suggestion.editDistance(letters, "backprop", limit: 2) <= 2
    }

    private static func blockOptions(_ notebook: Notebook) -> [Diagnostic] {
        notebook.blocks.flatMap { block in
            block.options.filter { !NotebookRunner.blockOptions.contains($0) }.map { option in
                let suggestion = Suggestion.closest(to: option, among: NotebookRunner.blockOptions)
                return Diagnostic.error("unknown block option '\(option)'", file: notebook.path, at: range(of: option, in: block, notebook),
                                        notes: suggestion.map { [.init("did you mean '\($0)'?")] }
                                            ?? [.init("options: " + NotebookRunner.blockOptions.joined(separator: ", "))])
            }
        }
    }

    /// Where `option` is written in the block's info string (on the fence's line).
    private static func range(of option: String, in block: CodeBlock, _ notebook: Notebook) -> SourceRange {
        let start = block.infoRange.start
        let line = notebook.lineText(start.line)
        let info = line.unicodeScalars.dropFirst(start.column - 1)
        var words: [(Int, String)] = [], column = start.column, current = "", wordStart = column
        for scalar in info {
            if scalar == " " || scalar == "\t" {
                if !current.isEmpty { words.append((wordStart, current)) }
                current = ""
                wordStart = column + 1
            } else {
                current.unicodeScalars.append(scalar)
            }
            column += 1
        }
        if !current.isEmpty { words.append((wordStart, current)) }
        guard let found = words.dropFirst().first(where: { $0.1 == option }) else { return block.infoRange }
        return SourceRange(start: SourceLocation(line: start.line, column: found.0),
                           end: SourceLocation(line: start.line, column: found.0 + option.unicodeScalars.count))
    }

    /// Renders every formula of the prose, as the site will, and keeps what it reports.
    private struct MathCheck {
        let path: String
        let renderer = MathRenderer()
        var diagnostics: [Diagnostic] = []

        mutating func blocks(_ blocks: [Markup.Block]) {
            for block in blocks {
                block.inlineRuns.forEach { inlines($0) }
                self.blocks(block.childBlocks)
            }
        }

        mutating func inlines(_ content: [Markup.Inline]) {
            for inline in content {
                switch inline {
                case .math(let tex, let display, let location):
                    for warning in renderer.render(tex, display: display).warnings {
                        let start = Markup.location(in: tex, offset: warning.offset, from: location)
                        let end = Markup.location(in: tex, offset: warning.offset + warning.length, from: location)
                        diagnostics.append(.error(warning.message, file: path, at: SourceRange(start: start, end: end),
                                                  notes: warning.notes.map { .init($0) }))
                    }
                default: inlines(inline.children)
                }
            }
        }
    }
}
