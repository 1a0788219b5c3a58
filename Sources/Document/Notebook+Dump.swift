extension Notebook {
    /// The whole model as text for golden tests and debugging: front matter, computation
    /// blocks (with the columns that precede their code), outputs, diagnostics, then the tree.
    public func dump() -> String {
        var out = ""
        if let range = frontMatter.range {
            out += "frontMatter \(range)\n"
            for key in frontMatter.values.keys.sorted() {
                let at = frontMatter.location(of: key).map { " @\($0)" } ?? ""
                out += "  \(key): \(Self.describe(frontMatter.values[key]!))\(at)\n"
            }
        }
        for block in blocks {
            let output = block.output.map { " -> output #\($0)" } ?? ""
            out += "computation #\(block.index) @\(block.fenceLine) \(block.range) options \(block.options)"
            out += "\(block.isClosed ? "" : " unclosed")\(output)\n"
            out += "  info @\(block.infoRange)\n"
            for (line, offset) in zip(block.code.split(separator: "\n", omittingEmptySubsequences: false), block.columnOffsets) {
                out += "  \(offset)| \(line)\n"
            }
        }
        for output in outputs {
            let owner = output.block.map { "for #\($0)" } ?? "orphan"
            out += "output #\(output.index) @\(output.line) \(output.range) \(owner) info \(output.info)"
            out += "\(output.isClosed ? "" : " unclosed")\n"
            for line in output.text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "  | \(line)\n"
            }
        }
        for diagnostic in diagnostics {
            let at = diagnostic.range.map { "\($0.start): " } ?? ""
            out += "\(at)\(diagnostic.severity.rawValue): \(diagnostic.message)\n"
            for note in diagnostic.notes { out += "  note: \(note.message)\n" }
        }
        out += "markup\n"
        for line in Markup.dump(markup).split(separator: "\n") { out += "  \(line)\n" }
        return out
    }

    private static func describe(_ value: FrontMatterValue) -> String {
        switch value {
        case .string(let text): return Markup.quoted(text)
        case .number(let number): return "\(number)"
        case .bool(let flag): return "\(flag)"
        case .null: return "null"
        case .list(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.keys.sorted().map { "\($0): \(describe(entries[$0]!))" }.joined(separator: ", ") + "}"
        }
    }
}
