import Diagnostics
@_spi(Runtime) import Engine

/// Arithmetic on names and numbers (`3.7 * x * (1 - x)`), computed and recorded as one
/// `ScalarProgram` when the names are bound to numbers, with no `Value` for the results in
/// between; otherwise, and for every error, by the node tree it was compiled from.
///
/// Walking the tree with a recorder cost a virtual call per node and one recorder call per
/// operation, more than the arithmetic and its entries on the tape. The names are read
/// before anything is recorded, so an expression that turns out to involve a tensor leaves
/// no entries behind on its way to the general path.
final class ScalarProgramNode: ExpressionNode {
    /// The expression as nodes, for the general path.
    let tree: ExpressionNode
    let program: ScalarProgram
    /// Where each input of `program` is read: each name once, however often it appears.
    let inputs: [NameSlot]
    private var scalarPath = ScalarPath(true)

    /// The program for `tree`, whose `isScalarArithmetic` is true.
    init(_ tree: ExpressionNode) {
        var steps: [ScalarProgram.Step] = []
        var inputs: [NameSlot] = []
        func input(_ slot: NameSlot) {
            if let k = inputs.firstIndex(of: slot) { return steps.append(.input(k)) }
            inputs.append(slot)
            steps.append(.input(inputs.count - 1))
        }
        func compile(_ node: ExpressionNode) {
            switch node {
            case let node as ConstantNode:
                steps.append(.constant(node.number!))
            case let node as NameNode:
                input(node.slot)
            case let node as BinaryNode:
                compile(node.left)
                compile(node.right)
                steps.append(.apply(node.scalarOperation!))
            case let node as UnaryNode:
                compile(node.operand)
                steps.append(.apply(.negate))
            default:
                preconditionFailure("ScalarProgramNode: \(type(of: node)) is not scalar arithmetic")
            }
        }
        compile(tree)
        self.tree = tree
        program = ScalarProgram(steps)
        self.inputs = inputs
        super.init(range: tree.range)
    }

    /// `node` itself, or the program for it when it is an operator on names and numbers.
    static func wrapping(_ node: ExpressionNode) -> ExpressionNode {
        guard node is BinaryNode || node is UnaryNode, node.isScalarArithmetic else { return node }
        return ScalarProgramNode(node)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        if scalarPath.isOn, let value = evaluateProgram(interpreter, frame) {
            scalarPath.succeeded()
            return value
        }
        if scalarPath.isOn { scalarPath.missed() }
        return try tree.evaluate(interpreter, frame)
    }

    /// The value by the program, or nil when a name is not bound to a number or a divisor
    /// is zero (an error the general path reports).
    private func evaluateProgram(_ interpreter: Interpreter, _ frame: Frame?) -> Value? {
        withUnsafeTemporaryAllocation(of: ScalarOperand.self, capacity: max(inputs.count, 1)) { operands -> Value? in
            let operands = operands.baseAddress.unsafelyUnwrapped
            for (k, slot) in inputs.enumerated() {
                // Nothing in the program can rebind a name, so the bindings keep the values alive.
                guard let operand = slot.operand(interpreter, frame) else { return nil }
                operands[k] = operand
            }
            var recorder = ScalarRecorder()
            guard let result = recorder.evaluate(program, operands) else { return nil }
            return .tensor(recorder.tensor(result))
        }
    }
}
