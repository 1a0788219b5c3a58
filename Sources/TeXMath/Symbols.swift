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
        /// Words set as text (`\TeX`).
        case text(String)
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
        for (name, text) in punctuation {
            table[name] = .symbol(.init(text: text, atomClass: .punctuation, spacing: ("0em", "0.1667em")))
        }
        for (name, text) in logos { table[name] = .text(text) }
        for name in functions { table[name] = .function(name, .never) }
        for name in functionsWithLimits { table[name] = .function(name, .displayOnly) }
        table["limsup"] = .function("lim\u{2009}sup", .displayOnly)
        table["liminf"] = .function("lim\u{2009}inf", .displayOnly)
        table["injlim"] = .function("inj\u{2009}lim", .displayOnly)
        table["projlim"] = .function("proj\u{2009}lim", .displayOnly)
        table["plim"] = .function("plim", .always)
        for (name, width) in spaces { table[name] = .space(width) }
        table[" "] = .textSpace
        table["nobreakspace"] = .textSpace
        table["colon"] = .symbol(.init(text: ":", atomClass: .punctuation, spacing: ("0em", "0.1667em")))
        table["prime"] = .symbol(prime(1))
        table["space"] = .textSpace
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
        "digamma": "ϝ", "thetasym": "ϑ",
        // The italic capitals of amsmath: single letters, which browsers set in italic.
        "varGamma": "Γ", "varDelta": "Δ", "varTheta": "Θ", "varLambda": "Λ", "varXi": "Ξ",
        "varPi": "Π", "varSigma": "Σ", "varUpsilon": "Υ", "varPhi": "Φ", "varPsi": "Ψ",
        "varOmega": "Ω",
    ]

    /// Capitals that look like Latin ones are the Latin letters, as in LaTeX (`\Alpha` is `A`).
    static let greekCapital: [String: Unicode.Scalar] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "Alpha": "A", "Beta": "B",
        "Epsilon": "E", "Zeta": "Z", "Eta": "H", "Iota": "I", "Kappa": "K", "Mu": "M", "Nu": "N",
        "Omicron": "O", "Rho": "P", "Tau": "T", "Chi": "X",
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
        "dag": "†", "ddag": "‡", "pounds": "£", "textbackslash": "\\",
        "triangledown": "▽", "circledS": "Ⓢ", "circledR": "®", "measuredangle": "∡", "Finv": "Ⅎ",
        "Game": "⅁", "blacktriangle": "▲", "blacktriangledown": "▼", "blacklozenge": "⧫",
        "sphericalangle": "∢", "eth": "ð", "diagup": "╱", "diagdown": "╲", "Diamond": "◊",
        "yen": "¥", "daleth": "ℸ", "gimel": "ℷ", "varvdots": "⋮", "mathsterling": "£",
        "maltese": "✠", "alef": "ℵ", "alefsym": "ℵ", "image": "ℑ", "real": "ℜ", "weierp": "℘",
        "infin": "∞", "empty": "∅", "exist": "∃", "clubs": "♣", "diamonds": "♢", "hearts": "♡",
        "spades": "♠", "sect": "§", "lq": "‘", "ulcorner": "⌜", "urcorner": "⌝", "llcorner": "⌞",
        "lrcorner": "⌟", "textdollar": "$", "textunderscore": "_", "textasciitilde": "~",
        "textasciicircum": "^", "textbar": "|", "textbardbl": "‖", "textbraceleft": "{",
        "textbraceright": "}", "textdagger": "†", "textdaggerdbl": "‡", "textdegree": "°",
        "textsterling": "£", "textellipsis": "…", "textendash": "–", "textemdash": "—",
        "textless": "<", "textgreater": ">", "textquoteleft": "‘", "textquoteright": "’",
        "textquotedblleft": "“", "textquotedblright": "”", "i": "ı", "j": "ȷ", "backprime": "‵",
        "minuso": "⦵", "textcopyright": "©", "textregistered": "®",
    ]

    /// Commands set as text in math, as KaTeX sets them.
    static let logos: [String: String] = [
        "TeX": "TeX", "LaTeX": "LaTeX", "KaTeX": "KaTeX", "copyright": "©",
    ]

    /// Punctuation commands: no space before, a thin one after.
    static let punctuation: [String: String] = ["ldotp": ".", "cdotp": "⋅"]

    static let binary: [String: String] = [
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖",
        "oslash": "⊘", "cap": "∩", "cup": "∪", "sqcap": "⊓", "sqcup": "⊔", "uplus": "⊎",
        "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "setminus": "∖", "smallsetminus": "∖",
        "wr": "≀", "diamond": "⋄", "bigtriangleup": "△", "bigtriangledown": "▽",
        "triangleleft": "◃", "triangleright": "▹", "dagger": "†", "ddagger": "‡", "amalg": "⨿",
        "intercal": "⊺", "ltimes": "⋉", "rtimes": "⋊", "boxplus": "⊞", "boxtimes": "⊠",
        "boxminus": "⊟", "boxdot": "⊡", "dotplus": "∔", "centerdot": "⋅", "circledast": "⊛",
        "circledcirc": "⊚", "bigcirc": "◯", "And": "&", "unlhd": "⊴", "unrhd": "⊵", "lessdot": "⋖",
        "gtrdot": "⋗", "lhd": "⊲", "rhd": "⊳", "Cap": "⋒", "Cup": "⋓", "doublebarwedge": "⩞",
        "divideontimes": "⋇", "leftthreetimes": "⋋", "rightthreetimes": "⋌", "curlywedge": "⋏",
        "curlyvee": "⋎", "circleddash": "⊝", "doublecap": "⋒", "doublecup": "⋓", "barwedge": "⊼",
        "veebar": "⊻", "sdot": "⋅", "bull": "∙", "plusmn": "±", "Dagger": "‡",
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
        // AMS relations.
        "lneq": "⪇", "lneqq": "≨", "lnsim": "⋦", "lnapprox": "⪉", "nprec": "⊀", "npreceq": "⋠",
        "precnsim": "⋨", "precnapprox": "⪹", "nvdash": "⊬", "nvDash": "⊭", "ntriangleleft": "⋪",
        "ntrianglelefteq": "⋬", "subsetneqq": "⫋", "gneq": "⪈", "gneqq": "≩", "gnsim": "⋧",
        "gnapprox": "⪊", "nsucc": "⊁", "nsucceq": "⋡", "succnsim": "⋩", "succnapprox": "⪺",
        "nVDash": "⊯", "ntriangleright": "⋫", "ntrianglerighteq": "⋭", "supsetneqq": "⫌",
        "nVdash": "⊮", "precneqq": "⪵", "succneqq": "⪶", "nleftarrow": "↚", "nrightarrow": "↛",
        "nLeftarrow": "⇍", "nRightarrow": "⇏", "nleftrightarrow": "↮", "nLeftrightarrow": "⇎",
        "vartriangle": "△", "leqq": "≦", "eqslantless": "⪕", "lessapprox": "⪅", "lesseqgtr": "⋚",
        "lesseqqgtr": "⪋", "doteqdot": "≑", "risingdotseq": "≓", "fallingdotseq": "≒",
        "backsim": "∽", "backsimeq": "⋍", "subseteqq": "⫅", "Subset": "⋐", "preccurlyeq": "≼",
        "curlyeqprec": "⋞", "precsim": "≾", "precapprox": "⪷", "vartriangleleft": "⊲",
        "trianglelefteq": "⊴", "Vvdash": "⊪", "smallsmile": "⌣", "smallfrown": "⌢", "bumpeq": "≏",
        "Bumpeq": "≎", "geqq": "≧", "eqslantgtr": "⪖", "gtrapprox": "⪆", "gtreqless": "⋛",
        "gtreqqless": "⪌", "thicksim": "∼", "thickapprox": "≈", "supseteqq": "⫆", "Supset": "⋑",
        "succcurlyeq": "≽", "curlyeqsucc": "⋟", "succsim": "≿", "succapprox": "⪸",
        "vartriangleright": "⊳", "trianglerighteq": "⊵", "between": "≬", "pitchfork": "⋔",
        "blacktriangleleft": "◀", "backepsilon": "∍", "blacktriangleright": "▶", "llless": "⋘",
        "gggtr": "⋙", "eqsim": "≂", "Join": "⋈", "Doteq": "≑", "dashrightarrow": "⇢",
        "dashleftarrow": "⇠", "leftleftarrows": "⇇", "leftrightarrows": "⇆", "Lleftarrow": "⇚",
        "twoheadleftarrow": "↞", "leftarrowtail": "↢", "looparrowleft": "↫", "curvearrowleft": "↶",
        "circlearrowleft": "↺", "Lsh": "↰", "origof": "⊶", "imageof": "⊷", "multimap": "⊸",
        "leftrightsquigarrow": "↭", "rightrightarrows": "⇉", "rightleftarrows": "⇄",
        "twoheadrightarrow": "↠", "rightarrowtail": "↣", "looparrowright": "↬",
        "curvearrowright": "↷", "circlearrowright": "↻", "Rsh": "↱", "rightsquigarrow": "⇝",
        "Rrightarrow": "⇛", "gt": ">", "lt": "<", "lvertneqq": "≨", "gvertneqq": "≩",
        "ngeqq": "≱", "ngeqslant": "≱", "nleqq": "≰", "nleqslant": "≰", "notni": "∌",
        "nsubseteqq": "⊈", "nsupseteqq": "⊉", "varsubsetneq": "⊊", "varsubsetneqq": "⫋",
        "varsupsetneq": "⊋", "varsupsetneqq": "⫌", "isin": "∈", "sub": "⊂", "sube": "⊆",
        "supe": "⊇", "larr": "←", "rarr": "→", "harr": "↔", "lrarr": "↔", "Larr": "⇐",
        "lArr": "⇐", "Rarr": "⇒", "rArr": "⇒", "Harr": "⇔", "hArr": "⇔", "Lrarr": "⇔",
        "lrArr": "⇔",
        // Colon relations (mathtools, colonequals), as one operator each.
        "dblcolon": "∷", "coloncolon": "∷", "coloneq": ":−", "colonminus": ":−", "Coloneq": "∷−",
        "coloncolonminus": "∷−", "Coloneqq": "∷=", "coloncolonequals": "∷=", "colonequals": "≔",
        "colonapprox": ":≈", "Colonapprox": "∷≈", "coloncolonapprox": "∷≈", "colonsim": ":∼",
        "Colonsim": "∷∼", "coloncolonsim": "∷∼", "eqcolon": "∹", "minuscolon": "∹",
        "Eqcolon": "−∷", "minuscoloncolon": "−∷", "Eqqcolon": "=∷", "equalscoloncolon": "=∷",
        "equalscolon": "≕", "vcentcolon": ":", "ratio": ":", "approxcolon": "≈:",
        "approxcoloncolon": "≈∷", "simcolon": "∼:", "simcoloncolon": "∼∷",
    ]

    /// Relations that MathML would stretch vertically to the row's height, which TeX never does.
    static let unstretchedRelations: [String: String] = [
        "mid": "∣", "nmid": "∤", "parallel": "∥", "nparallel": "∦", "uparrow": "↑",
        "downarrow": "↓", "Uparrow": "⇑", "Downarrow": "⇓", "updownarrow": "↕",
        "Updownarrow": "⇕", "shortmid": "∣", "nshortmid": "∤", "shortparallel": "∥",
        "nshortparallel": "∦", "upuparrows": "⇈", "downdownarrows": "⇊", "upharpoonleft": "↿",
        "upharpoonright": "↾", "downharpoonleft": "⇃", "downharpoonright": "⇂", "restriction": "↾",
        "uarr": "↑", "darr": "↓", "Uarr": "⇑", "uArr": "⇑", "Darr": "⇓", "dArr": "⇓",
    ]

    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigvee": "⋁",
        "bigwedge": "⋀", "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "biguplus": "⨄",
        "bigsqcup": "⨆", "intop": "∫",
    ]

    /// Integrals take their limits at the side even in display style, as in TeX.
    static let integrals: [String: String] = [
        "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "oiint": "∯", "oiiint": "∰",
        "smallint": "∫",
    ]

    static let openings: [String: String] = [
        "{": "{", "lbrace": "{", "langle": "⟨", "lfloor": "⌊", "lceil": "⌈", "lbrack": "[",
        "lvert": "|", "lVert": "\u{2016}", "lgroup": "⟮", "lparen": "(", "lmoustache": "⎰",
        "llbracket": "⟦", "lBrace": "⦃", "lang": "⟨",
    ]

    static let closings: [String: String] = [
        "}": "}", "rbrace": "}", "rangle": "⟩", "rfloor": "⌋", "rceil": "⌉", "rbrack": "]",
        "rvert": "|", "rVert": "\u{2016}", "rgroup": "⟯", "rparen": ")", "rmoustache": "⎱",
        "rrbracket": "⟧", "rBrace": "⦄", "rang": "⟩",
    ]

    static let dots: [String: String] = [
        "ldots": "…", "dots": "…", "dotsc": "…", "dotso": "…", "cdots": "⋯", "dotsb": "⋯",
        "dotsm": "⋯", "dotsi": "⋯", "vdots": "⋮", "ddots": "⋱", "iddots": "⋰",
        "mathellipsis": "…",
    ]

    static let functions: [String] = [
        "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim",
        "exp", "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh",
        // Names used in Russian and other texts.
        "arcctg", "arctg", "ch", "cosec", "cotg", "ctg", "cth", "sh", "tg", "th",
    ]

    static let functionsWithLimits: [String] = [
        "det", "gcd", "inf", "lim", "max", "min", "Pr", "sup",
    ]

    /// TeX's math spaces in em (mu / 18).
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
        "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em",
        "negthinspace": "-0.1667em", "negmedspace": "-0.2222em", "negthickspace": "-0.2778em",
        "quad": "1em", "qquad": "2em", "enspace": "0.5em", "enskip": "0.5em",
    ]

    /// Delimiters accepted after `\left`, `\right`, `\middle` and `\big`: commands ...
    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "|": "\u{2016}",
        "Vert": "\u{2016}", "lVert": "\u{2016}", "rVert": "\u{2016}", "vert": "|", "lvert": "|",
        "rvert": "|", "lbrack": "[", "rbrack": "]", "backslash": "\\", "uparrow": "↑",
        "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕", "lgroup": "⟮", "rgroup": "⟯", "lparen": "(", "rparen": ")",
        "lmoustache": "⎰", "rmoustache": "⎱", "llbracket": "⟦", "rrbracket": "⟧", "lBrace": "⦃",
        "rBrace": "⦄", "lang": "⟨", "rang": "⟩", "lt": "⟨", "gt": "⟩", "ulcorner": "⌜",
        "urcorner": "⌝", "llcorner": "⌞", "lrcorner": "⌟", "uarr": "↑", "darr": "↓",
    ]

    /// ... and characters. `.` is the empty delimiter.
    static let delimiterCharacters: [Unicode.Scalar: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", "<": "⟨", ">": "⟩", ".": "",
    ]

    /// ... and Unicode delimiters typed directly, which stand for themselves.
    static let unicodeDelimiters: Set<Unicode.Scalar> = [
        "⟨", "⟩", "⌈", "⌉", "⌊", "⌋", "‖", "∥", "⟦", "⟧", "⟮", "⟯", "⎰", "⎱", "┌", "┐", "└", "┘",
        "⦃", "⦄", "↑", "↓", "↕", "⇑", "⇓", "⇕", "\\",
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

    /// Accent marks. The characters are those Latin Modern Math draws well in Chromium: only
    /// the combining circumflex stretches (no tilde or caron does, so `\widetilde` and
    /// `\widecheck` keep letter size), and `\vec` is a small arrow because the combining arrow
    /// U+20D7 lands left of its base.
    static let accents: [String: MathNode.Accent] = [
        "hat": .init(mark: "^", stretchy: false),
        "widehat": .init(mark: "\u{302}", stretchy: true, narrowMark: "^"),
        "check": .init(mark: "ˇ", stretchy: false),
        "widecheck": .init(mark: "ˇ", stretchy: false),
        "tilde": .init(mark: "~", stretchy: false),
        "widetilde": .init(mark: "~", stretchy: false),
        "bar": .init(mark: "¯", stretchy: false),
        "overline": .init(mark: "‾", stretchy: true, isRule: true),
        "underline": .init(mark: "‾", stretchy: true, below: true, isRule: true),
        "vec": .init(mark: "→", stretchy: false, markSize: "60%"),
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
        "overgroup": .init(mark: "⏠", stretchy: true),
        "undergroup": .init(mark: "⏡", stretchy: true, below: true),
        "utilde": .init(mark: "~", stretchy: true, below: true),
        "overleftharpoon": .init(mark: "↼", stretchy: true),
        "overrightharpoon": .init(mark: "⇀", stretchy: true),
        "Overrightarrow": .init(mark: "⇒", stretchy: true),
        "underleftrightarrow": .init(mark: "↔", stretchy: true, below: true),
        "overlinesegment": .init(mark: "\u{20E9}", stretchy: true),
        "underlinesegment": .init(mark: "\u{20E9}", stretchy: true, below: true),
        "textcircled": .init(mark: "◯", stretchy: false),
        // LaTeX's text accents, which KaTeX also takes in math.
        "'": .init(mark: "´", stretchy: false), "`": .init(mark: "`", stretchy: false),
        "^": .init(mark: "^", stretchy: false), "~": .init(mark: "~", stretchy: false),
        "=": .init(mark: "¯", stretchy: false), "u": .init(mark: "˘", stretchy: false),
        "v": .init(mark: "ˇ", stretchy: false), ".": .init(mark: "˙", stretchy: false),
        "\"": .init(mark: "¨", stretchy: false), "H": .init(mark: "˝", stretchy: false),
        "r": .init(mark: "˚", stretchy: false), "c": .init(mark: "¸", stretchy: false),
    ]

    /// `\xrightarrow` and the other arrows that stretch under and over their labels.
    static let extensibleArrows: [String: String] = [
        "xleftarrow": "←", "xrightarrow": "→", "xLeftarrow": "⇐", "xRightarrow": "⇒",
        "xleftrightarrow": "↔", "xLeftrightarrow": "⇔", "xhookleftarrow": "↩",
        "xhookrightarrow": "↪", "xmapsto": "↦", "xrightharpoondown": "⇁", "xrightharpoonup": "⇀",
        "xleftharpoondown": "↽", "xleftharpoonup": "↼", "xrightleftharpoons": "⇌",
        "xleftrightharpoons": "⇋", "xlongequal": "=", "xtwoheadrightarrow": "↠",
        "xtwoheadleftarrow": "↞", "xtofrom": "⇄", "xrightleftarrows": "⇄",
        "xrightequilibrium": "⇌", "xleftequilibrium": "⇋",
    ]

    /// `\mathbf{...}` and friends.
    static let fonts: [String: MathFont] = [
        "mathbf": .bold, "mathrm": .roman, "mathit": .italic, "mathbb": .doubleStruck,
        "mathcal": .script, "mathscr": .script, "mathfrak": .fraktur, "mathsf": .sansSerif,
        "mathtt": .monospace, "boldsymbol": .boldItalic, "bm": .boldItalic,
        "mathbfit": .boldItalic, "mathnormal": .italic, "mathbfcal": .boldScript,
        "mathsfbf": .sansSerifBold, "Bbb": .doubleStruck, "bold": .bold, "frak": .fraktur,
        "pmb": .boldItalic,
    ]

    /// `\text{...}` and friends, with the type style of their argument.
    static let textCommands: [String: MathNode.TextStyle] = [
        "text": .normal, "textrm": .normal, "textnormal": .normal, "textup": .normal,
        "mbox": .normal, "hbox": .normal, "textbf": .bold, "textit": .italic, "emph": .italic,
        "textsl": .italic, "texttt": .monospace, "textsf": .sansSerif, "textmd": .normal,
    ]

    /// Plain TeX's font switches inside text (`\text{\bf x}`).
    static let textSwitches: [String: MathNode.TextStyle] = [
        "rm": .normal, "bf": .bold, "it": .italic, "sf": .sansSerif, "tt": .monospace,
        "normalfont": .normal, "bfseries": .bold, "itshape": .italic, "ttfamily": .monospace,
        "sffamily": .sansSerif,
    ]

    /// LaTeX's text accents, as the combining mark that follows the letter (`\'e` is é).
    static let textAccents: [String: Unicode.Scalar] = [
        "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "~": "\u{303}", "=": "\u{304}",
        "u": "\u{306}", "v": "\u{30C}", ".": "\u{307}", "\"": "\u{308}", "H": "\u{30B}",
        "r": "\u{30A}", "c": "\u{327}", "textcircled": "\u{20DD}",
    ]

    /// What commands mean inside `\text{...}`.
    static let textEscapes: [String: String] = [
        "{": "{", "}": "}", "$": "$", "%": "%", "&": "&", "#": "#", "_": "_", " ": " ",
        "textbackslash": "\\", "backslash": "\\", ",": "\u{2009}", ":": "\u{2005}",
        ";": "\u{2004}", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", "!": "",
        "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "S": "§",
        "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_", "-": "",
        "i": "ı", "j": "ȷ", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ",
        "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "P": "¶", "dag": "†", "ddag": "‡",
        "copyright": "©", "textcopyright": "©", "textregistered": "®", "pounds": "£",
        "textsterling": "£", "textdollar": "$", "textbar": "|", "textbardbl": "‖",
        "textbraceleft": "{", "textbraceright": "}", "textdagger": "†", "textdaggerdbl": "‡",
        "textdegree": "°", "textellipsis": "…", "textless": "<", "textgreater": ">",
        "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
        "textquotedblright": "”", "TeX": "TeX", "LaTeX": "LaTeX", "KaTeX": "KaTeX",
        "enspace": "\u{2002}", "enskip": "\u{2002}", "space": " ", "nobreakspace": "\u{A0}",
        "thinspace": "\u{2009}", "lq": "‘", "rq": "’", "yen": "¥", "sect": "§",
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
        "rcases": (.cases, nil, "}"), "dcases": (.cases, "{", nil), "drcases": (.cases, nil, "}"),
        "cases*": (.cases, "{", nil), "dcases*": (.cases, "{", nil), "rcases*": (.cases, nil, "}"),
        "matrix*": (.matrix, nil, nil), "pmatrix*": (.matrix, "(", ")"),
        "bmatrix*": (.matrix, "[", "]"), "Bmatrix*": (.matrix, "{", "}"),
        "vmatrix*": (.matrix, "|", "|"), "Vmatrix*": (.matrix, "\u{2016}", "\u{2016}"),
        "subarray": (.array([]), nil, nil),
        "aligned": (.aligned, nil, nil), "align": (.aligned, nil, nil),
        "align*": (.aligned, nil, nil), "alignat": (.aligned, nil, nil),
        "alignat*": (.aligned, nil, nil), "alignedat": (.aligned, nil, nil),
        "split": (.aligned, nil, nil), "flalign": (.aligned, nil, nil),
        "flalign*": (.aligned, nil, nil), "eqnarray": (.aligned, nil, nil),
        "eqnarray*": (.aligned, nil, nil), "gather": (.gathered, nil, nil),
        "gather*": (.gathered, nil, nil), "gathered": (.gathered, nil, nil),
        "equation": (.gathered, nil, nil), "equation*": (.gathered, nil, nil),
        "multline": (.multline, nil, nil), "multline*": (.multline, nil, nil),
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
        // Typed directly: the middle dot is `\cdot`, and ≆ a relation no command names here.
        "·": .init(text: "⋅", atomClass: .binary),
        "≆": .init(text: "≆", atomClass: .relation),
    ]

    /// Unicode operators typed directly (`≤`, `∑`), classed as their commands are.
    static let unicodeOperators: [Unicode.Scalar: MathNode.Operator] = {
        var table: [Unicode.Scalar: MathNode.Operator] = [:]
        for symbol in characters.values {
            if let scalar = symbol.text.unicodeScalars.first, scalar.value > 0x7F { table[scalar] = symbol }
        }
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
