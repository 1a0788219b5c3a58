import Display

/// A computation graph as it is drawn: constants folded into the operation that uses them
/// (`1 + e` drawn as a `+1` node, `1 / d` as `1/x`, as in the CS231n circuit diagrams), and
/// every other node a vertex.
struct Circuit: Equatable {
    struct Vertex: Equatable {
        /// Index of the node in `GraphDiagram.nodes`.
        var node: Int
        /// What the vertex shows: the op symbol for an operation, the name for an input.
        var symbol: String
        var isInput: Bool
        /// Vertices this one is computed from, in argument order (folded constants left out).
        var inputs: [Int]
        /// Argument position of each of `inputs` in the node's own argument list.
        var ports: [Int]
        /// Number of arguments of the node (ports on the drawing).
        var arity: Int
    }

    var vertices: [Vertex]
    /// The vertex of the graph's root (the output), if it has one.
    var root: Int?

    init(_ graph: GraphDiagram) {
        let nodes = graph.nodes
        // Only references to earlier nodes are honoured: the graph is topologically ordered.
        let inputs = nodes.enumerated().map { index, node in node.inputs.filter { $0 >= 0 && $0 < index } }
        var consumers = [Int](repeating: 0, count: nodes.count)
        for list in inputs { for input in list { consumers[input] += 1 } }
        let rootIndex = nodes.indices.contains(graph.root) ? graph.root : nodes.count - 1

        var folded = [Bool](repeating: false, count: nodes.count)
        var foldedInto: [Int: [(position: Int, text: String)]] = [:]
        for (index, node) in nodes.enumerated() where inputs[index].count == 2 {
            guard let symbol = Circuit.binarySymbol(node.op) else { continue }
            for (position, input) in inputs[index].enumerated() {
                let candidate = nodes[input]
                let other = inputs[index][1 - position]
                guard Circuit.isConstant(candidate), consumers[input] == 1, input != rootIndex,
                      !folded[other], other != input, foldedInto[index] == nil else { continue }
                folded[input] = true
                let constant = Typography.display(GraphDiagramRenderer.compactNumber(candidate.value))
                foldedInto[index] = [(position, Circuit.foldedSymbol(symbol, constant: constant, constantFirst: position == 0))]
            }
        }

        var vertexOf = [Int?](repeating: nil, count: nodes.count)
        var vertices: [Vertex] = []
        for (index, node) in nodes.enumerated() where !folded[index] {
            let kept = inputs[index].enumerated().filter { !folded[$0.element] }
            let symbol: String
            let isInput = inputs[index].isEmpty
            if let fold = foldedInto[index]?.first {
                symbol = fold.text
            } else if isInput {
                symbol = node.label ?? GraphDiagramRenderer.wireText(node.value, shape: node.shape)
            } else {
                symbol = Circuit.symbol(node.op)
            }
            // A folded operation shows one argument, which enters it in the middle.
            let isFolded = foldedInto[index] != nil
            vertexOf[index] = vertices.count
            vertices.append(Vertex(
                node: index, symbol: symbol, isInput: isInput,
                inputs: kept.compactMap { vertexOf[$0.element] },
                ports: isFolded ? Array(kept.indices) : kept.map { $0.offset },
                arity: isFolded ? kept.count : inputs[index].count
            ))
        }
        self.vertices = vertices
        self.root = nodes.isEmpty ? nil : vertexOf[rootIndex]
    }

    /// A leaf that holds a literal: no name, and its op says so (or says nothing else).
    static func isConstant(_ node: GraphDiagram.Node) -> Bool {
        node.isLeaf && node.label == nil && ["const", "constant", "leaf", "literal", "scalar", ""].contains(node.op.lowercased())
    }

    /// The symbol of a two-argument operation that can absorb a constant.
    static func binarySymbol(_ op: String) -> String? {
        switch op.lowercased() {
        case "+", "add": return "+"
        case "-", "sub", "subtract", "\u{2212}": return "-"
        case "*", "mul", "multiply", "\u{00D7}": return "\u{00D7}"
        case "/", "div", "divide": return "/"
        case "^", "**", "pow", "power": return "^"
        default: return nil
        }
    }

    /// `+1`, `×-1`, `1/x`, `x^2`, `2-x`... (a multiplication is drawn `×`: the asterisk sits
    /// too high and small in a circle).
    static func foldedSymbol(_ symbol: String, constant: String, constantFirst: Bool) -> String {
        switch (symbol, constantFirst) {
        case ("+", _), ("\u{00D7}", _): return symbol + constant
        case ("-", false): return "\u{2212}" + (constant.hasPrefix("\u{2212}") ? "(\(constant))" : constant)
        case ("/", false): return "/" + constant
        case ("^", false):
            // Small whole powers as superscripts: x², x³.
            let superscripts: [String: String] = ["2": "\u{00B2}", "3": "\u{00B3}", "4": "\u{2074}", "\u{2212}1": "\u{207B}\u{00B9}"]
            return "x" + (superscripts[constant] ?? "^" + constant)
        case ("-", true): return constant + "\u{2212}x"
        default: return constant + symbol + "x"
        }
    }

    /// The symbol drawn in an operation's circle.
    static func symbol(_ op: String) -> String {
        switch op.lowercased() {
        case "+", "add": return "+"
        case "-", "sub", "subtract": return "\u{2212}"
        case "*", "mul", "multiply": return "\u{00D7}"
        case "/", "div", "divide": return "/"
        case "^", "**", "pow", "power": return "^"
        case "neg", "negate": return "\u{2212}x"
        case "sigmoid", "\u{03C3}": return "\u{03C3}"
        case "recip", "reciprocal", "inv", "inverse", "1/x": return "1/x"
        case "sqrt": return "\u{221A}"
        case "@", "matmul": return "@"
        default: return op.isEmpty ? "?" : op
        }
    }
}
