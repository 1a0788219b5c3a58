import Bibliography
import Diagnostics
import Display
import Document
import TeXMath
import Weave

/// Problems on the page that no block reports, found the same way by `run`, `check`,
/// `update` and `build`: math opened and never closed, TeX the renderer does not know or
/// cannot balance, front-matter keys that nothing reads, fences that look like a misspelt
/// `backprop` (so their code would never run or be checked), and block options that do not
/// exist. Each is an error at its place in the file: a page that shows raw `$$`, a
/// `\fracc` or a block that silently never runs must not pass.
public enum NotebookLint {
    /// The front-matter keys something reads: the page's and the run's.
    public static let frontMatterKeys = ["title", "description", "order", "lang", "bibliography"] + NotebookSettings.keys

    /// The problems of `notebook`, whose project gives `context` and whose blocks showed
    /// `items` (the figures and tables that references may name).
    public static func diagnostics(_ notebook: Notebook, context: NotebookContext = NotebookContext(),
                                   items: [DisplayItem] = []) -> [Diagnostic] {
        var found = notebook.pageDiagnostics
        found += frontMatter(notebook)
        found += fences(notebook)
        found += blockOptions(notebook)
        found += NotebookMath(notebook, base: context.math).diagnostics
        found += footnotes(notebook)
        found += citations(notebook, context: context)
        found += crossReferences(notebook, items: items)
        return found
    }

    /// A citation of a key the bibliography lacks (with the nearest key), and a citation in
    /// brackets in a notebook with no bibliography. A bare `@word` there is left as text:
    /// without a bibliography it is nobody's citation.
    private static func citations(_ notebook: Notebook, context: NotebookContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var reportedMissing = false
        for inline in notebook.markup.flatMap(\.allBlocks).flatMap(\.inlineRuns).flatMap({ $0 }).flatMap(\.allInlines) {
            guard case .citation(let citation, let location) = inline else { continue }
            let at = SourceRange(at: location)
            guard let bibliography = context.bibliography else {
                guard !citation.isInText, !reportedMissing else { continue }
                reportedMissing = true
                found.append(.error("'[@\(citation.keys.first ?? "")]' cites a source, but the notebook has no bibliography",
                                    file: notebook.path, at: at,
                                    notes: [.init("name a BibTeX file in the front matter (bibliography: references.bib) or in chainrule.yml")]))
                continue
            }
            for key in citation.keys {
                if let problem = bibliography.unknownKeyDiagnostic(for: key, file: notebook.path, at: at) { found.append(problem) }
            }
        }
        return found
    }

    /// `@fig-NAME`, `@tbl-NAME` and `@sec-NAME` that name no captioned figure, table or
    /// heading of the page. (`@eq-NAME` is checked by the build, which knows every page's
    /// equations.)
    private static func crossReferences(_ notebook: Notebook, items: [DisplayItem]) -> [Diagnostic] {
        let references = notebook.markup.flatMap(\.allBlocks).flatMap(\.inlineRuns).flatMap { $0 }.flatMap(\.allInlines)
            .compactMap { inline -> (Citation, SourceLocation)? in
                if case .crossReference(let citation, let location) = inline { return (citation, location) }
                return nil
            }
        guard !references.isEmpty else { return [] }
        let targets = CrossReferenceTargets(notebook: notebook, items: items)
        var found: [Diagnostic] = []
        for (citation, location) in references {
            for key in citation.keys where !key.lowercased().hasPrefix("eq-") && targets.resolve(key) == nil {
                found.append(targets.unknownDiagnostic(key, file: notebook.path, at: SourceRange(at: location)))
            }
        }
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
}
