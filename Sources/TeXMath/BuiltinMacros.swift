/// Commands the renderer defines in TeX, as LaTeX packages do: notations made of other
/// commands (`\pmod`, `\bra`, `\R`). They are read once by `MacroExpander`, so they behave
/// exactly like the user's macros, which override them.
enum BuiltinMacros {
    /// The definitions; every name here must be new to the parser (a test checks that they
    /// raise no warning).
    static let definitions = #"""
        % Congruences (amsmath): the space before them is wider in display style.
        \newcommand{\pod}[1]{\mathchoice{\mkern18mu}{\mkern8mu}{\mkern8mu}{\mkern8mu}(#1)}
        \newcommand{\pmod}[1]{\pod{{\rm mod}\mkern6mu#1}}
        \newcommand{\bmod}{\mathbin{\rm mod}}
        \newcommand{\mod}{\mathchoice{\mkern18mu}{\mkern12mu}{\mkern12mu}{\mkern12mu}{\rm mod}\,\,}
        % Dirac's notation and sets (the braket package).
        \newcommand{\bra}[1]{\mathinner{\langle{#1}|}}
        \newcommand{\ket}[1]{\mathinner{|{#1}\rangle}}
        \newcommand{\braket}[1]{\mathinner{\langle{#1}\rangle}}
        \newcommand{\Bra}[1]{\left\langle#1\right|}
        \newcommand{\Ket}[1]{\left|#1\right\rangle}
        \newcommand{\set}[1]{\{\,#1\,\}}
        % Number sets, as KaTeX names them.
        \newcommand{\N}{\mathbb{N}}
        \newcommand{\natnums}{\mathbb{N}}
        \newcommand{\Z}{\mathbb{Z}}
        \newcommand{\R}{\mathbb{R}}
        \newcommand{\Reals}{\mathbb{R}}
        \newcommand{\reals}{\mathbb{R}}
        \newcommand{\Complex}{\mathbb{C}}
        \newcommand{\cnums}{\mathbb{C}}
        \newcommand{\Bbbk}{\mathbb{k}}
        % Authors write these constantly (KaTeX lacks them): names with limits below in display.
        \newcommand{\argmax}{\operatorname*{arg\,max}}
        \newcommand{\argmin}{\operatorname*{arg\,min}}
        % Limits with a mark under or over "lim".
        \newcommand{\varinjlim}{\operatorname*{\underrightarrow{lim}}}
        \newcommand{\varprojlim}{\operatorname*{\underleftarrow{lim}}}
        \newcommand{\varliminf}{\operatorname*{\underline{lim}}}
        \newcommand{\varlimsup}{\operatorname*{\overline{lim}}}
        % Odds and ends.
        \newcommand{\angln}{{\angl n}}
        \newcommand{\underbar}[1]{\underline{\text{#1}}}
        \newcommand{\AA}{\r{A}}
        \newcommand{\aa}{\r{a}}
        \newcommand{\dotsx}{\ldots\,}
        \newcommand{\DOTSB}{}
        \newcommand{\DOTSI}{}
        \newcommand{\DOTSX}{}
        \newcommand{\mathstrut}{\vphantom{(}}
        \newcommand{\rq}{'}
        \newcommand{\ordinarycolon}{\mathord{:}}
        """#

    /// The macros of `definitions`, by name.
    static let table: [String: Macro] = read().macros

    /// Problems in `definitions`, for the test that keeps them free of any.
    static var definitionWarnings: [MathWarning] { read().warnings }

    private static func read() -> (macros: [String: Macro], warnings: [MathWarning]) {
        let source = Array(definitions.unicodeScalars)
        var expander = MacroExpander(tokens: Lexer(source: source).tokenize(), macros: [:], builtins: [:])
        _ = expander.expand()
        return (expander.macros, expander.warnings)
    }
}
