import Diagnostics
@_spi(Runtime) import Engine
import Language

/// An expression compiled once per block into a tree of objects, each evaluating itself.
///
/// Walking `Code.Expression` by a `switch` made Swift retain and copy the payloads of its
/// indirect enum at every node on every evaluation (about 40% of a scalar loop's time);
/// here the children are `let` properties of final classes, read without copying anything.
class ExpressionNode {
    let range: SourceRange

    init(range: SourceRange) {
        self.range = range
    }

    func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        preconditionFailure("every node overrides evaluate")
    }

    /// Whether this node is a name, a number literal, or `+ - * /` and negation on such
    /// nodes: what `ScalarProgramNode` computes as one `ScalarProgram` when the names are
    /// bound to numbers.
    var isScalarArithmetic: Bool { false }
}

/// Whether `ScalarProgramNode` tries its program before the general path. Not once its
/// names have turned out not to be numbers a few times in a row (a loop over tensors): each
/// such try reads them for nothing.
struct ScalarPath {
    static let missesAllowed = 4
    private(set) var isOn: Bool
    private var misses = 0

    init(_ isOn: Bool) {
        self.isOn = isOn
    }

    mutating func succeeded() {
        misses = 0
    }

    mutating func missed() {
        misses += 1
        if misses == Self.missesAllowed { isOn = false }
    }
}

final class ConstantNode: ExpressionNode {
    let value: Value
    /// The value, when it is a number.
    let number: Double?

    init(_ value: Value, range: SourceRange) {
        self.value = value
        if case .tensor(let t) = value, !t.isTracked, t.rank == 0 {
            number = t.scalar
        } else {
            number = nil
        }
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value { value }

    override var isScalarArithmetic: Bool { number != nil }
}

/// A name of the notebook, of the running function or of one around it.
final class NameNode: ExpressionNode {
    let slot: NameSlot
    let name: Label?

    init(slot: NameSlot, name: Label?, range: SourceRange) {
        self.slot = slot
        self.name = name
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        try slot.read(interpreter, frame, name: name, at: range)
    }

    override var isScalarArithmetic: Bool { true }
}

/// A binary operator other than `and` and `or`.
final class BinaryNode: ExpressionNode {
    let op: BinaryOperator
    let left: ExpressionNode
    let right: ExpressionNode
    /// A constant operand, used where it is kept (a `let`, which Swift lends without copying).
    private let constantSide: Side
    private let constant: Value
    /// The operation, when this is `+ - * /`.
    let scalarOperation: ScalarOperation?
    /// Kept rather than computed, so that compiling a long chain asks each node once.
    private let scalarArithmetic: Bool

    private enum Side { case none, left, right }

    init(_ op: BinaryOperator, _ left: ExpressionNode, _ right: ExpressionNode, range: SourceRange) {
        self.op = op
        self.left = left
        self.right = right
        scalarOperation = Self.scalarOperation(op)
        scalarArithmetic = Self.isScalarArithmetic(op, left, right)
        if let left = left as? ConstantNode {
            (constantSide, constant) = (.left, left.value)
        } else if let right = right as? ConstantNode {
            (constantSide, constant) = (.right, right.value)
        } else {
            (constantSide, constant) = (.none, .none)
        }
        super.init(range: range)
    }

    override var isScalarArithmetic: Bool { scalarArithmetic }

    /// Whether `left op right` is scalar arithmetic (the compiler asks before building it).
    static func isScalarArithmetic(_ op: BinaryOperator, _ left: ExpressionNode, _ right: ExpressionNode) -> Bool {
        scalarOperation(op) != nil && left.isScalarArithmetic && right.isScalarArithmetic
    }

    static func scalarOperation(_ op: BinaryOperator) -> ScalarOperation? {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        default: return nil
        }
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        switch constantSide {
        case .left:
            return try interpreter.apply(op, constant, try right.evaluate(interpreter, frame), at: range, rightRange: right.range)
        case .right:
            return try interpreter.apply(op, try left.evaluate(interpreter, frame), constant, at: range, rightRange: right.range)
        case .none:
            let a = try left.evaluate(interpreter, frame)
            return try interpreter.apply(op, a, try right.evaluate(interpreter, frame), at: range, rightRange: right.range)
        }
    }
}

/// `and` and `or`, which evaluate their right operand only when it decides the result.
final class LogicNode: ExpressionNode {
    let isAnd: Bool
    let left: ExpressionNode
    let right: ExpressionNode

    init(isAnd: Bool, _ left: ExpressionNode, _ right: ExpressionNode, range: SourceRange) {
        self.isAnd = isAnd
        self.left = left
        self.right = right
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        let first = try interpreter.truth(left.evaluate(interpreter, frame), at: left.range)
        if first != isAnd { return .bool(first) }
        return .bool(try interpreter.truth(right.evaluate(interpreter, frame), at: right.range))
    }
}

final class UnaryNode: ExpressionNode {
    let op: UnaryOperator
    let operand: ExpressionNode
    private let scalarArithmetic: Bool

    init(_ op: UnaryOperator, _ operand: ExpressionNode, range: SourceRange) {
        self.op = op
        self.operand = operand
        scalarArithmetic = Self.isScalarArithmetic(op, operand)
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        try interpreter.apply(op, try operand.evaluate(interpreter, frame), at: range)
    }

    override var isScalarArithmetic: Bool { scalarArithmetic }

    /// Whether `op operand` is scalar arithmetic (the compiler asks before building it).
    static func isScalarArithmetic(_ op: UnaryOperator, _ operand: ExpressionNode) -> Bool {
        op == .negate && operand.isScalarArithmetic
    }
}

final class CallNode: ExpressionNode {
    struct Argument {
        let label: String?
        let value: ExpressionNode
    }

    let callee: ExpressionNode
    /// The built-in called, when the callee names one (it is then not evaluated).
    let builtin: Builtin?
    let arguments: [Argument]

    init(callee: ExpressionNode, builtin: Builtin?, arguments: [Argument], range: SourceRange) {
        self.callee = callee
        self.builtin = builtin
        self.arguments = arguments
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        var values: [CallArgument] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments {
            values.append((argument.label, try argument.value.evaluate(interpreter, frame), argument.value.range))
        }
        if let builtin { return try interpreter.call(builtin, values, at: range) }
        let function = try callee.evaluate(interpreter, frame)
        return try interpreter.call(function, values, at: range, calleeRange: callee.range)
    }
}

final class MemberNode: ExpressionNode {
    let base: ExpressionNode
    let name: String
    let nameRange: SourceRange

    init(_ base: ExpressionNode, _ name: String, nameRange: SourceRange, range: SourceRange) {
        self.base = base
        self.name = name
        self.nameRange = nameRange
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        try interpreter.member(try base.evaluate(interpreter, frame), name, at: nameRange)
    }
}
