import Diagnostics
@_spi(Runtime) import Engine
import Language

/// Values the constructs of the language make and take: closures, list literals, whole
/// numbers, tensors and conditions.
extension Interpreter {
    func closure(_ function: Code.Function, _ frame: Frame?) throws(RuntimeError) -> Callable {
        let defaults = try function.defaultNodes.map { (node) throws(RuntimeError) in try node.map { (node) throws(RuntimeError) in try node.evaluate(self, frame) } }
        return Callable(.user(function, frame: frame, defaults: defaults))
    }

    /// A list literal: a tensor when every element is a tensor of one shape (stacked along
    /// a new first axis, recording the stacking if any element carries a gradient), else a list.
    func makeList(_ values: [Value], at range: SourceRange) throws(RuntimeError) -> Value {
        // [] is an empty list: `append` turns it into a tensor of rows as items arrive.
        if values.isEmpty { return .list([]) }
        var tensors: [Tensor] = []
        for value in values {
            guard case .tensor(let t) = value else { return .list(try nestable(values, at: range)) }
            tensors.append(t)
        }
        // Tensors of different shapes stay a list (for concat); used as a tensor, it is an error.
        if tensors.contains(where: { $0.shape != tensors[0].shape }) { return .list(values) }
        return .tensor(try stacked(tensors, at: range))
    }

    /// Tensors of one shape along a new first axis: the stacking recorded when any of them
    /// carries a gradient, else their numbers copied side by side.
    func stacked(_ tensors: [Tensor], at range: SourceRange) throws(RuntimeError) -> Tensor {
        let shape = tensors[0].shape
        let stackedShape = Shape([tensors.count] + shape.dims)
        try engine(at: range) { () throws(EngineError) in try Engine.Limits.check(stackedShape) }
        if !tensors.contains(where: { $0.isTracked }) {
            var values: [Double] = []
            values.reserveCapacity(stackedShape.count)
            for t in tensors { values += t.value.values }
            return Tensor(NDArray(shape: stackedShape, values: values))
        }
        let rows = try tensors.map { (t) throws(RuntimeError) in try engine(at: range) { () throws(EngineError) in try t.reshaped(Shape([1] + shape.dims)) } }
        return try engine(at: range) { () throws(EngineError) in try Tensor.concatenate(rows, axis: 0) }
    }

    /// `items`, unless a list or tuple of them would nest too deeply.
    func nestable(_ items: [Value], at range: SourceRange) throws(RuntimeError) -> [Value] {
        if let problem = Value.nestingProblem(items) {
            throw RuntimeError(problem, at: range, notes: [.init("build a flat list, or a tensor, rather than nesting one inside the next")])
        }
        return items
    }

    /// Whole numbers below this (in magnitude) are the language's integers: 10^15, or what an
    /// `Int` holds where that is less (2^31 - 1 in WebAssembly's 32 bits).
    static let wholeNumberLimit = Swift.min(1e15, Double(Int.max))

    func integer(_ value: Value, at range: SourceRange, what: String) throws(RuntimeError) -> Int {
        guard case .tensor(let t) = value, t.rank == 0, let x = t.scalar else {
            throw RuntimeError("\(what) must be a whole number, not a \(value.typeName)", at: range)
        }
        guard x == x.rounded(), abs(x) < Interpreter.wholeNumberLimit else {
            throw RuntimeError("\(what) must be a whole number, not \(ValueFormatter.inline(value))", at: range)
        }
        return Int(x)
    }

    /// A value as a tensor: tensors as they are; lists of equal-shaped tensors stacked.
    func tensor(from value: Value, at range: SourceRange, what: String) throws(RuntimeError) -> Tensor {
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
            return try stacked(tensors, at: range)
        default:
            throw RuntimeError("\(what) must be a number or a tensor, not a \(value.typeName)", at: range)
        }
    }

    /// The truth of a condition: a boolean, or a number (nonzero is true).
    func truth(_ value: Value, at range: SourceRange) throws(RuntimeError) -> Bool {
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
