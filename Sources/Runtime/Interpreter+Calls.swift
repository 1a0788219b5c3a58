import Language
import Diagnostics
import Display
import Engine

typealias CallArgument = (label: String?, value: Value, range: SourceRange)

/// Calls, members and subscripts.
extension Interpreter {
    func call(_ function: Value, _ arguments: [CallArgument], at range: SourceRange, calleeRange: SourceRange) throws(RuntimeError) -> Value {
        switch function {
        case .function(let callable):
            switch callable.kind {
            case .builtin(let builtin):
                return try call(builtin, arguments, at: range)
            case .user(let code, let captured, let defaults):
                return try callUser(code, captured: captured, defaults: defaults, arguments, at: range)
            }
        // Layers and networks are the objects that can be called (a class, not a protocol:
        // the WebAssembly build cannot cast to a protocol).
        case .object(let object as LayerObject):
            return try object.call(arguments, interpreter: self, at: range)
        default:
            throw RuntimeError("a \(function.typeName) cannot be called", at: calleeRange,
                               notes: [.init("only functions, layers and networks can be called")])
        }
    }

    /// Calls a user function or built-in from inside a built-in (`derivative(f, x)`, `plot(f)`).
    func call(_ callable: Callable, _ values: [Value], at range: SourceRange) throws(RuntimeError) -> Value {
        try call(.function(callable), values.map { (nil, $0, range) }, at: range, calleeRange: range)
    }

    func call(_ builtin: Builtin, _ arguments: [CallArgument], at range: SourceRange) throws(RuntimeError) -> Value {
        let bound = try bind(arguments, to: builtin, at: range)
        do {
            return try builtin.body(bound)
        } catch {
            throw error.placed(call: range) { reference in
                switch reference {
                case .label(let name): return bound.range(name)
                case .position(let index): return index < bound.rest.count ? bound.rest[index].range : nil
                }
            }
        }
    }

    private func bind(_ arguments: [CallArgument], to builtin: Builtin, at range: SourceRange) throws(RuntimeError) -> Arguments {
        var bound = Arguments(interpreter: self, callRange: range, function: builtin.name)
        let parameters = builtin.signature.parameters
        let variadicIndex = parameters.firstIndex { $0.kind == .variadic }
        var position = 0
        for argument in arguments {
            if let label = argument.label {
                guard let parameter = parameters.first(where: { $0.name == label && $0.kind != .variadic }) else {
                    let names = parameters.filter { $0.kind != .variadic }.map { $0.name }
                    throw RuntimeError("\(builtin.name) has no argument '\(label)'", at: argument.range,
                                       notes: argumentNotes(label, names, builtin))
                }
                guard bound.named[parameter.name] == nil else {
                    throw RuntimeError("'\(label)' is given twice", at: argument.range)
                }
                bound.named[parameter.name] = (argument.value, argument.range)
                continue
            }
            if let variadicIndex, position >= variadicIndex {
                bound.rest.append((argument.value, argument.range))
                continue
            }
            guard position < parameters.count, parameters[position].kind != .variadic else {
                throw RuntimeError("\(builtin.name) takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), but \(arguments.count) were given",
                                   at: argument.range, notes: [.init("usage: \(builtin.signature.text(builtin.name))")])
            }
            bound.named[parameters[position].name] = (argument.value, argument.range)
            position += 1
        }
        for parameter in parameters where parameter.kind == .required && bound.named[parameter.name] == nil {
            throw RuntimeError("\(builtin.name) needs the argument '\(parameter.name)'", at: range,
                               notes: [.init("usage: \(builtin.signature.text(builtin.name))")])
        }
        return bound
    }

    private func argumentNotes(_ label: String, _ names: [String], _ builtin: Builtin) -> [Diagnostic.Note] {
        var notes: [Diagnostic.Note] = []
        if let suggestion = Suggestion.closest(to: label, among: names) { notes.append(.init("did you mean '\(suggestion)'?")) }
        notes.append(.init("usage: \(builtin.signature.text(builtin.name))"))
        return notes
    }

    func callUser(_ function: Code.Function, captured: Frame?, defaults: [Value?], _ arguments: [CallArgument],
                  at range: SourceRange) throws(RuntimeError) -> Value {
        budget.depth += 1
        defer { budget.depth -= 1 }
        if budget.depth > budget.limits.recursionDepth {
            throw RuntimeError("recursion deeper than \(budget.limits.recursionDepth) calls in \(function.name ?? "a function")", at: range,
                               notes: [.init("a function that calls itself needs a case that stops; the limit can be raised with 'max_recursion' in the front matter")])
        }
        guard budget.stack.hasRoom else {
            throw RuntimeError("recursion too deep for the stack after \(budget.depth) calls in \(function.name ?? "a function")", at: range,
                               notes: [.init("each call here nests deep expressions, so the stack runs out before 'max_recursion' (\(budget.limits.recursionDepth)) is reached; recurse less deeply")])
        }
        try budget.tick(at: range)
        let frame = Frame(size: function.frameSize, parent: captured)
        let parameters = function.parameters
        var given = [Bool](repeating: false, count: parameters.count)
        var position = 0
        let name = function.name ?? "the function"
        for argument in arguments {
            if let label = argument.label {
                guard let index = parameters.firstIndex(where: { $0.name == label }) else {
                    let suggestion = Suggestion.closest(to: label, among: parameters.map { $0.name })
                    throw RuntimeError("\(name) has no parameter '\(label)'", at: argument.range,
                                       notes: suggestion.map { [.init("did you mean '\($0)'?")] } ?? [])
                }
                guard !given[index] else { throw RuntimeError("'\(label)' is given twice", at: argument.range) }
                frame.slots[index] = argument.value
                given[index] = true
            } else {
                guard position < parameters.count else {
                    throw RuntimeError("\(name) takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), but \(arguments.count) were given",
                                       at: argument.range)
                }
                frame.slots[position] = argument.value
                given[position] = true
                position += 1
            }
        }
        for (index, parameter) in parameters.enumerated() where !given[index] {
            guard let fallback = defaults[index] else {
                throw RuntimeError("\(name) needs the argument '\(parameter.name)'", at: range)
            }
            frame.slots[index] = fallback
        }
        return try body(function.nodes, frame)
    }

    /// Runs a function body: its value is its last expression (an `if` as the last
    /// statement gives the last expression of the branch taken), or what `return` gives.
    private func body(_ statements: [StatementNode], _ frame: Frame) throws(RuntimeError) -> Value {
        for (index, statement) in statements.enumerated() {
            if index == statements.count - 1 {
                if let last = statement as? ExpressionStatementNode {
                    return try last.expression.evaluate(self, frame)
                }
                if let last = statement as? IfNode {
                    if try truth(last.condition.evaluate(self, frame), at: last.condition.range) { return try body(last.then, frame) }
                    return try last.otherwise.map { (item) throws(RuntimeError) in try body(item, frame) } ?? .none
                }
            }
            switch try statement.execute(self, frame, displaying: false) {
            case .normal: continue
            case .returned(let value): return value
            case .breakLoop, .continueLoop:
                throw RuntimeError("'break' and 'continue' belong inside a loop", at: statement.range)
            }
        }
        return .none
    }

    // MARK: Members

    func member(_ base: Value, _ name: String, at range: SourceRange) throws(RuntimeError) -> Value {
        switch base {
        case .tensor(let tensor):
            if let value = try tensorMember(tensor, name, at: range) { return value }
            throw RuntimeError("a \(base.typeName) has no member '\(name)'", at: range,
                               notes: Suggestion.closest(to: name, among: Self.tensorMembers).map { [.init("did you mean '\($0)'?")] } ?? [])
        case .list(let items) where !items.isEmpty && items.allSatisfy({ if case .tensor = $0 { return true }; return false }):
            // A list of variables answers tensor members as the tensor it stacks to.
            return try member(.tensor(try tensor(from: base, at: range, what: "the list")), name, at: range)
        case .object(let object):
            if let value = try object.member(name) { return value }
            throw RuntimeError("\(object.typeName) has no member '\(name)'", at: range,
                               notes: Suggestion.closest(to: name, among: object.memberNames).map { [.init("did you mean '\($0)'?")] } ?? [])
        default:
            throw RuntimeError("a \(base.typeName) has no member '\(name)'", at: range)
        }
    }

    static let tensorMembers = ["grad", "T", "shape", "data", "rank", "size", "sum", "mean", "max", "min", "reshape"]

    private func tensorMember(_ tensor: Tensor, _ name: String, at range: SourceRange) throws(RuntimeError) -> Value? {
        switch name {
        case "grad":
            // After backward(..., create_graph: true), the gradient with its history, for as
            // long as that history can still be differentiated.
            if let recorded = tensor.variable?.recordedGrad, recorded.hasOpenHistory { return .tensor(recorded) }
            return .tensor(Tensor(tensor.grad ?? NDArray.zeros(tensor.shape)))
        case "T": return .tensor(tensor.transposed)
        case "shape": return .tuple(tensor.shape.dims.map { .number(Double($0)) })
        case "data": return .tensor(tensor.detached())
        case "rank": return .number(Double(tensor.rank))
        case "size": return .number(Double(tensor.value.count))
        case "sum", "mean", "max", "min", "reshape":
            // `x.sum()` is `sum(x)`: the built-in with its first argument bound.
            let builtin = Builtins.table[name]!
            return .function(Builtin(name, Array(builtin.signature.parameters.dropFirst()), summary: builtin.summary) { (arguments) throws(RuntimeError) in
                var bound = arguments
                bound.named[builtin.signature.parameters[0].name] = (.tensor(tensor), range)
                return try builtin.body(bound)
            }.callable)
        default: return nil
        }
    }

    // MARK: Subscripts

    func indexComponents(_ indices: [IndexNode], _ frame: Frame?) throws(RuntimeError) -> [IndexComponent] {
        try indices.map { (index) throws(RuntimeError) in
            switch index {
            case .index(let expression):
                return try indexComponent(try expression.evaluate(self, frame), at: expression.range)
            case let .slice(start, end, step):
                func bound(_ expression: ExpressionNode?, _ what: String) throws(RuntimeError) -> Int? {
                    try expression.map { (item) throws(RuntimeError) in try integer(try item.evaluate(self, frame), at: item.range, what: what) }
                }
                let stepValue = try bound(step, "a slice step") ?? 1
                if stepValue == 0, let step { throw RuntimeError("a slice step cannot be 0", at: step.range) }
                return .slice(start: try bound(start, "a slice start"), end: try bound(end, "a slice end"), step: stepValue)
            }
        }
    }

    /// One index's value as a component: a whole number, or a vector of positions.
    private func indexComponent(_ value: Value, at range: SourceRange) throws(RuntimeError) -> IndexComponent {
        if case .tensor(let positions) = value, positions.rank > 0 { return .positions(try self.positions(positions, at: range)) }
        if case .list(let items) = value, items.isEmpty { return .positions([]) }
        return .index(try integer(value, at: range, what: "an index"))
    }

    /// A tensor of whole numbers as positions along one axis (`eye(3)[labels]`).
    private func positions(_ tensor: Tensor, at range: SourceRange) throws(RuntimeError) -> [Int] {
        guard tensor.rank == 1 else {
            throw RuntimeError("an index of positions is a vector, not a tensor of shape \(Builtins.shapeText(tensor.shape))", at: range,
                               notes: [.init("index one axis at a time: x[rows][:, columns]")])
        }
        return try tensor.value.values.map { (x) throws(RuntimeError) in
            guard x == x.rounded(), x.magnitude < Interpreter.wholeNumberLimit else {
                throw RuntimeError("an index of positions holds whole numbers, not \(NumberFormat.g(x))", at: range,
                                   notes: [.init("to select where a condition holds, index with the comparison itself: x[x > 0]")])
            }
            return Int(x)
        }
    }

    /// `x[mask]` for a mask made by a comparison: the elements (or rows, for a mask of the
    /// leading axes) where it is 1, in order, along one new first axis.
    private func masked(_ tensor: Tensor, _ mask: Tensor, at range: SourceRange) throws(RuntimeError) -> Value {
        let maskDims = mask.shape.dims, dims = tensor.shape.dims
        guard maskDims.count <= dims.count, Array(dims.prefix(maskDims.count)) == maskDims else {
            throw RuntimeError("a mask of shape \(Builtins.shapeText(mask.shape)) cannot select from a tensor of shape \(Builtins.shapeText(tensor.shape))",
                               at: range, notes: [.init("a mask has the shape of the tensor, or of its leading axes")])
        }
        let selected = mask.value.values.enumerated().compactMap { $0.element != 0 ? $0.offset : nil }
        return .tensor(try engine(at: range) { () throws(EngineError) in
            let rows = try tensor.reshaped(Shape([mask.value.count] + dims.dropFirst(maskDims.count)))
            return try rows.indexed([.positions(selected)])
        })
    }

    func subscripted(_ base: Value, _ indices: [IndexNode], _ frame: Frame?, at range: SourceRange) throws(RuntimeError) -> Value {
        let components: [IndexComponent]
        if indices.count == 1, case .index(let expression) = indices[0] {
            // One index, evaluated once: a mask selects, anything else is a component.
            let index = try expression.evaluate(self, frame)
            if case .tensor(let tensor) = base, case .tensor(let mask) = index, mask.isMask { return try masked(tensor, mask, at: range) }
            components = [try indexComponent(index, at: expression.range)]
        } else {
            components = try indexComponents(indices, frame)
        }
        switch base {
        case .tensor(let tensor):
            guard tensor.rank > 0 else { throw RuntimeError("a number cannot be indexed", at: range) }
            return .tensor(try engine(at: range) { () throws(EngineError) in try tensor.indexed(components) })
        case .list(let items), .tuple(let items):
            guard components.count == 1 else { throw RuntimeError("a \(base.typeName) takes one index", at: range) }
            switch components[0] {
            case .index(let i):
                let resolved = i < 0 ? i + items.count : i
                guard items.indices.contains(resolved) else {
                    throw RuntimeError("index \(i) is out of range for a \(base.typeName) of \(items.count) items", at: range)
                }
                return items[resolved]
            case .slice, .positions:
                let resolved = try engine(at: range) { () throws(EngineError) in try NDArray.resolve(components, in: Shape([items.count])) }
                let picked = NDArray(shape: Shape([items.count]), values: items.indices.map(Double.init)).gathering(resolved)
                let selection = picked.values.map { items[Int($0)] }
                if case .tuple = base { return .tuple(selection) }
                return .list(selection)
            }
        // A network's layers are the only objects with numbered elements.
        case .object(let object as LayerObject):
            guard components.count == 1, case .index(let i) = components[0] else {
                throw RuntimeError("\(object.typeName) takes one whole-number index", at: range)
            }
            return try object.element(i, at: range)
        default:
            throw RuntimeError("a \(base.typeName) cannot be indexed", at: range)
        }
    }
}

