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
    /// Braces, an argument or any other sequence: no output of its own beyond an `<mrow>`
    /// when it holds more than one element.
    case group([MathNode])
    /// `\frac` (`<mfrac>`); `lineless` for `\binom`.
    case fraction(numerator: MathNode, denominator: MathNode, lineless: Bool)
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
    /// `\displaystyle` and friends, which change the style of the rest of their group.
    case style(StyleChange, [MathNode])
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
        /// Explicit `lspace` and `rspace`, overriding the dictionary.
        var spacing: (leading: String, trailing: String)? = nil

        static func == (lhs: Operator, rhs: Operator) -> Bool {
            lhs.text == rhs.text && lhs.atomClass == rhs.atomClass && lhs.limits == rhs.limits
                && lhs.stretchy == rhs.stretchy && lhs.fence == rhs.fence && lhs.size == rhs.size
                && lhs.spacing?.leading == rhs.spacing?.leading
                && lhs.spacing?.trailing == rhs.spacing?.trailing
        }
    }

    /// A mark placed over or under its base.
    struct Accent: Equatable, Sendable {
        var mark: String
        /// Wide accents (`\widehat`, `\overline`, braces) stretch to the base's width.
        var stretchy: Bool
        var below = false
        /// Braces take their label as a limit: `\underbrace{x}_{n}` puts `n` under the brace.
        var takesLimits = false
    }

    /// The type style of `\text`, `\textbf`, `\textit`.
    enum TextStyle: Equatable, Sendable {
        case normal, bold, italic, monospace, sansSerif
    }

    /// `\displaystyle`, `\textstyle`, `\scriptstyle`, `\scriptscriptstyle`.
    enum StyleChange: Equatable, Sendable {
        case display, text, script, scriptScript
    }

    /// The rows and cells of an array-like environment, and how to lay them out.
    struct Table: Equatable, Sendable {
        /// Rows of cells; a cell is a row of nodes.
        var rows: [[[MathNode]]]
        var layout: Layout
        /// `smallmatrix` and `\substack` set their cells a size smaller.
        var small = false

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
