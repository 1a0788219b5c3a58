import Diagnostics
@_spi(Runtime) import Engine
import Language

/// Turns parsed statements into `Code`: names become slots.
///
/// Scoping is Python's, minus `global`: blocks (`for`, `if`, `while`) do not open scopes;
/// a function's locals are its parameters and every name it assigns; other names come
/// from enclosing functions, then the notebook's globals, then the built-ins. A notebook's
/// globals persist from block to block.
struct Resolver {
    /// The names of a function being compiled.
    final class Scope {
        var slots: [String: Int] = [:]
        let parent: Scope?

        init(parent: Scope?) {
            self.parent = parent
        }

        func slot(_ name: String) -> Int {
            if let slot = slots[name] { return slot }
            let slot = slots.count
            slots[name] = slot
            return slot
        }
    }

    /// The notebook's global names and their slots (shared by every block).
    var globals: GlobalTable

    func compile(_ statements: [Statement]) -> Code {
        // Names assigned at the top level are globals from the start of the block, so a
        // read before the assignment finds the global, not a built-in of the same name.
        for name in Self.assignedNames(statements) { _ = globals.slot(name) }
        return Code(statements: statements.map { compile($0, scope: nil) })
    }

    /// Every name a list of statements assigns, not looking inside nested functions.
    static func assignedNames(_ statements: [Statement]) -> [String] {
        var names: [String] = []
        func visit(_ statement: Statement) {
            switch statement.kind {
            case .assignment(let targets, _, _):
                for target in targets { if case .identifier(let name) = target.kind { names.append(name) } }
            case .function(let function):
                if let name = function.name { names.append(name) }
            case .forLoop(let variables, _, let body):
                names += variables
                body.forEach(visit)
            case .whileLoop(_, let body):
                body.forEach(visit)
            case .ifStatement(_, let then, let otherwise):
                then.forEach(visit)
                otherwise?.forEach(visit)
            default:
                break
            }
        }
        statements.forEach(visit)
        return names
    }

    private func compile(_ statement: Statement, scope: Scope?) -> Code.Statement {
        let kind: Code.Statement.Kind
        switch statement.kind {
        case .expression(let expression):
            kind = .expression(compile(expression, scope: scope))
        case .assignment(let targets, let op, let value):
            kind = .assignment(targets.map { target(for: $0, scope: scope) }, op, compile(value, scope: scope))
        case .function(let function):
            kind = .function(target(named: function.name!, range: function.range, scope: scope),
                             compile(function, scope: scope))
        case .forLoop(let variables, let iterable, let body):
            kind = .forLoop(variables.map { target(named: $0, range: statement.range, scope: scope) },
                            compile(iterable, scope: scope), body.map { compile($0, scope: scope) })
        case .whileLoop(let condition, let body):
            kind = .whileLoop(compile(condition, scope: scope), body.map { compile($0, scope: scope) })
        case .ifStatement(let condition, let then, let otherwise):
            kind = .ifStatement(compile(condition, scope: scope), then.map { compile($0, scope: scope) },
                                otherwise.map { $0.map { compile($0, scope: scope) } })
        case .returnStatement(let value):
            kind = .returnStatement(value.map { compile($0, scope: scope) })
        case .breakStatement:
            kind = .breakStatement
        case .continueStatement:
            kind = .continueStatement
        }
        return Code.Statement(kind: kind, range: statement.range)
    }

    private func target(named name: String, range: SourceRange, scope: Scope?) -> Code.Target {
        if let scope { return .name(.local(scope.slot(name)), Label(name)) }
        return .name(.global(globals.slot(name)), Label(name))
    }

    private func target(for expression: Expression, scope: Scope?) -> Code.Target {
        switch expression.kind {
        case .identifier(let name):
            return target(named: name, range: expression.range, scope: scope)
        case .member(let base, let name, let nameRange):
            return .member(compile(base, scope: scope), name, nameRange)
        case .subscripted(let base, let indices):
            return .subscripted(compile(base, scope: scope), target(for: base, scope: scope),
                                indices.map { compile($0, scope: scope) }, expression.range)
        default:
            preconditionFailure("the parser only lets assignable expressions through")
        }
    }

    private func compile(_ function: FunctionLiteral, scope: Scope?) -> Code.Function {
        let defaults = function.parameters.map { $0.defaultValue.map { compile($0, scope: scope) } }
        let compiled = Code.Function(name: function.name, parameters: function.parameters, defaults: defaults,
                                     range: function.range)
        let inner = Scope(parent: scope)
        for parameter in function.parameters { _ = inner.slot(parameter.name) }
        for name in Self.assignedNames(function.body) { _ = inner.slot(name) }
        compiled.body = function.body.map { compile($0, scope: inner) }
        compiled.frameSize = inner.slots.count
        return compiled
    }

    private func compile(_ index: IndexArgument, scope: Scope?) -> Code.Index {
        switch index {
        case .index(let expression):
            return .index(compile(expression, scope: scope))
        case let .slice(start, end, step, range):
            return .slice(start: start.map { compile($0, scope: scope) }, end: end.map { compile($0, scope: scope) },
                          step: step.map { compile($0, scope: scope) }, range: range)
        }
    }

    func compile(_ expression: Expression, scope: Scope?) -> Code.Expression {
        let range = expression.range
        switch expression.kind {
        case .number(let value):
            return .init(kind: .constant(.number(value)), range: range)
        case .string(let value):
            return .init(kind: .constant(.string(value)), range: range)
        case .boolean(let value):
            return .init(kind: .constant(.bool(value)), range: range)
        case .identifier(let name):
            return .init(kind: resolve(name, scope: scope), range: range, name: Label(name))
        case .list(let elements):
            return .init(kind: .list(elements.map { compile($0, scope: scope) }), range: range)
        case .tuple(let elements):
            return .init(kind: .tuple(elements.map { compile($0, scope: scope) }), range: range)
        case .unary(let op, let operand):
            let compiled = compile(operand, scope: scope)
            // Fold a negative literal, so `-2` is a number rather than an operation on one.
            if op == .negate, case .constant(.tensor(let t)) = compiled.kind, let x = t.scalar {
                return .init(kind: .constant(.number(-x)), range: range)
            }
            return .init(kind: .unary(op, compiled), range: range)
        case .binary(let op, let left, let right):
            return .init(kind: .binary(op, compile(left, scope: scope), compile(right, scope: scope)), range: range)
        case .call(let callee, let arguments):
            return .init(kind: .call(compile(callee, scope: scope),
                                     arguments.map { Code.Argument(label: $0.label, value: compile($0.value, scope: scope)) }),
                         range: range)
        case .subscripted(let base, let indices):
            return .init(kind: .subscripted(compile(base, scope: scope), indices.map { compile($0, scope: scope) }), range: range)
        case .member(let base, let name, let nameRange):
            return .init(kind: .member(compile(base, scope: scope), name, nameRange), range: range)
        case .function(let function):
            return .init(kind: .function(compile(function, scope: scope)), range: range)
        case .range(let low, let high):
            return .init(kind: .range(compile(low, scope: scope), compile(high, scope: scope)), range: range)
        case .formatted(let parts):
            return .init(kind: .formatted(parts.map { part -> Code.FormattedPart in
                switch part {
                case .text(let text): return .text(text)
                case .value(let value, let format, let partRange):
                    return .value(compile(value, scope: scope), format.map { FormatSpec(parsing: $0) }, partRange)
                }
            }), range: range)
        case .comprehension(let element, let clauses):
            // The loop variables are the comprehension's own, as in Python 3: a frame whose
            // parent is the scope around it, so the names it reads resolve as a nested
            // function's would.
            let inner = Scope(parent: scope)
            var compiled: [Code.Comprehension.Clause] = []
            for clause in clauses {
                switch clause {
                case .iteration(let variables, let iterable, let clauseRange):
                    // The iterable is read before its own variables are bound.
                    let source = compile(iterable, scope: inner)
                    let targets = variables.map { Code.Target.name(.local(inner.slot($0)), Label($0)) }
                    compiled.append(.iteration(targets, source, clauseRange))
                case .condition(let condition):
                    compiled.append(.condition(compile(condition, scope: inner)))
                }
            }
            let body = compile(element, scope: inner)
            return .init(kind: .comprehension(Code.Comprehension(element: body, clauses: compiled, frameSize: inner.slots.count)),
                         range: range)
        }
    }

    private func resolve(_ name: String, scope: Scope?) -> Code.Expression.Kind {
        var depth = 0
        var current = scope
        while let frame = current {
            if let slot = frame.slots[name] {
                return .name(depth == 0 ? .local(slot) : .captured(depth: depth, slot: slot))
            }
            depth += 1
            current = frame.parent
        }
        if let slot = globals.existingSlot(name) { return .name(.global(slot)) }
        if let builtin = Builtins.table[name] { return .builtin(builtin) }
        return .name(.global(globals.slot(name)))
    }
}

/// The notebook's global variables: names to slots, and the values in them.
final class GlobalTable {
    private(set) var names: [String] = []
    private var slots: [String: Int] = [:]
    var values: [Value?] = []

    func existingSlot(_ name: String) -> Int? { slots[name] }

    func slot(_ name: String) -> Int {
        if let slot = slots[name] { return slot }
        slots[name] = names.count
        names.append(name)
        values.append(nil)
        return names.count - 1
    }

    /// Names that currently hold a value.
    var definedNames: [String] { names.indices.filter { values[$0] != nil }.map { names[$0] } }
}
