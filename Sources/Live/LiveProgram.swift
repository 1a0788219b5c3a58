import Drawing
import Language
import Runtime

/// What a page carries of its notebook so that a reader can run its blocks: the blocks as the
/// build ran them, where they sit in the file, the notebook's limits and the data files its
/// blocks read. `chainrule build` writes it into the page as JSON; the WebAssembly module reads
/// it back (`LiveSession`). The JSON is this type's own (see docs/live.md).
public struct LiveProgram: Sendable, Equatable {
    public struct Block: Sendable, Equatable {
        public var code: String
        /// The file line of the code's first line, and each code line's column offset (a
        /// block inside a list item is indented), so that diagnostics point into the file.
        public var origin: SourceOrigin
        /// The line of the opening fence.
        public var fence: Int
        public var options: [String]
        /// Whether the fence was closed (an unclosed block is never run).
        public var closed: Bool
        /// The numbers and ids the page gave the block's captioned figures and tables, and how
        /// many figures come before it, so that a run draws them as the page did.
        public var numbering: OutputNumbering
        /// The sliders the build's run of the block met, so that a page shows them before the
        /// block first runs there.
        public var sliders: [SliderSpec]

        public init(code: String, origin: SourceOrigin, fence: Int, options: [String], closed: Bool,
                    numbering: OutputNumbering = OutputNumbering(), sliders: [SliderSpec] = []) {
            self.code = code
            self.origin = origin
            self.fence = fence
            self.options = options
            self.closed = closed
            self.numbering = numbering
            self.sliders = sliders
        }

        public var expectsError: Bool { options.contains("error") }
    }

    public static let version = 1

    /// The notebook's path as the CLI names it, for diagnostics.
    public var path: String
    public var limits: ExecutionLimits
    /// The files `load` read, by the path the notebook gave, as text (they are CSV).
    public var files: [(path: String, text: String)]
    public var blocks: [Block]
    /// The notebook's text, when diagnostics should quote its lines (the CLI's runs); a page
    /// leaves it out and quotes the blocks' own code.
    public var source: String?
    /// What the CLI found wrong with the notebook itself, for a run that prints all of it
    /// (`Tests/Live/run.mjs`); a page leaves it out (its notebook built without one).
    public var notebookProblems: NotebookProblems?

    /// The notebook's own problems, rendered: those reported before its blocks' (its text,
    /// front matter, settings) and after them (the lint of its page).
    public struct NotebookProblems: Sendable, Equatable {
        public var before: String
        public var after: String
        /// Whether they fail the notebook.
        public var fail: Bool
        /// Whether they keep every block from running (a notebook whose text is broken).
        public var stopBlocks: Bool

        public init(before: String, after: String, fail: Bool, stopBlocks: Bool) {
            self.before = before
            self.after = after
            self.fail = fail
            self.stopBlocks = stopBlocks
        }
    }

    public init(path: String, limits: ExecutionLimits, files: [(path: String, text: String)], blocks: [Block],
                source: String? = nil, notebookProblems: NotebookProblems? = nil) {
        self.path = path
        self.limits = limits
        self.files = files
        self.blocks = blocks
        self.source = source
        self.notebookProblems = notebookProblems
    }

    public static func == (a: LiveProgram, b: LiveProgram) -> Bool {
        a.json == b.json
    }

    // MARK: JSON

    public var json: JSON {
        var members: [(String, JSON)] = [
            ("version", .number(Double(Self.version))),
            ("path", .string(path)),
            ("limits", .object([
                ("timeout", .number(limits.timeBudget)),
                ("max_recursion", .number(Double(limits.recursionDepth))),
                ("max_elements", .number(Double(limits.tensorElements))),
                ("max_output", .number(Double(limits.outputCharacters))),
                ("max_graph", .number(Double(limits.graphOperations))),
            ])),
            ("files", .object(files.map { ($0.path, .string($0.text)) })),
            ("blocks", .array(blocks.map { block in
                var fields: [(String, JSON)] = [
                    ("code", .string(block.code)),
                    ("line", .number(Double(block.origin.firstLine))),
                ]
                if block.origin.columnOffsets.contains(where: { $0 != 0 }) {
                    fields.append(("columns", .array(block.origin.columnOffsets.map { .number(Double($0)) })))
                }
                fields.append(("fence", .number(Double(block.fence))))
                if !block.options.isEmpty { fields.append(("options", .array(block.options.map { .string($0) }))) }
                if !block.closed { fields.append(("closed", .bool(false))) }
                if block.numbering.figuresBefore > 0 {
                    fields.append(("figuresBefore", .number(Double(block.numbering.figuresBefore))))
                }
                if !block.numbering.entries.isEmpty {
                    fields.append(("numbered", .array(block.numbering.entries.map { entry in
                        .object([("kind", .string(entry.kind)), ("number", .number(Double(entry.number))), ("id", .string(entry.id))])
                    })))
                }
                if !block.sliders.isEmpty { fields.append(("sliders", .array(block.sliders.map { $0.json }))) }
                return .object(fields)
            })),
        ]
        if let source { members.append(("source", .string(source))) }
        if let problems = notebookProblems {
            members.append(("notebook", .object([
                ("before", .string(problems.before)), ("after", .string(problems.after)),
                ("fail", .bool(problems.fail)), ("stopBlocks", .bool(problems.stopBlocks)),
            ])))
        }
        return .object(members)
    }

    /// Why a JSON value is not a program.
    public struct Invalid: Error, Sendable {
        public var message: String
    }

    public init(json: JSON) throws(Invalid) {
        guard json["version"]?.int == Self.version else {
            throw Invalid(message: "not a program of version \(Self.version)")
        }
        guard let path = json["path"]?.string else { throw Invalid(message: "no path") }
        var limits = ExecutionLimits()
        let caps = ExecutionLimits.caps
        if let given = json["limits"] {
            // A page is not trusted to raise the caps.
            func capped(_ key: String, _ cap: Double) -> Double? {
                given[key]?.number.map { Swift.min(Swift.max($0, 1), cap) }
            }
            if let x = given["timeout"]?.number { limits.timeBudget = Swift.min(Swift.max(x, 0.001), caps.timeBudget) }
            if let x = capped("max_recursion", Double(caps.recursionDepth)) { limits.recursionDepth = Int(x) }
            if let x = capped("max_elements", Double(caps.tensorElements)) { limits.tensorElements = Int(x) }
            if let x = capped("max_output", Double(caps.outputCharacters)) { limits.outputCharacters = Int(x) }
            if let x = capped("max_graph", Double(caps.graphOperations)) { limits.graphOperations = Int(x) }
        }
        var files: [(path: String, text: String)] = []
        for (name, value) in json["files"]?.members ?? [] {
            guard let text = value.string else { throw Invalid(message: "the file '\(name)' is not text") }
            files.append((name, text))
        }
        var blocks: [Block] = []
        for (index, item) in (json["blocks"]?.array ?? []).enumerated() {
            guard let code = item["code"]?.string, let line = item["line"]?.int else {
                throw Invalid(message: "block \(index) has no code or line")
            }
            let columns = (item["columns"]?.array ?? []).compactMap { $0.int }
            let options = (item["options"]?.array ?? []).compactMap { $0.string }
            let entries = (item["numbered"]?.array ?? []).compactMap { entry -> FigureNumbering.Entry? in
                guard let kind = entry["kind"]?.string, let number = entry["number"]?.int, let id = entry["id"]?.string else { return nil }
                return FigureNumbering.Entry(kind: kind, number: number, id: id)
            }
            blocks.append(Block(code: code, origin: SourceOrigin(firstLine: line, columnOffsets: columns),
                                fence: item["fence"]?.int ?? line - 1, options: options,
                                closed: item["closed"]?.bool ?? true,
                                numbering: OutputNumbering(entries: entries, figuresBefore: item["figuresBefore"]?.int ?? 0),
                                sliders: (item["sliders"]?.array ?? []).compactMap { SliderSpec(json: $0) }))
        }
        var problems: NotebookProblems?
        if let given = json["notebook"] {
            problems = NotebookProblems(before: given["before"]?.string ?? "", after: given["after"]?.string ?? "",
                                        fail: given["fail"]?.bool ?? false, stopBlocks: given["stopBlocks"]?.bool ?? false)
        }
        self.init(path: path, limits: limits, files: files, blocks: blocks, source: json["source"]?.string,
                  notebookProblems: problems)
    }
}
