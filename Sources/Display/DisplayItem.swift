/// One thing a block displays: a line of text (a value), a table or a figure.
///
/// The runtime produces these; the notebook records their `record`; the site draws them.
public enum DisplayItem: Hashable, Sendable {
    case text(String)
    /// A value written with some of its elements left out (a tensor of more than 1,000
    /// elements): what the page shows, and a digest of everything.
    case abridged(AbridgedText)
    case table(Table)
    case figure(Figure)

    /// What `chainrule update` records for this item: text and tables in full; a figure as
    /// its one-line summary, and an abridged value as its text, each followed by the digest
    /// of everything it shows (` #3f9a2c1e07b1`).
    public var record: String {
        switch self {
        case .text(let text): return text
        case .abridged(let abridged): return abridged.text + " #" + abridged.digest
        case .table(let table): return table.text
        case .figure(let figure): return figure.recordLine + " #" + (figure.wholeRecord?.digest ?? figure.recordDigest)
        }
    }

    /// How long `record` is, without computing a figure's digest (it has a fixed length).
    public var recordLength: Int {
        switch self {
        case .figure(let figure): return figure.recordLine.count + 2 + RecordWriter.digestLength
        default: return record.count
        }
    }

    /// Whether the record ends with a digest (a figure, an abridged value), without
    /// computing it.
    public var carriesDigest: Bool {
        switch self {
        case .text, .table: return false
        case .abridged, .figure: return true
        }
    }

    /// The digest of everything the item shows, for the items whose record carries one.
    public var digest: String? {
        switch self {
        case .text, .table: return nil
        case .abridged(let abridged): return abridged.digest
        case .figure(let figure): return figure.wholeRecord?.digest ?? figure.recordDigest
        }
    }

    /// Everything the item shows, one value per line, for naming what changed between two
    /// records; nil for items recorded in full, or with too many values.
    public var listing: [String]? {
        switch self {
        case .text, .table: return nil
        case .abridged(let abridged): return abridged.listing
        case .figure(let figure): return figure.wholeRecord == nil ? figure.recordListing() : nil
        }
    }
}

/// Text that stands for more than it shows: `[0, 1, 2, ..., 1997, 1998, 1999]`.
public struct AbridgedText: Hashable, Sendable {
    /// What the page shows.
    public var text: String
    /// The digest of every value the text stands for (see `RecordWriter`).
    public var digest: String
    /// Every value, one per line (`[1000]: 7`), for naming what changed; nil past
    /// `RecordWriter`'s listing limit. Not kept by caches: only a fresh run needs it.
    public var listing: [String]?

    public init(text: String, digest: String, listing: [String]?) {
        self.text = text
        self.digest = digest
        self.listing = listing
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension DisplayItem: Codable {}
extension AbridgedText: Codable {
    enum CodingKeys: String, CodingKey {
        case text, digest
    }
}
#endif
