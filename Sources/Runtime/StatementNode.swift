import Diagnostics
import Engine
import Language

/// A statement compiled once per block (see `ExpressionNode` for why not the `Code` tree).
/// At the notebook's level (`displaying`) bare expressions show their values.
class StatementNode {
    let range: SourceRange

    init(range: SourceRange) {
        self.range = range
    }

    func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        preconditionFailure("every node overrides execute")
    }
}

final class ExpressionStatementNode: StatementNode {
    let expression: ExpressionNode

    init(_ expression: ExpressionNode, range: SourceRange) {
        self.expression = expression
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        let value = try expression.evaluate(interpreter, frame)
        if displaying { try interpreter.show(value, at: range) }
        return .normal
    }
}

/// `name = value` for a global or a local of the current function: the common assignment.
final class SlotAssignmentNode: StatementNode {
    let isGlobal: Bool
    let slot: Int
    let name: Label
    let value: ExpressionNode

    init(isGlobal: Bool, slot: Int, name: Label, value: ExpressionNode, range: SourceRange) {
        self.isGlobal = isGlobal
        self.slot = slot
        self.name = name
        self.value = value
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        let result = try value.evaluate(interpreter, frame)
        if let replacement = Interpreter.rebound(result, name: name, loopVariable: false) {
            store(replacement, interpreter, frame)
        } else {
            store(consume result, interpreter, frame)
        }
        return .normal
    }

    @inline(__always)
    private func store(_ value: consuming Value, _ interpreter: Interpreter, _ frame: Frame?) {
        if isGlobal {
            interpreter.globals.values[slot] = value
        } else {
            frame!.slots[slot] = value
        }
    }
}

/// Any other assignment: several targets, `+=` and the like, members and elements.
final class AssignmentNode: StatementNode {
    let targets: [Code.Target]
    let op: AssignmentOperator
    let value: ExpressionNode

    init(targets: [Code.Target], op: AssignmentOperator, value: ExpressionNode, range: SourceRange) {
        self.targets = targets
        self.op = op
        self.value = value
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
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
    let target: Code.Target
    let function: Code.Function

    init(target: Code.Target, function: Code.Function, range: SourceRange) {
        self.target = target
        self.function = function
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        try interpreter.write(.function(try interpreter.closure(function, frame)), to: target, frame, at: range)
        return .normal
    }
}

final class ForLoopNode: StatementNode {
    let targets: [Code.Target]
    let iterable: ExpressionNode
    let body: [StatementNode]

    init(targets: [Code.Target], iterable: ExpressionNode, body: [StatementNode], range: SourceRange) {
        self.targets = targets
        self.iterable = iterable
        self.body = body
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        let values = try iterable.evaluate(interpreter, frame)
        var flow = Interpreter.Flow.normal
        // A range into one name: the loop variable goes straight into its slot.
        if case .range(let low, let high) = values, targets.count == 1 {
            let global: Int?, local: Int?
            switch targets[0] {
            case .global(let slot, _): (global, local) = (slot, nil)
            case .local(let slot, _): (global, local) = (nil, slot)
            default: (global, local) = (nil, nil)
            }
            if global != nil || local != nil {
                var i = low
                while i < high {
                    try interpreter.budget.tick(at: range)
                    if let global { interpreter.globals.values[global] = .number(Double(i)) } else { frame!.slots[local!] = .number(Double(i)) }
                    flow = try interpreter.execute(body, frame, displaying: displaying)
                    switch flow {
                    case .normal, .continueLoop: flow = .normal
                    case .breakLoop: return .normal
                    case .returned: return flow
                    }
                    i += 1
                }
                return .normal
            }
        }
        try interpreter.iterate(values, at: iterable.range) { element in
            try interpreter.budget.tick(at: range)
            try interpreter.assign(element, to: targets, frame, at: iterable.range, bindingLoopVariable: true)
            flow = try interpreter.execute(body, frame, displaying: displaying)
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
    let body: [StatementNode]

    init(condition: ExpressionNode, body: [StatementNode], range: SourceRange) {
        self.condition = condition
        self.body = body
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        while try interpreter.truth(condition.evaluate(interpreter, frame), at: condition.range) {
            try interpreter.budget.tick(at: range)
            let flow = try interpreter.execute(body, frame, displaying: displaying)
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
    let then: [StatementNode]
    let otherwise: [StatementNode]?

    init(condition: ExpressionNode, then: [StatementNode], otherwise: [StatementNode]?, range: SourceRange) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(range: range)
    }

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        if try interpreter.truth(condition.evaluate(interpreter, frame), at: condition.range) {
            return try interpreter.execute(then, frame, displaying: displaying)
        } else if let otherwise {
            return try interpreter.execute(otherwise, frame, displaying: displaying)
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

    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow {
        guard frame != nil else { throw RuntimeError("'return' outside a function", at: range) }
        return .returned(try value.map { try $0.evaluate(interpreter, frame) } ?? .none)
    }
}

final class BreakNode: StatementNode {
    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow { .breakLoop }
}

final class ContinueNode: StatementNode {
    override func execute(_ interpreter: Interpreter, _ frame: Frame?, displaying: Bool) throws -> Interpreter.Flow { .continueLoop }
}
