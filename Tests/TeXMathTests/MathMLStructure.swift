/// The structure of a MathML formula, with what legitimately varies between renderers removed,
/// so that ours can be compared with KaTeX's: element names and token texts as a compact
/// S-expression, e.g. `msup(mi:x mn:2)`.
///
/// Removed: attributes, `<semantics>` and the annotation, `<mstyle>`, spaces (`<mspace>`, empty
/// `<mpadded>` and blank `<mtext>`, since KaTeX writes `\,` as text), KaTeX's glue cells in `align`, and `<mrow>`
/// wherever it only groups (inside a row, or around a single child). Characters are mapped to
/// one spelling where the two renderers pick different code points for the same glyph.
///
/// Equation numbers are removed too: our tag cells (`class="tex-tag"`), KaTeX's empty number
/// cells (`mml-eqn-num`, filled by CSS counters) and the cells of its `\tag` layout (a table of
/// width 100% with cells of width 50% around the formula and the tag last). And KaTeX writes
/// some constructs (`\overset`, `\mathop`, `\plim`) as elements inside `<mi>` or `<mo>`, which
/// MathML does not allow: such a token is read as a row of its children.
enum MathMLStructure {
    indirect enum Node: Equatable {
        case element(String, [Node])
        case token(String, String)
    }

    static func normalized(_ mathML: String) throws -> String {
        let tree = try XMLTree.parse(mathML)
        guard let math = tree.first(named: "math") else { return "no <math>" }
        return describe(row(normalize(math)))
    }

    /// Elements whose children form a row, so an `<mrow>` child only groups.
    private static let rowLike: Set<String> = [
        "math", "mrow", "mtd", "msqrt", "mstyle", "merror", "mpadded", "mphantom", "menclose", "semantics",
    ]
    private static let tokens: Set<String> = ["mi", "mn", "mo", "mtext", "ms"]

    private static func normalize(_ node: XMLTree) -> [Node] {
        guard case .element(let name, let attributes, let children) = node else { return [] }
        switch name {
        case "annotation", "annotation-xml", "mspace":
            return []
        case "semantics":
            return children.first.map(normalize) ?? []
        case "mtd" where ["mtr-glue", "mml-eqn-num", "tex-tag"].contains(attributes["class"] ?? ""):
            return []
        case "mtable" where attributes["width"] == "100%":
            // KaTeX's `\tag`: the glue cells and the tag (each row's last cell) go.
            let rows = children.map { row -> XMLTree in
                guard case .element(let rowName, let rowAttributes, let cells) = row else { return row }
                let kept = cells.filter { $0.attributes["width"] != "50%" }
                return .element(name: rowName, attributes: rowAttributes, children: Array(kept.dropLast()))
            }
            return normalize(.element(name: name, attributes: [:], children: rows))
        case _ where tokens.contains(name) && children.contains(where: { $0.name != nil }):
            return [.element("mrow", children.flatMap(normalize).flatMap { kid -> [Node] in
                if case .element("mrow", let grandchildren) = kid { return grandchildren }
                return [kid]
            })]
        case _ where tokens.contains(name):
            return token(name, text: node.textContent)
        default:
            var kids = children.flatMap(normalize)
            if name == "mpadded" && kids.isEmpty {
                // An empty box sized to strut a line (KaTeX's `\vdots`) draws nothing.
                return []
            }
            if rowLike.contains(name) {
                kids = kids.flatMap { kid -> [Node] in
                    if case .element("mrow", let grandchildren) = kid { return grandchildren }
                    return [kid]
                }
                if name == "mstyle" || name == "mrow" || name == "math" {
                    // Transparent: the parent splices the children, or `row` wraps them.
                    return name == "mstyle" ? kids : [.element("mrow", kids)]
                }
                return [.element(name, kids)]
            }
            // Fixed-arity elements (fractions, scripts, tables): each child is one argument.
            return [.element(name, kids.map(unwrapped))]
        }
    }

    private static func token(_ name: String, text: String) -> [Node] {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let plain = plainLetter(scalar) {
                scalars.append(plain)
            } else if let equivalent = equivalents[scalar] {
                scalars.append(contentsOf: equivalent.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        var text = String(scalars)
        if name == "mtext" {
            text = String(text.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 }.reduce(into: "") { $0.unicodeScalars.append($1) })
            while text.first == " " { text.removeFirst() }
            while text.last == " " { text.removeLast() }
            // KaTeX writes \, \: \; \! as text of Unicode spaces and invisible separators.
            if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || (0x2060...0x2064).contains($0.value) }) {
                return []
            }
        }
        if name == "mo" && text.isEmpty { return [] }
        if name == "mo", text.count > 1, text.allSatisfy({ $0 == "′" }) {
            // ″ is two primes: KaTeX writes them one by one.
            return [.element("mrow", text.map { .token("mo", String($0)) })]
        }
        return [.token(name, text)]
    }

    /// Code points the renderers choose differently for the same mark.
    private static let equivalents: [Unicode.Scalar: String] = [
        "\u{2223}": "|",      // KaTeX writes | as U+2223 DIVIDES
        "\u{2225}": "‖",      // and ‖ as U+2225 PARALLEL TO; we use U+2016
        "\u{2C9}": "¯",       // \bar: KaTeX's modifier macron, our macron
        "\u{20D7}": "→",      // \vec: KaTeX's combining arrow, our small arrow
        "\u{302}": "^",       // \widehat
        "ˊ": "´", "ˋ": "`", "ˆ": "^", "˜": "~",  // KaTeX's modifier letters for \acute, \grave, \hat, \tilde
        "″": "′′", "‴": "′′′",
    ]

    /// The plain letter or digit behind a Mathematical Alphanumeric Symbol (computed from the
    /// block's layout, independently of the renderer's tables).
    private static func plainLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x1D400...0x1D6A3:
            let index = (value - 0x1D400) % 52
            return Unicode.Scalar(index < 26 ? 0x41 + index : 0x61 + index - 26)
        case 0x1D6A8...0x1D7C9:
            let index = (value - 0x1D6A8) % 58
            switch index {
            case 0..<25: return Unicode.Scalar(index == 17 ? 0x3F4 : 0x391 + index)
            case 25: return "∇"
            case 26..<51: return Unicode.Scalar(0x3B1 + index - 26)
            default: return ["∂", "ϵ", "ϑ", "ϰ", "ϕ", "ϱ", "ϖ"][Int(index) - 51]
            }
        case 0x1D7CE...0x1D7FF:
            return Unicode.Scalar(0x30 + (value - 0x1D7CE) % 10)
        default:
            return letterlike[scalar]
        }
    }

    private static let letterlike: [Unicode.Scalar: Unicode.Scalar] = [
        "ℂ": "C", "ℍ": "H", "ℕ": "N", "ℙ": "P", "ℚ": "Q", "ℝ": "R", "ℤ": "Z", "ℬ": "B", "ℰ": "E",
        "ℱ": "F", "ℋ": "H", "ℐ": "I", "ℒ": "L", "ℳ": "M", "ℛ": "R", "ℯ": "e", "ℊ": "g", "ℴ": "o",
        "ℭ": "C", "ℌ": "H", "ℨ": "Z", "ℎ": "h",
    ]

    private static func unwrapped(_ node: Node) -> Node {
        if case .element("mrow", let kids) = node, kids.count == 1 { return unwrapped(kids[0]) }
        return node
    }

    private static func row(_ nodes: [Node]) -> Node {
        nodes.count == 1 ? unwrapped(nodes[0]) : .element("mrow", nodes)
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .token(let name, let text): return "\(name):\(text)"
        case .element(let name, let kids): return "\(name)(\(kids.map(describe).joined(separator: " ")))"
        }
    }
}
