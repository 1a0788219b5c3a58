import Diagnostics

/// How deeply lists and tuples nest, so a loop like `x = (x, 1)` cannot build a value that
/// takes the stack with it: releasing, displaying and comparing a value all recurse through
/// its levels.
extension Value {
    /// Lists and tuples nest at most this deep.
    public static let maximumNesting = 1000

    /// The depth of a new list or tuple of `items`: 1 + the deepest item (a tensor or a
    /// number is 0 deep). Shared parts are measured once, so `x = (x, x)` repeated stays cheap.
    static func nesting(of items: [Value]) -> Int {
        // The common case, a tuple of numbers and tensors, allocates nothing.
        guard items.contains(where: { $0.isSequence }) else { return 1 }
        var known: [UnsafeRawPointer: Int] = [:]
        return 1 + items.reduce(0) { max($0, depth(of: $1, &known)) }
    }

    /// The error for a list or tuple of `items`, if it would nest too deeply.
    static func nestingProblem(_ items: [Value]) -> String? {
        let depth = nesting(of: items)
        guard depth > maximumNesting else { return nil }
        return "lists and tuples would nest \(depth) deep, more than the limit of \(maximumNesting)"
    }

    private var isSequence: Bool {
        switch self {
        case .tuple, .list: return true
        default: return false
        }
    }

    private static func depth(of value: Value, _ known: inout [UnsafeRawPointer: Int]) -> Int {
        switch value {
        case .tuple(let items), .list(let items):
            guard let key = items.withUnsafeBufferPointer({ $0.baseAddress.map { UnsafeRawPointer($0) } }) else { return 1 }
            if let depth = known[key] { return depth }
            // Every value was checked when it was made, so this recursion stays within the limit.
            let depth = 1 + items.reduce(0) { max($0, Self.depth(of: $1, &known)) }
            known[key] = depth
            return depth
        default:
            return 0
        }
    }
}

extension Builtins {
    /// `items`, unless a list or tuple of them would nest too deeply (see `Value.maximumNesting`).
    static func nestable(_ items: [Value], argument: ArgumentReference? = nil) throws(RuntimeError) -> [Value] {
        if let problem = Value.nestingProblem(items) {
            throw RuntimeError.builtin(problem, notes: [.init("build a flat list, or a tensor, rather than nesting one inside the next")],
                               argument: argument)
        }
        return items
    }
}
