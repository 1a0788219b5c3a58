/// Writes a `MathNode` tree as MathML Core, the subset browsers lay out natively.
///
/// Where Chromium ignores a MathML 3 attribute that TeX's look depends on (`columnalign`,
/// negative `mspace` widths, `mathvariant` other than `normal`), the writer also says it in a
/// way Chromium understands: inline CSS on table cells, a negative margin, Unicode math letters
/// (chosen by the parser). The MathML 3 attributes stay for other engines.
struct MathMLWriter {
    private var output = ""

    /// The complete `<math>` element for `formula`, with `tex` kept as its annotation.
    static func document(for formula: MathNode, tex: String, display: Bool) -> String {
        var writer = MathMLWriter()
        writer.output.reserveCapacity(tex.utf8.count * 8 + 160)
        writer.output += "<math xmlns=\"http://www.w3.org/1998/Math/MathML\""
        if display { writer.output += " display=\"block\"" }
        writer.output += "><semantics>"
        writer.writeElement(formula, display: display)
        writer.output += "<annotation encoding=\"application/x-tex\">"
        writer.escape(tex)
        writer.output += "</annotation></semantics></math>"
        return writer.output
    }

    private static let thinSpace = "<mspace width=\"0.1667em\"/>"
    private static let functionApplication = "<mo>&#x2061;</mo>"

    /// Writes `node` as exactly one element, for places that take one child (scripts,
    /// fraction parts, `<semantics>`).
    private mutating func writeElement(_ node: MathNode, display: Bool) {
        switch node {
        case .group(let nodes) where nodes.count == 1:
            writeElement(nodes[0], display: display)
        case .function:
            output += "<mrow>"
            writeNode(node, display: display)
            output += "</mrow>"
        case .classed(_, let atomClass, _) where Parser.spacing(of: atomClass) != nil:
            // Its spaces are elements of their own.
            output += "<mrow>"
            writeNode(node, display: display)
            output += "</mrow>"
        default:
            writeNode(node, display: display)
        }
    }

    /// Writes `node` as one or more elements. `display` tracks TeX's display style, which
    /// decides where the limits of `\lim` go.
    private mutating func writeNode(_ node: MathNode, display: Bool, unary: Bool = false) {
        switch node {
        case .identifier(let text, let upright):
            output += upright && MathMLWriter.isItalicizedByDefault(text) ? "<mi mathvariant=\"normal\">" : "<mi>"
            escape(text)
            output += "</mi>"
        case .number(let text):
            output += "<mn>"
            escape(text)
            output += "</mn>"
        case .symbol(let symbol):
            writeOperator(symbol, unary: unary)
        case .text(let text, let style):
            output += MathMLWriter.textOpeningTags[style]!
            escape(MathMLWriter.keepingOuterSpaces(text))
            output += "</mtext>"
        case .space(let width):
            if width.hasPrefix("-") {
                // Chromium clamps negative mspace widths to zero but honours a negative margin.
                output += "<mspace width=\"0em\" style=\"margin-left: \(width)\"/>"
            } else {
                output += "<mspace width=\"\(width)\"/>"
            }
        case .rule(let width, let height, let raise):
            output += "<mpadded"
            if let raise { output += " voffset=\"\(raise)\"" }
            output += "><mspace width=\"\(width)\" height=\"\(height)\" style=\"background-color: currentColor\"/></mpadded>"
        case .group(let nodes):
            if nodes.count == 1 {
                writeNode(nodes[0], display: display, unary: unary)
            } else {
                output += "<mrow>"
                writeRow(nodes, display: display)
                output += "</mrow>"
            }
        case .fraction(let numerator, let denominator, let rule):
            output += rule.map { "<mfrac linethickness=\"\($0)\">" } ?? "<mfrac>"
            writeElement(numerator, display: false)
            writeElement(denominator, display: false)
            output += "</mfrac>"
        case .root(let radicand, nil):
            output += "<msqrt>"
            writeContents(radicand, display: display)
            output += "</msqrt>"
        case .root(let radicand, let index?):
            output += "<mroot>"
            writeElement(radicand, display: display)
            writeElement(index, display: false)
            output += "</mroot>"
        case .scripts(let base, let sub, let sup):
            writeScripts(base: base, sub: sub, sup: sup, display: display)
        case .accent(let base, let accent) where accent.isRule:
            output += accent.below
                ? "<mrow style=\"border-bottom: 0.05em solid; padding-bottom: 0.12em\">"
                : "<mrow style=\"border-top: 0.05em solid; padding-top: 0.12em\">"
            writeContents(base, display: display)
            output += "</mrow>"
        case .accent(let base, let accent):
            output += accent.below ? "<munder accentunder=\"true\">" : "<mover accent=\"true\">"
            writeElement(base, display: display)
            if let narrowMark = accent.narrowMark, MathMLWriter.isSingleToken(base) {
                output += "<mo stretchy=\"false\">"
                escape(narrowMark)
            } else {
                output += accent.stretchy ? "<mo stretchy=\"true\"" : "<mo stretchy=\"false\""
                if let size = accent.markSize { output += " mathsize=\"\(size)\"" }
                output += ">"
                escape(accent.mark)
            }
            output += accent.below ? "</mo></munder>" : "</mo></mover>"
        case .overUnder(let base, let under, let over):
            let tag = under == nil ? "mover" : (over == nil ? "munder" : "munderover")
            output += "<\(tag)>"
            writeElement(base, display: display)
            if let under { writeElement(under, display: false) }
            if let over { writeElement(over, display: false) }
            output += "</\(tag)>"
        case .fenced(let open, let body, let close):
            output += "<mrow>"
            if let open { writeFence(open) }
            writeRow(body, display: display)
            if let close { writeFence(close) }
            output += "</mrow>"
        case .table(let table):
            writeTable(table, display: display)
        case .function(let name, _):
            writeElement(name, display: display)
            output += MathMLWriter.functionApplication
        case .style(.color(let color), let nodes):
            output += "<mstyle mathcolor=\"\(color)\">"
            writeRow(nodes, display: display)
            output += "</mstyle>"
        case .style(.size(let size), let nodes):
            output += "<mstyle mathsize=\"\(size)\">"
            writeRow(nodes, display: display)
            output += "</mstyle>"
        case .style(let change, let nodes):
            output += MathMLWriter.styleOpeningTags[change]!
            writeRow(nodes, display: change == .display)
            output += "</mstyle>"
        case .classed(let content, .largeOperator, _), .classed(let content, .ordinary, _):
            writeElement(content, display: display)
        case .classed(let content, .inner, _):
            output += "<mpadded>"
            writeContents(content, display: display)
            output += "</mpadded>"
        case .classed(let content, let atomClass, _):
            // The browser spaces only operators; a larger atom gets TeX's space as mspace.
            let spacing = Parser.spacing(of: atomClass)
            if let leading = spacing?.leading, leading != "0em" { output += "<mspace width=\"\(leading)\"/>" }
            writeElement(content, display: display)
            if let trailing = spacing?.trailing, trailing != "0em" { output += "<mspace width=\"\(trailing)\"/>" }
        case .enclosed(let content, let enclosure):
            output += "<mrow"
            if let background = enclosure.background { output += " mathbackground=\"\(background)\"" }
            output += " style=\""
            output += MathMLWriter.style(of: enclosure)
            output += "\">"
            writeContents(content, display: display)
            output += "</mrow>"
        case .padded(let content, let padding):
            writePadded(content, padding, display: display)
        case .reference(let text):
            output += "<mtext class=\"tex-reference\">"
            escape(text)
            output += "</mtext>"
        case .unknown(let text):
            output += "<mtext class=\"tex-unknown\">"
            escape(text)
            output += "</mtext>"
        }
    }

    /// The children of an element with an inferred row (`msqrt`, `mtd`), without an `mrow`.
    private mutating func writeContents(_ node: MathNode, display: Bool) {
        if case .group(let nodes) = node {
            writeRow(nodes, display: display)
        } else {
            writeNode(node, display: display)
        }
    }

    /// A row, with the two spacing rules of TeX that MathML's operator dictionary lacks: a
    /// binary operator with no left operand is unary (`a = -b`), and a function name is set
    /// off from its neighbours by thin spaces (`\sin x`).
    private mutating func writeRow(_ nodes: [MathNode], display: Bool) {
        var previous: MathNode.AtomClass?
        var spacedAfterPrevious = false
        for index in nodes.indices {
            let node = nodes[index]
            guard var atomClass = node.atomClass else {
                writeNode(node, display: display)
                continue
            }
            let nextIndex = nodes[(index + 1)...].firstIndex { $0.atomClass != nil }
            let next = nextIndex.flatMap { nodes[$0].atomClass }
            var unary = false
            if atomClass == .binary {
                // TeX's rules 5 and 6: a Bin after nothing, Bin, Op, Rel, Open or Punct, or
                // before Rel, Close, Punct or nothing, is an Ord.
                let noLeftOperand = previous.map { [.binary, .largeOperator, .relation, .open, .punctuation].contains($0) } ?? true
                let noRightOperand = next.map { [.relation, .close, .punctuation].contains($0) } ?? true
                if noLeftOperand || noRightOperand {
                    atomClass = .ordinary
                    unary = true
                }
            }
            let isFunction = node.isFunctionName
            if isFunction, !spacedAfterPrevious, let previous, [.ordinary, .close, .inner].contains(previous) {
                output += MathMLWriter.thinSpace
            }
            writeNode(node, display: display, unary: unary)
            spacedAfterPrevious = false
            if isFunction, let nextIndex, let next,
               next == .ordinary || next == .inner || nodes[nextIndex].isFunctionName {
                output += MathMLWriter.thinSpace
                spacedAfterPrevious = true
            }
            previous = atomClass
        }
    }

    private mutating func writeOperator(_ symbol: MathNode.Operator, unary: Bool, movableLimits: Bool? = nil) {
        output += "<mo"
        if symbol.fence { output += " fence=\"true\"" }
        if let stretchy = symbol.stretchy { output += stretchy ? " stretchy=\"true\"" : " stretchy=\"false\"" }
        if let size = symbol.size { output += " minsize=\"\(size)\" maxsize=\"\(size)\"" }
        if let minimumSize = symbol.minimumSize { output += " minsize=\"\(minimumSize)\"" }
        if let movableLimits { output += movableLimits ? " movablelimits=\"true\"" : " movablelimits=\"false\"" }
        if let spacing = symbol.spacing {
            output += " lspace=\"\(spacing.leading)\" rspace=\"\(spacing.trailing)\""
        } else if unary || symbol.atomClass == .ordinary {
            output += " lspace=\"0em\" rspace=\"0em\""
        }
        output += ">"
        escape(symbol.text)
        output += "</mo>"
    }

    private mutating func writeFence(_ delimiter: String) {
        output += "<mo fence=\"true\" stretchy=\"true\">"
        escape(delimiter)
        output += "</mo>"
    }

    /// Side scripts or limits. Big operators get `movablelimits`, so the browser moves their
    /// limits to the side inline and in fractions as TeX does; function names are `<mi>`,
    /// which `movablelimits` does not apply to, so their placement follows the tracked style.
    private mutating func writeScripts(base: MathNode, sub: MathNode?, sup: MathNode?, display: Bool) {
        let placement = MathMLWriter.placement(of: base, display: display)
        let tag: String
        switch (placement.limits, sub != nil, sup != nil) {
        case (false, true, true): tag = "msubsup"
        case (false, true, false): tag = "msub"
        case (false, _, _): tag = "msup"
        case (true, true, true): tag = "munderover"
        case (true, true, false): tag = "munder"
        case (true, _, _): tag = "mover"
        }
        output += "<\(tag)>"
        if let movable = placement.movable, case .symbol(let symbol) = MathMLWriter.unwrapped(base) {
            writeOperator(symbol, unary: false, movableLimits: movable)
        } else {
            writeElement(base, display: display)
        }
        if let sub { writeElement(sub, display: false) }
        if let sup { writeElement(sup, display: false) }
        output += "</\(tag)>"
    }

    private static func placement(of base: MathNode, display: Bool) -> (limits: Bool, movable: Bool?) {
        switch unwrapped(base) {
        case .symbol(let symbol) where symbol.atomClass == .largeOperator:
            switch symbol.limits {
            case .never: return (false, nil)
            case .displayOnly: return (true, true)
            case .always: return (true, false)
            }
        case .function(_, let limits):
            switch limits {
            case .never: return (false, nil)
            case .displayOnly: return (display, nil)
            case .always: return (true, nil)
            }
        case .accent(_, let accent) where accent.takesLimits:
            return (true, nil)
        case .classed(_, .largeOperator, let limits):
            switch limits {
            case .never: return (false, nil)
            case .displayOnly: return (display, nil)
            case .always: return (true, nil)
            }
        default:
            return (false, nil)
        }
    }

    /// `<mpadded>` with the sizes that are set, around an `<mphantom>` for a phantom, or just
    /// the `<mphantom>` when nothing else changes.
    private mutating func writePadded(_ content: MathNode, _ padding: MathNode.Padding, display: Bool) {
        let attributes = [("width", padding.width), ("height", padding.height), ("depth", padding.depth),
                          ("voffset", padding.verticalOffset)]
            .compactMap { name, value in value.map { " \(name)=\"\($0)\"" } }.joined()
        let padded = !attributes.isEmpty || padding.inlinePadding != nil || padding.leftShift != nil
            || !padding.isPhantom
        if padded {
            output += "<mpadded" + attributes
            if let inlinePadding = padding.inlinePadding {
                output += " style=\"padding-left: \(inlinePadding); padding-right: \(inlinePadding)\""
            }
            output += ">"
        }
        if let leftShift = padding.leftShift { output += "<mrow style=\"transform: translateX(-\(leftShift))\">" }
        if padding.isPhantom { output += "<mphantom>" }
        writeContents(content, display: display)
        if padding.isPhantom { output += "</mphantom>" }
        if padding.leftShift != nil { output += "</mrow>" }
        if padded { output += "</mpadded>" }
    }

    /// The CSS that draws a frame, strikes or a background: Chromium lays `<menclose>` out as a
    /// plain row, so the decoration is a border or a gradient on the row itself.
    private static func style(of enclosure: MathNode.Enclosure) -> String {
        var rules: [String] = []
        let rule = "0.06em solid" + (enclosure.frameColor.map { " " + $0 } ?? "")
        switch enclosure.frame {
        case .none: break
        case .box: rules.append("border: \(rule)")
        case .actuarial: rules.append("border-top: \(rule); border-right: \(rule)")
        case .phasor: rules.append("border-bottom: \(rule)")
        }
        if enclosure.padded {
            rules.append(enclosure.frame == .phasor ? "padding: 0.1em 0.2em 0.1em 0.6em" : "padding: 0.2em 0.3em")
        }
        var images = enclosure.strikes.map { strike -> String in
            switch strike {
            case .up: return MathMLWriter.diagonal("to top right")
            case .down: return MathMLWriter.diagonal("to bottom right")
            case .horizontal:
                return "linear-gradient(transparent calc(50% - 0.03em), currentColor calc(50% - 0.03em), currentColor calc(50% + 0.03em), transparent calc(50% + 0.03em))"
            }
        }
        var sizes = Array(repeating: "100% 100%", count: images.count)
        if enclosure.frame == .phasor {
            images.append(MathMLWriter.diagonal("to top right"))
            sizes.append("0.5em 100%")
        }
        if !images.isEmpty {
            rules.append("background-image: " + images.joined(separator: ", "))
            rules.append("background-size: " + sizes.joined(separator: ", "))
            rules.append("background-repeat: no-repeat")
        }
        return rules.joined(separator: "; ")
    }

    /// A line across a box along its diagonal, as a CSS gradient.
    private static func diagonal(_ direction: String) -> String {
        "linear-gradient(\(direction), transparent calc(50% - 0.05em), currentColor calc(50% - 0.03em), currentColor calc(50% + 0.03em), transparent calc(50% + 0.05em))"
    }

    private static func isSingleToken(_ node: MathNode) -> Bool {
        switch unwrapped(node) {
        case .identifier, .number, .symbol: return true
        default: return false
        }
    }

    private static func unwrapped(_ node: MathNode) -> MathNode {
        if case .group(let nodes) = node, nodes.count == 1 { return unwrapped(nodes[0]) }
        return node
    }

    // MARK: - Tables

    /// A table. With tags (a numbered display environment), the table is as wide as the
    /// formula's box and each row ends with its tag, right-aligned, so rows and numbers line up
    /// whatever their heights (Chromium has no `mlabeledtr`). An empty cell as wide as the tag
    /// column opens each row, so the formula stays centered as LaTeX centers it.
    private mutating func writeTable(_ table: MathNode.Table, display: Bool) {
        let columns = table.rows.map { $0.count }.max() ?? 0
        var cellDisplay: Bool
        switch table.layout {
        case .aligned, .gathered, .multline: cellDisplay = true
        case .lines: cellDisplay = display
        case .matrix, .cases, .array: cellDisplay = false
        }
        if let displayStyle = table.displayStyle { cellDisplay = displayStyle }
        let alignments = (0..<columns).map { MathMLWriter.alignment(ofColumn: $0, in: table.layout) }
        let centered = table.tags != nil && table.layout != .multline
        output += "<mtable"
        // mtable sets its cells in text style; aligned derivations want display style.
        if cellDisplay { output += " displaystyle=\"true\"" }
        if table.small { output += " scriptlevel=\"1\"" }
        if columns > 0 {
            output += " columnalign=\""
            if centered { output += "center " }
            output += alignments.map(MathMLWriter.attributeValue).joined(separator: " ")
            if table.tags != nil { output += " right" }
            output += "\""
        }
        if table.layout == .aligned, columns > 1 {
            output += " columnspacing=\""
            output += (1..<columns).map { $0 % 2 == 1 ? "0em" : "1em" }.joined(separator: " ")
            output += "\""
        }
        if table.tags != nil || table.layout == .multline { output += " style=\"width: 100%\"" }
        output += ">"
        for (index, row) in table.rows.enumerated() {
            let tag = table.tags?[index] ?? nil
            output += tag?.id.map { "<mtr id=\"\($0)\">" } ?? "<mtr>"
            if centered { output += "<mtd class=\"tex-tag\" style=\"width: 50%\"></mtd>" }
            for (column, cell) in row.enumerated() {
                let alignment = table.layout == .multline
                    ? MathMLWriter.alignment(ofLine: index, of: table.rows.count) : alignments[column]
                output += MathMLWriter.cellOpeningTag(column: column, alignment: alignment, layout: table.layout)
                writeRow(cell, display: cellDisplay)
                output += "</mtd>"
            }
            if let tags = table.tags {
                // Short rows are filled, so that every tag is in the last column.
                for _ in row.count..<columns { output += "<mtd></mtd>" }
                output += centered
                    ? "<mtd class=\"tex-tag\" style=\"width: 50%; text-align: right; text-align: -webkit-right\">"
                    : "<mtd class=\"tex-tag\" style=\"text-align: right; text-align: -webkit-right; white-space: nowrap\">"
                if let tag = tags[index] { writeElement(tag.content, display: false) }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
    }

    /// `multline`'s lines: the first flush left, the last flush right, the others centered.
    private static func alignment(ofLine line: Int, of count: Int) -> MathNode.Table.Alignment {
        if count == 1 { return .center }
        if line == 0 { return .left }
        return line == count - 1 ? .right : .center
    }

    private static func alignment(ofColumn column: Int, in layout: MathNode.Table.Layout) -> MathNode.Table.Alignment {
        switch layout {
        case .matrix, .gathered, .lines, .multline: return .center
        case .cases: return .left
        case .aligned: return column % 2 == 0 ? .right : .left
        case .array(let alignments): return column < alignments.count ? alignments[column] : .center
        }
    }

    private static func attributeValue(_ alignment: MathNode.Table.Alignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        }
    }

    /// Chromium ignores `columnalign` and `columnspacing`, so cells also carry CSS. In
    /// `aligned`, the padding between a right-aligned cell and the left-aligned one after it
    /// goes, so that `a &= b` reads `a = b` with the `=` on the alignment line.
    private static func cellOpeningTag(column: Int, alignment: MathNode.Table.Alignment,
                                       layout: MathNode.Table.Layout) -> String {
        var rules: [String] = []
        switch alignment {
        case .left: rules.append("text-align: left")
        // The cell's content is one block-level math box, which Chromium aligns only with the
        // -webkit- value; `right` comes first for engines that do not know it.
        case .right: rules.append("text-align: right; text-align: -webkit-right")
        case .center: break
        }
        if layout == .multline { rules.append("width: 100%") }
        if layout == .aligned {
            if column % 2 == 0 {
                rules.append("padding-right: 0")
                if column > 0 { rules.append("padding-left: 1em") }
            } else {
                rules.append("padding-left: 0")
            }
        }
        return rules.isEmpty ? "<mtd>" : "<mtd style=\"\(rules.joined(separator: "; "))\">"
    }

    // MARK: - Text

    /// Browsers trim white space at the ends of token elements, but `\text{if }` means the
    /// space; no-break spaces survive.
    private static func keepingOuterSpaces(_ text: String) -> String {
        guard text.first == " " || text.last == " " else { return text }
        var scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " {
            scalars[index] = "\u{A0}"
            index += 1
        }
        index = scalars.count - 1
        while index >= 0, scalars[index] == " " {
            scalars[index] = "\u{A0}"
            index -= 1
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static let textOpeningTags: [MathNode.TextStyle: String] = [
        .normal: "<mtext>",
        .bold: "<mtext mathvariant=\"bold\" style=\"font-weight: bold\">",
        .italic: "<mtext mathvariant=\"italic\" style=\"font-style: italic\">",
        .monospace: "<mtext mathvariant=\"monospace\" style=\"font-family: monospace\">",
        .sansSerif: "<mtext mathvariant=\"sans-serif\" style=\"font-family: sans-serif\">",
    ]

    private static let styleOpeningTags: [MathNode.StyleChange: String] = [
        .display: "<mstyle displaystyle=\"true\" scriptlevel=\"0\">",
        .text: "<mstyle displaystyle=\"false\" scriptlevel=\"0\">",
        .script: "<mstyle displaystyle=\"false\" scriptlevel=\"1\">",
        .scriptScript: "<mstyle displaystyle=\"false\" scriptlevel=\"2\">",
    ]

    /// Whether a browser would set this `<mi>` in italic: single letters of the Latin and Greek
    /// alphabets and a few symbols (MathML Core's `text-transform: math-auto`).
    private static func isItalicizedByDefault(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x131, 0x237, 0x391...0x3A9, 0x3B1...0x3C9,
             0x3D1, 0x3D5, 0x3D6, 0x3F0, 0x3F1, 0x3F4, 0x3F5, 0x2202, 0x2207:
            return true
        default:
            return false
        }
    }

    /// Appends `text` escaped for XML: `& < > "` as entities, and characters XML forbids
    /// (control characters, U+FFFE, U+FFFF) as U+FFFD so the output always parses.
    private mutating func escape(_ text: String) {
        let needsWork = text.utf8.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }
        guard needsWork else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
