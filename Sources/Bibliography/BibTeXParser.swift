import Diagnostics

/// Reads a .bib file as BibTeX does, reporting every problem at its line and column and
/// going on past it.
///
/// - Text outside entries is ignored up to the next `@` (an `@` right after a letter or digit,
///   as in an e-mail address, starts nothing). `%` is not a comment there, as in BibTeX:
///   an entry "commented out" with `%` is still read; use `@comment{...}`.
/// - `@comment` skips its delimited text, `@preamble` its value; `@string{name = value}`
///   defines a name for later values. The month names `jan` to `dec` are predefined.
/// - An entry is `@type{key, field = value, ...}` or with parentheses; type and field names
///   are case-insensitive, a comma after the last field is allowed.
/// - A value is parts joined by `#`: `{...}` (nested braces), `"..."` (braces inside
///   balanced), a number, or a `@string` name. BibTeX counts every brace, `\{` included.
///
/// Recovery: an entry stops at its first syntax error and keeps the fields read before it;
/// reading resumes at the next line that starts with `@`. An unclosed `{` or `"` is reported
/// where it opened, and its value ends before the next line that starts a new entry
/// (`@type{`), so one missing brace does not swallow the rest of the file.
///
/// Bounds on hostile input: one pass over the bytes, no recursion; `@string` values are
/// expanded once, when defined, so a name that refers to itself is simply undefined there,
/// and all expansions together are limited to `expansionAllowance` bytes plus four times the
/// file's size (`@string{b = a # a}` repeated would otherwise double at every line); at most
/// `maximumDiagnostics` problems are reported.
struct BibTeXParser {
    static let maximumDiagnostics = 100
    static let expansionAllowance = 1 << 20

    static let monthNames: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
        "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
        "nov": "November", "dec": "December",
    ]

    /// Entry types of BibTeX and biblatex: another type is formatted as `@misc`, with a
    /// warning when it looks like a misspelling of one of these.
    static let knownTypes: [String] = [
        "article", "book", "booklet", "inbook", "incollection", "inproceedings", "conference",
        "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport",
        "unpublished", "online", "electronic", "www", "report", "thesis", "collection",
        "mvbook", "mvcollection", "mvproceedings", "mvreference", "reference", "inreference",
        "periodical", "suppbook", "suppcollection", "suppperiodical", "bookinbook", "patent",
        "dataset", "software", "set", "xdata", "artwork", "audio", "image", "jurisdiction",
        "legislation", "legal", "letter", "movie", "music", "performance", "review",
        "standard", "video",
    ]

    let bytes: [UInt8]
    let path: String
    let lines: LineIndex
    private var position: Int
    private var strings: [String: String] = BibTeXParser.monthNames
    /// The `@string` being defined, to explain why it cannot refer to itself.
    private var definingString: String?
    private var expansionBudget: Int
    private var reportedExpansionLimit = false
    /// The last `{` or `"` of the current entry whose value ran over a line that reads like
    /// a field (`year = 2021,`): when the entry then turns out unclosed, that brace is the
    /// likely culprit, although it found a `}` to match.
    private var valueSpanningFields: (open: Int, owner: String)?
    private(set) var entries: [BibTeXEntry] = []
    private var keyIndex: [String: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(text: String, path: String) {
        bytes = Array(text.utf8)
        self.path = path
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        lines = LineIndex(bytes: bytes, startingAt: start)
        position = start
        expansionBudget = Self.expansionAllowance + 4 * bytes.count
    }

    mutating func parse() {
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "@") {
                if position > 0, Self.isLetterOrDigit(bytes[position - 1]) {
                    position += 1
                } else {
                    command()
                }
            } else {
                position += 1
            }
        }
    }

    // MARK: Commands

    /// `@type` and what follows it; the cursor is on the `@`.
    private mutating func command() {
        let at = position
        position += 1
        skipWhitespace()
        let typeStart = position
        while position < bytes.count, Self.isIdentifierByte(bytes[position]) { position += 1 }
        let type = text(typeStart..<position).lowercased()
        guard !type.isEmpty else {
            report(.warning("'@' is not followed by an entry type; the text after it is ignored",
                            file: path, at: lines.range(at..<(at + 1)),
                            notes: [.init("write entries as `@article{key, ...}`; outside entries, BibTeX ignores text")]))
            return
        }
        let typeEnd = position
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "(") else {
            if type != "comment" {
                report(.error("expected '{' or '(' after '@\(type)'", file: path, at: lines.range(at..<typeEnd)))
            }
            return
        }
        let open = position
        let close = bytes[open] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
        position += 1
        switch type {
        case "comment": skipComment(open: open, close: close)
        case "preamble": preamble(open: open, close: close)
        case "string": stringDefinition(open: open, close: close)
        default: entry(type: type, typeRange: at..<typeEnd, open: open, close: close)
        }
    }

    private mutating func skipComment(open: Int, close: UInt8) {
        var depth = 1
        let opening = bytes[open]
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == opening {
                depth += 1
            } else if byte == close {
                depth -= 1
                if depth == 0 { return }
            }
        }
        report(.error("'\(Character(Unicode.Scalar(opening)))' of @comment is not closed", file: path,
                      at: lines.range(open..<(open + 1)),
                      notes: [.init("the text after it is read as entries")]))
        position = open + 1
    }

    private mutating func preamble(open: Int, close: UInt8) {
        guard case .value = value(for: "@preamble") else { return }
        skipWhitespace()
        guard expect(close, after: "@preamble", open: open) else { return }
    }

    private mutating func stringDefinition(open: Int, close: UInt8) {
        skipWhitespace()
        let nameStart = position
        while position < bytes.count, Self.isIdentifierByte(bytes[position]) { position += 1 }
        guard position > nameStart else {
            report(.error("expected a name after '@string{'", file: path, at: here,
                          notes: [.init("define a name as `@string{jmlr = {Journal of Machine Learning Research}}`")]))
            recover()
            return
        }
        let name = text(nameStart..<position).lowercased()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
            report(.error("expected '=' after '@string{\(name)'", file: path, at: here))
            recover()
            return
        }
        position += 1
        definingString = name
        let result = value(for: "@string{\(name)}")
        definingString = nil
        guard case .value(let value) = result else { return }
        strings[name] = value
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
            position += 1
            skipWhitespace()
        }
        _ = expect(close, after: "@string{\(name) = ...", open: open)
    }

    /// Consumes the closing delimiter, or reports its absence and recovers.
    private mutating func expect(_ close: UInt8, after what: String, open: Int) -> Bool {
        if position < bytes.count, bytes[position] == close {
            position += 1
            return true
        }
        report(.error("expected '\(Character(Unicode.Scalar(close)))' to close \(what)", file: path, at: here,
                      notes: [.init("opened here", at: lines.range(open..<(open + 1)))]))
        recover()
        return false
    }

    // MARK: Entries

    private mutating func entry(type: String, typeRange: Range<Int>, open: Int, close: UInt8) {
        skipWhitespace()
        let keyStart = position
        while position < bytes.count, Self.isKeyByte(bytes[position]) { position += 1 }
        var keyEnd = position
        skipWhitespace()
        if keyEnd > keyStart, position < bytes.count, bytes[position] == UInt8(ascii: "=") {
            // `@article{title = ...`: the word is a field name, and the key is missing.
            position = keyStart
            keyEnd = keyStart
        }
        let key = keyEnd > keyStart ? text(keyStart..<keyEnd) : nil
        if key == nil {
            report(.error("entry has no key", file: path, at: lines.range(typeRange.lowerBound..<(open + 1)),
                          notes: [.init("write the key right after '\(Character(Unicode.Scalar(bytes[open])))', such as `@\(type){rumelhart1986,`; this entry is ignored")]))
        }
        let name = key.map { "'\($0)'" } ?? "without a key"
        valueSpanningFields = nil
        var fields: [String: String] = [:]
        var valueRanges: [String: Range<Int>] = [:]
        var nameRanges: [String: Range<Int>] = [:]
        var expectingSeparator = key != nil
        fieldLoop: while true {
            skipWhitespace()
            guard position < bytes.count else {
                report(.error("entry \(name) is not closed", file: path, at: lines.range(open..<(open + 1)),
                              notes: [.init("add '\(Character(Unicode.Scalar(close)))' after its last field")] + spanningNotes()))
                break
            }
            let byte = bytes[position]
            if byte == close {
                position += 1
                break
            }
            if byte == UInt8(ascii: ",") {
                position += 1
                expectingSeparator = false
                continue
            }
            if byte == UInt8(ascii: "@"), startsLine(position) {
                report(.error("entry \(name) is not closed", file: path, at: lines.range(open..<(open + 1)),
                              notes: [.init("the next entry starts here", at: lines.range(position..<(position + 1)))]
                                  + spanningNotes()))
                break
            }
            let nameStart = position
            while position < bytes.count, Self.isIdentifierByte(bytes[position]) { position += 1 }
            guard position > nameStart else {
                report(.error("expected a field name in entry \(name), found '\(character(at: position))'",
                              file: path, at: here))
                recover()
                break
            }
            let nameRange = nameStart..<position
            let field = text(nameRange).lowercased()
            if expectingSeparator {
                report(.error("expected ',' before field '\(field)'", file: path, at: lines.range(nameStart..<nameStart),
                              notes: [.init("fields of an entry are separated by commas")]))
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                report(.error("expected '=' after field name '\(field)'", file: path, at: here))
                recover()
                break
            }
            position += 1
            skipWhitespace()
            let valueStart = position
            switch value(for: "'\(field)'") {
            case .value(let value):
                if let first = nameRanges[field] {
                    report(.warning("field '\(field)' appears twice in entry \(name); the first is kept", file: path,
                                    at: lines.range(nameRange),
                                    notes: [.init("first given here", at: lines.range(first))]))
                } else {
                    fields[field] = value
                    nameRanges[field] = nameRange
                    valueRanges[field] = valueStart..<position
                }
                expectingSeparator = true
            case .failed:
                recover()
                break fieldLoop
            case .interrupted:
                break fieldLoop
            }
        }
        guard let key else { return }
        let keyRange = lines.range(keyStart..<keyEnd)
        if let first = keyIndex[key] {
            report(.error("duplicate key '\(key)'; this entry is ignored", file: path, at: keyRange,
                          notes: [.init("'\(key)' is first defined here", at: entries[first].keyRange)]))
            return
        }
        if !Self.knownTypes.contains(type) {
            var notes: [Diagnostic.Note] = []
            if let suggestion = Suggestion.closest(to: type, among: Self.knownTypes) {
                notes.append(.init("did you mean '@\(suggestion)'?"))
            }
            report(.warning("unknown entry type '@\(type)'; it is formatted as @misc", file: path,
                            at: lines.range(typeRange), notes: notes))
        }
        checkLinks(fields, valueRanges: valueRanges)
        keyIndex[key] = entries.count
        entries.append(BibTeXEntry(type: type, key: key, keyRange: keyRange, fields: fields))
    }

    private func spanningNotes() -> [Diagnostic.Note] {
        guard let (open, owner) = valueSpanningFields else { return [] }
        return [.init("the value of \(owner) runs over lines that look like fields: is a '}' missing in it?",
                      at: lines.range(open..<(open + 1)))]
    }

    /// A `url` or `doi` that the reference list cannot link to is reported here, where its
    /// line is known, rather than silently left out.
    private mutating func checkLinks(_ fields: [String: String], valueRanges: [String: Range<Int>]) {
        if let url = fields["url"], WebAddress.httpURL(WebAddress.unescaped(url)) == nil, let range = valueRanges["url"] {
            report(.warning("url '\(WebAddress.unescaped(url))' is not an http: or https: address; it is left out of the reference list",
                            file: path, at: lines.range(range)))
        }
        if let doi = fields["doi"], WebAddress.doiName(WebAddress.unescaped(doi)) == nil, let range = valueRanges["doi"] {
            report(.warning("doi '\(WebAddress.unescaped(doi))' is not a DOI; it is left out of the reference list",
                            file: path, at: lines.range(range),
                            notes: [.init("a DOI starts with '10.', such as `doi = {10.1038/323533a0}`")]))
        }
    }

    // MARK: Values

    private enum ValueResult {
        case value(String)
        /// A problem was reported; the caller skips to the next entry.
        case failed
        /// An unclosed brace or quote was reported; the cursor is already where reading
        /// resumes (the next entry, or the end).
        case interrupted
    }

    /// A value of parts joined by `#`, starting after the `=` (whitespace allowed).
    private mutating func value(for owner: String) -> ValueResult {
        var result = ""
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                report(.error("expected a value for \(owner) at the end of the file", file: path, at: here))
                return .failed
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "\""):
                guard let part = delimited(owner: owner) else { return .interrupted }
                result += part
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = position
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
                result += text(start..<position)
            default:
                guard Self.isIdentifierByte(byte) else {
                    report(.error("expected a value for \(owner), found '\(character(at: position))'", file: path, at: here,
                                  notes: [.init("write the value in braces, such as `{...}`")]))
                    return .failed
                }
                let start = position
                while position < bytes.count, Self.isIdentifierByte(bytes[position]) { position += 1 }
                result += expansion(of: start..<position)
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "#") else { return .value(result) }
            position += 1
        }
    }

    /// A `{...}` or `"..."` part without its delimiters; nil when it is not closed.
    private mutating func delimited(owner: String) -> String? {
        let open = position
        let quoted = bytes[open] == UInt8(ascii: "\"")
        position += 1
        var depth = quoted ? 0 : 1
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                if depth == 0 {
                    report(.error("'}' closes no '{' in the value of \(owner)", file: path, at: here))
                    position += 1
                    continue
                }
                depth -= 1
                if depth == 0, !quoted {
                    position += 1
                    return text((open + 1)..<(position - 1))
                }
            case UInt8(ascii: "\""):
                if quoted, depth == 0 {
                    position += 1
                    return text((open + 1)..<(position - 1))
                }
            case 0x0A, 0x0D:
                if let next = nextEntryStart(afterLineBreakAt: position) {
                    reportUnclosed(open: open, quoted: quoted, owner: owner)
                    position = next
                    return nil
                }
                if valueSpanningFields == nil, lineLooksLikeField(afterLineBreakAt: position) {
                    valueSpanningFields = (open, owner)
                }
            default:
                break
            }
            position += 1
        }
        reportUnclosed(open: open, quoted: quoted, owner: owner)
        return nil
    }

    private mutating func reportUnclosed(open: Int, quoted: Bool, owner: String) {
        let what = quoted ? "'\"'" : "'{'"
        report(.error("unclosed \(what) in the value of \(owner)", file: path, at: lines.range(open..<(open + 1)),
                      notes: [.init(quoted ? "close the value with '\"'" : "every '{' needs a matching '}'")]))
    }

    /// The value of a `@string` name (or a month), already expanded when it was defined.
    private mutating func expansion(of range: Range<Int>) -> String {
        let name = text(range).lowercased()
        guard let value = strings[name] else {
            var notes: [Diagnostic.Note] = []
            if name == definingString {
                notes.append(.init("a @string cannot refer to itself"))
            } else if let suggestion = Suggestion.closest(to: name, among: strings.keys.sorted()) {
                notes.append(.init("did you mean '\(suggestion)'?"))
            } else {
                notes.append(.init("define it before its first use, as `@string{\(name) = {...}}`, or write the value in braces"))
            }
            report(.error("undefined @string '\(name)'", file: path, at: lines.range(range), notes: notes))
            return ""
        }
        expansionBudget -= value.utf8.count
        guard expansionBudget >= 0 else {
            if !reportedExpansionLimit {
                reportedExpansionLimit = true
                report(.error("@string values expand to more than \(Self.expansionAllowance + 4 * bytes.count) bytes; from here on they are left empty",
                              file: path, at: lines.range(range)))
            }
            return ""
        }
        return value
    }

    // MARK: Scanning

    /// Skips to the next line that starts with `@` (after spaces), or to the end.
    private mutating func recover() {
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "@"), startsLine(position) { return }
            position += 1
        }
    }

    /// Whether only spaces and tabs come before `offset` on its line.
    private func startsLine(_ offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0 {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { return true }
            if byte != 0x20, byte != 0x09 { return false }
            index -= 1
        }
        return true
    }

    /// The `@` of `@type{` or `@type(` starting the line after the line break at `offset`.
    private func nextEntryStart(afterLineBreakAt offset: Int) -> Int? {
        var index = offset + 1
        if bytes[offset] == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "@") else { return nil }
        let at = index
        index += 1
        let typeStart = index
        while index < bytes.count, Self.isLetter(bytes[index]) { index += 1 }
        guard index > typeStart else { return nil }
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "(") else { return nil }
        return at
    }

    /// Whether the line after the line break at `offset` starts `name =`.
    private func lineLooksLikeField(afterLineBreakAt offset: Int) -> Bool {
        var index = offset + 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        let nameStart = index
        while index < bytes.count, Self.isLetter(bytes[index]) { index += 1 }
        guard index > nameStart else { return false }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "=")
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private var here: SourceRange {
        lines.range(position..<min(position + 1, bytes.count))
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The character at `offset` for a message (a whole UTF-8 sequence), or "end of file".
    private func character(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return text(offset..<end)
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        if diagnostics.count < Self.maximumDiagnostics {
            diagnostics.append(diagnostic)
        } else if diagnostics.count == Self.maximumDiagnostics {
            diagnostics.append(.error("too many problems in this file; the rest are not reported", file: path))
        }
    }

    // MARK: Byte classes

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte)
    }

    /// Entry types, field names and `@string` names: printing characters but BibTeX's
    /// special ones (`"#%'(),={}`) and `@`. Bytes of non-ASCII characters count.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byteClasses[Int(byte)] & identifierClass != 0
    }

    /// Citation keys: anything but whitespace and `,{}()="#%@`.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        byteClasses[Int(byte)] & keyClass != 0
    }

    private static let identifierClass: UInt8 = 1
    private static let keyClass: UInt8 = 2

    /// Which classes each byte belongs to, looked up once per byte: testing a byte against
    /// a list of characters costs a third of a debug build's parse.
    private static let byteClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        guard byte > 0x20, byte != 0x7F else { return 0 }
        var classes: UInt8 = 0
        if !"\"#%'(),={}@".utf8.contains(byte) { classes |= identifierClass }
        if !",{}()=\"#%@".utf8.contains(byte) { classes |= keyClass }
        return classes
    }
}
