import Diagnostics
import Engine
import Language

/// An expression compiled once per block into a tree of objects, each evaluating itself.
///
/// Walking `Code.Expression` by a `switch` made Swift retain and copy the payloads of its
/// indirect enum at every node on every evaluation (about 40% of a scalar loop's time);
/// here the children are `let` properties of final classes, read without copying anything.
/// Kinds that are not hot go through `Interpreter.evaluate` (`EvaluatedNode`).
class ExpressionNode {
    let range: SourceRange

    init(range: SourceRange) {
        self.range = range
    }

    func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        preconditionFailure("every node overrides evaluate")
    }

    /// Whether `scalar` may give this node's value: true for names, number literals, and
    /// arithmetic on them: what `evaluateScalar` computes without a `Value` for each node.
    var isScalarArithmetic: Bool { false }

    /// The node's value as an operand of `recorder`, or nil when it is not a number (a
    /// tensor, an unbound name, a division by zero), for `evaluate` to deal with. Only
    /// nodes whose `isScalarArithmetic` is true override it.
    func scalar(_ interpreter: Interpreter, _ frame: Frame?, _ recorder: inout ScalarRecorder) -> ScalarOperand? {
        nil
    }

    /// The value by `scalar` with a recorder of its own, or nil (the operands were not all
    /// numbers) for the general path to compute it.
    final func evaluateScalar(_ interpreter: Interpreter, _ frame: Frame?, _ path: inout ScalarPath) -> Value? {
        var recorder = ScalarRecorder()
        if let result = scalar(interpreter, frame, &recorder) {
            path.succeeded()
            return .tensor(recorder.tensor(result))
        }
        path.missed()
        return nil
    }
}

/// Whether an arithmetic node tries `ExpressionNode.scalar` before the general path. Not
/// once its operands have turned out not to be numbers a few times in a row (a loop over
/// tensors): each such try reads them for nothing, and may have recorded part of the
/// expression before finding the tensor, entries that nothing then uses.
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
    /// The value as an operand, when it is a number.
    private let number: ScalarOperand?

    init(_ value: Value, range: SourceRange) {
        self.value = value
        if case .tensor(let t) = value, !t.isTracked {
            number = ScalarRecorder.operand(t)
        } else {
            number = nil
        }
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value { value }

    override var isScalarArithmetic: Bool { number != nil }

    override func scalar(_ interpreter: Interpreter, _ frame: Frame?, _ recorder: inout ScalarRecorder) -> ScalarOperand? {
        number
    }
}

/// The operand for the value bound to a name, when it is a number. It takes no reference:
/// the binding keeps the value alive while the expression is evaluated, since nothing in
/// scalar arithmetic can rebind a name.
@inline(__always)
private func boundOperand(_ value: borrowing Value?) -> ScalarOperand? {
    switch value {
    case .tensor(let t): return ScalarRecorder.operand(t)
    default: return nil
    }
}

final class GlobalNode: ExpressionNode {
    let slot: Int
    let name: Label?

    init(slot: Int, name: Label?, range: SourceRange) {
        self.slot = slot
        self.name = name
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        guard let value = interpreter.globals.values[slot] else {
            throw interpreter.undefined(name?.name ?? "?", at: range, frame: frame)
        }
        return value
    }

    override var isScalarArithmetic: Bool { true }

    override func scalar(_ interpreter: Interpreter, _ frame: Frame?, _ recorder: inout ScalarRecorder) -> ScalarOperand? {
        boundOperand(interpreter.globals.values[slot])
    }
}

final class LocalNode: ExpressionNode {
    let slot: Int
    let name: Label?

    init(slot: Int, name: Label?, range: SourceRange) {
        self.slot = slot
        self.name = name
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        guard let value = frame!.slots[slot] else {
            throw RuntimeError("'\(name?.name ?? "?")' is used before it is given a value", at: range)
        }
        return value
    }

    override var isScalarArithmetic: Bool { true }

    override func scalar(_ interpreter: Interpreter, _ frame: Frame?, _ recorder: inout ScalarRecorder) -> ScalarOperand? {
        boundOperand(frame!.slots[slot])
    }
}

/// A binary operator other than `and` and `or`, with a direct path for scalar and tensor
/// arithmetic (the common case) that skips the general dispatch in `apply`.
final class BinaryNode: ExpressionNode {
    let op: BinaryOperator
    let left: ExpressionNode
    let right: ExpressionNode
    /// A constant operand, used where it is kept (a `let`, which Swift lends without copying).
    private let constantSide: Side
    private let constant: Value
    /// The operation, when this is `+ - * /` on names, numbers and such arithmetic.
    private let scalarOperation: ScalarOperation?
    private var scalarPath: ScalarPath

    private enum Side { case none, left, right }

    init(_ op: BinaryOperator, _ left: ExpressionNode, _ right: ExpressionNode, range: SourceRange) {
        self.op = op
        self.left = left
        self.right = right
        switch op {
        case .add: scalarOperation = .add
        case .subtract: scalarOperation = .subtract
        case .multiply: scalarOperation = .multiply
        case .divide: scalarOperation = .divide
        default: scalarOperation = nil
        }
        scalarPath = ScalarPath(scalarOperation != nil && left.isScalarArithmetic && right.isScalarArithmetic)
        if let left = left as? ConstantNode {
            (constantSide, constant) = (.left, left.value)
        } else if let right = right as? ConstantNode {
            (constantSide, constant) = (.right, right.value)
        } else {
            (constantSide, constant) = (.none, .none)
        }
        super.init(range: range)
    }

    override var isScalarArithmetic: Bool { scalarPath.isOn }

    override func scalar(_ interpreter: Interpreter, _ frame: Frame?, _ recorder: inout ScalarRecorder) -> ScalarOperand? {
        guard let a = left.scalar(interpreter, frame, &recorder), let b = right.scalar(interpreter, frame, &recorder) else {
            return nil
        }
        // Dividing by zero is an error, which the general path reports.
        if scalarOperation == .divide && b.number == 0 { return nil }
        return recorder.record(scalarOperation.unsafelyUnwrapped, a, b)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        if scalarPath.isOn, let value = evaluateScalar(interpreter, frame, &scalarPath) { return value }
        switch constantSide {
        case .left:
            let b = try right.evaluate(interpreter, frame)
            if let result = try arithmetic(constant, b) { return result }
            return try interpreter.apply(op, constant, b, at: range, rightRange: right.range)
        case .right:
            let a = try left.evaluate(interpreter, frame)
            if let result = try arithmetic(a, constant) { return result }
            return try interpreter.apply(op, a, constant, at: range, rightRange: right.range)
        case .none:
            let a = try left.evaluate(interpreter, frame)
            let b = try right.evaluate(interpreter, frame)
            if let result = try arithmetic(a, b) { return result }
            return try interpreter.apply(op, a, b, at: range, rightRange: right.range)
        }
    }

    /// The operands are borrowed: matching them where they were evaluated made Swift retain
    /// a copy of each tensor (an atomic increment of the tape's count) for every operation.
    @inline(never)
    private func arithmetic(_ a: borrowing Value, _ b: borrowing Value) throws -> Value? {
        // A `switch` borrows its subject where `if case` would consume (copy) it.
        switch a {
        case .tensor(let x):
            switch b {
            case .tensor(let y):
                do throws(EngineError) {
                    switch op {
                    case .add: return .tensor(try x + y)
                    case .subtract: return .tensor(try x - y)
                    case .multiply: return .tensor(try x * y)
                    default: return nil
                    }
                } catch {
                    throw RuntimeError(error, at: range)
                }
            default: return nil
            }
        default: return nil
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

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        let first = try interpreter.truth(left.evaluate(interpreter, frame), at: left.range)
        if first != isAnd { return .bool(first) }
        return .bool(try interpreter.truth(right.evaluate(interpreter, frame), at: right.range))
    }
}

final class UnaryNode: ExpressionNode {
    let op: UnaryOperator
    let operand: ExpressionNode
    private var scalarPath: ScalarPath

    init(_ op: UnaryOperator, _ operand: ExpressionNode, range: SourceRange) {
        self.op = op
        self.operand = operand
        scalarPath = ScalarPath(op == .negate && operand.isScalarArithmetic)
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        if scalarPath.isOn, let value = evaluateScalar(interpreter, frame, &scalarPath) { return value }
        return try interpreter.apply(op, try operand.evaluate(interpreter, frame), at: range)
    }

    override var isScalarArithmetic: Bool { scalarPath.isOn }

    override func scalar(_ interpreter: Interpreter, _ frame: Frame?, _ recorder: inout ScalarRecorder) -> ScalarOperand? {
        operand.scalar(interpreter, frame, &recorder).map { recorder.negate($0) }
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

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
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

/// A list literal given to a built-in that takes variables: its elements themselves, so
/// SGD([w, b]) updates w and b rather than a stacked copy of them.
final class VariableListNode: ExpressionNode {
    let elements: [ExpressionNode]

    init(_ elements: [ExpressionNode], range: SourceRange) {
        self.elements = elements
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        .list(try interpreter.nestable(try elements.map { try $0.evaluate(interpreter, frame) }, at: range))
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

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        try interpreter.member(try base.evaluate(interpreter, frame), name, at: nameRange)
    }
}

/// Any other expression, evaluated by walking its `Code` tree.
final class EvaluatedNode: ExpressionNode {
    let expression: Code.Expression

    init(_ expression: Code.Expression) {
        self.expression = expression
        super.init(range: expression.range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws -> Value {
        try interpreter.evaluate(expression, frame)
    }
}
