extension Markup {
    /// The tree as indented text, one node per line, with `@line` on blocks and `@line:col`
    /// on inlines that carry a location, so golden tests read like the document.
    ///
    ///     heading 1 @1
    ///       text "Loss"
    ///     paragraph @3
    ///       math inline "w_{jk}" @3:7
    public static func dump(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { dump(block, indent: 0, into: &out) }
        return out
    }

    private static func dump(_ block: Block, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch block {
        case .heading(let level, let content, let line):
            out += "\(pad)heading \(level) @\(line)\n"
            dump(content, indent: indent + 1, into: &out)
        case .paragraph(let content, let line):
            out += "\(pad)paragraph @\(line)\n"
            dump(content, indent: indent + 1, into: &out)
        case .blockQuote(let blocks):
            out += "\(pad)blockQuote\n"
            for child in blocks { dump(child, indent: indent + 1, into: &out) }
        case .list(let ordered, let start, let tight, let items):
            out += "\(pad)list \(ordered ? "ordered start \(start)" : "bullet")\(tight ? " tight" : " loose")\n"
            for item in items {
                out += "\(pad)  item\n"
                for child in item { dump(child, indent: indent + 2, into: &out) }
            }
        case .code(let info, let code, let line):
            out += "\(pad)code \(quoted(info)) @\(line)\n"
            for codeLine in code.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "\(pad)  | \(codeLine)\n"
            }
        case .computation(let index):
            out += "\(pad)computation #\(index)\n"
        case .output(let index):
            out += "\(pad)output #\(index)\n"
        case .html(let html, let line):
            out += "\(pad)html \(quoted(html)) @\(line)\n"
        case .thematicBreak:
            out += "\(pad)thematicBreak\n"
        case .table(let table):
            out += "\(pad)table \(table.alignments.map(\.rawValue).joined(separator: " ")) @\(table.line)\n"
            if let caption = table.caption {
                out += "\(pad)  caption\n"
                dump(caption, indent: indent + 2, into: &out)
            }
            for (index, row) in ([table.header] + table.rows).enumerated() {
                out += "\(pad)  \(index == 0 ? "header" : "row")\n"
                for cell in row {
                    out += "\(pad)    cell\n"
                    dump(cell, indent: indent + 3, into: &out)
                }
            }
        case .alert(let kind, let blocks):
            out += "\(pad)alert \(kind.rawValue)\n"
            for child in blocks { dump(child, indent: indent + 1, into: &out) }
        case .footnote(let label, let blocks, let line):
            out += "\(pad)footnote \(quoted(label)) @\(line)\n"
            for child in blocks { dump(child, indent: indent + 1, into: &out) }
        }
    }

    private static func dump(_ inlines: [Inline], indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        for inline in inlines {
            switch inline {
            case .text(let text): out += "\(pad)text \(quoted(text))\n"
            case .code(let code): out += "\(pad)code \(quoted(code))\n"
            case .emphasis(let content):
                out += "\(pad)emphasis\n"
                dump(content, indent: indent + 1, into: &out)
            case .strong(let content):
                out += "\(pad)strong\n"
                dump(content, indent: indent + 1, into: &out)
            case .link(let destination, let title, let content, let location):
                out += "\(pad)link \(quoted(destination))\(title.isEmpty ? "" : " title \(quoted(title))") @\(location)\n"
                dump(content, indent: indent + 1, into: &out)
            case .image(let source, let title, let alt, let location):
                out += "\(pad)image \(quoted(source))\(title.isEmpty ? "" : " title \(quoted(title))") @\(location)\n"
                dump(alt, indent: indent + 1, into: &out)
            case .html(let html): out += "\(pad)html \(quoted(html))\n"
            case .softBreak: out += "\(pad)softBreak\n"
            case .lineBreak: out += "\(pad)lineBreak\n"
            case .math(let tex, let display, let location):
                out += "\(pad)math \(display ? "display" : "inline") \(quoted(tex)) @\(location)\n"
            case .strikethrough(let content):
                out += "\(pad)strikethrough\n"
                dump(content, indent: indent + 1, into: &out)
            case .footnoteReference(let label, let location):
                out += "\(pad)footnoteReference \(quoted(label)) @\(location)\n"
            case .taskMarker(let checked):
                out += "\(pad)taskMarker \(checked ? "checked" : "unchecked")\n"
            case .value(let index):
                out += "\(pad)value #\(index)\n"
            case .citation(let citation, let location):
                out += "\(pad)citation \(citation.keys.joined(separator: " "))\(citation.isInText ? " in text" : "") @\(location)\n"
            case .crossReference(let citation, let location):
                out += "\(pad)crossReference \(citation.keys.joined(separator: " ")) @\(location)\n"
            }
        }
    }

    /// A string in double quotes with `\`, `"`, line breaks and tabs escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
