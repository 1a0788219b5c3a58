/// One thing a block displays: a line of text (a value), a table or a figure.
///
/// The runtime produces these; the notebook records their `text`; the site draws them.
public enum DisplayItem: Hashable, Sendable, Codable {
    case text(String)
    case table(Table)
    case figure(Figure)

    /// What `chainrule update` records for this item (a figure records its one-line summary).
    public var text: String {
        switch self {
        case .text(let text): return text
        case .table(let table): return table.text
        case .figure(let figure): return figure.summary
        }
    }
}
