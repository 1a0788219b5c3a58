/// What TeX's command names mean: the tables the parser looks names up in.
///
/// Characters follow Unicode's math conventions (U+2212 for minus, U+22C5 for `\cdot`) and,
/// where a choice matters for rendering, what draws well in Chromium with Latin Modern Math.
enum Symbols {
    /// A command that stands for a single symbol, needing no arguments.
    enum Entry: Equatable, Sendable {
        /// A letter that fonts restyle (`\alpha`, `\Gamma`); `upright` for TeX's roman capitals.
        case letter(Unicode.Scalar, upright: Bool)
        /// An ordinary symbol, set upright (`\infty`, `\nabla`, `\#`).
        case ordinary(String)
        case symbol(MathNode.Operator)
        case function(String, MathNode.Limits)
        /// Horizontal space of a CSS width (`\,` is `0.1667em`).
        case space(String)
        /// Text-width space (`\ `, `~`), written as a no-break space so it is as wide as a
        /// space of the surrounding font.
        case textSpace
    }

    /// Every symbol command, built once from the tables below.
    static let commands: [String: Entry] = {
        var table: [String: Entry] = [:]
        for (name, scalar) in greekSmall { table[name] = .letter(scalar, upright: false) }
        for (name, scalar) in greekCapital { table[name] = .letter(scalar, upright: true) }
        for (name, text) in ordinary { table[name] = .ordinary(text) }
        for (name, text) in binary { table[name] = .symbol(.init(text: text, atomClass: .binary)) }
        for (name, text) in relations { table[name] = .symbol(.init(text: text, atomClass: .relation)) }
        for (name, text) in unstretchedRelations {
            table[name] = .symbol(.init(text: text, atomClass: .relation, stretchy: false))
        }
        for (name, text) in largeOperators {
            table[name] = .symbol(.init(text: text, atomClass: .largeOperator, limits: .displayOnly))
        }
        for (name, text) in integrals {
            table[name] = .symbol(.init(text: text, atomClass: .largeOperator, limits: .never))
        }
        for (name, text) in openings {
            table[name] = .symbol(.init(text: text, atomClass: .open, stretchy: false))
        }
        for (name, text) in closings {
            table[name] = .symbol(.init(text: text, atomClass: .close, stretchy: false))
        }
        for (name, text) in dots { table[name] = .symbol(.init(text: text, atomClass: .inner)) }
        for name in functions { table[name] = .function(name, .never) }
        for name in functionsWithLimits { table[name] = .function(name, .displayOnly) }
        table["limsup"] = .function("lim\u{2009}sup", .displayOnly)
        table["liminf"] = .function("lim\u{2009}inf", .displayOnly)
        for (name, width) in spaces { table[name] = .space(width) }
        table[" "] = .textSpace
        table["nobreakspace"] = .textSpace
        table["colon"] = .symbol(.init(text: ":", atomClass: .punctuation, spacing: ("0em", "0.1667em")))
        table["prime"] = .symbol(prime(1))
        table["|"] = .ordinary("\u{2016}")
        table["Vert"] = .ordinary("\u{2016}")
        table["vert"] = .ordinary("|")
        return table
    }()

    /// `'`, `''`, ...: the prime characters for one to four primes (more repeat the single one).
    static func prime(_ count: Int) -> MathNode.Operator {
        let text: String
        switch count {
        case 1: text = "\u{2032}"
        case 2: text = "\u{2033}"
        case 3: text = "\u{2034}"
        case 4: text = "\u{2057}"
        default: text = String(repeating: "\u{2032}", count: count)
        }
        return .init(text: text, atomClass: .ordinary)
    }

    static let greekSmall: [String: Unicode.Scalar] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "digamma": "ϝ",
    ]

    static let greekCapital: [String: Unicode.Scalar] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "Alpha": "Α", "Beta": "Β",
        "Epsilon": "Ε", "Zeta": "Ζ", "Eta": "Η", "Iota": "Ι", "Kappa": "Κ", "Mu": "Μ", "Nu": "Ν",
        "Omicron": "Ο", "Rho": "Ρ", "Tau": "Τ", "Chi": "Χ",
    ]

    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "forall": "∀", "exists": "∃", "nexists": "∄",
        "emptyset": "∅", "varnothing": "∅", "ell": "ℓ", "hbar": "ℏ", "hslash": "ℏ", "top": "⊤",
        "bot": "⊥", "neg": "¬", "lnot": "¬", "angle": "∠", "triangle": "△", "Box": "□",
        "square": "□", "aleph": "ℵ", "beth": "ℶ", "Re": "ℜ", "Im": "ℑ", "wp": "℘", "imath": "ı",
        "jmath": "ȷ", "surd": "√", "flat": "♭", "sharp": "♯", "natural": "♮", "clubsuit": "♣",
        "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠", "checkmark": "✓", "mho": "℧",
        "complement": "∁", "bigstar": "★", "blacksquare": "■", "lozenge": "◊", "backslash": "\\",
        "#": "#", "%": "%", "&": "&", "_": "_", "$": "$", "S": "§", "P": "¶", "degree": "°",
        "dag": "†", "ddag": "‡", "copyright": "©", "pounds": "£", "textbackslash": "\\",
    ]

    static let binary: [String: String] = [
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖",
        "oslash": "⊘", "cap": "∩", "cup": "∪", "sqcap": "⊓", "sqcup": "⊔", "uplus": "⊎",
        "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "setminus": "∖", "smallsetminus": "∖",
        "wr": "≀", "diamond": "⋄", "bigtriangleup": "△", "bigtriangledown": "▽",
        "triangleleft": "◃", "triangleright": "▹", "dagger": "†", "ddagger": "‡", "amalg": "⨿",
        "intercal": "⊺", "ltimes": "⋉", "rtimes": "⋊", "boxplus": "⊞", "boxtimes": "⊠",
        "boxminus": "⊟", "boxdot": "⊡", "dotplus": "∔", "centerdot": "⋅", "circledast": "⊛",
        "circledcirc": "⊚",
    ]

    static let relations: [String: String] = [
        "ne": "≠", "neq": "≠", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "leqslant": "⩽",
        "geqslant": "⩾", "ll": "≪", "gg": "≫", "lll": "⋘", "ggg": "⋙", "approx": "≈",
        "approxeq": "≊", "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝",
        "varpropto": "∝", "in": "∈", "notin": "∉", "ni": "∋", "owns": "∋", "subset": "⊂",
        "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋",
        "sqsubset": "⊏", "sqsupset": "⊐", "sqsubseteq": "⊑", "sqsupseteq": "⊒", "to": "→",
        "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
        "Leftrightarrow": "⇔", "leftrightarrow": "↔", "longrightarrow": "⟶",
        "longleftarrow": "⟵", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
        "longleftrightarrow": "⟷", "Longleftrightarrow": "⟺", "implies": "⟹",
        "impliedby": "⟸", "iff": "⟺", "mapsto": "↦", "longmapsto": "⟼", "nearrow": "↗",
        "searrow": "↘", "swarrow": "↙", "nwarrow": "↖", "hookrightarrow": "↪",
        "hookleftarrow": "↩", "rightharpoonup": "⇀", "rightharpoondown": "⇁",
        "leftharpoonup": "↼", "leftharpoondown": "↽", "rightleftharpoons": "⇌",
        "leftrightharpoons": "⇋", "leadsto": "⇝", "perp": "⊥", "models": "⊨", "vdash": "⊢",
        "dashv": "⊣", "vDash": "⊨", "Vdash": "⊩", "prec": "≺", "succ": "≻", "preceq": "⪯",
        "succeq": "⪰", "asymp": "≍", "doteq": "≐", "triangleq": "≜", "coloneqq": "≔",
        "eqqcolon": "≕", "lesssim": "≲", "gtrsim": "≳", "nless": "≮", "ngtr": "≯", "nleq": "≰",
        "ngeq": "≱", "bowtie": "⋈", "smile": "⌣", "frown": "⌢", "ncong": "≇", "nsim": "≁",
        "nsubseteq": "⊈", "nsupseteq": "⊉", "circeq": "≗", "eqcirc": "≖", "because": "∵",
        "therefore": "∴", "nequiv": "≢", "lessgtr": "≶", "gtrless": "≷",
    ]

    /// Relations that MathML would stretch vertically to the row's height, which TeX never does.
    static let unstretchedRelations: [String: String] = [
        "mid": "∣", "nmid": "∤", "parallel": "∥", "nparallel": "∦", "uparrow": "↑",
        "downarrow": "↓", "Uparrow": "⇑", "Downarrow": "⇓", "updownarrow": "↕",
        "Updownarrow": "⇕",
    ]

    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigvee": "⋁",
        "bigwedge": "⋀", "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "biguplus": "⨄",
        "bigsqcup": "⨆", "intop": "∫",
    ]

    /// Integrals take their limits at the side even in display style, as in TeX.
    static let integrals: [String: String] = [
        "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "oiint": "∯", "smallint": "∫",
    ]

    static let openings: [String: String] = [
        "{": "{", "lbrace": "{", "langle": "⟨", "lfloor": "⌊", "lceil": "⌈", "lbrack": "[",
        "lvert": "|", "lVert": "\u{2016}", "lgroup": "⟮",
    ]

    static let closings: [String: String] = [
        "}": "}", "rbrace": "}", "rangle": "⟩", "rfloor": "⌋", "rceil": "⌉", "rbrack": "]",
        "rvert": "|", "rVert": "\u{2016}", "rgroup": "⟯",
    ]

    static let dots: [String: String] = [
        "ldots": "…", "dots": "…", "dotsc": "…", "dotso": "…", "cdots": "⋯", "dotsb": "⋯",
        "dotsm": "⋯", "dotsi": "⋯", "vdots": "⋮", "ddots": "⋱", "iddots": "⋰",
    ]

    static let functions: [String] = [
        "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim",
        "exp", "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh",
    ]

    static let functionsWithLimits: [String] = [
        "det", "gcd", "inf", "lim", "max", "min", "Pr", "sup",
    ]

    /// TeX's math spaces in em (mu / 18).
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
        "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em",
        "negthinspace": "-0.1667em", "negmedspace": "-0.2222em", "negthickspace": "-0.2778em",
        "quad": "1em", "qquad": "2em", "enspace": "0.5em",
    ]

    /// Delimiters accepted after `\left`, `\right`, `\middle` and `\big`: commands ...
    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "|": "\u{2016}",
        "Vert": "\u{2016}", "lVert": "\u{2016}", "rVert": "\u{2016}", "vert": "|", "lvert": "|",
        "rvert": "|", "lbrack": "[", "rbrack": "]", "backslash": "\\", "uparrow": "↑",
        "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕", "lgroup": "⟮", "rgroup": "⟯", "mid": "|",
    ]

    /// ... and characters. `.` is the empty delimiter.
    static let delimiterCharacters: [Unicode.Scalar: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", "<": "⟨", ">": "⟩", ".": "",
    ]

    /// `\big` and friends: the height of the delimiter, and the atom class it takes.
    static let bigDelimiters: [String: (size: String, atomClass: MathNode.AtomClass)] = [
        "big": ("1.2em", .ordinary), "Big": ("1.8em", .ordinary),
        "bigg": ("2.4em", .ordinary), "Bigg": ("3em", .ordinary),
        "bigl": ("1.2em", .open), "Bigl": ("1.8em", .open),
        "biggl": ("2.4em", .open), "Biggl": ("3em", .open),
        "bigr": ("1.2em", .close), "Bigr": ("1.8em", .close),
        "biggr": ("2.4em", .close), "Biggr": ("3em", .close),
        "bigm": ("1.2em", .relation), "Bigm": ("1.8em", .relation),
        "biggm": ("2.4em", .relation), "Biggm": ("3em", .relation),
    ]

    /// Accent marks. The characters are those Latin Modern Math stretches in Chromium:
    /// U+0332 draws a full-width rule above or below, where U+203E does not stretch.
    static let accents: [String: MathNode.Accent] = [
        "hat": .init(mark: "^", stretchy: false),
        "widehat": .init(mark: "\u{302}", stretchy: true),
        "check": .init(mark: "ˇ", stretchy: false),
        "widecheck": .init(mark: "\u{30C}", stretchy: true),
        "tilde": .init(mark: "~", stretchy: false),
        "widetilde": .init(mark: "\u{303}", stretchy: true),
        "bar": .init(mark: "¯", stretchy: false),
        "overline": .init(mark: "\u{332}", stretchy: true),
        "underline": .init(mark: "\u{332}", stretchy: true, below: true),
        "vec": .init(mark: "\u{20D7}", stretchy: false),
        "overrightarrow": .init(mark: "→", stretchy: true),
        "overleftarrow": .init(mark: "←", stretchy: true),
        "overleftrightarrow": .init(mark: "↔", stretchy: true),
        "underrightarrow": .init(mark: "→", stretchy: true, below: true),
        "underleftarrow": .init(mark: "←", stretchy: true, below: true),
        "dot": .init(mark: "˙", stretchy: false),
        "ddot": .init(mark: "¨", stretchy: false),
        "dddot": .init(mark: "\u{20DB}", stretchy: false),
        "acute": .init(mark: "´", stretchy: false),
        "grave": .init(mark: "`", stretchy: false),
        "breve": .init(mark: "˘", stretchy: false),
        "mathring": .init(mark: "˚", stretchy: false),
        "overbrace": .init(mark: "⏞", stretchy: true, takesLimits: true),
        "underbrace": .init(mark: "⏟", stretchy: true, below: true, takesLimits: true),
        "overparen": .init(mark: "⏜", stretchy: true, takesLimits: true),
        "underparen": .init(mark: "⏝", stretchy: true, below: true, takesLimits: true),
    ]

    /// `\mathbf{...}` and friends.
    static let fonts: [String: MathFont] = [
        "mathbf": .bold, "mathrm": .roman, "mathit": .italic, "mathbb": .doubleStruck,
        "mathcal": .script, "mathscr": .script, "mathfrak": .fraktur, "mathsf": .sansSerif,
        "mathtt": .monospace, "boldsymbol": .boldItalic, "bm": .boldItalic,
        "mathbfit": .boldItalic, "mathnormal": .italic, "mathbfcal": .boldScript,
        "mathsfbf": .sansSerifBold,
    ]

    /// `\text{...}` and friends, with the type style of their argument.
    static let textCommands: [String: MathNode.TextStyle] = [
        "text": .normal, "textrm": .normal, "textnormal": .normal, "textup": .normal,
        "mbox": .normal, "hbox": .normal, "textbf": .bold, "textit": .italic, "emph": .italic,
        "textsl": .italic, "texttt": .monospace, "textsf": .sansSerif,
    ]

    /// What commands mean inside `\text{...}`.
    static let textEscapes: [String: String] = [
        "{": "{", "}": "}", "$": "$", "%": "%", "&": "&", "#": "#", "_": "_", " ": " ",
        "textbackslash": "\\", "backslash": "\\", ",": "\u{2009}", ":": "\u{2005}",
        ";": "\u{2004}", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", "!": "",
        "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "S": "§",
        "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_", "-": "",
    ]

    /// `\not` in front of a relation: Unicode's negated forms where they exist.
    static let negations: [String: String] = [
        "=": "≠", "∈": "∉", "≡": "≢", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "∼": "≁",
        "≈": "≉", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∣": "∤", "∥": "∦", "≅": "≇",
        "∋": "∌", "≃": "≄", "≺": "⊀", "≻": "⊁",
    ]

    /// Environments and how their cells are laid out, with the fences around them.
    static let environments: [String: (layout: MathNode.Table.Layout, open: String?, close: String?)] = [
        "matrix": (.matrix, nil, nil), "pmatrix": (.matrix, "(", ")"),
        "bmatrix": (.matrix, "[", "]"), "Bmatrix": (.matrix, "{", "}"),
        "vmatrix": (.matrix, "|", "|"), "Vmatrix": (.matrix, "\u{2016}", "\u{2016}"),
        "smallmatrix": (.matrix, nil, nil), "cases": (.cases, "{", nil),
        "rcases": (.cases, nil, "}"), "aligned": (.aligned, nil, nil), "align": (.aligned, nil, nil),
        "align*": (.aligned, nil, nil), "alignat": (.aligned, nil, nil),
        "alignat*": (.aligned, nil, nil), "alignedat": (.aligned, nil, nil),
        "split": (.aligned, nil, nil), "flalign": (.aligned, nil, nil),
        "flalign*": (.aligned, nil, nil), "eqnarray": (.aligned, nil, nil),
        "eqnarray*": (.aligned, nil, nil), "gather": (.gathered, nil, nil),
        "gather*": (.gathered, nil, nil), "gathered": (.gathered, nil, nil),
        "equation": (.gathered, nil, nil), "equation*": (.gathered, nil, nil),
        "multline": (.gathered, nil, nil), "multline*": (.gathered, nil, nil),
        "array": (.array([]), nil, nil), "darray": (.array([]), nil, nil),
    ]

    /// Characters typed directly in math mode, with their TeX atom classes (as `plain.tex`
    /// sets their math codes) and what they print as.
    static let characters: [Unicode.Scalar: MathNode.Operator] = [
        "+": .init(text: "+", atomClass: .binary),
        "-": .init(text: "−", atomClass: .binary),
        "*": .init(text: "∗", atomClass: .binary),
        "=": .init(text: "=", atomClass: .relation),
        "<": .init(text: "<", atomClass: .relation),
        ">": .init(text: ">", atomClass: .relation),
        ":": .init(text: ":", atomClass: .relation),
        ",": .init(text: ",", atomClass: .punctuation),
        ";": .init(text: ";", atomClass: .punctuation),
        "!": .init(text: "!", atomClass: .close),
        "?": .init(text: "?", atomClass: .close),
        "(": .init(text: "(", atomClass: .open, stretchy: false),
        "[": .init(text: "[", atomClass: .open, stretchy: false),
        ")": .init(text: ")", atomClass: .close, stretchy: false),
        "]": .init(text: "]", atomClass: .close, stretchy: false),
        "/": .init(text: "/", atomClass: .ordinary, stretchy: false),
    ]

    /// Unicode operators typed directly (`≤`, `∑`), classed as their commands are.
    static let unicodeOperators: [Unicode.Scalar: MathNode.Operator] = {
        var table: [Unicode.Scalar: MathNode.Operator] = [:]
        // Sorted, so that when two commands share a character (`\int`, `\intop`) the choice
        // does not depend on hashing.
        for name in commands.keys.sorted() {
            guard case .symbol(let symbol) = commands[name], symbol.text.unicodeScalars.count == 1,
                  let scalar = symbol.text.unicodeScalars.first, scalar.value > 0x7F,
                  table[scalar] == nil else { continue }
            table[scalar] = symbol
        }
        return table
    }()
}
