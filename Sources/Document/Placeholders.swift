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

    /// Splits text at its placeholders.
    func pieces(of text: String) -> [Piece] {
        let start = self.start
        guard text.unicodeScalars.contains(start) else { return [.text(text)] }
        var pieces: [Piece] = []
        var current = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == start else {
                current.append(scalar)
                continue
            }
            var index = 0
            var valid = false
            var consumed = String.UnicodeScalarView([scalar])
            while let next = iterator.next() {
                consumed.append(next)
                if next == end {
                    valid = true
                    break
                }
                let value = Int(next.value) - Int(base) - 0x10
                guard value >= 0, value < 16 else { break }
                index = index * 16 + value
            }
            if valid {
                if !current.isEmpty { pieces.append(.text(String(current))) }
                current = String.UnicodeScalarView()
                pieces.append(.span(index))
            } else {
                current.append(contentsOf: consumed)
            }
        }
        if !current.isEmpty { pieces.append(.text(String(current))) }
        return pieces
    }
}
