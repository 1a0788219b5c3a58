import Diagnostics
import Yams

/// Finds and reads the YAML front matter at the top of a notebook.
///
/// The YAML is composed to a node tree (`Yams.compose`), never loaded, and scalars are typed
/// here by the YAML 1.2 core schema, so `date: 2024-01-05` stays text and `title: yes` is not
/// a boolean. Every problem becomes a diagnostic at its file line and column: Yams counts lines
/// from the start of the YAML text, which is the second line of the file.
struct FrontMatterParser {
    /// What reading the front matter found.
    struct Result {
        var frontMatter: FrontMatter
        var diagnostics: [Diagnostic]
        /// Bytes to hide from cmark (the whole front matter), even when the YAML in it is bad.
        var range: Range<Int>?
    }

    /// Values a front matter may hold in all, aliases expanded: beyond it an alias bomb
    /// (`&a [*b, *b, ...]` nested) would expand to billions of values.
    static let valueBudget = 100_000
    /// How deep lists and maps may nest.
    static let maximumDepth = 64

    let bytes: [UInt8]
    let lines: LineIndex
    let file: String

    func parse() -> Result {
        let start = lines.start(ofLine: 1)
        guard lines.lineCount >= 2, lineText(1) == Array("---".utf8) else {
            return Result(frontMatter: .empty, diagnostics: [], range: nil)
        }
        var closingLine: Int?
        for line in 2...lines.lineCount {
            var text = lineText(line)
            while let last = text.last, last == 0x20 || last == 0x09 { text.removeLast() }
            if text == Array("---".utf8) || text == Array("...".utf8) {
                closingLine = line
                break
            }
        }
        guard let closingLine else {
            let diagnostic = Diagnostic.error(
                "front matter is not closed", file: file,
                at: lines.range(start..<(start + 3)),
                notes: [.init("end the YAML with a line `---`; without it the whole file is read as prose")])
            return Result(frontMatter: .empty, diagnostics: [diagnostic], range: nil)
        }
        let range = start..<lines.end(ofLine: closingLine)
        let yamlBytes = Array(bytes[lines.start(ofLine: 2)..<lines.start(ofLine: closingLine)])
        var reader = ValueReader(lines: lines, file: file, closingLine: closingLine)
        let frontMatter = reader.read(yaml: String(decoding: yamlBytes, as: UTF8.self), yamlStart: lines.start(ofLine: 2), range: range)
        return Result(frontMatter: frontMatter, diagnostics: reader.diagnostics, range: range)
    }

    private func lineText(_ line: Int) -> [UInt8] {
        Array(bytes[lines.start(ofLine: line)..<lines.contentEnd(ofLine: line)])
    }
}

/// Turns composed YAML into front matter values, collecting diagnostics on the way.
private struct ValueReader {
    let lines: LineIndex
    let file: String
    let closingLine: Int
    var diagnostics: [Diagnostic] = []
    var budget = FrontMatterParser.valueBudget

    init(lines: LineIndex, file: String, closingLine: Int) {
        self.lines = lines
        self.file = file
        self.closingLine = closingLine
    }

    mutating func read(yaml: String, yamlStart: Int, range: Range<Int>) -> FrontMatter {
        let empty = FrontMatter(
            range: range, title: nil, description: nil, order: nil, values: [:], valueLocations: [:])
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yamlStart: yamlStart))
            return empty
        } catch {
            diagnostics.append(.error("cannot read the front matter: \(error)", file: file, at: lines.range(range.lowerBound..<range.lowerBound + 3)))
            return empty
        }
        guard let root else { return empty }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.error(
                "front matter must be a YAML mapping of keys to values", file: file,
                at: SourceRange(at: location(root.mark)),
                notes: [.init("write one `key: value` per line, such as `title: XOR`")]))
            return empty
        }
        var values: [String: FrontMatterValue] = [:]
        var locations: [String: SourceLocation] = [:]
        var keyLocations: [String: SourceLocation] = [:]
        var scalars: [String: Node.Scalar] = [:]
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                diagnostics.append(.warning(
                    "front matter key is not text; it is ignored", file: file,
                    at: SourceRange(at: location(keyNode.mark))))
                continue
            }
            guard let value = convert(valueNode, depth: 0) else {
                diagnostics.append(.error(
                    "front matter is too large: aliases expand to more than \(FrontMatterParser.valueBudget) values",
                    file: file, at: SourceRange(at: location(valueNode.mark))))
                return empty
            }
            values[key.string] = value
            locations[key.string] = location(valueNode.mark)
            keyLocations[key.string] = location(keyNode.mark)
            if case .scalar(let scalar) = valueNode { scalars[key.string] = scalar }
        }
        let title = text(for: "title", values: values, scalars: scalars, locations: locations)
        let description = text(for: "description", values: values, scalars: scalars, locations: locations)
        var order: Double?
        if let value = values["order"] {
            switch value {
            case .number(let number): order = number
            case .null: break
            default:
                diagnostics.append(.error(
                    "order must be a number", file: file,
                    at: locations["order"].map { SourceRange(at: $0) },
                    notes: [.init("notebooks are listed by increasing order, such as `order: 2`")]))
            }
        }
        return FrontMatter(
            range: range, title: title, description: description, order: order, values: values,
            valueLocations: locations, keyLocations: keyLocations)
    }

    /// A text field: any scalar counts, by its source text (`title: 2024` is the title "2024").
    private mutating func text(
        for key: String, values: [String: FrontMatterValue], scalars: [String: Node.Scalar],
        locations: [String: SourceLocation]
    ) -> String? {
        guard let value = values[key] else { return nil }
        if case .null = value { return nil }
        if let scalar = scalars[key] { return scalar.string }
        diagnostics.append(.error(
            "\(key) must be text", file: file, at: locations[key].map { SourceRange(at: $0) },
            notes: [.init("quote it if it holds YAML punctuation: \(key): \"...\"")]))
        return nil
    }

    /// The value of a node, or nil when the budget ran out.
    private mutating func convert(_ node: Node, depth: Int) -> FrontMatterValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            return CoreSchema.value(of: scalar)
        case .alias:
            return .null
        case .sequence(let sequence):
            guard depth < FrontMatterParser.maximumDepth else { return .list([]) }
            var items: [FrontMatterValue] = []
            for item in sequence {
                guard let value = convert(item, depth: depth + 1) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            guard depth < FrontMatterParser.maximumDepth else { return .map([:]) }
            var entries: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                guard let converted = convert(value, depth: depth + 1) else { return nil }
                entries[key.scalar?.string ?? "\(key)"] = converted
            }
            return .map(entries)
        }
    }

    /// Yams marks count lines from the YAML's first line, the file's second.
    private func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(line: 2, column: 1) }
        return SourceLocation(line: min(mark.line + 1, closingLine), column: max(mark.column, 1))
    }

    private func diagnostic(for error: YamlError, yamlStart: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var notes: [Diagnostic.Note] = []
            if let context {
                notes.append(.init(context.text, at: SourceRange(at: location(context.mark))))
            }
            return .error(
                "invalid YAML in front matter: \(problem)", file: file,
                at: SourceRange(at: location(mark)), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                "duplicate key \(names) in front matter", file: file,
                at: SourceRange(at: location(context.mark)),
                notes: [.init("each key may appear once")])
        case .reader(let problem, let offset, _, _):
            let at = lines.location(of: yamlStart + (offset ?? 0))
            return .error("invalid YAML in front matter: \(problem)", file: file, at: SourceRange(at: at))
        default:
            return .error(
                "invalid YAML in front matter: \(error)", file: file,
                at: SourceRange(at: SourceLocation(line: 2, column: 1)))
        }
    }
}
