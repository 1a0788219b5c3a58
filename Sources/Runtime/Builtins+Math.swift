import Diagnostics
import Engine

extension Builtins {
    /// One tensor in, one tensor out.
    private static func unary(_ name: String, _ summary: String, _ f: @escaping (Tensor) throws(RuntimeError) -> Tensor) -> Builtin {
        Builtin(name, [required("x")], summary: summary) { (arguments) throws(RuntimeError) in .tensor(try f(try arguments.tensor("x"))) }
    }

    /// A reduction over everything or along `axis`.
    private static func reduction(
        _ name: String, _ summary: String, all: @escaping (Tensor) throws(RuntimeError) -> Tensor,
        axis: @escaping (Tensor, Int) throws(RuntimeError) -> Tensor
    ) -> Builtin {
        Builtin(name, [required("x"), optional("axis")], summary: summary) { (arguments) throws(RuntimeError) in
            let x = try arguments.tensor("x")
            if arguments.has("axis") { return .tensor(try axis(x, try arguments.int("axis"))) }
            return .tensor(try all(x))
        }
    }

    static let math: [Builtin] = [
        unary("sigmoid", "the logistic function 1 / (1 + e^-x), elementwise") { $0.sigmoid() },
        unary("tanh", "the hyperbolic tangent, elementwise") { $0.tanh() },
        unary("relu", "max(x, 0), elementwise") { $0.relu() },
        Builtin("leaky_relu", [required("x"), optional("slope")], summary: "x where x > 0, else slope·x") { (arguments) throws(RuntimeError) in
            .tensor(try arguments.tensor("x").leakyRelu(slope: try arguments.double("slope", default: 0.01)))
        },
        unary("exp", "e^x, elementwise") { $0.exp() },
        unary("log", "the natural logarithm, elementwise") { $0.log() },
        unary("sqrt", "the square root, elementwise") { $0.sqrt() },
        unary("abs", "the absolute value, elementwise") { $0.abs() },
        unary("transpose", "the last two axes swapped (also written x.T)") { $0.transposed },
        reduction("sum", "the sum of all elements, or along an axis", all: { $0.sum() }, axis: { (x, axis) throws(RuntimeError) in try engineCall { () throws(EngineError) in try x.sum(axis: axis) } }),
        reduction("mean", "the mean of all elements, or along an axis", all: { $0.mean() }, axis: { (x, axis) throws(RuntimeError) in try engineCall { () throws(EngineError) in try x.mean(axis: axis) } }),
        extremum("max", greater: true),
        extremum("min", greater: false),
        Builtin("softmax", [required("x"), optional("axis")], summary: "exponentials normalised to sum to 1 (along the last axis)") { (arguments) throws(RuntimeError) in
            let (x, axis) = (try arguments.tensor("x"), try arguments.int("axis", default: -1))
            return .tensor(try engineCall { () throws(EngineError) in try x.softmax(axis: axis) })
        },
        Builtin("log_softmax", [required("x"), optional("axis")], summary: "log(softmax(x)), computed stably") { (arguments) throws(RuntimeError) in
            let (x, axis) = (try arguments.tensor("x"), try arguments.int("axis", default: -1))
            return .tensor(try engineCall { () throws(EngineError) in try x.logSoftmax(axis: axis) })
        },
        Builtin("outer", [required("a"), required("b")], summary: "the outer product of two vectors: a[i]·b[j]") { (arguments) throws(RuntimeError) in
            let (a, b) = (try arguments.tensor("a"), try arguments.tensor("b"))
            return .tensor(try engineCall { () throws(EngineError) in try Tensor.outer(a, b) })
        },
        Builtin("solve", [required("A"), required("b")], summary: "x with A @ x = b, for a square A and a vector (or a matrix of columns) b; with gradients") { (arguments) throws(RuntimeError) in
            let (a, b) = (try arguments.tensor("A"), try arguments.tensor("b"))
            return .tensor(try engineCall { () throws(EngineError) in try Tensor.solve(a, b) })
        },
        Builtin("inv", [required("A")], summary: "the inverse of a square matrix; with gradients") { (arguments) throws(RuntimeError) in
            let a = try arguments.tensor("A")
            return .tensor(try engineCall { () throws(EngineError) in try Tensor.inverse(a) })
        },
        Builtin("det", [required("A")], summary: "the determinant of a square matrix; with gradients where A is invertible") { (arguments) throws(RuntimeError) in
            let a = try arguments.tensor("A")
            return .tensor(try engineCall { () throws(EngineError) in try Tensor.determinant(a) })
        },
        Builtin("eigh", [required("A")], summary: "(values, vectors) of a symmetric matrix: eigenvalues ascending, eigenvectors as columns; with gradients for distinct eigenvalues") { (arguments) throws(RuntimeError) in
            let a = try arguments.tensor("A")
            let (values, vectors) = try engineCall { () throws(EngineError) in try Tensor.symmetricEigen(a) }
            return .tuple([.tensor(values), .tensor(vectors)])
        },
        Builtin("norm", [required("x")], summary: "the Euclidean norm √Σx² of all elements (the Frobenius norm of a matrix)") { (arguments) throws(RuntimeError) in
            let x = try arguments.tensor("x")
            return .tensor(try engineCall { () throws(EngineError) in try x.norm })
        },
        Builtin("round", [required("x")], summary: "the nearest whole number (halves to even, as numpy); a constant") { (arguments) throws(RuntimeError) in
            .tensor(Tensor(try arguments.tensor("x").value.map { $0.rounded(.toNearestOrEven) }))
        },
        Builtin("argmax", [required("x"), optional("axis")], summary: "the position of the largest element (along an axis)") { (arguments) throws(RuntimeError) in
            let x = try arguments.tensor("x").value
            if arguments.has("axis") {
                let axis = try arguments.int("axis")
                let (_, indices) = try engineCall { () throws(EngineError) in try x.extremum(axis: axis, greater: true) }
                var dims = x.shape.dims
                dims.remove(at: x.shape.normalizedAxis(try arguments.int("axis"))!)
                return .tensor(Tensor(NDArray(shape: Shape(dims), values: indices.map(Double.init))))
            }
            return .number(Double(x.argmax().index))
        },
        Builtin("argmin", [required("x"), optional("axis")], summary: "the position of the smallest element (along an axis)") { (arguments) throws(RuntimeError) in
            let x = try arguments.tensor("x").value
            if arguments.has("axis") {
                let axis = try arguments.int("axis")
                let (_, indices) = try engineCall { () throws(EngineError) in try x.extremum(axis: axis, greater: false) }
                var dims = x.shape.dims
                dims.remove(at: x.shape.normalizedAxis(axis)!)
                return .tensor(Tensor(NDArray(shape: Shape(dims), values: indices.map(Double.init))))
            }
            return .number(Double(x.argmin().index))
        },
        Builtin("all", [required("x")], summary: "true when every element is nonzero") { (arguments) throws(RuntimeError) in
            .bool(try arguments.tensor("x").value.values.allSatisfy { $0 != 0 })
        },
        Builtin("any", [required("x")], summary: "true when some element is nonzero") { (arguments) throws(RuntimeError) in
            .bool(try arguments.tensor("x").value.values.contains { $0 != 0 })
        },
        Builtin("reshape", [required("x"), variadic("shape")], summary: "the same elements in another shape (one size may be -1)") { (arguments) throws(RuntimeError) in
            let (x, dims) = (try arguments.tensor("x"), try shape(arguments))
            return .tensor(try engineCall { () throws(EngineError) in try x.reshaped(Shape(dims)) })
        },
        Builtin("concat", [required("tensors"), optional("axis")], summary: "tensors joined along an axis (default 0)") { (arguments) throws(RuntimeError) in
            let parts: [Tensor]
            switch arguments.value("tensors")! {
            case .list(let items), .tuple(let items):
                parts = try items.map { (item) throws(RuntimeError) in try arguments.interpreter.tensor(from: item, at: arguments.range("tensors"), what: "each tensor") }
            case .tensor(let stacked) where stacked.rank >= 2:
                // A list literal of equal shapes arrives stacked: its rows are the tensors to join.
                parts = try engineCall { () throws(EngineError) in try (0..<stacked.shape.dims[0]).map { (row) throws(EngineError) in try stacked.indexed([.index(row)]) } }
            case let other:
                throw RuntimeError.builtin("concat takes a list of tensors, not a \(other.typeName)", argument: .label("tensors"))
            }
            guard !parts.isEmpty else { throw RuntimeError.builtin("concat needs at least one tensor", argument: .label("tensors")) }
            let axis = try arguments.int("axis", default: 0)
            return .tensor(try engineCall { () throws(EngineError) in try Tensor.concatenate(parts, axis: axis) })
        },
        Builtin("len", [required("x")], summary: "the number of items (the size of a tensor's first axis)") { (arguments) throws(RuntimeError) in
            switch arguments.value("x")! {
            case .tensor(let t):
                guard t.rank > 0 else { throw RuntimeError.builtin("a number has no length", argument: .label("x")) }
                return .number(Double(t.shape.dims[0]))
            case .list(let items), .tuple(let items): return .number(Double(items.count))
            case .string(let s): return .number(Double(s.count))
            case .range(let low, let high): return .number(Double(max(0, high - low)))
            case let other: throw RuntimeError.builtin("a \(other.typeName) has no length", argument: .label("x"))
            }
        },
        Builtin("stack", [required("items")], summary: "a list of equal-shaped tensors (or numbers) as one tensor with a new first axis") { (arguments) throws(RuntimeError) in
            let items: [Value]
            switch arguments.value("items")! {
            case .list(let values), .tuple(let values): items = values
            case .tensor(let t): return .tensor(t)
            case let other: throw RuntimeError.builtin("stack takes a list, not a \(other.typeName)", argument: .label("items"))
            }
            let stacked = try arguments.interpreter.makeList(items, at: arguments.callRange)
            guard case .tensor = stacked else {
                throw RuntimeError.builtin("stack needs numbers or tensors of one shape", argument: .label("items"))
            }
            return stacked
        },
        Builtin("append", [required("items"), required("item")],
                summary: "items with item added at the end: a list grows by one; a tensor by one row (start from [])") { (arguments) throws(RuntimeError) in
            let item = arguments.value("item")!
            switch arguments.value("items")! {
            case .list(let values) where values.isEmpty:
                guard case .tensor(let t) = item else { return .list(try Builtins.nestable([item], argument: .label("item"))) }
                return .tensor(try engineCall { () throws(EngineError) in try t.reshaped(Shape([1] + t.shape.dims)) })
            case .list(let values):
                _ = try Builtins.nestable([item], argument: .label("item"))
                return .list(values + [item])
            case .tensor(let rows) where rows.rank >= 1:
                let row = try arguments.tensor("item")
                guard Array(rows.shape.dims.dropFirst()) == row.shape.dims else {
                    throw RuntimeError.builtin("cannot append a value of shape \(row.shape) to rows of shape \(Shape(Array(rows.shape.dims.dropFirst())))",
                                       argument: .label("item"))
                }
                return .tensor(try engineCall { () throws(EngineError) in try Tensor.concatenate([rows, try row.reshaped(Shape([1] + row.shape.dims))], axis: 0) })
            case let other:
                throw RuntimeError.builtin("append adds to a list or a tensor of rows, not a \(other.typeName)", argument: .label("items"))
            }
        },
        Builtin("detach", [required("x")], summary: "the same numbers with no history: a constant") { (arguments) throws(RuntimeError) in
            .tensor(try arguments.tensor("x").detached())
        },
    ]

    private static func extremum(_ name: String, greater: Bool) -> Builtin {
        Builtin(name, [required("x"), optional("y"), optional("axis")],
                summary: greater ? "the largest element (or along an axis); max(a, b) is the elementwise larger, the max gate"
                                 : "the smallest element (or along an axis); min(a, b) is the elementwise smaller") { (arguments) throws(RuntimeError) in
            let x = try arguments.tensor("x")
            if arguments.has("y") {
                let y = try arguments.tensor("y")
                return .tensor(try engineCall { () throws(EngineError) in greater ? try Tensor.maximum(x, y) : try Tensor.minimum(x, y) })
            }
            if arguments.has("axis") {
                let axis = try arguments.int("axis")
                return .tensor(try engineCall { () throws(EngineError) in greater ? try x.max(axis: axis) : try x.min(axis: axis) })
            }
            return .tensor(try engineCall { () throws(EngineError) in greater ? try x.max() : try x.min() })
        }
    }

    /// Sizes given as separate numbers (`zeros(2, 3)`) or as one tuple or list (`zeros((2, 3))`).
    static func shape(_ arguments: Arguments) throws(RuntimeError) -> [Int] {
        var values = arguments.rest.map { $0.value }
        if values.count == 1 {
            switch values[0] {
            case .tuple(let items), .list(let items): values = items
            case .tensor(let t) where t.rank == 1: values = t.value.values.map { .number($0) }
            default: break
            }
        }
        return try values.enumerated().map { (index, value) throws(RuntimeError) in
            guard case .tensor(let t) = value, t.rank == 0, let x = t.scalar, x == x.rounded(), x >= -1 else {
                throw RuntimeError.builtin("sizes must be whole numbers, not \(ValueFormatter.inline(value))", argument: .position(index))
            }
            return Int(x)
        }
    }

    static let construction: [Builtin] = [
        Builtin("zeros", [variadic("shape")], summary: "a tensor of zeros: zeros(2, 3)") { (arguments) throws(RuntimeError) in
            let dims = Shape(try shape(arguments))
            try engineCall { () throws(EngineError) in try Engine.Limits.check(dims) }
            return .tensor(Tensor(NDArray.zeros(dims)))
        },
        Builtin("ones", [variadic("shape")], summary: "a tensor of ones") { (arguments) throws(RuntimeError) in
            let dims = Shape(try shape(arguments))
            try engineCall { () throws(EngineError) in try Engine.Limits.check(dims) }
            return .tensor(Tensor(NDArray.ones(dims)))
        },
        Builtin("eye", [required("n")], summary: "the n×n identity matrix") { (arguments) throws(RuntimeError) in
            let n = try arguments.int("n")
            try engineCall { () throws(EngineError) in try Engine.Limits.check(Shape([n, n])) }
            return .tensor(Tensor(NDArray(shape: [n, n], values: (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 })))
        },
        Builtin("randn", [variadic("shape")], summary: "normal draws (mean 0, deviation 1) from the notebook's seeded generator") { (arguments) throws(RuntimeError) in
            let dims = Shape(try shape(arguments))
            try engineCall { () throws(EngineError) in try Engine.Limits.check(dims) }
            return .tensor(Tensor(arguments.interpreter.generator.normalArray(dims)))
        },
        Builtin("rand", [variadic("shape")], summary: "uniform draws in [0, 1) from the notebook's seeded generator") { (arguments) throws(RuntimeError) in
            let dims = Shape(try shape(arguments))
            try engineCall { () throws(EngineError) in try Engine.Limits.check(dims) }
            return .tensor(Tensor(arguments.interpreter.generator.uniformArray(dims)))
        },
        Builtin("seed", [required("n")], summary: "restarts the notebook's generator (xoshiro256**) from seed n") { (arguments) throws(RuntimeError) in
            let n = try arguments.int("n")
            guard n >= 0 else { throw RuntimeError.builtin("a seed is a whole number from 0", argument: .label("n")) }
            arguments.interpreter.generator = RandomGenerator(seed: UInt64(n))
            return .none
        },
        Builtin("linspace", [required("start"), required("stop"), optional("count")], summary: "count evenly spaced numbers from start to stop, both included (default 50)") { (arguments) throws(RuntimeError) in
            let (a, b) = (try arguments.double("start"), try arguments.double("stop"))
            let n = try arguments.int("count", default: 50)
            guard n >= 1 else { throw RuntimeError.builtin("linspace needs a count of at least 1", argument: .label("count")) }
            try engineCall { () throws(EngineError) in try Engine.Limits.check(Shape([n])) }
            let values = (0..<n).map { n == 1 ? a : a + (b - a) * Double($0) / Double(n - 1) }
            return .tensor(Tensor(NDArray(values)))
        },
        Builtin("arange", [required("start"), optional("stop"), optional("step")], summary: "numbers from start up to (not including) stop, by step") { (arguments) throws(RuntimeError) in
            var start = try arguments.double("start")
            var stop = try arguments.double("stop", default: .nan)
            if stop.isNaN { (start, stop) = (0, start) }
            let step = try arguments.double("step", default: 1)
            guard step != 0 else { throw RuntimeError.builtin("arange needs a step other than 0", argument: .label("step")) }
            let count = max(0, Int(((stop - start) / step).rounded(.up)))
            try engineCall { () throws(EngineError) in try Engine.Limits.check(Shape([count])) }
            return .tensor(Tensor(NDArray((0..<count).map { start + Double($0) * step })))
        },
    ]
}
