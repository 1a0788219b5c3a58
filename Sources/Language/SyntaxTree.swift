import Diagnostics

/// Arithmetic operators with two operands.
public enum BinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^", matmul = "@"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or
}

/// Operators with one operand.
public enum UnaryOperator: String, Hashable, Sendable {
    case negate = "-", plus = "+", not
}

/// `=` and the compound assignments (`a += b` means `a = a + b`).
public enum AssignmentOperator: String, Hashable, Sendable {
    case assign = "=", add = "+=", subtract = "-=", multiply = "*=", divide = "/="

    /// The operator a compound assignment applies.
    public var binary: BinaryOperator? {
        switch self {
        case .assign: return nil
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        }
    }
}

/// An expression and the source it came from.
public struct Expression: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case number(Double)
        case string(String)
        case boolean(Bool)
        case identifier(String)
        /// `[a, b, c]`: a tensor when every element is a number or a tensor of one shape.
        case list([Expression])
        /// `(a, b)` or a bare `a, b`.
        case tuple([Expression])
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(Expression, [Argument])
        case subscripted(Expression, [IndexArgument])
        case member(Expression, name: String, nameRange: SourceRange)
        /// `fn(x) { ... }`: an anonymous function.
        case function(FunctionLiteral)
        /// `a..<b`.
        case range(Expression, Expression)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// An argument of a call, positional or with a label (`lr: 0.5`).
public struct Argument: Hashable, Sendable {
    public var label: String?
    public var labelRange: SourceRange?
    public var value: Expression

    public init(label: String? = nil, labelRange: SourceRange? = nil, value: Expression) {
        self.label = label
        self.labelRange = labelRange
        self.value = value
    }
}

/// One position in `x[...]`: an index, or a slice `start:end:step` / `start..<end`.
public enum IndexArgument: Hashable, Sendable {
    case index(Expression)
    case slice(start: Expression?, end: Expression?, step: Expression?, range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .index(let expression): return expression.range
        case .slice(_, _, _, let range): return range
        }
    }
}

/// A parameter of a function, with an optional default value.
public struct Parameter: Hashable, Sendable {
    public var name: String
    public var range: SourceRange
    public var defaultValue: Expression?

    public init(name: String, range: SourceRange, defaultValue: Expression? = nil) {
        self.name = name
        self.range = range
        self.defaultValue = defaultValue
    }
}

/// `fn name(a, b) { ... }` or, without a name, an anonymous function.
public struct FunctionLiteral: Hashable, Sendable {
    public var name: String?
    public var parameters: [Parameter]
    public var body: [Statement]
    public var range: SourceRange

    public init(name: String?, parameters: [Parameter], body: [Statement], range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.range = range
    }
}

/// A statement and the source it came from.
public struct Statement: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        /// A bare expression: its value is displayed (at the top level of a block).
        case expression(Expression)
        /// `target = value`, `a, b = value`, `net[0].weight = value`, `x += 1`.
        case assignment(targets: [Expression], operator: AssignmentOperator, value: Expression)
        case function(FunctionLiteral)
        /// `for i in 0..<10 { }` or `for x, y in pairs { }`.
        case forLoop(variables: [String], iterable: Expression, body: [Statement])
        case whileLoop(condition: Expression, body: [Statement])
        case ifStatement(condition: Expression, then: [Statement], otherwise: [Statement]?)
        case returnStatement(Expression?)
        case breakStatement
        case continueStatement
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
