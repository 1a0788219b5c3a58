import Diagnostics
import Display
import Engine

/// `network(net)`: a network drawn as layers of units joined by weighted edges, from the
/// weights its layers hold.
extension Builtins {
    /// Layers wider than this are refused: their units and edges could not be told apart.
    static let widestLayerDrawn = 16

    static let networkDiagrams: [Builtin] = [
        Builtin("network", [required("net"), optional("x"), optional("names"), optional("index_from"), optional("weights"),
                            optional("biases"), optional("title"), optional("caption"), optional("label")],
                summary: "a network as layers of units: the weights into unit j written beside it, w_jk on the edge from source k; of a Sequential of Linear layers and activations, or of a list of weight matrices; x: adds each unit's output for that input") { (arguments) throws(RuntimeError) in
            var layers = try networkLayers(arguments)
            let indexFrom = try arguments.int("index_from", default: 1)
            guard indexFrom == 0 || indexFrom == 1 else {
                throw RuntimeError.builtin("index_from is 0 (as the engine counts units) or 1 (as most textbooks do)", argument: .label("index_from"))
            }
            let names = try unitNames(arguments, layerSizes: layers.map { $0.units.count }, indexFrom: indexFrom)
            for index in layers.indices { layers[index].units = names[index] }
            let diagram = NetworkDiagram(layers: layers, labelsWeights: try arguments.bool("weights", default: true))
            return try figureValue(Figure(title: try arguments.string("title"), .network(diagram)), arguments)
        },
    ]

    /// The layers of the diagram from the network (or the matrices) given, with their
    /// weights, biases and, given x:, outputs; units are named afterwards.
    private static func networkLayers(_ arguments: Arguments) throws(RuntimeError) -> [NetworkDiagram.Layer] {
        let value = arguments.value("net") ?? .none
        if case .object(let object as LayerObject) = value {
            return try layers(of: object.layer, arguments)
        }
        // A list of weight matrices (stacked into one tensor when they have one shape).
        var matrices: [NDArray]
        switch value {
        case .tensor(let t) where t.rank == 3:
            matrices = try (0..<t.shape.dims[0]).map { (item) throws(RuntimeError) in try engineCall { () throws(EngineError) in try t.indexed([.index(item)]).value } }
        case .tensor(let t) where t.rank == 2:
            matrices = [t.value]
        case .list(let items), .tuple(let items):
            matrices = try items.enumerated().map { (index, item) throws(RuntimeError) in
                guard case .tensor(let t) = item, t.rank == 2 else {
                    throw RuntimeError.builtin("a weight matrix has one row per unit fed and one column per source; item \(index) is a \(item.typeName)",
                                       argument: .label("net"))
                }
                return t.value
            }
        default:
            throw RuntimeError.builtin("network draws a network (Sequential of Linear layers and activations) or a list of weight matrices, not a \(value.typeName)",
                               argument: .label("net"))
        }
        guard !matrices.isEmpty else { throw RuntimeError.builtin("network needs at least one weight matrix", argument: .label("net")) }
        for (index, pair) in zip(matrices, matrices.dropFirst()).enumerated() where pair.1.shape.dims[1] != pair.0.shape.dims[0] {
            let fed = pair.0.shape.dims[0]
            throw RuntimeError.builtin("matrix \(index + 1) has \(pair.1.shape.dims[1]) columns, one per source, but matrix \(index) feeds \(fed) unit\(fed == 1 ? "" : "s")",
                               argument: .label("net"))
        }
        if arguments.has("x") {
            throw RuntimeError.builtin("x: needs a network to run; matrices alone have no activations", argument: .label("x"))
        }
        if try arguments.bool("biases", default: false) {
            throw RuntimeError.builtin("matrices alone have no biases; draw the network itself to show them", argument: .label("biases"))
        }
        let sizes = [matrices[0].shape.dims[1]] + matrices.map { $0.shape.dims[0] }
        try checkDrawable(sizes)
        return sizes.indices.map { l in
            NetworkDiagram.Layer(name: layerName(l, of: sizes.count, activation: nil), units: Array(repeating: "", count: sizes[l]),
                                 weights: l == 0 ? nil : rows(matrices[l - 1]))
        }
    }

    private static func layers(of network: any Layer, _ arguments: Arguments) throws(RuntimeError) -> [NetworkDiagram.Layer] {
        // Each linear layer and the activations after it are one layer of units.
        var stages: [(linear: Linear, activations: [Activation])] = []
        for layer in flattened(network) {
            if let linear = layer as? Linear {
                stages.append((linear, []))
            } else if let activation = layer as? Activation {
                guard !stages.isEmpty else {
                    throw RuntimeError.builtin("network draws layers of units: \(activation.description) comes before any Linear layer", argument: .label("net"))
                }
                stages[stages.count - 1].activations.append(activation)
            }
        }
        guard let first = stages.first else {
            throw RuntimeError.builtin("this network has no Linear layer, so no units to draw", argument: .label("net"))
        }
        let sizes = [first.linear.inputs] + stages.map { $0.linear.outputs }
        try checkDrawable(sizes)
        var values: [[Double]]?
        if arguments.has("x") {
            var x = try arguments.tensor("x").value
            if x.rank == 2 && x.shape.dims[0] == 1 { x = try engineCall { () throws(EngineError) in try x.reshaped(Shape([x.count])) } }
            guard x.rank == 1, x.count == first.linear.inputs else {
                throw RuntimeError.builtin("x: is one input, a vector of \(first.linear.inputs) numbers, not a tensor of shape \(x.shape)", argument: .label("x"))
            }
            let input = x
            values = try Graph.withoutRecording { () throws(RuntimeError) -> [[Double]] in
                var outputs = [input.values]
                var a = Tensor(input)
                for stage in stages {
                    a = try engineCall { () throws(EngineError) in try stage.linear(a) }
                    for activation in stage.activations { a = try engineCall { () throws(EngineError) in try activation(a) } }
                    outputs.append(a.value.values)
                }
                return outputs
            }
        }
        // Biases are drawn when asked, or when one of them is not zero: a freshly
        // initialised network's zeros would only crowd the picture.
        let anyBias = stages.contains { $0.linear.bias?.value.values.contains { $0 != 0 } ?? false }
        let drawBiases = try arguments.bool("biases", default: anyBias)
        return sizes.indices.map { l in
            let stage = l == 0 ? nil : stages[l - 1]
            return NetworkDiagram.Layer(
                name: layerName(l, of: sizes.count, activation: stage.flatMap { $0.activations.isEmpty ? nil : $0.activations.map(symbol).joined(separator: ", ") }),
                units: Array(repeating: "", count: sizes[l]), values: values?[l],
                biases: drawBiases ? stage?.linear.bias?.value.values : nil,
                weights: stage.map { rows($0.linear.weight.value) })
        }
    }

    /// The layers of a network, nested networks opened.
    private static func flattened(_ layer: any Layer) -> [any Layer] {
        guard let network = layer as? Sequential else { return [layer] }
        return network.layers.flatMap(flattened)
    }

    private static func checkDrawable(_ sizes: [Int]) throws(RuntimeError) {
        if let (index, size) = sizes.enumerated().first(where: { $0.element > widestLayerDrawn }) {
            throw RuntimeError.builtin("layer \(index) has \(size) units, too many to draw (at most \(widestLayerDrawn))",
                               notes: [.init("draw a smaller network, or show the weights with table(net[i].weight)")],
                               argument: .label("net"))
        }
    }

    private static func rows(_ matrix: NDArray) -> [[Double]] {
        let columns = matrix.shape.dims[1]
        return (0..<matrix.shape.dims[0]).map { row in (0..<columns).map { matrix[flat: row * columns + $0] } }
    }

    /// `input`, `hidden, σ`, `hidden 2, tanh`, `output, softmax`.
    private static func layerName(_ index: Int, of count: Int, activation: String?) -> String {
        let base = index == 0 ? "input" : index == count - 1 ? "output" : count > 3 ? "hidden \(index)" : "hidden"
        return base + (activation.map { ", " + $0 } ?? "")
    }

    private static func symbol(_ activation: Activation) -> String {
        switch activation.function {
        case .sigmoid: return "\u{03C3}"
        case .tanh: return "tanh"
        case .relu: return "ReLU"
        case .leakyRelu: return "leaky ReLU"
        case .softmax: return "softmax"
        }
    }

    /// Unit labels, layer by layer: from `names:` (a letter per layer, numbered with
    /// subscripts, or a list of labels per layer), else x, h and y.
    private static func unitNames(_ arguments: Arguments, layerSizes: [Int], indexFrom: Int) throws(RuntimeError) -> [[String]] {
        let count = layerSizes.count
        let defaults = (0..<count).map { l in
            l == 0 ? "x" : l == count - 1 ? "y" : count > 3 ? "h" + superscripted(l) : "h"
        }
        var specs: [Value] = defaults.map { .string($0) }
        if let value = arguments.value("names") {
            guard case .list(let items) = value, items.count == count else {
                throw RuntimeError.builtin("names: is a list of one name per layer, \(count) here (like [\"x\", \"h\", \"y\"])", argument: .label("names"))
            }
            specs = items
        }
        return try zip(specs, layerSizes).enumerated().map { (index, pair) throws(RuntimeError) in
            let (spec, size) = pair
            switch spec {
            case .string(let prefix):
                return (0..<size).map { prefix + subscripted($0 + indexFrom) }
            case .list(let labels) where labels.count == size:
                return labels.map { label in
                    if case .string(let s) = label { return s }
                    return ValueFormatter.text(label) ?? ""
                }
            default:
                throw RuntimeError.builtin("the names of layer \(index) are a letter (numbered for each unit) or a list of \(size) labels",
                                   argument: .label("names"))
            }
        }
    }

    private static func subscripted(_ number: Int) -> String {
        String(String(number).map { Character(Unicode.Scalar(0x2080 + $0.wholeNumberValue!)!) })
    }

    private static func superscripted(_ number: Int) -> String {
        let digits = ["\u{2070}", "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}", "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}", "\u{2079}"]
        return String(number).map { digits[$0.wholeNumberValue!] }.joined()
    }
}
