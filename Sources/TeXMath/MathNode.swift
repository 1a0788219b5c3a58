/// The parsed formula: one small tree that the parser builds and `MathMLWriter` walks with a
/// `switch`. Each case is one MathML construct, so the writer stays a direct translation.
indirect enum MathNode: Equatable, Sendable {
    /// A letter, Greek letter or ordinary symbol (`<mi>`). `upright` asks for roman type where
    /// browsers would italicize a single letter (`\Gamma`, `\mathrm{d}`, `\nabla`).
    case identifier(String, upright: Bool)
    /// A run of digits with at most one decimal point (`<mn>`).
    case number(String)
    /// An operator, relation, fence or punctuation (`<mo>`).
    case symbol(Operator)
    /// Words from `\text{...}` and friends (`<mtext>`), spaces kept.
    case text(String, TextStyle)
    /// Horizontal space such as `\,` or `\quad`; the width is a CSS length, possibly negative.
    case space(width: String)
    /// `\rule`: a box filled with the text's colour, raised by `raise`.
    case rule(width: String, height: String, raise: String?)
    /// Braces, an argument or any other sequence: no output of its own beyond an `<mrow>`
    /// when it holds more than one element.
    case group([MathNode])
    /// `\frac` (`<mfrac>`). `rule` is the thickness of the fraction bar as a CSS length,
    /// `"0"` for `\binom` and `\atop`, `nil` for the font's own.
    case fraction(numerator: MathNode, denominator: MathNode, rule: String?)
    /// `\sqrt` (`<msqrt>`) or `\sqrt[n]` (`<mroot>`).
    case root(MathNode, index: MathNode?)
    /// Sub- and superscripts. The writer chooses side scripts or limits from the base.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    /// `\hat x`, `\overline{x}`, `\underbrace{x}`: a mark over or under the base.
    case accent(base: MathNode, Accent)
    /// `\overset`, `\underset`, `\stackrel`: ordinary material over or under the base.
    case overUnder(base: MathNode, under: MathNode?, over: MathNode?)
    /// `\left( ... \right)`: stretchy fences around a row; `nil` for the `.` delimiter.
    case fenced(open: String?, body: [MathNode], close: String?)
    /// Matrices, `cases`, `aligned` and friends.
    case table(Table)
    /// `\sin`, `\lim`, `\operatorname{...}`: an upright name followed by function application.
    case function(name: MathNode, limits: Limits)
    /// `\displaystyle`, `\color`, `\large` and friends, which change the rest of their group.
    case style(StyleChange, [MathNode])
    /// `\mathbin{...}`, `\mathop{...}` and friends: a sub-formula that TeX spaces as one atom
    /// of the given class; `limits` matters for `\mathop`.
    case classed(MathNode, AtomClass, limits: Limits)
    /// `\boxed`, `\cancel`, `\colorbox`: a sub-formula with a frame, strikes or a background.
    case enclosed(MathNode, Enclosure)
    /// `\phantom`, `\smash`, `\raisebox`, `\rlap`: a sub-formula whose box is changed
    /// (`<mpadded>`) or hidden (`<mphantom>`).
    case padded(MathNode, Padding)
    /// `\eqref{...}` and `\ref{...}`: what the reference shows (`(3)`), as text.
    case reference(String)
    /// Source the renderer could not make sense of, shown as TeX (a warning says why).
    case unknown(String)

    /// How scripts attach to an operator, as TeX's `\limits` and `\nolimits` say.
    enum Limits: Equatable, Sendable {
        /// Always at the side (`\int`, `\log`).
        case never
        /// Under and over in display style, at the side inline (`\sum`, `\lim`).
        case displayOnly
        /// Always under and over (`\sum\limits`, `\underbrace`).
        case always
    }

    /// TeX's atom types, which decide the spacing TeX puts between neighbours. MathML
    /// browsers space operators from their dictionary; we only need the classes where the two
    /// disagree (a binary minus after `=` is unary; function names need thin spaces).
    enum AtomClass: Equatable, Sendable {
        case ordinary, largeOperator, binary, relation, open, close, punctuation, inner
    }

    /// The `<mo>` of an operator with the few attributes TeX semantics need.
    struct Operator: Equatable, Sendable {
        var text: String
        var atomClass: AtomClass
        var limits: Limits = .never
        /// `nil` leaves it to the browser's operator dictionary. Delimiters outside `\left`
        /// and `\right` are `false`, because MathML would otherwise stretch them to the row.
        var stretchy: Bool? = nil
        var fence = false
        /// `\big` and friends: a fixed height, written as both `minsize` and `maxsize`.
        var size: String? = nil
        /// Extensible arrows (`\xrightarrow`): the least width the arrow stretches to.
        var minimumSize: String? = nil
        /// Explicit `lspace` and `rspace`, overriding the dictionary.
        var spacing: (leading: String, trailing: String)? = nil

        static func == (lhs: Operator, rhs: Operator) -> Bool {
            lhs.text == rhs.text && lhs.atomClass == rhs.atomClass && lhs.limits == rhs.limits
                && lhs.stretchy == rhs.stretchy && lhs.fence == rhs.fence && lhs.size == rhs.size
                && lhs.minimumSize == rhs.minimumSize
                && lhs.spacing?.leading == rhs.spacing?.leading
                && lhs.spacing?.trailing == rhs.spacing?.trailing
        }
    }

    /// A mark placed over or under its base.
    struct Accent: Equatable, Sendable {
        var mark: String
        /// Wide accents (`\widehat`, braces) stretch to the base's width.
        var stretchy: Bool
        var below = false
        /// Braces take their label as a limit: `\underbrace{x}_{n}` puts `n` under the brace.
        var takesLimits = false
        /// The mark over a single letter, for wide accents whose stretchable character is a
        /// combining one: unstretched, Chromium draws a combining mark left of its base.
        var narrowMark: String? = nil
        /// A smaller size for the mark (`\vec` is a small arrow).
        var markSize: String? = nil
        /// `\overline` and `\underline` are drawn as a CSS rule along the base: no line
        /// character both stretches and sits right over narrow bases in Chromium.
        var isRule = false
    }

    /// The type style of `\text`, `\textbf`, `\textit`.
    enum TextStyle: Equatable, Sendable {
        case normal, bold, italic, monospace, sansSerif
    }

    /// `\displaystyle`, `\textstyle`, `\scriptstyle`, `\scriptscriptstyle`; `\color` and the
    /// size commands (`\large`) change the colour or the font size of their group.
    enum StyleChange: Hashable, Sendable {
        case display, text, script, scriptScript
        /// A colour name or `#` and hex digits, checked by the parser (nothing else gets here).
        case color(String)
        /// A font size relative to the surrounding text, as a CSS length (`1.2em`).
        case size(String)
    }

    /// How `\boxed`, `\cancel` and friends decorate their content, drawn with CSS because
    /// Chromium does not draw `<menclose>`.
    struct Enclosure: Equatable, Sendable {
        var frame: Frame = .none
        /// The frame's colour (a checked colour name or hex), `nil` for the text's.
        var frameColor: String? = nil
        /// A background colour (checked), for `\colorbox`.
        var background: String? = nil
        var strikes: [Strike] = []
        /// Boxes keep some space between the content and the frame; strikes do not.
        var padded = false

        enum Frame: Equatable, Sendable {
            case none
            /// A rule all around (`\boxed`, `\fbox`).
            case box
            /// Rules above and to the right (`\angl`, actuarial notation).
            case actuarial
            /// A rule below with a slanted one at the left (`\phase`, a phasor angle).
            case phasor
        }

        enum Strike: Equatable, Sendable {
            /// `\cancel`: from bottom left to top right.
            case up
            /// `\bcancel`: from top left to bottom right.
            case down
            /// `\sout`: through the middle.
            case horizontal
        }
    }

    /// How `\phantom`, `\smash`, `\raisebox` and the laps change a box: MathML's `<mpadded>`
    /// sizes (CSS lengths, `nil` to keep the content's), and whether the content is hidden.
    struct Padding: Equatable, Sendable {
        var width: String? = nil
        var height: String? = nil
        var depth: String? = nil
        /// Raises the content (`\raisebox`).
        var verticalOffset: String? = nil
        /// Space on both sides, as CSS padding (the labels of `\xrightarrow`).
        var inlinePadding: String? = nil
        /// Moves the content left by this share of its own width (`\llap` 100%, `\clap` 50%):
        /// MathML Core has no width relative to the content, so this is a CSS transform.
        var leftShift: String? = nil
        /// `\phantom`: the content takes its room but is not drawn.
        var isPhantom = false
    }

    /// The rows and cells of an array-like environment, and how to lay them out.
    struct Table: Equatable, Sendable {
        /// Rows of cells; a cell is a row of nodes.
        var rows: [[[MathNode]]]
        var layout: Layout
        /// `smallmatrix` and `\substack` set their cells a size smaller.
        var small = false
        /// Cells in display style (`dcases`, `darray`) or text style where the layout would
        /// choose otherwise; `nil` keeps the layout's choice.
        var displayStyle: Bool? = nil
        /// The numbers or tags at the right of a numbered environment, one per row (`nil`
        /// for a row without one); `nil` when the table has no tag column.
        var tags: [Tag?]? = nil

        /// What shows at the right of a row (`(3)`), and the `id` of the row when a label
        /// names it.
        struct Tag: Equatable, Sendable {
            var content: MathNode
            var id: String?
        }

        enum Layout: Equatable, Sendable {
            /// Centered columns in text style (`matrix`, `pmatrix`, ...).
            case matrix
            /// Left-aligned value and condition columns in text style.
            case cases
            /// Column pairs aligned right then left, in display style, so that `&=` lines up
            /// (`aligned`, `align`, `split`).
            case aligned
            /// One centered column in display style (`gather`).
            case gathered
            /// `multline`: the first line flush left, the last flush right, the others centered,
            /// across the whole width.
            case multline
            /// Lines split by `\\` outside any environment; they keep the formula's style.
            case lines
            /// `array` with its column specification.
            case array([Alignment])
        }

        enum Alignment: Equatable, Sendable {
            case left, center, right
        }
    }
}
