import Diagnostics
import Display
import Document
import TeXMath

/// What `@fig-NAME`, `@tbl-NAME`, `@eq-NAME` and `@sec-NAME` in prose may name on a page, and
/// what each shows: "Figure 2", "Table 1", "(3)", or the heading's text, as a link.
///
/// Figures and tables are the captioned ones with `label:`; an equation is one with
/// `\label{NAME}` (or `\label{eq-NAME}`); a section is a heading, by its id.
public struct CrossReferenceTargets: Sendable {
    /// What a reference shows, and where its link goes.
    public struct Target: Sendable, Hashable {
        /// "Figure 2"; for `[-@fig-loss]` (the kind already in the sentence) just "2".
        public var text: String
        public var number: String
        public var href: String
    }

    let numbering: FigureNumbering
    /// Each heading's id and text.
    let sections: [String: String]
    let equations: [String: MathContext.Label]

    public init(notebook: Notebook, items: [DisplayItem], equations: [String: MathContext.Label] = [:]) {
        numbering = FigureNumbering(items)
        var namer = AnchorNamer()
        var sections: [String: String] = [:]
        PageOutline.forEachHeading(notebook.markup, skippingFirst: false) { _, content in
            let text = AnchorNamer.plainText(content)
            sections[namer.name(text)] = text.trimmingWhitespace
        }
        self.sections = sections
        self.equations = equations
    }

    /// The target of a key (`fig-loss`, `Eq-delta`), or nil.
    public func resolve(_ key: String) -> Target? {
        guard let dash = key.firstIndex(of: "-") else { return nil }
        let kind = key[..<dash].lowercased(), name = String(key[key.index(after: dash)...])
        switch kind {
        case "fig", "tbl":
            return numbering.labelled[kind + "-" + name].map { Target(text: "\($0.kind) \($0.number)", number: "\($0.number)", href: "#" + $0.id) }
        case "eq":
            guard let label = equations[name] ?? equations["eq-" + name] else { return nil }
            return Target(text: "(" + label.tag + ")", number: "(" + label.tag + ")", href: label.link ?? "#" + RenderedMath.id(forLabel: name))
        case "sec":
            return sections[name].map { Target(text: $0, number: $0, href: "#" + name) }
        default:
            return nil
        }
    }

    /// Every key that resolves, for "did you mean".
    var knownKeys: [String] {
        numbering.labelled.keys.sorted() + equations.keys.sorted().map { $0.hasPrefix("eq-") ? $0 : "eq-" + $0 }
            + sections.keys.sorted().map { "sec-" + $0 }
    }

    /// The error for a key that does not resolve.
    public func unknownDiagnostic(_ key: String, file: String, at range: SourceRange) -> Diagnostic {
        let kind = key.prefix { $0 != "-" }.lowercased()
        let what = ["fig": "figure", "tbl": "table", "eq": "equation", "sec": "section"][kind] ?? "target"
        let note: String
        if let close = Suggestion.closest(to: key, among: knownKeys) {
            note = "did you mean '@\(close)'?"
        } else {
            switch kind {
            case "fig", "tbl": note = "give the \(what) a caption: and a label: \"\(key.dropFirst(4))\" where it is drawn"
            case "eq": note = "label the equation with \\label{\(key.dropFirst(3))}"
            default: note = "a section is named by its heading's id, as in a link: @sec-the-chain-rule"
            }
        }
        return .error("no \(what) '@\(key)' on this page", file: file, at: range, notes: [.init(note)])
    }
}
