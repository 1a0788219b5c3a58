import Diagnostics
import Display
import Engine

/// A layer or a whole network: callable on a sample or a batch, indexable by layer
/// (`net[0]`), with its parameters as members (`net[0].weight`).
final class LayerObject: RuntimeObject {
    let layer: any Layer

    init(_ layer: any Layer) {
        self.layer = layer
    }

    var typeName: String { layer is Sequential ? "a network" : "a layer" }

    var display: [DisplayItem] { [.text(layer.description)] }

    var memberNames: [String] {
        switch layer {
        case is Linear: return ["weight", "bias", "inputs", "outputs", "parameters"]
        case is Sequential: return ["layers", "parameters", "count"]
        default: return ["parameters"]
        }
    }

    func member(_ name: String) throws(RuntimeError) -> Value? {
        switch (layer, name) {
        case (let linear as Linear, "weight"): return .tensor(linear.weight.tensor)
        case (let linear as Linear, "bias"): return linear.bias.map { .tensor($0.tensor) } ?? Value.none
        case (let linear as Linear, "inputs"): return .number(Double(linear.inputs))
        case (let linear as Linear, "outputs"): return .number(Double(linear.outputs))
        case (let network as Sequential, "layers"): return .list(network.layers.map { .object(LayerObject($0)) })
        case (let network as Sequential, "count"): return .number(Double(network.count))
        case (_, "parameters"): return .number(Double(layer.parameterCount))
        default: return nil
        }
    }

    /// `layer.weight = [[...]]`: sets a parameter's numbers in place (same shape).
    func setMember(_ name: String, to value: Value) throws(RuntimeError) -> Bool {
        guard let linear = layer as? Linear else { return false }
        let variable: Variable
        switch name {
        case "weight": variable = linear.weight
        case "bias":
            guard let bias = linear.bias else { return false }
            variable = bias
        default: return false
        }
        guard case .tensor(let tensor) = value else {
            throw RuntimeError.builtin("\(name) must be a tensor, not a \(value.typeName)")
        }
        guard tensor.shape == variable.shape else {
            throw RuntimeError.builtin("the \(name) of \(linear.description) has shape \(variable.shape); the new value has shape \(tensor.shape)")
        }
        variable.value = tensor.value
        variable.grad = nil
        return true
    }

    func element(_ index: Int, at range: SourceRange) throws(RuntimeError) -> Value {
        guard let network = layer as? Sequential else {
            throw RuntimeError("\(layer.description) has no layers to index", at: range)
        }
        let resolved = index < 0 ? index + network.count : index
        guard (0..<network.count).contains(resolved) else {
            throw RuntimeError("index \(index) is out of range for a network of \(network.count) layers", at: range,
                               notes: [.init("layers count from 0: net[0] is \(network.layers[0].description)")])
        }
        return .object(LayerObject(network.layers[resolved]))
    }

    func call(_ arguments: [CallArgument], interpreter: Interpreter, at range: SourceRange) throws(RuntimeError) -> Value {
        guard arguments.count == 1, arguments[0].label == nil else {
            throw RuntimeError("a \(typeName == "a network" ? "network" : "layer") is called with one input: a sample or a batch (one sample per row)", at: range)
        }
        let input = try interpreter.tensor(from: arguments[0].value, at: arguments[0].range, what: "the input")
        return .tensor(try interpreter.engine(at: range) { () throws(EngineError) in try layer(input) })
    }
}

/// An optimizer bound to a network: `opt.step()`, `opt.zero_grad()`, `opt.lr`.
final class OptimizerObject: RuntimeObject {
    let optimizer: any Optimizer

    init(_ optimizer: any Optimizer) {
        self.optimizer = optimizer
    }

    var typeName: String { "an optimizer" }
    var display: [DisplayItem] { [.text(optimizer.description)] }
    var memberNames: [String] { ["step", "zero_grad", "lr"] }

    func member(_ name: String) throws(RuntimeError) -> Value? {
        switch name {
        case "step":
            return .function(Builtin("step", [], summary: "one update of every parameter") { [optimizer] _ in
                optimizer.step()
                return .none
            }.callable)
        case "zero_grad":
            return .function(Builtin("zero_grad", [], summary: "clears the gradients") { [optimizer] _ in
                optimizer.zeroGrad()
                return .none
            }.callable)
        case "lr":
            return .number(optimizer.learningRate)
        default:
            return nil
        }
    }

    func setMember(_ name: String, to value: Value) throws(RuntimeError) -> Bool {
        guard name == "lr" else { return false }
        guard case .tensor(let t) = value, let lr = t.scalar, t.rank == 0 else {
            throw RuntimeError.builtin("lr must be a number")
        }
        optimizer.learningRate = lr
        return true
    }
}

/// What `train` returns: the loss (and accuracy) per epoch.
final class HistoryObject: RuntimeObject {
    let history: TrainingHistory

    init(_ history: TrainingHistory) {
        self.history = history
    }

    var typeName: String { "a training history" }
    var memberNames: [String] { ["loss", "accuracy", "epochs", "steps"] }

    var display: [DisplayItem] {
        var text = "history: \(history.loss.count) epochs, \(history.steps) steps"
        if let first = history.loss.first, let last = history.loss.last {
            text += "; loss \(NumberFormat.g(first)) -> \(NumberFormat.g(last))"
        }
        if let accuracy = history.accuracy?.last { text += "; accuracy \(NumberFormat.g(accuracy))" }
        return [.text(text)]
    }

    func member(_ name: String) throws(RuntimeError) -> Value? {
        switch name {
        case "loss": return .tensor(Tensor(NDArray(history.loss)))
        case "accuracy": return history.accuracy.map { .tensor(Tensor(NDArray($0))) } ?? Value.none
        case "epochs": return .number(Double(history.loss.count))
        case "steps": return .number(Double(history.steps))
        default: return nil
        }
    }
}

/// A figure or a table: what it displays is the whole of it.
final class DisplayObject: RuntimeObject {
    let items: [DisplayItem]
    let typeName: String

    init(_ items: [DisplayItem], typeName: String) {
        self.items = items
        self.typeName = typeName
    }

    var display: [DisplayItem] { items }
    var memberNames: [String] { [] }
    func member(_ name: String) throws(RuntimeError) -> Value? { nil }
}
