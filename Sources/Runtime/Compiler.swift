import Diagnostics
import Language

/// Turns the resolved `Code` tree into nodes that evaluate themselves, once per block (and
/// once per function, on its first call). Every construct of the language has its node:
/// nothing walks the `Code` tree at run time.
enum Compiler {
    static func compile(_ statements: [Code.Statement]) -> [StatementNode] {
        statements.map(compile)
    }

    static func compile(_ statement: Code.Statement) -> StatementNode {
        let range = statement.range
        switch statement.kind {
        case .expression(let expression):
            return ExpressionStatementNode(compile(expression), range: range)
        case .assignment(let targets, let op, let value):
            if targets.count == 1, op.binary == nil, case .name(let slot, let name) = targets[0] {
                return SlotAssignmentNode(slot: slot, name: name, value: compile(value), range: range)
            }
            return AssignmentNode(targets: targets.map(compile), op: op, value: compile(value), range: range)
        case .function(let target, let function):
            return FunctionDefinitionNode(target: compile(target), function: function, range: range)
        case .forLoop(let targets, let iterable, let body):
            return ForLoopNode(targets: targets.map(compile), iterable: compile(iterable), body: compile(body), range: range)
        case .whileLoop(let condition, let body):
            return WhileLoopNode(condition: compile(condition), body: SequenceNode.block(compile(body), range: range), range: range)
        case .ifStatement(let condition, let then, let otherwise):
            return IfNode(condition: compile(condition), then: compile(then), otherwise: otherwise.map(compile), range: range)
        case .returnStatement(let value):
            return ReturnNode(value.map(compile), range: range)
        case .breakStatement:
            return BreakNode(range: range)
        case .continueStatement:
            return ContinueNode(range: range)
        }
    }

    static func compile(_ target: Code.Target) -> TargetNode {
        switch target {
        case .name(let slot, let name):
            return .name(slot, name)
        case .member(let base, let name, let nameRange):
            return .member(compile(base), name, nameRange)
        case .subscripted(let base, let baseTarget, let indices, let range):
            return .subscripted(compile(base), compile(baseTarget), indices.map(compile), range)
        }
    }

    static func compile(_ index: Code.Index) -> IndexNode {
        switch index {
        case .index(let expression):
            return .index(compile(expression))
        case .slice(let start, let end, let step, _):
            return .slice(start: start.map(compile), end: end.map(compile), step: step.map(compile))
        }
    }

    /// The node for `expression`: arithmetic on names and numbers as one `ScalarProgramNode`.
    static func compile(_ expression: Code.Expression) -> ExpressionNode {
        ScalarProgramNode.wrapping(compileTree(expression))
    }

    /// The node tree for `expression`. Operands that are scalar arithmetic stay trees when
    /// their operator is too (the program of the whole covers them), and are programs of
    /// their own when it is not.
    private static func compileTree(_ expression: Code.Expression) -> ExpressionNode {
        let range = expression.range
        switch expression.kind {
        case .constant(let value):
            return ConstantNode(value, range: range)
        case .name(let slot):
            return NameNode(slot: slot, name: expression.name, range: range)
        case .builtin(let builtin):
            return ConstantNode(.function(builtin.callable), range: range)
        case .unary(let op, let operand):
            let node = compileTree(operand)
            return UnaryNode(op, UnaryNode.isScalarArithmetic(op, node) ? node : ScalarProgramNode.wrapping(node), range: range)
        case .binary(.and, let left, let right):
            return LogicNode(isAnd: true, compile(left), compile(right), range: range)
        case .binary(.or, let left, let right):
            return LogicNode(isAnd: false, compile(left), compile(right), range: range)
        case .binary(let op, let left, let right):
            let (left, right) = (compileTree(left), compileTree(right))
            if BinaryNode.isScalarArithmetic(op, left, right) {
                return BinaryNode(op, left, right, range: range)
            }
            return BinaryNode(op, ScalarProgramNode.wrapping(left), ScalarProgramNode.wrapping(right), range: range)
        case .call(let callee, let arguments):
            var builtin: Builtin?
            if case .builtin(let named) = callee.kind { builtin = named }
            let compiled = arguments.map { argument -> CallNode.Argument in
                // Built-ins that take variables get a list literal's elements themselves, so
                // SGD([w, b]) updates w and b rather than a stacked copy of them.
                if let builtin, builtin.takesVariables, case .list(let elements) = argument.value.kind {
                    return .init(label: argument.label, value: TupleNode(elements.map(compile), asList: true, range: argument.value.range))
                }
                return .init(label: argument.label, value: compile(argument.value))
            }
            return CallNode(callee: compile(callee), builtin: builtin, arguments: compiled, range: range)
        case .member(let base, let name, let nameRange):
            return MemberNode(compile(base), name, nameRange: nameRange, range: range)
        case .list(let elements):
            return ListNode(elements.map(compile), range: range)
        case .tuple(let elements):
            return TupleNode(elements.map(compile), asList: false, range: range)
        case .subscripted(let base, let indices):
            return SubscriptNode(compile(base), indices.map(compile), range: range)
        case .function(let function):
            return FunctionNode(function, range: range)
        case .range(let low, let high):
            return RangeNode(compile(low), compile(high), range: range)
        case .comprehension(let comprehension):
            return ComprehensionNode(comprehension, range: range)
        case .formatted(let parts):
            return FormattedNode(parts.map { part in
                switch part {
                case .text(let text): return .text(text)
                case .value(let value, let spec, let range): return .value(compile(value), spec, range)
                }
            }, range: range)
        }
    }
}
