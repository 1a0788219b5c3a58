import Diagnostics
@_spi(Runtime) import Engine
import Language

/// `[a, b, c]`: a tensor when its elements are tensors of one shape, else a list (see
/// `Interpreter.makeList`).
final class ListNode: ExpressionNode {
    let elements: [ExpressionNode]

    init(_ elements: [ExpressionNode], range: SourceRange) {
        self.elements = elements
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        try interpreter.makeList(try elements.map { (item) throws(RuntimeError) in try item.evaluate(interpreter, frame) }, at: range)
    }
}

/// `(a, b)`; and a list literal given to a built-in that takes variables (`asList`), whose
/// elements stay themselves, so SGD([w, b]) updates w and b rather than a stacked copy.
final class TupleNode: ExpressionNode {
    let elements: [ExpressionNode]
    let asList: Bool

    init(_ elements: [ExpressionNode], asList: Bool, range: SourceRange) {
        self.elements = elements
        self.asList = asList
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        let items = try interpreter.nestable(try elements.map { (item) throws(RuntimeError) in try item.evaluate(interpreter, frame) }, at: range)
        return asList ? .list(items) : .tuple(items)
    }
}

/// `low..<high`.
final class RangeNode: ExpressionNode {
    let low: ExpressionNode
    let high: ExpressionNode

    init(_ low: ExpressionNode, _ high: ExpressionNode, range: SourceRange) {
        self.low = low
        self.high = high
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        let a = try interpreter.integer(try low.evaluate(interpreter, frame), at: low.range, what: "the start of a range")
        let b = try interpreter.integer(try high.evaluate(interpreter, frame), at: high.range, what: "the end of a range")
        return .range(a, b)
    }
}

/// `base[indices]`.
final class SubscriptNode: ExpressionNode {
    let base: ExpressionNode
    let indices: [IndexNode]

    init(_ base: ExpressionNode, _ indices: [IndexNode], range: SourceRange) {
        self.base = base
        self.indices = indices
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        try interpreter.subscripted(try base.evaluate(interpreter, frame), indices, frame, at: range)
    }
}

/// A function literal (`fn (x) { ... }`): a closure over the frame it is evaluated in.
final class FunctionNode: ExpressionNode {
    let function: Code.Function

    init(_ function: Code.Function, range: SourceRange) {
        self.function = function
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        .function(try interpreter.closure(function, frame))
    }
}

/// `[element for x in xs if condition]`: every pass through the clauses, in order, gives
/// one element; the elements make a list as a list literal's do.
final class ComprehensionNode: ExpressionNode {
    enum Clause {
        case iteration([TargetNode], ExpressionNode, SourceRange)
        case condition(ExpressionNode)
    }

    let element: ExpressionNode
    let clauses: [Clause]
    let frameSize: Int

    init(_ comprehension: Code.Comprehension, range: SourceRange) {
        element = Compiler.compile(comprehension.element)
        clauses = comprehension.clauses.map { clause in
            switch clause {
            case .iteration(let targets, let iterable, let range):
                return .iteration(targets.map(Compiler.compile), Compiler.compile(iterable), range)
            case .condition(let condition):
                return .condition(Compiler.compile(condition))
            }
        }
        frameSize = comprehension.frameSize
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        let inner = Frame(size: frameSize, parent: frame)
        var elements: [Value] = []
        func pass(_ clause: Int) throws(RuntimeError) {
            guard clause < clauses.count else {
                try interpreter.budget.tick(at: range)
                elements.append(try element.evaluate(interpreter, inner))
                return
            }
            switch clauses[clause] {
            case .iteration(let targets, let iterable, let clauseRange):
                try interpreter.iterate(try iterable.evaluate(interpreter, inner), at: iterable.range) { (item) throws(RuntimeError) in
                    try interpreter.assign(item, to: targets, inner, at: clauseRange, bindingLoopVariable: true)
                    try pass(clause + 1)
                    return true
                }
            case .condition(let condition):
                if try interpreter.truth(try condition.evaluate(interpreter, inner), at: condition.range) { try pass(clause + 1) }
            }
        }
        try pass(0)
        return try interpreter.makeList(elements, at: range)
    }
}

/// `f"..."`: text and values, each value with its format.
final class FormattedNode: ExpressionNode {
    enum Part {
        case text(String)
        case value(ExpressionNode, FormatSpec?, SourceRange)
    }

    let parts: [Part]

    init(_ parts: [Part], range: SourceRange) {
        self.parts = parts
        super.init(range: range)
    }

    override func evaluate(_ interpreter: Interpreter, _ frame: Frame?) throws(RuntimeError) -> Value {
        var text = ""
        for part in parts {
            switch part {
            case .text(let piece):
                text += piece
            case .value(let value, let spec, let range):
                text += try FormatSpec.format(try value.evaluate(interpreter, frame), spec, at: range)
            }
            guard text.utf8.count <= ValueFormatter.longestText else {
                throw RuntimeError("a formatted string of more than \(ValueFormatter.longestText) characters", at: range)
            }
        }
        return .string(text)
    }
}
