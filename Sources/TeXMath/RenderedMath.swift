/// One formula rendered to MathML, with the problems found on the way and what it says about
/// equation numbers: the labels it defines, the references it makes, the tags of its rows.
public struct RenderedMath: Sendable, Hashable {
    /// A single `<math xmlns="http://www.w3.org/1998/Math/MathML">` element, ready to paste
    /// into HTML. The original TeX travels along in an `<annotation>` so copying gives it back.
    /// A display formula with tags holds them: its rows and their numbers line up in a table
    /// as wide as the page, each labelled row with `id` set to its label's `id`.
    public var mathML: String
    /// Problems the renderer worked around, in source order (at most ``MathRenderer/maximumWarnings``
    /// of them, the last saying that more were dropped).
    public var warnings: [MathWarning]
    /// The labels this formula defines (`\label{...}` on a numbered or tagged row), in order.
    public var labels: [Label]
    /// The references this formula makes (`\eqref`, `\ref`), in source order, whether or not
    /// their labels are known: the caller reports unknown ones.
    public var references: [Reference]
    /// The tag of each row that shows one, in order, without parentheses: `["3", "4"]` for an
    /// `align` of two numbered rows. Empty for an inline or untagged formula.
    public var equationTags: [String]
    /// The reference, when the formula is nothing but one `\eqref` or `\ref` (`$\eqref{loss}$`),
    /// so that the caller can write it as an HTML link to `MathContext.Label.link` instead.
    public var soleReference: Reference?

    /// A label defined by `\label{name}`.
    public struct Label: Sendable, Hashable {
        public var name: String
        /// The tag of the labelled row, without parentheses.
        public var tag: String
        /// The `id` of the labelled row in `mathML`: `eq-` and the name, with characters that are
        /// not safe in an id or a URL fragment written as `~` and two hex digits per UTF-8 byte.
        public var id: String

        public init(name: String, tag: String, id: String) {
            self.name = name
            self.tag = tag
            self.id = id
        }
    }

    /// A use of `\eqref{name}` or `\ref{name}`.
    public struct Reference: Sendable, Hashable {
        public var name: String
        public var kind: Kind
        /// Where the whole reference (`\eqref{loss}`) starts and how long it is, in Unicode
        /// scalars of the TeX, as in `MathWarning`.
        public var offset: Int
        public var length: Int
        /// What the formula shows for it: `(3)` or `3`, or `(??)` and `??` for an unknown label,
        /// as LaTeX does.
        public var text: String

        public enum Kind: Sendable, Hashable {
            /// `\eqref`, shown in parentheses.
            case equation
            /// `\ref`, shown bare.
            case plain
        }

        public init(name: String, kind: Kind, offset: Int, length: Int, text: String) {
            self.name = name
            self.kind = kind
            self.offset = offset
            self.length = length
            self.text = text
        }
    }

    /// Wraps already rendered MathML and its warnings.
    public init(mathML: String, warnings: [MathWarning], labels: [Label] = [], references: [Reference] = [],
                equationTags: [String] = [], soleReference: Reference? = nil) {
        self.mathML = mathML
        self.warnings = warnings
        self.labels = labels
        self.references = references
        self.equationTags = equationTags
        self.soleReference = soleReference
    }

    /// The `id` for the row that `\label{name}` marks: `eq-` and the name, made safe for an id
    /// and a URL fragment. ASCII letters, digits, `-`, `_`, `.` and `:` stay; every other byte
    /// of the name's UTF-8 (`~` included) becomes `~` and two hex digits, so two names never
    /// share an id.
    public static func id(forLabel name: String) -> String {
        var id = "eq-"
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: ":"):
                id.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                id.unicodeScalars.append("~")
                id.unicodeScalars.append(digits[Int(byte >> 4)])
                id.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return id
    }
}
