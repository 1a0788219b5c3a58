import Diagnostics
import Document
import TeXMath

/// Every formula of a notebook's prose, rendered in the order of the file with one
/// `MathContext` threaded through, as LaTeX reads a document: a macro is known from where it
/// is defined to the end, numbered equations count up from 1, and `\eqref` resolves forwards
/// as well as backwards (a first pass collects the labels, a second draws the formulas with
/// them).
///
/// The lint and the page both read the formulas from here, so what one reports is what the
/// other shows.
public struct NotebookMath: Sendable {
    /// A formula of the prose: its TeX, whether it is displayed, and where it starts.
    struct Formula: Sendable {
        var tex: String
        var display: Bool
        var location: SourceLocation
    }

    /// Each formula drawn, by where it starts in the file.
    public private(set) var rendered: [SourceLocation: RenderedMath] = [:]
    /// The labels the notebook defines, each with its tag and `#id`.
    public private(set) var labels: [String: MathContext.Label] = [:]
    /// What references may name: these labels and those of the other pages.
    public private(set) var knownLabels: [String: MathContext.Label] = [:]
    /// Problems: TeX the renderer does not know or cannot balance, each at its place.
    public private(set) var diagnostics: [Diagnostic] = []
    /// References (`\eqref`, `\ref`) to labels that neither this notebook nor `otherLabels`
    /// has, each at its place, with the nearest known label.
    public private(set) var unknownReferences: [Diagnostic] = []

    /// Renders the formulas of `notebook` from `base` (the project's macros). `otherLabels`
    /// are the labels of the site's other pages, with links to them; the notebook's own
    /// labels win over theirs.
    public init(_ notebook: Notebook, base: MathContext = MathContext(), otherLabels: [String: MathContext.Label] = [:]) {
        let formulas = Self.formulas(notebook)
        knownLabels = otherLabels
        guard !formulas.isEmpty else { return }
        let renderer = MathRenderer()
        labels = Self.labels(formulas, base: base, renderer: renderer)
        var context = base
        context.labels = otherLabels.merging(labels) { _, own in own }
        let known = context.labels
        knownLabels = known
        for formula in formulas {
            let math = renderer.render(formula.tex, display: formula.display, context: &context)
            rendered[formula.location] = math
            for warning in math.warnings {
                diagnostics.append(.error(warning.message, file: notebook.path,
                                          at: Self.range(in: formula, offset: warning.offset, length: warning.length),
                                          notes: warning.notes.map { .init($0) }))
            }
            for reference in math.references where known[reference.name] == nil {
                let suggestion = Suggestion.closest(to: reference.name, among: known.keys.sorted())
                unknownReferences.append(.error(
                    "no equation is labelled '\(reference.name)'", file: notebook.path,
                    at: Self.range(in: formula, offset: reference.offset, length: reference.length),
                    notes: suggestion.map { [.init("did you mean '\($0)'?")] }
                        ?? [.init("label a numbered equation with \\label{\(reference.name)}, on this page or another of the site")]))
            }
        }
    }

    /// The labels of `notebook` with their tags and `#id` links: the first pass alone, for
    /// the site map (which every page's references resolve against).
    public static func labels(of notebook: Notebook, base: MathContext = MathContext()) -> [String: MathContext.Label] {
        let formulas = formulas(notebook)
        return formulas.isEmpty ? [:] : labels(formulas, base: base, renderer: MathRenderer())
    }

    private static func labels(_ formulas: [Formula], base: MathContext, renderer: MathRenderer) -> [String: MathContext.Label] {
        // Only formulas that could define a label or a number need the first pass: a notebook
        // without `\label` has no labels, whatever its formulas hold.
        guard formulas.contains(where: { $0.tex.contains("\\label") }) else { return [:] }
        var context = base
        var found: [String: MathContext.Label] = [:]
        for formula in formulas {
            for label in renderer.render(formula.tex, display: formula.display, context: &context).labels where found[label.name] == nil {
                found[label.name] = MathContext.Label(tag: label.tag, link: "#" + label.id)
            }
        }
        return found
    }

    /// The formulas of the prose in the order of the file (footnotes where they are written,
    /// not where the page draws them).
    static func formulas(_ notebook: Notebook) -> [Formula] {
        var found: [Formula] = []
        for inline in notebook.markup.flatMap(\.allBlocks).flatMap(\.inlineRuns).flatMap({ $0 }).flatMap(\.allInlines) {
            if case .math(let tex, let display, let location) = inline {
                found.append(Formula(tex: tex, display: display, location: location))
            }
        }
        return found.sorted { $0.location < $1.location }
    }

    private static func range(in formula: Formula, offset: Int, length: Int) -> SourceRange {
        SourceRange(start: Markup.location(in: formula.tex, offset: offset, from: formula.location),
                    end: Markup.location(in: formula.tex, offset: offset + length, from: formula.location))
    }
}
