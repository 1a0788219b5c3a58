import Display
import Engine

/// One forward and backward pass through a network, written out layer by layer as the
/// derivations write it: for each linear layer, its pre-activations z, activations a and
/// deltas dE/dz per unit, and its weight gradient dE/dW.
enum LayerTrace {
    static func tables(network: any Layer, input: NDArray, target: NDArray, loss: Loss) throws(RuntimeError) -> [Table] {
        guard input.rank == 1 else {
            throw RuntimeError.builtin("trace follows one sample: x must be a vector, not a tensor of shape \(input.shape)")
        }
        let layers = (network as? Sequential)?.layers ?? [network]
        let parameters = network.parameters
        let savedGrads = parameters.map { $0.grad }
        defer { for (parameter, grad) in zip(parameters, savedGrads) { parameter.grad = grad } }
        for parameter in parameters { parameter.grad = nil }

        return try Graph.isolated { () throws(RuntimeError) -> [Table] in
            // Keep every linear layer's z and the activation that follows it.
            var stages: [(linear: Linear, index: Int, z: Tensor, a: Tensor)] = []
            var x = Tensor(input)
            for (index, layer) in layers.enumerated() {
                x = try engineCall { () throws(EngineError) in try layer(x) }
                if let linear = layer as? Linear {
                    stages.append((linear, index, x, x))
                } else if !stages.isEmpty {
                    stages[stages.count - 1].a = x
                }
            }
            let error = try engineCall { () throws(EngineError) in try loss(x, Tensor(target)) }
            try engineCall { () throws(EngineError) in try error.backward() }
            var tables: [Table] = []
            for (number, stage) in stages.enumerated() {
                let z = stage.z.value, a = stage.a.value
                let delta = stage.z.grad ?? NDArray.zeros(z.shape)
                let rows = (0..<z.count).map { unit in
                    Table.Row(label: "unit \(unit)", cells: [z[flat: unit], a[flat: unit], delta[flat: unit]].map { NumberFormat.g($0) })
                }
                tables.append(Table(title: "layer \(number + 1): \(stage.linear.description) (net[\(stage.index)])",
                                    columns: ["z", "a", "dE/dz"], rows: rows))
                let gradient = stage.linear.weight.gradOrZero
                let weightRows = (0..<stage.linear.outputs).map { row in
                    Table.Row(label: "to unit \(row)", cells: (0..<stage.linear.inputs).map {
                        NumberFormat.g(gradient[flat: row * stage.linear.inputs + $0])
                    })
                }
                tables.append(Table(title: "layer \(number + 1): dE/dW",
                                    columns: (0..<stage.linear.inputs).map { "from \($0)" }, rows: weightRows))
            }
            tables.append(Table(title: "loss", columns: ["E"], rows: [.init(label: loss.rawValue, cells: [NumberFormat.g(error.scalar!)])]))
            return tables
        }
    }
}
