/// A fully connected feed-forward network as the textbooks draw it: layers of units side by
/// side, every unit of one layer joined to every unit of the next, each edge carrying its
/// weight.
///
/// Weights are held as the engine holds them: a layer's matrix has one row per unit of
/// that layer (the unit fed, j) and one column per unit of the layer before (the source,
/// k), so `weights[j][k]` is w_jk.
public struct NetworkDiagram: Hashable, Sendable {
    public struct Layer: Hashable, Sendable {
        /// What the layer is (`input`, `hidden, σ`), written above it.
        public var name: String?
        /// One label per unit (`x₁`, `h₂`), written in its circle.
        public var units: [String]
        /// Each unit's output for one input, when the diagram shows a forward pass.
        public var values: [Double]?
        /// Each unit's bias (none for the input layer, or when not drawn).
        public var biases: [Double]?
        /// The weights into this layer, one row per unit of it and one column per unit of
        /// the layer before; nil for the input layer.
        public var weights: [[Double]]?

        public init(name: String? = nil, units: [String], values: [Double]? = nil, biases: [Double]? = nil, weights: [[Double]]? = nil) {
            self.name = name
            self.units = units
            self.values = values
            self.biases = biases
            self.weights = weights
        }
    }

    /// The layers from input to output.
    public var layers: [Layer]
    /// Whether each edge is labelled with its weight (else only its colour and thickness
    /// show it).
    public var labelsWeights: Bool

    public init(layers: [Layer], labelsWeights: Bool = true) {
        self.layers = layers
        self.labelsWeights = labelsWeights
    }

    /// Every weight, layer by layer, row by row.
    public var allWeights: [Double] {
        layers.flatMap { $0.weights?.flatMap { $0 } ?? [] }
    }

    /// `2-2-2; 8 weights 0.15..0.55; 4 biases 0.35..0.6; outputs 0.751365, 0.772928`
    public var summary: String {
        var parts = [layers.map { String($0.units.count) }.joined(separator: "-")]
        let weights = allWeights
        parts.append("\(weights.count) weight\(weights.count == 1 ? "" : "s") \(rangeText(weights))"
                     + (labelsWeights || weights.isEmpty ? "" : ", not labelled"))
        let biases = layers.flatMap { $0.biases ?? [] }
        if !biases.isEmpty { parts.append("\(biases.count) bias\(biases.count == 1 ? "" : "es") \(rangeText(biases))") }
        if let outputs = layers.last?.values {
            let text = outputs.count <= 4 ? outputs.map { NumberFormat.g($0) }.joined(separator: ", ") : rangeText(outputs)
            parts.append("output\(outputs.count == 1 ? "" : "s") " + text)
        }
        return parts.joined(separator: "; ")
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension NetworkDiagram: Codable {}
extension NetworkDiagram.Layer: Codable {}
#endif
