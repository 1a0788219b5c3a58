extension TeXText {
    /// Accent commands and the combining mark each puts on the letter after it: `\"o` is
    /// "o" followed by U+0308, which composes to "ö".
    static let accents: [String: Unicode.Scalar] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}",
        "c": "\u{0327}", "v": "\u{030C}", "u": "\u{0306}", "H": "\u{030B}", "k": "\u{0328}",
        "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}", "t": "\u{0361}",
    ]

    /// What an accent with nothing under it prints (`\~{}` is a tilde, as in a URL).
    static let spacingAccents: [String: String] = [
        "\"": "¨", "'": "´", "`": "`", "^": "^", "~": "~", "=": "¯", ".": "˙",
    ]

    /// Commands that stand for a character or a word. `\i` and `\j` are the dotless letters
    /// that TeX accents sit on; under an accent they become plain "i" and "j" again.
    static let symbols: [String: String] = [
        "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
        "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
        "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "dj": "đ", "DJ": "Đ", "ng": "ŋ", "NG": "Ŋ",
        "S": "§", "P": "¶", "pounds": "£", "euro": "€", "copyright": "©", "textregistered": "®",
        "texttrademark": "™", "dag": "†", "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡",
        "textbullet": "•", "textdegree": "°", "textperiodcentered": "·",
        "textendash": "–", "textemdash": "—", "textellipsis": "…", "ldots": "…", "dots": "…",
        "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
        "textquotedblright": "”", "guillemotleft": "«", "guillemotright": "»",
        "guilsinglleft": "‹", "guilsinglright": "›", "quotedblbase": "„", "quotesinglbase": "‚",
        "textexclamdown": "¡", "textquestiondown": "¿",
        "textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\", "textbar": "|",
        "textless": "<", "textgreater": ">", "textunderscore": "_", "textbraceleft": "{",
        "textbraceright": "}", "textdollar": "$", "textpercent": "%", "textampersand": "&",
        "textsection": "§", "textparagraph": "¶",
        "nobreakspace": "\u{00A0}", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}",
        "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX",
    ]

    /// Commands that put their argument, or the rest of their group, in italics.
    static let emphasisCommands: Set<String> = ["emph", "textit", "textsl", "mkbibemph"]
    static let emphasisDeclarations: Set<String> = ["em", "it", "sl", "itshape", "slshape"]

    /// Commands whose argument is text that TeX must not show (`\noopsort{a}` steers
    /// BibTeX's sorting and prints nothing).
    static let hiddenArgumentCommands: Set<String> = ["noopsort", "nocite", "label"]

    /// Control symbols that print the character after the backslash.
    static let escapedCharacters: Set<Unicode.Scalar> = ["&", "%", "$", "_", "#", "{", "}"]
}
