import Diagnostics

/// One entry of a .bib file: `@article{rumelhart1986, author = {...}, ...}`.
public struct BibTeXEntry: Sendable, Hashable {
    /// The entry type in lowercase ("article", "book", "online", ...): BibTeX ignores case.
    public let type: String
    /// The citation key, exactly as written: citations match it case-sensitively, as in pandoc.
    public let key: String
    /// Where the key is written in the .bib file.
    public let keyRange: SourceRange
    /// Each field's value as written, by lowercase field name, after `@string` names and
    /// month names are replaced and `#` parts joined: TeX (braces, accents, math) included.
    /// Names (`author`, `editor`) are split from this form, where braces still group words.
    public let fields: [String: String]

    public init(type: String, key: String, keyRange: SourceRange, fields: [String: String]) {
        self.type = type.lowercased()
        self.key = key
        self.keyRange = keyRange
        self.fields = fields
    }

    /// A field as the reader sees it: TeX turned into Unicode text, emphasis, links and math
    /// (see `TeXText`); nil if the entry has no such field or it is empty.
    public func styled(_ field: String) -> [StyledText]? {
        guard let value = fields[field.lowercased()] else { return nil }
        let pieces = TeXText.styled(value)
        return pieces.isEmpty ? nil : pieces
    }

    /// A field as plain Unicode text (math kept as `$...$`); nil if absent or empty.
    public func text(_ field: String) -> String? {
        styled(field)?.plainText
    }

    public var authors: NameList { NameList(bibTeX: fields["author"] ?? "") }
    public var editors: NameList { NameList(bibTeX: fields["editor"] ?? "") }
}
