import Diagnostics
@_spi(Runtime) import Engine
import Language

/// A statement compiled once per block (see `ExpressionNode` for why not the `Code` tree).
/// At the notebook's level (`displaying`) bare expressions show their values.
class StatementNode {
    let range: SourceRange

    init(range: SourceRange) {
        self.range = range
    }

    func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        preconditionFailure("every node overrides execute")
    }
}

final class ExpressionStatementNode: StatementNode {
    let expression: ExpressionNode

    init(_ expression: ExpressionNode, range: SourceRange) {
        self.expression = expression
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        let value = try expression.evaluate(interpreter, frame)
        if displaying { try interpreter.show(value, at: range) }
        return .normal
    }
}

/// `name = value` for a global or a local of the current function: the common assignment.
final class SlotAssignmentNode: StatementNode {
    let slot: NameSlot
    let name: Label
    let value: ExpressionNode

    init(slot: NameSlot, name: Label, value: ExpressionNode, range: SourceRange) {
        self.slot = slot
        self.name = name
        self.value = value
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        let result = try value.evaluate(interpreter, frame)
        if let replacement = Interpreter.rebound(result, name: name, loopVariable: false) {
            slot.store(replacement, interpreter, frame)
        } else {
            slot.store(consume result, interpreter, frame)
        }
        return .normal
    }
}

/// Any other assignment: several targets, `+=` and the like, members and elements.
final class AssignmentNode: StatementNode {
    let targets: [TargetNode]
    let op: AssignmentOperator
    let value: ExpressionNode

    init(targets: [TargetNode], op: AssignmentOperator, value: ExpressionNode, range: SourceRange) {
        self.targets = targets
        self.op = op
        self.value = value
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        var result = try value.evaluate(interpreter, frame)
        if let binary = op.binary {
            let current = try interpreter.read(targets[0], frame, at: range)
            result = try interpreter.apply(binary, current, result, at: range)
        }
        try interpreter.assign(result, to: targets, frame, at: value.range)
        return .normal
    }
}

final class FunctionDefinitionNode: StatementNode {
    let target: TargetNode
    let function: Code.Function

    init(target: TargetNode, function: Code.Function, range: SourceRange) {
        self.target = target
        self.function = function
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        try interpreter.write(.function(try interpreter.closure(function, frame)), to: target, frame, at: range)
        return .normal
    }
}

final class ForLoopNode: StatementNode {
    let targets: [TargetNode]
    let iterable: ExpressionNode
    let body: StatementNode
    /// Where the loop variable goes, when it is one name of the notebook or the function.
    private let loopSlot: NameSlot?
    /// The body as one block of arithmetic, when it is only that (see `ScalarLoopBody`).
    private let scalarBody: ScalarLoopBody?

    init(targets: [TargetNode], iterable: ExpressionNode, body: [StatementNode], range: SourceRange) {
        self.targets = targets
        self.iterable = iterable
        self.body = SequenceNode.block(body, range: range)
        loopSlot = targets.count == 1 ? targets[0].name?.slot : nil
        scalarBody = loopSlot.flatMap { ScalarLoopBody.compile(body, loopVariable: $0) }
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        let values = try iterable.evaluate(interpreter, frame)
        var flow = Interpreter.Flow.normal
        // A range into one name: the loop variable goes straight into its slot.
        if case .range(let low, let high) = values, let loopSlot {
            if let scalarBody, scalarBody.isOn {
                try scalarBody.run(from: low, to: high, interpreter, frame, at: range)
                return .normal
            }
            var i = low
            while i < high {
                try interpreter.budget.tick(at: range)
                loopSlot.store(.number(Double(i)), interpreter, frame)
                flow = try body.execute(interpreter, frame, displaying: displaying)
                switch flow {
                case .normal, .continueLoop: flow = .normal
                case .breakLoop: return .normal
                case .returned: return flow
                }
                i += 1
            }
            return .normal
        }
        try interpreter.iterate(values, at: iterable.range) { (element) throws(RuntimeError) in
            try interpreter.budget.tick(at: range)
            try interpreter.assign(element, to: targets, frame, at: iterable.range, bindingLoopVariable: true)
            flow = try body.execute(interpreter, frame, displaying: displaying)
            switch flow {
            case .breakLoop: flow = .normal; return false
            case .continueLoop: flow = .normal; return true
            case .returned: return false
            case .normal: return true
            }
        }
        return flow
    }
}

final class WhileLoopNode: StatementNode {
    let condition: ExpressionNode
    let body: StatementNode

    init(condition: ExpressionNode, body: StatementNode, range: SourceRange) {
        self.condition = condition
        self.body = body
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        while try interpreter.truth(condition.evaluate(interpreter, frame), at: condition.range) {
            try interpreter.budget.tick(at: range)
            let flow = try body.execute(interpreter, frame, displaying: displaying)
            switch flow {
            case .breakLoop: return .normal
            case .continueLoop, .normal: continue
            case .returned: return flow
            }
        }
        return .normal
    }
}

final class IfNode: StatementNode {
    let condition: ExpressionNode
    /// The branches as lists, for a function whose value is that of its last `if`.
    let then: [StatementNode]
    let otherwise: [StatementNode]?
    private let thenBlock: StatementNode
    private let otherwiseBlock: StatementNode?

    init(condition: ExpressionNode, then: [StatementNode], otherwise: [StatementNode]?, range: SourceRange) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        thenBlock = SequenceNode.block(then, range: range)
        otherwiseBlock = otherwise.map { SequenceNode.block($0, range: range) }
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        if try interpreter.truth(condition.evaluate(interpreter, frame), at: condition.range) {
            return try thenBlock.execute(interpreter, frame, displaying: displaying)
        } else if let otherwiseBlock {
            return try otherwiseBlock.execute(interpreter, frame, displaying: displaying)
        }
        return .normal
    }
}

final class ReturnNode: StatementNode {
    let value: ExpressionNode?

    init(_ value: ExpressionNode?, range: SourceRange) {
        self.value = value
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        guard frame != nil else { throw RuntimeError("'return' outside a function", at: range) }
        return .returned(try value.map { (item) throws(RuntimeError) in try item.evaluate(interpreter, frame) } ?? .none)
    }
}

final class BreakNode: StatementNode {
    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow { .breakLoop }
}

final class ContinueNode: StatementNode {
    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow { .continueLoop }
}

/// Statements run in order, as a balanced tree of pairs: each child is a `let` of a final
/// class, called without the retain and release that running an array's elements costs on
/// every pass of a loop, and the tree is only as deep as the logarithm of its length.
final class SequenceNode: StatementNode {
    let first: StatementNode
    let second: StatementNode

    private init(_ first: StatementNode, _ second: StatementNode, range: SourceRange) {
        self.first = first
        self.second = second
        super.init(range: range)
    }

    static func block(_ statements: [StatementNode], range: SourceRange) -> StatementNode {
        block(statements[...], range: range)
    }

    private static func block(_ statements: ArraySlice<StatementNode>, range: SourceRange) -> StatementNode {
        switch statements.count {
        case 0: return EmptyNode(range: range)
        case 1: return statements.first!
        default:
            let middle = statements.startIndex + statements.count / 2
            return SequenceNode(block(statements[..<middle], range: range), block(statements[middle...], range: range), range: range)
        }
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow {
        let flow = try first.execute(interpreter, frame, displaying: displaying)
        if case .normal = flow { return try second.execute(interpreter, frame, displaying: displaying) }
        return flow
    }
}

final class EmptyNode: StatementNode {
    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Interpreter.Flow { .normal }
}
