import Diagnostics
@_spi(Runtime) import Engine
import Language

extension Interpreter {
    func evaluate(_ expression: Code.Expression, _ frame: Frame?) throws -> Value {
        switch expression.kind {
        case .constant(let value):
            return value
        case .global(let slot):
            guard let value = globals.values[slot] else {
                throw undefined(expression.name?.name ?? "?", at: expression.range, frame: frame)
            }
            return value
        case .local(let slot):
            guard let value = frame!.slots[slot] else {
                throw RuntimeError("'\(expression.name?.name ?? "?")' is used before it is given a value", at: expression.range)
            }
            return value
        case .captured(let depth, let slot):
            var current = frame
            for _ in 0..<depth { current = current?.parent }
            guard let value = current?.slots[slot] else {
                throw RuntimeError("'\(expression.name?.name ?? "?")' is used before it is given a value", at: expression.range)
            }
            return value
        case .builtin(let builtin):
            return .function(builtin.callable)
        case .list(let elements):
            return try makeList(elements.map { try evaluate($0, frame) }, ranges: elements.map(\.range), at: expression.range)
        case .tuple(let elements):
            return .tuple(try nestable(try elements.map { try evaluate($0, frame) }, at: expression.range))
        case .unary(let op, let operand):
            return try apply(op, try evaluate(operand, frame), at: expression.range)
        case .binary(.and, let left, let right):
            guard try truth(evaluate(left, frame), at: left.range) else { return .bool(false) }
            return .bool(try truth(evaluate(right, frame), at: right.range))
        case .binary(.or, let left, let right):
            if try truth(evaluate(left, frame), at: left.range) { return .bool(true) }
            return .bool(try truth(evaluate(right, frame), at: right.range))
        case .binary(let op, let left, let right):
            let a = try evaluate(left, frame)
            let b = try evaluate(right, frame)
            return try apply(op, a, b, at: expression.range, rightRange: right.range)
        case .call(let callee, let arguments):
            if case .builtin(let builtin) = callee.kind {
                // Built-ins that take variables get a list literal's elements themselves, so
                // SGD([w, b]) updates w and b rather than a stacked copy of them.
                let values = try arguments.map { argument -> CallArgument in
                    if builtin.takesVariables, case .list(let elements) = argument.value.kind {
                        return (argument.label, .list(try nestable(try elements.map { try evaluate($0, frame) }, at: argument.value.range)),
                                argument.value.range)
                    }
                    return (argument.label, try evaluate(argument.value, frame), argument.value.range)
                }
                return try call(builtin, values, at: expression.range)
            }
            let values = try arguments.map { (label: $0.label, value: try evaluate($0.value, frame), range: $0.value.range) }
            let function = try evaluate(callee, frame)
            return try call(function, values, at: expression.range, calleeRange: callee.range)
        case .subscripted(let base, let indices):
            return try subscripted(try evaluate(base, frame), indices, frame, at: expression.range)
        case .member(let base, let name, let nameRange):
            return try member(try evaluate(base, frame), name, at: nameRange)
        case .function(let function):
            return .function(try closure(function, frame))
        case .range(let low, let high):
            let a = try integer(try evaluate(low, frame), at: low.range, what: "the start of a range")
            let b = try integer(try evaluate(high, frame), at: high.range, what: "the end of a range")
            return .range(a, b)
        case .comprehension(let comprehension):
            return try evaluate(comprehension, frame, at: expression.range)
        case .formatted(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece):
                    text += piece
                case .value(let value, let spec, let range):
                    text += try FormatSpec.format(try evaluate(value, frame), spec, at: range)
                }
                guard text.utf8.count <= ValueFormatter.longestText else {
                    throw RuntimeError("a formatted string of more than \(ValueFormatter.longestText) characters", at: expression.range)
                }
            }
            return .string(text)
        }
    }

    /// Every pass through the clauses, in order, gives one element; the elements make a list
    /// as a list literal's do.
    private func evaluate(_ comprehension: Code.Comprehension, _ frame: Frame?, at range: SourceRange) throws -> Value {
        let inner = Frame(size: comprehension.frameSize, parent: frame)
        var elements: [Value] = []
        func pass(_ clause: Int) throws {
            guard clause < comprehension.clauses.count else {
                try budget.tick(at: range)
                elements.append(try evaluate(comprehension.element, inner))
                return
            }
            switch comprehension.clauses[clause] {
            case .iteration(let targets, let iterable, let clauseRange):
                try iterate(try evaluate(iterable, inner), at: iterable.range) { element in
                    try assign(element, to: targets, inner, at: clauseRange, bindingLoopVariable: true)
                    try pass(clause + 1)
                    return true
                }
            case .condition(let condition):
                if try truth(try evaluate(condition, inner), at: condition.range) { try pass(clause + 1) }
            }
        }
        try pass(0)
        return try makeList(elements, ranges: Array(repeating: comprehension.element.range, count: elements.count), at: range)
    }

    func closure(_ function: Code.Function, _ frame: Frame?) throws -> Callable {
        let defaults = try function.defaults.map { try $0.map { try evaluate($0, frame) } }
        return Callable(.user(function, frame: frame, defaults: defaults))
    }

    /// A list literal: a tensor when every element is a tensor of one shape (stacked along
    /// a new first axis, recording the stacking if any element carries a gradient), else a list.
    func makeList(_ values: [Value], ranges: [SourceRange], at range: SourceRange) throws -> Value {
        // [] is an empty list: `append` turns it into a tensor of rows as items arrive.
        if values.isEmpty { return .list([]) }
        var tensors: [Tensor] = []
        for value in values {
            guard case .tensor(let t) = value else { return .list(try nestable(values, at: range)) }
            tensors.append(t)
        }
        let shape = tensors[0].shape
        // Tensors of different shapes stay a list (for concat); used as a tensor, it is an error.
        if tensors.contains(where: { $0.shape != shape }) { return .list(values) }
        let stackedShape = Shape([tensors.count] + shape.dims)
        try engine(at: range) { try Engine.Limits.check(stackedShape) }
        if !tensors.contains(where: \.isTracked) {
            var values: [Double] = []
            values.reserveCapacity(stackedShape.count)
            for t in tensors { values += t.value.values }
            return .tensor(Tensor(NDArray(shape: stackedShape, values: values)))
        }
        let rows = try tensors.map { t in try engine(at: range) { try t.reshaped(Shape([1] + shape.dims)) } }
        return .tensor(try engine(at: range) { try Tensor.concatenate(rows, axis: 0) })
    }

    /// `items`, unless a list or tuple of them would nest too deeply.
    func nestable(_ items: [Value], at range: SourceRange) throws -> [Value] {
        if let problem = Value.nestingProblem(items) {
            throw RuntimeError(problem, at: range, notes: [.init("build a flat list, or a tensor, rather than nesting one inside the next")])
        }
        return items
    }

    func integer(_ value: Value, at range: SourceRange, what: String) throws -> Int {
        guard case .tensor(let t) = value, t.rank == 0, let x = t.scalar else {
            throw RuntimeError("\(what) must be a whole number, not a \(value.typeName)", at: range)
        }
        guard x == x.rounded(), abs(x) < 1e15 else {
            throw RuntimeError("\(what) must be a whole number, not \(ValueFormatter.inline(value))", at: range)
        }
        return Int(x)
    }

    /// A value as a tensor: tensors as they are; lists of equal-shaped tensors stacked.
    func tensor(from value: Value, at range: SourceRange, what: String) throws -> Tensor {
        switch value {
        case .tensor(let t): return t
        case .bool(let b): return Tensor(b ? 1 : 0)
        case .tuple(let items) where !items.isEmpty && items.allSatisfy({ if case .tensor(let t) = $0 { return t.rank == 0 }; return false }):
            // A tuple of numbers (a shape, say) is a vector.
            return Tensor(NDArray(items.map { if case .tensor(let t) = $0 { return t.scalar! }; return 0 }))
        case .list(let items):
            let tensors = items.compactMap { item -> Tensor? in if case .tensor(let t) = item { return t }; return nil }
            guard tensors.count == items.count, let first = tensors.first?.shape else {
                throw RuntimeError("\(what) must be a number or a tensor, not a list", at: range)
            }
            if let odd = tensors.first(where: { $0.shape != first }) {
                throw RuntimeError("\(what) must be a tensor, but its rows have different shapes: \(first) and \(odd.shape)", at: range,
                                   notes: [.init("a list of numbers or of equal-shaped tensors is a tensor")])
            }
            let rows = try tensors.map { t in try engine(at: range) { try t.reshaped(Shape([1] + first.dims)) } }
            return try engine(at: range) { try Tensor.concatenate(rows, axis: 0) }
        default:
            throw RuntimeError("\(what) must be a number or a tensor, not a \(value.typeName)", at: range)
        }
    }

    /// The truth of a condition: a boolean, or a number (nonzero is true).
    func truth(_ value: Value, at range: SourceRange) throws -> Bool {
        switch value {
        case .bool(let b): return b
        case .tensor(let t) where t.value.count == 1: return t.scalar! != 0
        case .tensor(let t):
            throw RuntimeError("a condition must be true or false, not a tensor of shape \(t.shape)", at: range,
                               notes: [.init("reduce it first, e.g. with all(...) or any(...)")])
        default:
            throw RuntimeError("a condition must be true or false, not a \(value.typeName)", at: range)
        }
    }
}
