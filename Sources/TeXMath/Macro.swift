/// A macro that `\newcommand`, `\def`, `\let` or `\DeclareMathOperator` defined: what a use of
/// it reads after its name, and the tokens it stands for.
///
/// Only token kinds are kept: a macro outlives the formula that defined it, and the tokens of
/// an expansion take the span of the macro's use, not of its definition.
struct Macro: Equatable, Sendable {
    /// What a use must write between the name and the first argument, as `\def\point(#1,#2)`
    /// requires `(`; usually nothing.
    var prefix: [Token.Kind] = []
    /// One entry per parameter: the tokens that end its argument (`,` then `)` above), or
    /// nothing for an ordinary argument, which is one token or one braced group.
    var delimiters: [[Token.Kind]] = []
    /// `\newcommand{\name}[2][x]{...}`: the value of an optional first argument, given in
    /// brackets when it is given at all.
    var optionalDefault: [Token.Kind]?
    var body: [Piece]

    /// An item of the body: a token, or where an argument goes.
    enum Piece: Equatable, Sendable {
        case token(Token.Kind)
        /// `#1` is `parameter(1)`.
        case parameter(Int)
    }

    var parameterCount: Int { delimiters.count }

    /// A macro with `parameterCount` ordinary parameters, for `\newcommand`.
    init(parameterCount: Int, optionalDefault: [Token.Kind]?, body: [Piece]) {
        self.delimiters = Array(repeating: [], count: parameterCount)
        self.optionalDefault = optionalDefault
        self.body = body
    }

    init(prefix: [Token.Kind], delimiters: [[Token.Kind]], body: [Piece]) {
        self.prefix = prefix
        self.delimiters = delimiters
        self.body = body
    }
}
