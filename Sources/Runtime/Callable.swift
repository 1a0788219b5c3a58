import Language
import Diagnostics
import Engine

/// Something that can be called: a notebook function (with the frame it closes over) or a
/// built-in (possibly bound to an object, like `opt.step`).
public final class Callable: @unchecked Sendable {
    enum Kind {
        case user(Code.Function, frame: Frame?, defaults: [Value?])
        case builtin(Builtin)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// A closure holds its frame, whose variables may hold closures, and so on: released the
    /// usual way, a chain of a million closures (`f = make(f)` in a loop) would be released
    /// by a million nested calls. The frame goes to a queue that releases one at a time.
    deinit {
        if case .user(_, let frame?, _) = kind { ReleaseQueue.release(frame) }
    }

    var name: String {
        switch kind {
        case .user(let function, _, _): return function.name ?? "anonymous function"
        case .builtin(let builtin): return builtin.name
        }
    }

    /// How the function is shown: `fn loss(w)`, `builtin sigmoid(x)`.
    public var displayName: String {
        switch kind {
        case .user(let function, _, _):
            return "fn \(function.name ?? "")(" + function.parameters.map { $0.name }.joined(separator: ", ") + ")"
        case .builtin(let builtin):
            return "builtin \(builtin.signature.text(builtin.name))"
        }
    }

    /// The parameter names, for binding and messages.
    var parameterNames: [String] {
        switch kind {
        case .user(let function, _, _): return function.parameters.map { $0.name }
        case .builtin(let builtin): return builtin.signature.parameters.map { $0.name }
        }
    }
}

/// A call frame of a notebook function: its local variables.
final class Frame {
    var slots: [Value?]
    let parent: Frame?

    init(size: Int, parent: Frame?) {
        self.slots = [Value?](repeating: nil, count: size)
        self.parent = parent
    }
}

/// The parameters a built-in accepts.
struct Signature {
    struct Parameter {
        enum Kind { case required, optional, variadic }
        let name: String
        let kind: Kind
    }

    let parameters: [Parameter]

    /// `"x, y, lr: 0.1"`-style text: `name(a, b, [c], ...rest)`.
    func text(_ name: String) -> String {
        name + "(" + parameters.map { parameter in
            switch parameter.kind {
            case .required: return parameter.name
            case .optional: return parameter.name + ":"
            case .variadic: return parameter.name + "..."
            }
        }.joined(separator: ", ") + ")"
    }
}

/// A function of the standard library. Immutable once the table is built.
final class Builtin: @unchecked Sendable {
    let name: String
    let signature: Signature
    let body: (Arguments) throws(RuntimeError) -> Value
    /// When the built-in is a loss function, the engine's loss (`train(..., loss: mse)`).
    let loss: Loss?
    /// Whether a list literal passed to it stays a list of the values written (optimizers
    /// and `zero_grad` need the variables themselves, not a tensor stacked from them).
    let takesVariables: Bool
    /// One line saying what it does, for the language reference and "did you mean".
    let summary: String
    /// The function value that names this built-in (made once, when the table is built).
    private(set) var callable: Callable!

    init(_ name: String, _ parameters: [Signature.Parameter], summary: String, loss: Loss? = nil,
         takesVariables: Bool = false, _ body: @escaping (Arguments) throws(RuntimeError) -> Value) {
        self.name = name
        self.signature = Signature(parameters: parameters)
        self.summary = summary
        self.loss = loss
        self.takesVariables = takesVariables
        self.body = body
        self.callable = Callable(.builtin(self))
    }
}

func required(_ name: String) -> Signature.Parameter { .init(name: name, kind: .required) }
func optional(_ name: String) -> Signature.Parameter { .init(name: name, kind: .optional) }
func variadic(_ name: String) -> Signature.Parameter { .init(name: name, kind: .variadic) }

/// The arguments of a call to a built-in, bound to its parameters, with their ranges.
struct Arguments {
    let interpreter: Interpreter
    let callRange: SourceRange
    let function: String
    var named: [String: (value: Value, range: SourceRange)] = [:]
    var rest: [(value: Value, range: SourceRange)] = []

    func has(_ name: String) -> Bool { named[name] != nil }

    func value(_ name: String) -> Value? { named[name]?.value }

    func range(_ name: String) -> SourceRange { named[name]?.range ?? callRange }

    func fail(_ message: String, _ name: String? = nil, notes: [Diagnostic.Note] = []) -> RuntimeError {
        RuntimeError(message, at: name.map(range) ?? callRange, notes: notes)
    }

    func tensor(_ name: String) throws(RuntimeError) -> Tensor {
        guard let value = value(name) else { throw fail("\(function) needs the argument '\(name)'") }
        return try interpreter.tensor(from: value, at: range(name), what: "'\(name)' of \(function)")
    }

    func optionalTensor(_ name: String) throws(RuntimeError) -> Tensor? {
        has(name) ? try tensor(name) : nil
    }

    func double(_ name: String, default fallback: Double? = nil) throws(RuntimeError) -> Double {
        guard let value = value(name) else {
            if let fallback { return fallback }
            throw fail("\(function) needs the argument '\(name)'")
        }
        guard case .tensor(let t) = value, t.rank == 0, let x = t.scalar else {
            throw fail("'\(name)' of \(function) must be a number, not a \(value.typeName)", name)
        }
        return x
    }

    func int(_ name: String, default fallback: Int? = nil) throws(RuntimeError) -> Int {
        let x = try double(name, default: fallback.map(Double.init))
        guard x == x.rounded(), abs(x) < Interpreter.wholeNumberLimit else {
            throw fail("'\(name)' of \(function) must be a whole number, not \(ValueFormatter.inline(.number(x)))", name)
        }
        return Int(x)
    }

    func bool(_ name: String, default fallback: Bool) throws(RuntimeError) -> Bool {
        guard let value = value(name) else { return fallback }
        guard case .bool(let b) = value else {
            throw fail("'\(name)' of \(function) must be true or false, not a \(value.typeName)", name)
        }
        return b
    }

    func string(_ name: String) throws(RuntimeError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let s) = value else {
            throw fail("'\(name)' of \(function) must be a string, not a \(value.typeName)", name)
        }
        return s
    }

    func function(_ name: String) throws(RuntimeError) -> Callable {
        guard let value = value(name) else { throw fail("\(function) needs the argument '\(name)'") }
        guard case .function(let callable) = value else {
            throw fail("'\(name)' of \(function) must be a function, not a \(value.typeName)", name)
        }
        return callable
    }
}
