/// One entry of a page's reference list.
public struct ReferenceListEntry: Sendable, Hashable {
    /// The entry's citation key: for an anchor that in-text citations may link to.
    public let key: String
    /// The formatted entry, ending with a period.
    public let content: [StyledText]

    public init(key: String, content: [StyledText]) {
        self.key = key
        self.content = content
    }
}
