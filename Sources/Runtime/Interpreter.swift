import Diagnostics
import Display
@_spi(Runtime) import Engine
import Language

/// Runs the blocks of one notebook, in order, in one scope.
///
/// The only place where the language meets the engine: values are engine tensors, and
/// engine errors become diagnostics at the source range of the expression that caused
/// them. Nothing here reads the clock (except to enforce the time budget), the network or
/// the environment; `load` reads only files inside the project.
public final class Interpreter {
    public struct Configuration: Sendable {
        public var limits = ExecutionLimits()
        /// Where `load` reads files (nil: code that is not in a notebook reads none).
        public var dataFiles: DataFiles?
        /// Values for sliders a reader moved, by where their `slider(...)` call starts in the
        /// notebook; each is clamped and snapped to its slider's steps (`SliderSpec.value(for:)`).
        /// Empty in the CLI, where every slider is its default.
        public var sliderValues: [SourceLocation: Double]

        public init(limits: ExecutionLimits = ExecutionLimits(), dataFiles: DataFiles? = nil,
                    sliderValues: [SourceLocation: Double] = [:]) {
            self.limits = limits
            self.dataFiles = dataFiles
            self.sliderValues = sliderValues
        }
    }

    let configuration: Configuration
    let globals = GlobalTable()
    let budget: ExecutionBudget
    /// The notebook's generator: `seed(n)` resets it; `randn`, `rand` and networks without a
    /// seed draw from it, so every run of the notebook draws the same numbers.
    var generator = RandomGenerator(seed: 0)
    private var output: [DisplayItem] = []
    private var outputSize = 0
    private var warnings: [Diagnostic] = []
    /// The sliders the running block has evaluated (see `noteSlider`).
    var sliders: [SliderSpec] = []
    /// Files `load` has read, relative to the notebook's folder (for fingerprints).
    public private(set) var filesRead: [String] = []

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.budget = ExecutionBudget(limits: configuration.limits)
    }

    deinit {
        // The notebook's values go here, so a chain of closures is released by a loop.
        globals.values.removeAll()
        ReleaseQueue.drain()
    }

    /// Gives the notebook its whole time budget again, from now: a live page runs blocks long
    /// after its interpreter was made, and each run has the notebook's budget.
    public func restartTimeBudget() {
        budget.restart()
    }

    /// Runs one block. Call it on a thread with a large stack (see `LargeStack`).
    public func run(_ code: String, origin: SourceOrigin = SourceOrigin()) -> BlockResult {
        Engine.Limits.maxElements = configuration.limits.tensorElements
        budget.stack = StackGuard()
        Engine.Limits.maxOperations = configuration.limits.graphOperations
        let truncationsBefore = Graph.truncations
        let (statements, diagnostics) = Parser.parse(code, origin: origin)
        if diagnostics.contains(where: { $0.severity == .error }) {
            return BlockResult(errors: diagnostics)
        }
        let compiled = Resolver(globals: globals).compile(statements)
        output = []
        outputSize = 0
        warnings = []
        sliders = []
        var errors: [Diagnostic] = []
        do {
            _ = try execute(Compiler.compile(compiled.statements), nil, displaying: true)
        } catch {
            errors.append(error.diagnostic)
        }
        ReleaseQueue.drain()
        let cuts = Graph.truncations - truncationsBefore
        if cuts > 0 {
            warnings.append(.warning(
                "the computation graph grew past \(configuration.limits.graphOperations) operations without a backward pass; "
                    + "its history was cut \(cuts) time\(cuts == 1 ? "" : "s"), and gradients do not flow back through a cut",
                at: SourceRange(at: origin.location(line: 0, column: 1)),
                notes: [.init("raise 'max_graph' in the front matter to keep more history, or detach what needs none")]))
        }
        return BlockResult(items: output, errors: errors, warnings: warnings, sliders: sliders)
    }

    // MARK: Statements

    enum Flow {
        case normal
        case breakLoop
        case continueLoop
        case returned(Value)
    }

    /// Runs statements; at the notebook's level (`displaying`) bare expressions show their values.
    func execute(_ statements: [StatementNode], _ frame: Frame?, displaying: Bool) throws(RuntimeError) -> Flow {
        for statement in statements {
            let flow = try statement.execute(self, frame, displaying: displaying)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    /// Calls `body` with each element of `iterable` until it returns false.
    func iterate(_ iterable: Value, at range: SourceRange, _ body: (Value) throws(RuntimeError) -> Bool) throws(RuntimeError) {
        switch iterable {
        case .range(let low, let high):
            var i = low
            while i < high {
                guard try body(.number(Double(i))) else { return }
                i += 1
            }
        case .tensor(let tensor):
            guard tensor.rank > 0 else { throw RuntimeError("cannot loop over a number", at: range) }
            for i in 0..<tensor.shape.dims[0] {
                guard try body(.tensor(try engineCall { () throws(EngineError) in try tensor.indexed([.index(i)]) })) else { return }
            }
        case .list(let items), .tuple(let items):
            for item in items { guard try body(item) else { return } }
        default:
            throw RuntimeError("cannot loop over a \(iterable.typeName)", at: range,
                               notes: [.init("loop over a range a..<b, a tensor or a list")])
        }
    }

    // MARK: Assignment

    func assign(_ value: Value, to targets: [TargetNode], _ frame: Frame?, at range: SourceRange,
                bindingLoopVariable: Bool = false) throws(RuntimeError) {
        if targets.count == 1 {
            try write(value, to: targets[0], frame, at: range, bindingLoopVariable: bindingLoopVariable)
            return
        }
        let items: [Value]
        switch value {
        case .tuple(let elements), .list(let elements): items = elements
        case .tensor(let t) where t.rank > 0 && t.shape.dims[0] == targets.count:
            items = try (0..<targets.count).map { (item) throws(RuntimeError) in .tensor(try engineCall { () throws(EngineError) in try t.indexed([.index(item)]) }) }
        default:
            throw RuntimeError("cannot unpack a \(value.typeName) into \(targets.count) names", at: range)
        }
        guard items.count == targets.count else {
            throw RuntimeError("cannot unpack \(items.count) values into \(targets.count) names", at: range)
        }
        for (target, item) in zip(targets, items) {
            try write(item, to: target, frame, at: range, bindingLoopVariable: bindingLoopVariable)
        }
    }

    /// Binding a name: a plain number becomes a variable (so `x = -2` can later have an
    /// `x.grad`), a computed value gets the name as its label in graph diagrams, and so do a
    /// network's parameters, by their path (`net[0].weight`). Loop variables, data
    /// (`constant(...)`, loaded files, data sets) and masks are bound as
    /// they are.
    func bind(_ value: Value, name: Label, loopVariable: Bool) -> Value {
        Self.rebound(value, name: name, loopVariable: loopVariable) ?? value
    }

    /// What `bind` gives when it is not the value itself. The value is borrowed, so labelling
    /// a tensor retains nothing.
    @inline(never)
    static func rebound(_ value: borrowing Value, name: Label, loopVariable: Bool) -> Value? {
        switch value {
        case .tensor(let tensor):
            if !tensor.isTracked {
                return loopVariable || tensor.isData ? nil : .tensor(Variable(tensor.value, name: name.name).tensor)
            }
            if !tensor.isVariable { tensor.setLabel(name) }
            return nil
        case .object(let object as LayerObject):
            if !loopVariable { object.layer.nameParameters(after: name.name) }
            return nil
        default:
            return nil
        }
    }

    func write(_ value: Value, to target: TargetNode, _ frame: Frame?, at range: SourceRange,
               bindingLoopVariable: Bool = false) throws(RuntimeError) {
        switch target {
        case .name(let slot, let name):
            slot.store(bind(value, name: name, loopVariable: bindingLoopVariable), self, frame)
        case .member(let baseNode, let name, let nameRange):
            let base = try baseNode.evaluate(self, frame)
            guard case .object(let object) = base else {
                throw RuntimeError("cannot set '\(name)' on a \(base.typeName)", at: nameRange)
            }
            let assigned: Bool
            do {
                assigned = try object.setMember(name, to: value)
            } catch {
                throw error.placed(call: range)
            }
            guard assigned else {
                throw RuntimeError("'\(name)' of \(object.typeName) cannot be assigned", at: nameRange)
            }
        case .subscripted(let baseNode, let baseTarget, let indices, let targetRange):
            // Values are never changed in place: the base gets a new value with the elements
            // replaced, written back where it came from, so no other name that shares the old
            // value sees the change. A layer's parameter written back through its member
            // keeps its identity (optimizers hold it); see LayerObject.setMember.
            let base = try baseNode.evaluate(self, frame)
            try write(try replacingElements(of: base, indices, with: value, frame, at: range, targetRange: targetRange),
                      to: baseTarget, frame, at: range)
        }
    }

    /// `base` with the elements `indices` select replaced by `value`: a new list, or new
    /// numbers with no history (an element assignment moves numbers, not gradients).
    private func replacingElements(of base: Value, _ indices: [IndexNode], with value: Value, _ frame: Frame?,
                                   at range: SourceRange, targetRange: SourceRange) throws(RuntimeError) -> Value {
        if case .list(var items) = base {
            let components = try indexComponents(indices, frame)
            guard components.count == 1, case .index(let i) = components[0] else {
                throw RuntimeError("an element of a list is assigned by one whole-number index", at: targetRange)
            }
            let position = i < 0 ? i + items.count : i
            guard items.indices.contains(position) else {
                throw RuntimeError("index \(i) is out of range for a list of \(items.count) items", at: targetRange)
            }
            items[position] = value
            return .list(items)
        }
        var isTensor = false
        if case .tensor = base { isTensor = true }
        guard case .tensor(let tensor) = base, !tensor.isTracked || tensor.isVariable else {
            throw RuntimeError(isTensor
                                   ? "an element of a computed value cannot be assigned: gradients do not flow through element assignment"
                                   : "only the elements of a tensor or a list can be assigned, not of a \(base.typeName)",
                               at: targetRange,
                               notes: isTensor ? [.init("assign to an element of detach(...) of it, bound to a name of its own")] : [])
        }
        let array = tensor.value
        let components = try indexComponents(indices, frame)
        let resolved = try engine(at: targetRange) { () throws(EngineError) in try NDArray.resolve(components, in: array.shape) }
        let replacement = try self.tensor(from: value, at: range, what: "the assigned value").value
        let expanded = try engine(at: range) { () throws(EngineError) in try replacement.broadcast(to: resolved.resultShape) }
        return .tensor(Tensor(array.replacing(resolved, with: expanded)))
    }

    /// The value a target holds now (for `+=` and the like).
    func read(_ target: TargetNode, _ frame: Frame?, at range: SourceRange) throws(RuntimeError) -> Value {
        switch target {
        case .name(let slot, let name):
            return try slot.read(self, frame, name: name, at: range)
        case .member(let base, let name, let nameRange):
            return try member(try base.evaluate(self, frame), name, at: nameRange)
        case .subscripted(let base, _, let indices, let targetRange):
            return try subscripted(try base.evaluate(self, frame), indices, frame, at: targetRange)
        }
    }

    // MARK: Output

    func show(_ value: Value, at range: SourceRange) throws(RuntimeError) {
        switch value {
        case .none: return
        case .object(let object):
            for item in object.display { try emit(item, at: range) }
        default:
            // Written only as far as the block may still display (past it, emit says so).
            let room = max(0, configuration.limits.outputCharacters - outputSize)
            guard let text = ValueFormatter.text(value, limit: room) else { return }
            try emit(try displayItem(text, of: [value], at: range), at: range)
        }
    }

    /// What showing `values` as `text` displays (see `ValueFormatter.item`).
    func displayItem(_ text: String, of values: [Value], at range: SourceRange) throws(RuntimeError) -> DisplayItem {
        // A text past the limit needs no digest: emit refuses it.
        guard text.utf8.count <= configuration.limits.outputCharacters else { return .text(text) }
        guard let item = ValueFormatter.item(text, of: values, maxElements: configuration.limits.tensorElements) else {
            throw RuntimeError("the block displays values of more than \(configuration.limits.tensorElements) elements in all", at: range,
                               notes: [.init("display a summary (a shape, a mean, a plot) rather than everything")])
        }
        return item
    }

    func emit(_ item: DisplayItem, at range: SourceRange) throws(RuntimeError) {
        outputSize += item.recordLength + 1
        if outputSize > configuration.limits.outputCharacters {
            throw RuntimeError("the block displays more than \(configuration.limits.outputCharacters) characters", at: range,
                               notes: [.init("display a summary (a shape, a mean, a plot) rather than everything; or raise 'max_output' in the front matter")])
        }
        output.append(item)
    }

    func warn(_ diagnostic: Diagnostic) {
        warnings.append(diagnostic)
    }

    func recordFileRead(_ path: String) {
        if !filesRead.contains(path) { filesRead.append(path) }
    }

    // MARK: Errors

    func undefined(_ name: String, at range: SourceRange, frame: Frame?) -> RuntimeError {
        if let habit = Self.pythonNames[name] {
            return RuntimeError("undefined name '\(name)'", at: range, notes: [.init(habit)])
        }
        var candidates = globals.definedNames + Array(Builtins.table.keys).sorted()
        candidates += Keyword.allCases.map { $0.rawValue }
        let suggestion = Suggestion.closest(to: name, among: candidates)
        return RuntimeError("undefined name '\(name)'", at: range,
                            notes: suggestion.map { [.init("did you mean '\($0)'?")] } ?? [])
    }

    /// Names a Python programmer writes by habit, and what this language writes instead.
    static let pythonNames: [String: String] = [
        "True": "the booleans are written true and false",
        "False": "the booleans are written true and false",
        "None": "there is no None: a function without a result gives nothing, and a name holds a value from its first assignment",
        "range": "ranges are written 0..<n (the end excluded), as in for i in 0..<n { ... }",
        "np": "there is no numpy here: tensors and their functions are built in (builtins() lists them)",
        "torch": "there is no torch here: tensors, layers and optimizers are built in (builtins() lists them)",
        "self": "there are no classes: a function takes what it needs as arguments",
    ]

    /// Runs an engine operation, turning its error into a diagnostic at `range`.
    func engine<T>(at range: SourceRange, _ body: () throws(EngineError) -> T) throws(RuntimeError) -> T {
        do {
            return try body()
        } catch {
            throw RuntimeError(error, at: range)
        }
    }
}
