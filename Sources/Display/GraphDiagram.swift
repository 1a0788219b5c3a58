/// A computation graph as a circuit diagram: leaves and operations, each with its forward
/// value and, after a backward pass, its gradient.
public struct GraphDiagram: Hashable, Sendable {
    public struct Node: Hashable, Sendable {
        /// Index of this node in `nodes`.
        public var id: Int
        /// The operation (`+`, `*`, `sigmoid`, ...) or `leaf` / `const` for inputs.
        public var op: String
        /// The variable name the value was bound to, if any.
        public var label: String?
        /// The forward value in full, written as the notebook writes values (a matrix one
        /// row a line); a wire shows it shortened, and the full text on hover.
        public var value: String
        /// The gradient of the graph's output with respect to this value, if known.
        public var grad: String?
        /// The shape of a tensor value (nil for a number), so that a value too long for its
        /// wire can be labelled with its shape.
        public var shape: [Int]?
        /// Ids of the nodes this one was computed from, in argument order.
        public var inputs: [Int]

        public init(
            id: Int, op: String, label: String? = nil, value: String, grad: String? = nil,
            shape: [Int]? = nil, inputs: [Int] = []
        ) {
            self.id = id
            self.op = op
            self.label = label
            self.value = value
            self.grad = grad
            self.shape = shape
            self.inputs = inputs
        }

        public var isLeaf: Bool { inputs.isEmpty }

        /// A value (or gradient) as the summary line writes it: up to 4 numbers on one
        /// line, else the shape, so the line stays one a reader can take in.
        public func brief(_ text: String) -> String {
            if let shape, shape.reduce(1, *) > 4 { return "[" + shape.map(String.init).joined(separator: ", ") + "]" }
            return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\n" }))
        }
    }

    /// Nodes in topological order: every node's inputs come before it.
    public var nodes: [Node]
    /// The node the graph was drawn from (usually the last).
    public var root: Int

    public init(nodes: [Node], root: Int) {
        self.nodes = nodes
        self.root = root
    }

    /// `5 nodes (3 inputs, 2 operations); f = -12; gradients x -4, y -4, z 3`
    public var summary: String {
        let leaves = nodes.filter { $0.isLeaf }.count
        var parts = ["\(nodes.count) nodes (\(leaves) input\(leaves == 1 ? "" : "s"), \(nodes.count - leaves) operation\(nodes.count - leaves == 1 ? "" : "s"))"]
        if nodes.indices.contains(root) {
            let node = nodes[root]
            parts.append("\(node.label ?? node.op) = \(node.brief(node.value))")
        }
        let named = nodes.filter { $0.label != nil && $0.grad != nil && $0.id != root }
        if !named.isEmpty, named.count <= 8 {
            parts.append("gradients " + named.map { "\($0.label!) \($0.brief($0.grad!))" }.joined(separator: ", "))
        } else if nodes.contains(where: { $0.grad != nil }) {
            parts.append("gradients on \(nodes.filter { $0.grad != nil }.count) nodes")
        }
        return parts.joined(separator: "; ")
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension GraphDiagram: Codable {}
extension GraphDiagram.Node: Codable {}
#endif
