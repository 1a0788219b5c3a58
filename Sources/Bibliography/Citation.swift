/// A citation written in prose, as pandoc writes them: `[see @key, p. 33; @other]`,
/// `[-@key]`, or a bare `@key` (optionally `@key [p. 33]`) for the author in the text.
///
/// Positions are offsets in Unicode scalars into the text that was scanned (what a
/// Markdown paragraph's text node holds), so the caller can replace the citation and report
/// a problem at its place.
public struct Citation: Sendable, Hashable {
    /// One cited source: `see @key, p. 33` is the prefix "see", the key and the locator
    /// "p. 33".
    public struct Item: Sendable, Hashable {
        public enum Mode: Sendable, Hashable {
            /// In brackets: "(Nielsen 2015)".
            case normal
            /// `[-@key]`: the year alone, "(2015)", for a sentence that names the author.
            case suppressAuthor
            /// A bare `@key`: the author is part of the sentence, "Nielsen (2015)".
            case authorInText
        }

        public var key: String
        /// Where the key is in the text (inside the braces of `@{a key}`).
        public var keyRange: Range<Int>
        /// Text before the key, trimmed ("see"); may be empty.
        public var prefix: String
        /// Text after the key without the comma that separates it, trimmed ("p. 33",
        /// "chap. 2"); shown after the year as written. May be empty.
        public var locator: String
        public var mode: Mode

        public init(key: String, keyRange: Range<Int>, prefix: String = "", locator: String = "", mode: Mode = .normal) {
            self.key = key
            self.keyRange = keyRange
            self.prefix = prefix
            self.locator = locator
            self.mode = mode
        }
    }

    /// The whole citation in the text: from `[` to `]`, or from `@` to the key's end (to the
    /// `]` of a locator in brackets after it).
    public var range: Range<Int>
    public var items: [Item]

    public init(range: Range<Int>, items: [Item]) {
        self.range = range
        self.items = items
    }

    /// A bare `@key` (no brackets around it): formatted without parentheses around it.
    public var isInText: Bool { !items.isEmpty && items.allSatisfy { $0.mode == .authorInText } }

    /// The cited keys in order (a key cited twice appears twice).
    public var keys: [String] { items.map(\.key) }
}
