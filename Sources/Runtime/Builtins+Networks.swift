import Diagnostics
import Display
import Engine

extension Builtins {
    private static func activation(_ name: String, _ function: Activation.Function, _ summary: String) -> Builtin {
        Builtin(name, [], summary: summary) { _ in .object(LayerObject(Activation(function))) }
    }

    private static func lossFunction(_ name: String, _ loss: Loss, _ summary: String) -> Builtin {
        Builtin(name, [required("prediction"), required("target")], summary: summary, loss: loss) { (arguments) throws(RuntimeError) in
            let (prediction, target) = (try arguments.tensor("prediction"), try arguments.tensor("target"))
            return .tensor(try engineCall { () throws(EngineError) in try loss(prediction, target) })
        }
    }

    /// The parameters an optimizer updates: a network's, or a list of variables.
    private static func parameters(_ arguments: Arguments) throws(RuntimeError) -> [Variable] {
        switch arguments.value("net") ?? .none {
        case .object(let object as LayerObject):
            return object.layer.parameters
        case .list(let items), .tuple(let items):
            return try items.enumerated().map { (index, item) throws(RuntimeError) in
                guard case .tensor(let t) = item, let variable = t.variable else {
                    throw RuntimeError.builtin("an optimizer updates variables (names bound to numbers or tensors); item \(index) is not one",
                                       argument: .label("net"))
                }
                return variable
            }
        case .tensor(let t) where t.variable != nil:
            return [t.variable!]
        case let other:
            throw RuntimeError.builtin("an optimizer is bound to a network (or a list of variables), not a \(other.typeName)",
                               argument: .label("net"))
        }
    }

    static let networks: [Builtin] = [
        Builtin("Linear", [required("inputs"), required("outputs"), optional("bias")],
                summary: "a fully connected layer: x Wᵀ + b, W of shape [outputs, inputs] (Xavier/Glorot uniform, zero bias)") { (arguments) throws(RuntimeError) in
            let (inputs, outputs) = (try arguments.int("inputs"), try arguments.int("outputs"))
            guard inputs > 0 else { throw RuntimeError.builtin("a layer needs at least one input", argument: .label("inputs")) }
            guard outputs > 0 else { throw RuntimeError.builtin("a layer needs at least one output", argument: .label("outputs")) }
            try engineCall { () throws(EngineError) in try Engine.Limits.check(Shape([outputs, inputs])) }
            let layer = Linear(inputs: inputs, outputs: outputs, bias: try arguments.bool("bias", default: true),
                               generator: &arguments.interpreter.generator)
            return .object(LayerObject(layer))
        },
        activation("Sigmoid", .sigmoid, "the logistic function as a layer"),
        activation("Tanh", .tanh, "tanh as a layer"),
        activation("ReLU", .relu, "max(x, 0) as a layer"),
        activation("Softmax", .softmax, "softmax over each sample's scores, as a layer"),
        Builtin("LeakyReLU", [optional("slope")], summary: "x where x > 0, else slope·x (default 0.01), as a layer") { (arguments) throws(RuntimeError) in
            .object(LayerObject(Activation(.leakyRelu(slope: try arguments.double("slope", default: 0.01)))))
        },
        Builtin("Sequential", [variadic("layers"), optional("seed")],
                summary: "layers applied in order; with seed:, every parameter is drawn afresh from that seed") { (arguments) throws(RuntimeError) in
            let layers = try arguments.rest.enumerated().map { (index, item) throws(RuntimeError) -> any Layer in
                guard case .object(let object as LayerObject) = item.value else {
                    throw RuntimeError.builtin("Sequential takes layers, not a \(item.value.typeName)", argument: .position(index))
                }
                return object.layer
            }
            guard !layers.isEmpty else { throw RuntimeError.builtin("Sequential needs at least one layer") }
            try checkConnections(layers, arguments)
            if arguments.has("seed") {
                let seed = try arguments.int("seed")
                guard seed >= 0 else { throw RuntimeError.builtin("a seed is a whole number from 0", argument: .label("seed")) }
                return .object(LayerObject(Sequential(layers, seed: UInt64(seed))))
            }
            let seed = arguments.interpreter.generator.next()
            return .object(LayerObject(Sequential(keeping: layers, seed: seed)))
        },
        Builtin("SGD", [required("net"), optional("lr"), optional("momentum"), optional("nesterov"), optional("weight_decay")],
                summary: "stochastic gradient descent (with momentum, Nesterov, weight decay), as PyTorch", takesVariables: true) { (arguments) throws(RuntimeError) in
            .object(OptimizerObject(SGD(parameters: try parameters(arguments), learningRate: try arguments.double("lr", default: 0.01),
                                        momentum: try arguments.double("momentum", default: 0),
                                        nesterov: try arguments.bool("nesterov", default: false),
                                        weightDecay: try arguments.double("weight_decay", default: 0))))
        },
        Builtin("Adam", [required("net"), optional("lr"), optional("beta1"), optional("beta2"), optional("eps"), optional("weight_decay")],
                summary: "Adam with bias-corrected moments (default lr 0.001)", takesVariables: true) { (arguments) throws(RuntimeError) in
            .object(OptimizerObject(Adam(parameters: try parameters(arguments), learningRate: try arguments.double("lr", default: 0.001),
                                         beta1: try arguments.double("beta1", default: 0.9), beta2: try arguments.double("beta2", default: 0.999),
                                         epsilon: try arguments.double("eps", default: 1e-8),
                                         weightDecay: try arguments.double("weight_decay", default: 0))))
        },
        Builtin("RMSProp", [required("net"), optional("lr"), optional("alpha"), optional("eps"), optional("weight_decay")],
                summary: "RMSProp (default lr 0.01, alpha 0.99)", takesVariables: true) { (arguments) throws(RuntimeError) in
            .object(OptimizerObject(RMSProp(parameters: try parameters(arguments), learningRate: try arguments.double("lr", default: 0.01),
                                            alpha: try arguments.double("alpha", default: 0.99), epsilon: try arguments.double("eps", default: 1e-8),
                                            weightDecay: try arguments.double("weight_decay", default: 0))))
        },
        lossFunction("mse", .meanSquaredError, "the mean of squared errors (PyTorch's default)"),
        lossFunction("half_sse", .halfSumSquares, "½ Σ (prediction − target)², the loss of the classic derivations"),
        lossFunction("bce", .binaryCrossEntropy, "binary cross-entropy of probabilities against 0/1 targets, averaged"),
        lossFunction("cross_entropy", .crossEntropy, "cross-entropy of softmax(scores) against class indices or one-hot rows, averaged"),
        Builtin("train", [required("net"), required("X"), required("Y"), optional("loss"), optional("optimizer"),
                          optional("epochs"), optional("batch"), optional("shuffle")],
                summary: "trains net on X (one sample per row) against Y; returns the history of loss (and accuracy) per epoch") { (arguments) throws(RuntimeError) in
            guard case .object(let object as LayerObject) = arguments.value("net") ?? .none,
                let network = object.layer as? Sequential
            else { throw RuntimeError.builtin("train needs a network made with Sequential(...)", argument: .label("net")) }
            guard case .object(let optimizerObject as OptimizerObject) = arguments.value("optimizer") ?? .none else {
                throw RuntimeError.builtin("train needs an optimizer, e.g. optimizer: SGD(net, lr: 0.1)", argument: .label("optimizer"))
            }
            let epochs = try arguments.int("epochs", default: 100)
            guard epochs >= 0 else { throw RuntimeError.builtin("epochs must not be negative", argument: .label("epochs")) }
            let batch: Int? = arguments.has("batch") ? try arguments.int("batch") : nil
            if let batch, batch < 1 { throw RuntimeError.builtin("batch must be at least 1", argument: .label("batch")) }
            let interpreter = arguments.interpreter
            let (inputs, targets) = (try arguments.tensor("X").value, try arguments.tensor("Y").value)
            let (lossFunction, shuffle) = (try loss(arguments, default: .meanSquaredError), try arguments.bool("shuffle", default: true))
            let history = try callingBack { () throws(CallbackError) in
                try network.train(
                    inputs: inputs, targets: targets, loss: lossFunction, optimizer: optimizerObject.optimizer,
                    epochs: epochs, batchSize: batch, shuffle: shuffle,
                    checkpoint: { () throws(CallbackError) in
                        try asCallback { () throws(RuntimeError) in try interpreter.budget.tick(at: arguments.callRange) }
                    })
            }
            return .object(HistoryObject(history))
        },
        Builtin("trace", [required("net"), required("x"), required("y"), optional("loss")],
                summary: "one forward and backward pass, layer by layer: z, a, dE/dz and dE/dW as tables") { (arguments) throws(RuntimeError) in
            .object(DisplayObject(try LayerTrace.tables(network: try layer(arguments, "net"), input: try arguments.tensor("x").value,
                                                        target: try arguments.tensor("y").value,
                                                        loss: try loss(arguments, default: .halfSumSquares)).map(DisplayItem.table),
                                  typeName: "a trace"))
        },
    ]

    /// A Linear layer's inputs must match the outputs of the Linear before it.
    private static func checkConnections(_ layers: [any Layer], _ arguments: Arguments) throws(RuntimeError) {
        var previous: (outputs: Int, index: Int)?
        for (index, layer) in layers.enumerated() {
            guard let linear = layer as? Linear else { continue }
            if let previous, previous.outputs != linear.inputs {
                throw RuntimeError.builtin(
                    "layer \(index) (\(linear.description)) takes \(linear.inputs) inputs, but layer \(previous.index) gives \(previous.outputs)",
                    argument: .position(index))
            }
            previous = (linear.outputs, index)
        }
    }
}
