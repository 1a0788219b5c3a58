/// The computation graph behind a value, read back for diagrams and explanations.
public struct ComputationGraph: Sendable {
    public struct Node: Sendable {
        /// Position in `nodes`.
        public let id: Int
        /// The operation (`+`, `*`, `sigmoid`, `@`, ...), or `leaf` for a variable and
        /// `const` for a constant.
        public let operation: String
        /// The name the value was bound to, if any.
        public let label: String?
        public let value: NDArray
        /// d(root)/d(this node) from the backward passes run over this graph, if any.
        public let grad: NDArray?
        /// Ids of the inputs, in argument order.
        public let inputs: [Int]

        public var isLeaf: Bool { inputs.isEmpty }
    }

    /// Nodes in topological order (inputs first); the root is last.
    public let nodes: [Node]

    public var root: Node { nodes[nodes.count - 1] }
}

extension Tensor {
    /// The graph that produced this value: every entry it was computed from.
    public var computationGraph: ComputationGraph {
        switch origin {
        case .scalar, .constant:
            return ComputationGraph(nodes: [.init(id: 0, operation: "const", label: nil, value: value, grad: nil, inputs: [])])
        case .variable(let variable):
            return ComputationGraph(nodes: [.init(id: 0, operation: "leaf", label: variable.name,
                                                  value: variable.value, grad: variable.grad, inputs: [])])
        case .node(let tape, let root):
            return tape.graph(from: root)
        }
    }
}

extension Tape {
    /// The entries reachable from `root`, renumbered in tape order (a topological order).
    func graph(from root: Int32) -> ComputationGraph {
        var reachable = Set<Int32>()
        var stack: [Int32] = [root]
        while let k = stack.popLast() {
            guard k >= 0, reachable.insert(k).inserted else { continue }
            stack.append(contentsOf: inputs(of: entries[Int(k)]))
        }
        // Sorting the indices (not iterating the set) makes the order deterministic.
        let order = reachable.sorted()
        var id: [Int32: Int] = [:]
        for (position, k) in order.enumerated() { id[k] = position }
        let nodes = order.enumerated().map { position, k in
            let entry = entries[Int(k)]
            var label = self.label(k)?.name
            if case .variable(let slot) = entry.op { label = label ?? variables[slot].name }
            return ComputationGraph.Node(
                id: position, operation: operationName(k), label: label, value: value(k), grad: grad(k),
                inputs: inputs(of: entry).map { id[$0]! })
        }
        return ComputationGraph(nodes: nodes)
    }

    func inputs(of entry: Entry) -> [Int32] {
        if case .concat(_, let attribute) = entry.op, case .inputs(let inputs) = attributes[Int(attribute)] {
            return inputs
        }
        if case .custom(let attribute) = entry.op, case .custom(_, let inputs) = attributes[Int(attribute)] {
            return inputs
        }
        return [entry.a, entry.b, entry.c].filter { $0 >= 0 }
    }
}
