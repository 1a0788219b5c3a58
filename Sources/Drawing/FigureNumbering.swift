import Display

/// Figures and tables with a caption are numbered on their page, in order ("Figure 2",
/// "Table 1"), and get an id prose can link to: `fig-LABEL` / `tbl-LABEL` when they have a
/// label, else `figure-N` / `table-N`.
public struct FigureNumbering: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// "Figure" or "Table".
        public var kind: String
        public var number: Int
        public var id: String

        public init(kind: String, number: Int, id: String) {
            self.kind = kind
            self.number = number
            self.id = id
        }
    }

    /// By label, the captioned figures and tables that have one.
    public private(set) var labelled: [String: Entry] = [:]
    /// In order of appearance, every captioned figure and table.
    public private(set) var entries: [Entry] = []

    /// The numbering of the items a page shows, block after block; or, for a block run again
    /// on a live page, of its items after the `figuresBefore` captioned figures and
    /// `tablesBefore` captioned tables of the blocks above it.
    public init(_ items: [DisplayItem], figuresBefore: Int = 0, tablesBefore: Int = 0) {
        var figures = figuresBefore, tables = tablesBefore
        for item in items {
            switch item {
            case .figure(let figure) where figure.caption != nil:
                figures += 1
                add(kind: "Figure", prefix: "fig", number: figures, label: figure.label)
            case .table(let table) where table.caption != nil:
                tables += 1
                add(kind: "Table", prefix: "tbl", number: tables, label: table.label)
            default:
                continue
            }
        }
    }

    private mutating func add(kind: String, prefix: String, number: Int, label: String?) {
        let id = label.map { "\(prefix)-\($0)" } ?? "\(kind.lowercased())-\(number)"
        let entry = Entry(kind: kind, number: number, id: id)
        entries.append(entry)
        if let label { labelled["\(prefix)-\(label)"] = labelled["\(prefix)-\(label)"] ?? entry }
    }

    /// The ids the numbered figures and tables add to their page, for checking links.
    public var anchors: Set<String> { Set(entries.map { $0.id }) }
}
