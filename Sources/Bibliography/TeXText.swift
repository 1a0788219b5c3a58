import Foundation

/// Turns the TeX in a BibTeX field into Unicode text, as the reader sees it once typeset.
///
/// - Accents in any of TeX's spellings (`{\"o}`, `\"{o}`, `\"o`, `\c{c}`, `\c c`, `\'{\i}`)
///   become composed characters ("ö", "ç", "í"); `\ss`, `\o`, `\aa`, `\l` and the other
///   letters become their characters.
/// - `--` is an en dash, `---` an em dash, `~` a no-break space, ``` `` ``` and `''` curly
///   double quotes, `` ` `` and `'` curly single quotes: TeX's ligatures.
/// - `\&`, `\%`, `\$`, `\_`, `\#`, `\{`, `\}` are the characters themselves.
/// - Braces that protect case are removed; runs of spaces and line breaks become one space.
/// - `$...$` (and `\(...\)`) is math, kept exactly as written for the renderer's math.
/// - `\emph{...}`, `\textit{...}` and `{\em ...}` are emphasis; `\url{...}` and
///   `\href{...}{...}` are links when their address is `http:` or `https:`.
/// - Other commands are dropped and their arguments kept (`\textsc{Adam}` is "Adam"), as
///   pandoc does; `\noopsort{...}` prints nothing.
///
/// Linear in the length of the text, without recursion on the text's nesting (a value of a
/// million nested braces costs one pass): only an accent's argument is converted on its own,
/// and that at most `maximumAccentNesting` deep.
enum TeXText {
    /// Emphasis and links nested deeper than this are flattened: nobody writes them, and
    /// unbounded nesting would make every later walk over the pieces recursive without bound.
    static let maximumStyleNesting = 16
    /// Accents on accents (`\"{\'{o}}`) deeper than this lose their inner accents.
    static let maximumAccentNesting = 4

    static func styled(_ tex: String) -> [StyledText] {
        var converter = Converter(scalars: Array(tex.unicodeScalars), accentNesting: 0)
        return converter.convert()
    }

    static func plain(_ tex: String) -> String {
        styled(tex).plainText
    }

    /// Composes base letters and combining marks ("o" + U+0308 to "ö"), so that the text
    /// compares, sorts and displays as the single characters a reader expects.
    static func composed(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}

/// One conversion's state: a cursor over the scalars, the brace depth and the open styles.
private struct Converter {
    /// An emphasis or link being collected, which ends when the group at `endsAtDepth` closes.
    struct Frame {
        enum Kind {
            case root
            case emphasis
            case link(url: String)
            /// The text of an `\href` whose address was not safe: shown, not linked.
            case plain
        }

        var kind: Kind
        var endsAtDepth: Int
        var pieces = StyledTextBuilder()
    }

    let scalars: [Unicode.Scalar]
    let accentNesting: Int
    var index = 0
    var depth = 0
    var frames = [Frame(kind: .root, endsAtDepth: -1)]
    /// Text not yet added to the innermost frame, and whether it holds combining marks.
    var text = ""
    var needsComposition = false
    /// A space was seen: it is written before the next visible character, never at the start
    /// or the end, and never twice.
    var pendingSpace = false
    var hasContent = false

    init(scalars: [Unicode.Scalar], accentNesting: Int) {
        self.scalars = scalars
        self.accentNesting = accentNesting
    }

    mutating func convert() -> [StyledText] {
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "{":
                depth += 1
                index += 1
            case "}":
                while frames.count > 1, frames[frames.count - 1].endsAtDepth == depth { closeFrame() }
                depth = max(0, depth - 1)
                index += 1
            case "\\":
                command()
            case "$":
                dollarMath()
            case "~":
                emit("\u{00A0}")
                index += 1
            case "-":
                var run = 0
                while index < scalars.count, scalars[index] == "-" {
                    run += 1
                    index += 1
                }
                while run >= 3 {
                    emit("—")
                    run -= 3
                }
                if run == 2 { emit("–") } else if run == 1 { emit("-") }
            case "`":
                ligature(of: "`", single: "‘", double: "“")
            case "'":
                ligature(of: "'", single: "’", double: "”")
            case " ", "\t", "\n", "\r":
                pendingSpace = true
                index += 1
            default:
                emit(String(scalar))
                index += 1
            }
        }
        while frames.count > 1 { closeFrame() }
        flush()
        return frames[0].pieces.pieces
    }

    // MARK: Output

    mutating func emit(_ string: String) {
        if pendingSpace, hasContent { text += " " }
        pendingSpace = false
        text += string
        hasContent = true
    }

    mutating func flush() {
        guard !text.isEmpty else { return }
        frames[frames.count - 1].pieces.append(needsComposition ? TeXText.composed(text) : text)
        text = ""
        needsComposition = false
    }

    /// Writes a pending space outside the style about to open, so "a \emph{b}" keeps its
    /// space out of the italics.
    mutating func openFrame(_ kind: Frame.Kind, endsAtDepth: Int) {
        guard frames.count <= TeXText.maximumStyleNesting else { return }
        if pendingSpace, hasContent {
            text += " "
            pendingSpace = false
        }
        flush()
        frames.append(Frame(kind: kind, endsAtDepth: endsAtDepth))
    }

    mutating func closeFrame() {
        flush()
        let frame = frames.removeLast()
        let content = frame.pieces.pieces
        switch frame.kind {
        case .root, .plain:
            frames[frames.count - 1].pieces.append(content)
        case .emphasis:
            frames[frames.count - 1].pieces.appendEmphasis(content)
        case .link(let url):
            frames[frames.count - 1].pieces.append(.link(url: url, content: content.isEmpty ? [.text(url)] : content))
        }
    }

    mutating func appendPiece(_ piece: StyledText) {
        if pendingSpace, hasContent { text += " " }
        pendingSpace = false
        flush()
        frames[frames.count - 1].pieces.append(piece)
        hasContent = true
    }

    mutating func ligature(of character: Unicode.Scalar, single: String, double: String) {
        if index + 1 < scalars.count, scalars[index + 1] == character {
            emit(double)
            index += 2
        } else {
            emit(single)
            index += 1
        }
    }

    // MARK: Commands

    mutating func command() {
        index += 1
        guard index < scalars.count else { return }
        let first = scalars[index]
        if Self.isLetter(first) {
            var name = ""
            while index < scalars.count, Self.isLetter(scalars[index]) {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            skipSpaces()
            named(name)
        } else {
            index += 1
            symbol(first)
        }
    }

    mutating func symbol(_ scalar: Unicode.Scalar) {
        if TeXText.escapedCharacters.contains(scalar) {
            emit(String(scalar))
        } else if let mark = TeXText.accents[String(scalar)] {
            accent(mark, spacing: TeXText.spacingAccents[String(scalar)])
        } else {
            switch scalar {
            case " ", "\n", "\t", "\r", "\\": pendingSpace = true
            case ",": emit("\u{2009}")
            case "-", "/", "@", ";", ":", "!": break
            case "(": delimitedMath(closing: ")")
            case "[": delimitedMath(closing: "]")
            default: emit(String(scalar))
            }
        }
    }

    mutating func named(_ name: String) {
        if name.unicodeScalars.count == 1, let mark = TeXText.accents[name] {
            accent(mark, spacing: nil)
        } else if let symbol = TeXText.symbols[name] {
            emit(symbol)
            // `\ss{}` and `\o{}` end the command name with an empty group.
            if index + 1 < scalars.count, scalars[index] == "{", scalars[index + 1] == "}" { index += 2 }
        } else if TeXText.emphasisCommands.contains(name) {
            if index < scalars.count, scalars[index] == "{" { openFrame(.emphasis, endsAtDepth: depth + 1) }
        } else if TeXText.emphasisDeclarations.contains(name) {
            openFrame(.emphasis, endsAtDepth: depth)
        } else if TeXText.hiddenArgumentCommands.contains(name) {
            _ = readGroup()
        } else if name == "url" {
            guard let address = readGroup() else { return }
            let url = WebAddress.unescaped(address)
            if let safe = WebAddress.httpURL(url) {
                appendPiece(.link(url: safe, content: [.text(url)]))
            } else {
                emit(url)
            }
        } else if name == "href" {
            guard let address = readGroup() else { return }
            skipSpaces()
            guard index < scalars.count, scalars[index] == "{" else { return }
            let safe = WebAddress.httpURL(WebAddress.unescaped(address))
            openFrame(safe.map { .link(url: $0) } ?? .plain, endsAtDepth: depth + 1)
        }
        // Any other command is dropped; its argument, if any, follows as ordinary text.
    }

    /// An accent on the next letter: `{o}`, `{\i}`, `\i` or a single character.
    mutating func accent(_ mark: Unicode.Scalar, spacing: String?) {
        var base = ""
        if index < scalars.count {
            if scalars[index] == "{" {
                let group = readGroup() ?? ""
                if accentNesting < TeXText.maximumAccentNesting {
                    var inner = Converter(scalars: Array(group.unicodeScalars), accentNesting: accentNesting + 1)
                    base = inner.convert().plainText
                } else {
                    base = String(String.UnicodeScalarView(group.unicodeScalars.filter { Self.isLetter($0) }))
                }
            } else if scalars[index] == "\\" {
                index += 1
                var name = ""
                while index < scalars.count, Self.isLetter(scalars[index]) {
                    name.unicodeScalars.append(scalars[index])
                    index += 1
                }
                base = TeXText.symbols[name] ?? name
            } else if scalars[index] != "}" {
                base = String(scalars[index])
                index += 1
            }
        }
        var baseScalars = Array(base.unicodeScalars)
        guard let first = baseScalars.first else {
            if let spacing { emit(spacing) }
            return
        }
        if first == "ı" { baseScalars[0] = "i" }
        if first == "ȷ" { baseScalars[0] = "j" }
        baseScalars.insert(mark, at: 1)
        emit(String(String.UnicodeScalarView(baseScalars)))
        needsComposition = true
    }

    /// The text of a `{...}` group at the cursor, braces balanced, without its outer braces;
    /// nil if there is no group. An unclosed group runs to the end.
    mutating func readGroup() -> String? {
        guard index < scalars.count, scalars[index] == "{" else { return nil }
        var level = 0
        var content = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "{" {
                level += 1
                if level == 1 { continue }
            } else if scalar == "}" {
                level -= 1
                if level == 0 { break }
            } else if scalar == "\\", index < scalars.count {
                // An escaped brace does not open or close anything.
                content.append(scalar)
                content.append(scalars[index])
                index += 1
                continue
            }
            content.append(scalar)
        }
        return String(content)
    }

    mutating func skipSpaces() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
    }

    // MARK: Math

    /// `$...$` or `$$...$$`, kept as written; a dollar that nothing closes is a dollar.
    mutating func dollarMath() {
        let display = index + 1 < scalars.count && scalars[index + 1] == "$"
        let open = display ? 2 : 1
        var cursor = index + open
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if scalar == "\\" {
                cursor += 2
                continue
            }
            if scalar == "$" {
                if !display { break }
                if cursor + 1 < scalars.count, scalars[cursor + 1] == "$" { break }
            }
            cursor += 1
        }
        guard cursor < scalars.count, cursor > index + open else {
            emit("$")
            index += 1
            return
        }
        let tex = String(String.UnicodeScalarView(scalars[(index + open)..<cursor]))
        appendPiece(.math(tex: tex))
        index = cursor + open
    }

    /// `\(...\)` or `\[...\]`; the cursor is just after the opening pair.
    mutating func delimitedMath(closing: Unicode.Scalar) {
        var cursor = index
        while cursor + 1 < scalars.count {
            if scalars[cursor] == "\\" {
                if scalars[cursor + 1] == closing { break }
                cursor += 2
                continue
            }
            cursor += 1
        }
        guard cursor + 1 < scalars.count else {
            // Unclosed: what follows is ordinary text.
            return
        }
        appendPiece(.math(tex: String(String.UnicodeScalarView(scalars[index..<cursor]))))
        index = cursor + 2
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }
}
