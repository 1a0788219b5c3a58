/// The stand-ins for math during cmark's second pass: private-use characters that cmark
/// passes through as plain text, never splitting them, escaping them or reading them as
/// punctuation. A token is a start character, the span's index in hexadecimal digits (each a
/// private-use character too) and an end character.
///
/// The characters come from a block of Supplementary Private Use Area-A that the notebook does
/// not use itself, so a placeholder can never be confused with the author's own text.
struct Placeholders: Sendable {
    let base: UInt32

    init(prose: [UInt8], spans: [MathSpan]) {
        var base: UInt32 = 0xF_8000
        if !spans.isEmpty, prose.contains(0xF3) {
            let used = Set(String(decoding: prose, as: UTF8.self).unicodeScalars.lazy
                .filter { $0.value >= 0xF_0000 && $0.value < 0x10_0000 }.map { $0.value & ~0xFF })
            while used.contains(base), base < 0xF_F000 { base += 0x100 }
        }
        self.base = base
    }

    /// Put before a table cell's text when cmark parses it alone (see `TableScanner`), so
    /// that the cell is read as a paragraph's inlines and never as a block; removed after.
    var cellMarker: [UInt8] { Array(String(Unicode.Scalar(base + 2)!).utf8) }
    let cellMarkerScalars = 1

    private var start: Unicode.Scalar { Unicode.Scalar(base)! }
    private var end: Unicode.Scalar { Unicode.Scalar(base + 1)! }

    private func digit(_ value: Int) -> Unicode.Scalar { Unicode.Scalar(base + 0x10 + UInt32(value))! }

    func token(_ index: Int) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        scalars.append(start)
        for character in String(index, radix: 16) {
            scalars.append(digit(Int(String(character), radix: 16)!))
        }
        scalars.append(end)
        return Array(String(scalars).utf8)
    }

    /// A piece of text that cmark returned: literal text or a math span.
    enum Piece: Equatable {
        case text(String)
        case span(Int)
    }

    /// Splits text at its placeholders. Works on UTF-8 bytes: every placeholder character is
    /// four bytes starting with 0xF3, which most text never contains.
    func pieces(of text: String) -> [Piece] {
        var text = text
        return text.withUTF8 { utf8 -> [Piece] in
            guard utf8.contains(0xF3) else { return [.text(String(decoding: utf8, as: UTF8.self))] }
            var pieces: [Piece] = []
            var textStart = 0
            var i = 0
            while i + 4 <= utf8.count {
                guard utf8[i] == 0xF3, scalar(utf8, at: i) == base else {
                    i += 1
                    continue
                }
                var j = i + 4
                var index = 0
                var valid = false
                while j + 4 <= utf8.count, utf8[j] == 0xF3 {
                    let value = scalar(utf8, at: j)
                    j += 4
                    if value == base + 1 {
                        valid = true
                        break
                    }
                    guard value >= base + 0x10, value < base + 0x20 else { break }
                    index = index * 16 + Int(value - base - 0x10)
                }
                guard valid else {
                    i += 1
                    continue
                }
                if i > textStart {
                    pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: utf8[textStart..<i]), as: UTF8.self)))
                }
                pieces.append(.span(index))
                textStart = j
                i = j
            }
            if textStart < utf8.count {
                pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: utf8[textStart...]), as: UTF8.self)))
            }
            return pieces
        }
    }

    /// The scalar encoded by the four bytes at `offset` (a lead byte 0xF0 to 0xF4).
    private func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        (UInt32(utf8[offset] & 0x07) << 18) | (UInt32(utf8[offset + 1] & 0x3F) << 12)
            | (UInt32(utf8[offset + 2] & 0x3F) << 6) | UInt32(utf8[offset + 3] & 0x3F)
    }
}
