extension Parser {
    /// `\hspace{1em}`, `\kern-2mu`, `\hskip 3pt plus 1pt`: horizontal space of a given width.
    mutating func parseSpace(_ token: Token, name: String) -> MathNode? {
        if name == "hspace", peek()?.kind == .character("*") { position += 1 }
        let width = readDimensionArgument(after: token)
        if name == "hskip" || name == "mskip" { skipGlue() }
        guard let width else { return nil }
        return .space(width: width)
    }

    /// `\rule[raise]{width}{height}`: a filled box, as an `<mspace>` with a background.
    mutating func parseRule(_ token: Token) -> MathNode {
        var raise: String?
        skipSpaces()
        if character(at: position) == "[" {
            position += 1
            raise = readDimension(reportingAt: token)
            skipSpaces()
            if character(at: position) == "]" { position += 1 }
        }
        let width = readDimensionArgument(after: token) ?? "0em"
        let height = readDimensionArgument(after: token) ?? "0em"
        return .rule(width: width, height: height, raise: raise)
    }

    /// A dimension in braces, or bare (`\raisebox{2pt}`, `\genfrac{}{}{0pt}`), as a CSS length;
    /// `nil` for empty braces or a bad dimension (reported).
    mutating func readDimensionArgument(after token: Token) -> String? {
        skipSpaces()
        guard peek()?.kind == .openBrace else { return readDimension(reportingAt: token) }
        position += 1
        skipSpaces()
        var dimension: String?
        if peek()?.kind != .closeBrace { dimension = readDimension(reportingAt: token) }
        // What is not a dimension (reported) is skipped up to the closing brace.
        while let next = peek(), next.kind != .closeBrace, !isStop(next) { position += 1 }
        if peek()?.kind == .closeBrace {
            position += 1
        } else {
            warn("unbalanced braces: '{' is never closed", at: token)
        }
        return dimension
    }

    /// A TeX dimension (`-1.5em`, `2 pt`, `.5ex`) converted to `em` as a CSS length, or `nil`
    /// (reported at `token` when given) if there is none.
    mutating func readDimension(reportingAt token: Token? = nil) -> String? {
        let start = position
        skipSpaces()
        var negative = false
        while let sign = character(at: position), sign == "-" || sign == "+" {
            if sign == "-" { negative.toggle() }
            position += 1
            skipSpaces()
        }
        var number = ""
        while let scalar = character(at: position), Parser.isDigit(scalar) || scalar == "." || scalar == "," {
            number.unicodeScalars.append(scalar == "," ? "." : scalar)
            position += 1
        }
        skipSpaces()
        var unit = ""
        while unit.unicodeScalars.count < 2, let scalar = character(at: position), Lexer.isLetter(scalar) {
            unit.unicodeScalars.append(scalar)
            position += 1
        }
        guard let value = Parser.decimal(number), let perUnit = Parser.emPerUnit[unit] else {
            position = start
            if let token {
                warn("\(text(of: token)) needs a dimension such as 1em, 2pt or 3mu", at: token)
            }
            return nil
        }
        return Parser.cssLength(em: (negative ? -value : value) * perUnit)
    }

    /// Skips TeX glue after a skip's width: `plus 1fil minus 2pt`, which MathML cannot stretch.
    private mutating func skipGlue() {
        while true {
            let start = position
            skipSpaces()
            var word = ""
            while let scalar = character(at: position), Lexer.isLetter(scalar) {
                word.unicodeScalars.append(scalar)
                position += 1
            }
            guard word == "plus" || word == "minus" else {
                position = start
                return
            }
            skipSpaces()
            while let scalar = character(at: position), Parser.isDigit(scalar) || scalar == "." || scalar == "-" || Lexer.isLetter(scalar) {
                position += 1
            }
        }
    }

    /// How many em one of TeX's units is, with 10pt to the em and 18mu to the em, as KaTeX
    /// sets its normal size.
    static let emPerUnit: [String: Double] = [
        "em": 1, "ex": 0.431, "mu": 1.0 / 18, "pt": 0.1, "mm": 7227.0 / 2540 / 10,
        "cm": 7227.0 / 254 / 10, "in": 7.227, "bp": 803.0 / 800 / 10, "pc": 1.2,
        "dd": 1238.0 / 1157 / 10, "cc": 14856.0 / 1157 / 10, "nd": 685.0 / 642 / 10,
        "nc": 1370.0 / 107 / 10, "sp": 1.0 / 65536 / 10, "px": 803.0 / 800 / 10,
    ]

    /// `12`, `0.5`, `.5`, `3.`: a decimal number, or `nil` for anything else.
    static func decimal(_ text: String) -> Double? {
        var whole: Double = 0
        var fraction: Double = 0
        var scale: Double = 1
        var seenPoint = false
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else if isDigit(scalar) {
                digits += 1
                let digit = Double(scalar.value - 48)
                if seenPoint {
                    scale /= 10
                    fraction += digit * scale
                } else {
                    whole = whole * 10 + digit
                }
            } else {
                return nil
            }
        }
        return digits > 0 ? whole + fraction : nil
    }

    /// `value` em as a CSS length with at most four decimals (`0.1667em`, `-2em`).
    /// Counted in 64 bits (WebAssembly's `Int` has 32) and at most a billion em, which no
    /// page draws differently from more: `\kern 99999999999999999999em` is still a length.
    static func cssLength(em value: Double) -> String {
        let magnitude = abs(value) < 1e9 ? abs(value) : 1e9
        let tenThousandths = Int64((magnitude * 10_000).rounded())
        let whole = tenThousandths / 10_000
        var fraction = String(tenThousandths % 10_000)
        if fraction != "0" {
            fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let sign = value < 0 && tenThousandths > 0 ? "-" : ""
        return sign + String(whole) + (fraction == "0" ? "" : "." + fraction) + "em"
    }

    /// The colour in braces after `\color`, `\textcolor` or `\colorbox`, checked so that only a
    /// colour can reach the MathML: a CSS colour name, or `#` and 3 or 6 hex digits (6 also
    /// without `#`, as KaTeX allows). `nil` for anything else (reported, with the nearest name).
    mutating func readColor(after token: Token) -> String? {
        skipSpaces()
        guard let open = peek(), open.kind == .openBrace else {
            warn("missing colour in braces after \(text(of: token))", at: token)
            return nil
        }
        position += 1
        let start = position
        while let next = peek(), next.kind != .closeBrace, !isStop(next) { position += 1 }
        let written = consumedText(fromToken: start).trimmingSpaces
        let end = consumedEnd
        if peek()?.kind == .closeBrace {
            position += 1
        } else {
            warn("unbalanced braces: '{' is never closed", at: open)
        }
        if let color = Symbols.color(named: written) { return color }
        // An empty colour is reported at its braces.
        let offset = written.isEmpty || start >= tokens.count ? open.offset : tokens[start].offset
        warn("unknown colour '\(written)'; use a CSS colour name or # and hex digits", offset: offset,
             length: end - offset,
             notes: Symbols.closest(to: written.lowercased(), among: Symbols.colorNames).map { ["did you mean \($0)?"] } ?? [])
        return nil
    }
}
