import Language

/// Turns the resolved `Code` tree into nodes that evaluate themselves, once per block (and
/// once per function, on its first call).
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
            if targets.count == 1, op.binary == nil, let (slot, name) = NameSlot.of(targets[0]) {
                return SlotAssignmentNode(slot: slot, name: name, value: compile(value), range: range)
            }
            return AssignmentNode(targets: targets, op: op, value: compile(value), range: range)
        case .function(let target, let function):
            return FunctionDefinitionNode(target: target, function: function, range: range)
        case .forLoop(let targets, let iterable, let body):
            return ForLoopNode(targets: targets, iterable: compile(iterable), body: compile(body), range: range)
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
        case .global(let slot):
            return GlobalNode(slot: slot, name: expression.name, range: range)
        case .local(let slot):
            return LocalNode(slot: slot, name: expression.name, range: range)
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
                if let builtin, builtin.takesVariables, case .list(let elements) = argument.value.kind {
                    return .init(label: argument.label, value: VariableListNode(elements.map(compile), range: argument.value.range))
                }
                return .init(label: argument.label, value: compile(argument.value))
            }
            return CallNode(callee: compile(callee), builtin: builtin, arguments: compiled, range: range)
        case .member(let base, let name, let nameRange):
            return MemberNode(compile(base), name, nameRange: nameRange, range: range)
        case .captured, .builtin, .list, .tuple, .subscripted, .function, .range, .comprehension, .formatted:
            return EvaluatedNode(expression)
        }
    }
}
