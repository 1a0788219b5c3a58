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
        /// `[element for x in xs if condition]`: the element for every pass through the
        /// clauses, as a list literal makes it (a tensor when the elements are numbers or
        /// tensors of one shape). The loop variables are the comprehension's own.
        case comprehension(element: Expression, clauses: [ComprehensionClause])
        /// `f"lr = {lr:.3f}"`: text with the values of expressions in it.
        case formatted([FormattedPart])
    }

    public var kind: Kind { didSet { height = Self.height(of: kind) } }
    public var range: SourceRange
    /// Levels of the tree under and including this node (a leaf is 1): how deep every pass
    /// that walks the tree recurses, so the parser can refuse trees that would exhaust the stack.
    public private(set) var height: Int

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = Self.height(of: kind)
    }

    static func height(of kind: Kind) -> Int {
        switch kind {
        case .number, .string, .boolean, .identifier:
            return 1
        case .list(let elements), .tuple(let elements):
            return 1 + elements.reduce(0) { max($0, $1.height) }
        case .unary(_, let operand), .member(let operand, _, _):
            return 1 + operand.height
        case .binary(_, let left, let right), .range(let left, let right):
            return 1 + max(left.height, right.height)
        case .call(let callee, let arguments):
            return 1 + arguments.reduce(callee.height) { max($0, $1.value.height) }
        case .subscripted(let base, let indices):
            return 1 + indices.reduce(base.height) { max($0, $1.height) }
        case .function(let function):
            return 1 + function.height
        case .comprehension(let element, let clauses):
            return 1 + clauses.reduce(element.height) { max($0, $1.height) }
        case .formatted(let parts):
            return 1 + parts.reduce(0) { height, part in
                if case .value(let expression, _, _) = part { return max(height, expression.height) }
                return height
            }
        }
    }
}

/// A piece of a formatted string: text, or an expression with its format (`.3f`) and where
/// the whole `{...}` is.
public enum FormattedPart: Hashable, Sendable {
    case text(String)
    case value(Expression, format: String?, range: SourceRange)
}

/// A clause of a comprehension: `for a, b in xs` or `if condition`, in the order written
/// (each applies to the clauses after it, as Python's do).
public enum ComprehensionClause: Hashable, Sendable {
    case iteration(variables: [String], iterable: Expression, range: SourceRange)
    case condition(Expression)

    var height: Int {
        switch self {
        case .iteration(_, let iterable, _): return iterable.height
        case .condition(let condition): return condition.height
        }
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
    /// The height of the tallest expression in it.
    public var height: Int {
        switch self {
        case .index(let expression): return expression.height
        case .slice(let start, let end, let step, _):
            return max(start?.height ?? 0, end?.height ?? 0, step?.height ?? 0)
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
    /// The height of the tallest default value or statement of the body.
    public var height: Int {
        let defaults = parameters.reduce(0) { max($0, $1.defaultValue?.height ?? 0) }
        return body.reduce(defaults) { max($0, $1.height) }
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

    public var kind: Kind { didSet { height = Self.height(of: kind) } }
    public var range: SourceRange
    /// Levels of the tree under and including this statement (see `Expression.height`).
    public private(set) var height: Int

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = Self.height(of: kind)
    }

    static func height(of kind: Kind) -> Int {
        func tallest(_ statements: [Statement]?) -> Int { statements?.reduce(0) { max($0, $1.height) } ?? 0 }
        switch kind {
        case .expression(let expression):
            return 1 + expression.height
        case .assignment(let targets, _, let value):
            return 1 + targets.reduce(value.height) { max($0, $1.height) }
        case .function(let function):
            return 1 + function.height
        case .forLoop(_, let iterable, let body):
            return 1 + max(iterable.height, tallest(body))
        case .whileLoop(let condition, let body):
            return 1 + max(condition.height, tallest(body))
        case .ifStatement(let condition, let then, let otherwise):
            return 1 + max(condition.height, tallest(then), tallest(otherwise))
        case .returnStatement(let value):
            return 1 + (value?.height ?? 0)
        case .breakStatement, .continueStatement:
            return 1
        }
    }
}
