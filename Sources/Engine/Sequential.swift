/// Layers applied one after the other: a feed-forward network.
///
/// A network owns a seeded generator. Given a seed, it draws every layer's initial
/// parameters from it (layer by layer, so the weights depend only on the seed and the
/// architecture); training shuffles mini-batches with the same generator.
public final class Sequential: Layer {
    public private(set) var layers: [any Layer]
    public var generator: RandomGenerator
    public let seed: UInt64

    public init(_ layers: [any Layer], seed: UInt64) {
        self.layers = layers
        self.seed = seed
        self.generator = RandomGenerator(seed: seed)
        initialize(using: &generator)
    }

    /// A network whose layers keep the parameters they already have.
    public init(keeping layers: [any Layer], seed: UInt64) {
        self.layers = layers
        self.seed = seed
        self.generator = RandomGenerator(seed: seed)
    }

    public var parameters: [Variable] { layers.flatMap { $0.parameters } }

    public var namedParameters: [(name: String, variable: Variable)] {
        layers.enumerated().flatMap { index, layer in layer.namedParameters.map { ("[\(index)]" + $0.name, $0.variable) } }
    }

    public func initialize(using generator: inout RandomGenerator) {
        for layer in layers { layer.initialize(using: &generator) }
    }

    public func callAsFunction(_ input: Tensor) throws(EngineError) -> Tensor {
        var x = input
        for layer in layers { x = try layer(x) }
        return x
    }

    public subscript(index: Int) -> any Layer { layers[index] }

    public var count: Int { layers.count }

    public var description: String {
        "Sequential(" + layers.map { $0.description }.joined(separator: ", ") + ")"
    }
}
