import Diagnostics
import Engine
import Language

/// Arithmetic, comparisons and logic on values.
extension Interpreter {
    func apply(_ op: UnaryOperator, _ value: Value, at range: SourceRange) throws(RuntimeError) -> Value {
        if op == .negate, case .list = value { return .tensor(-(try tensor(from: value, at: range, what: "the operand"))) }
        switch (op, value) {
        case (.not, _):
            return .bool(!(try truth(value, at: range)))
        case (.negate, .tensor(let t)):
            return .tensor(-t)
        case (.plus, .tensor):
            return value
        default:
            throw RuntimeError("'\(op.rawValue)' cannot be applied to a \(value.typeName)", at: range)
        }
    }

    /// `a op b`. The operands are borrowed: two tensors, the common case, go to `arithmetic`
    /// without a copy of either (matching them where they were evaluated made Swift retain a
    /// copy of each tensor, an atomic increment, for every operation).
    func apply(_ op: BinaryOperator, _ a: borrowing Value, _ b: borrowing Value, at range: SourceRange,
               rightRange: SourceRange? = nil) throws(RuntimeError) -> Value {
        // A `switch` borrows its subject where `if case` would consume (copy) it.
        switch a {
        case .tensor(let x):
            switch b {
            case .tensor(let y): return try arithmetic(op, x, y, at: range, rightRange: rightRange ?? range)
            default: break
            }
        default: break
        }
        return try combine(op, copy a, copy b, at: range, rightRange: rightRange)
    }

    /// `a op b` for operands that are not both tensors.
    @inline(never)
    private func combine(_ op: BinaryOperator, _ a: Value, _ b: Value, at range: SourceRange, rightRange: SourceRange?) throws(RuntimeError) -> Value {
        // A list of variables (kept as a list for optimizers) is a tensor in arithmetic.
        if case .list = a, case .tensor = b { return try apply(op, .tensor(try tensor(from: a, at: range, what: "the left operand")), b, at: range, rightRange: rightRange) }
        if case .tensor = a, case .list = b { return try apply(op, a, .tensor(try tensor(from: b, at: range, what: "the right operand")), at: range, rightRange: rightRange) }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            switch op {
            case .add:
                guard x.utf8.count + y.utf8.count <= ValueFormatter.longestText else {
                    throw RuntimeError("the string would be longer than \(ValueFormatter.longestText) characters", at: range)
                }
                return .string(x + y)
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            default: break
            }
        case (.bool(let x), .bool(let y)):
            switch op {
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            default: break
            }
        case (.list(let x), .list(let y)) where op == .add:
            try checkLength(x.count + y.count, of: "list", at: range)
            return .list(x + y)
        case (.tuple(let x), .tuple(let y)) where op == .add:
            try checkLength(x.count + y.count, of: "tuple", at: range)
            return .tuple(x + y)
        default:
            break
        }
        if op == .equal || op == .notEqual {
            let limit = ValueFormatter.longestComparison
            let (x, y) = (ValueFormatter.inline(a, limit: limit), ValueFormatter.inline(b, limit: limit))
            if ValueFormatter.isCut(x, limit: limit) || ValueFormatter.isCut(y, limit: limit) {
                throw RuntimeError("'\(op.rawValue)' cannot compare values this large (more than \(limit) characters written out)", at: range)
            }
            return .bool((op == .equal) == (x == y && a.typeName == b.typeName))
        }
        throw RuntimeError("'\(op.rawValue)' cannot combine a \(a.typeName) and a \(b.typeName)", at: range)
    }

    /// Lists and tuples are held to the limit on a tensor's elements, so doubling one in a
    /// loop stops with an error rather than exhausting memory.
    private func checkLength(_ count: Int, of kind: String, at range: SourceRange) throws(RuntimeError) {
        guard count <= configuration.limits.tensorElements else {
            throw RuntimeError("the \(kind) would have \(count) elements, more than the limit of \(configuration.limits.tensorElements)", at: range,
                               notes: [.init("the limit can be raised with 'max_elements' in the front matter")])
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ x: Tensor, _ y: Tensor, at range: SourceRange,
                            rightRange: SourceRange) throws(RuntimeError) -> Value {
        do throws(RuntimeError) {
            switch op {
            case .add: return .tensor(try engineCall { () throws(EngineError) in try x + y })
            case .subtract: return .tensor(try engineCall { () throws(EngineError) in try x - y })
            case .multiply: return .tensor(try engineCall { () throws(EngineError) in try x * y })
            case .divide:
                try checkDivisor(y, at: rightRange)
                return .tensor(try engineCall { () throws(EngineError) in try x / y })
            case .modulo:
                // Python's floored modulo, x − y·⌊x/y⌋, with ⌊x/y⌋ a constant: d/dx = 1, d/dy = −⌊x/y⌋.
                try checkDivisor(y, at: rightRange)
                let quotient = try engineCall { () throws(EngineError) in try NDArray.zip(x.value, y.value, operation: "modulo") { ($0 / $1).rounded(.down) } }
                return .tensor(try engineCall { () throws(EngineError) in try x - y * Tensor(quotient) })
            case .power: return .tensor(try engineCall { () throws(EngineError) in try x.power(y) })
            case .matmul:
                guard x.rank >= 1, y.rank >= 1 else {
                    throw RuntimeError("'@' multiplies matrices and vectors; use '*' for numbers", at: range,
                                       notes: [.init("the operands have shapes \(x.shape) and \(y.shape)")])
                }
                return .tensor(try engineCall { () throws(EngineError) in try Tensor.matmul(x, y) })
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
                return try compare(op, x, y)
            case .and, .or:
                preconditionFailure("logic is evaluated with short-circuiting")
            }
        } catch {
            throw error.placed(call: range)
        }
    }

    /// Division by zero is an error, not infinity: in a notebook it is nearly always a
    /// mistake, and an infinity would surface later, far from its cause.
    private func checkDivisor(_ y: Tensor, at range: SourceRange) throws(RuntimeError) {
        let divisor = y.value
        let zeros = divisor.withUnsafeBufferPointer { buffer in buffer.lazy.filter { $0 == 0 }.count }
        guard zeros > 0 else { return }
        if divisor.rank == 0 {
            throw RuntimeError("division by zero", at: range)
        }
        let first = divisor.values.firstIndex(of: 0)!
        var index: [Int] = [], rest = first
        for stride in divisor.shape.strides { index.append(rest / stride); rest %= stride }
        throw RuntimeError("division by zero: the divisor has \(zeros) zero element\(zeros == 1 ? "" : "s") (the first at \(index))", at: range)
    }

    /// Comparisons of numbers give booleans; of tensors, tensors of 1s and 0s, marked as
    /// masks for indexing (`x[x > 0]`).
    private func compare(_ op: BinaryOperator, _ x: Tensor, _ y: Tensor) throws(RuntimeError) -> Value {
        let test: (Double, Double) -> Bool
        switch op {
        case .equal: test = { $0 == $1 }
        case .notEqual: test = { $0 != $1 }
        case .less: test = { $0 < $1 }
        case .lessEqual: test = { $0 <= $1 }
        case .greater: test = { $0 > $1 }
        default: test = { $0 >= $1 }
        }
        if x.rank == 0 && y.rank == 0 { return .bool(test(x.scalar!, y.scalar!)) }
        return .tensor(Tensor.mask(try engineCall { () throws(EngineError) in try NDArray.zip(x.value, y.value, operation: "comparison") { test($0, $1) ? 1 : 0 } }))
    }
}
