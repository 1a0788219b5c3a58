/// A fully connected layer: `y = x Wᵀ + b`, with `W` of shape `[outputs, inputs]` and
/// `b` of shape `[outputs]`, as in PyTorch.
///
/// Initialisation is Xavier/Glorot uniform (Glorot and Bengio, 2010): every weight is drawn
/// from U(−a, a) with a = √(6 / (inputs + outputs)), row by row; biases start at zero.
public final class Linear: Layer {
    public let inputs: Int
    public let outputs: Int
    public let weight: Variable
    public let bias: Variable?

    public init(inputs: Int, outputs: Int, bias: Bool = true, generator: inout RandomGenerator) {
        self.inputs = inputs
        self.outputs = outputs
        self.weight = Variable(NDArray.zeros(Shape([outputs, inputs])), name: "weight")
        self.bias = bias ? Variable(NDArray.zeros(Shape([outputs])), name: "bias") : nil
        initialize(using: &generator)
    }

    public var parameters: [Variable] { bias.map { [weight, $0] } ?? [weight] }

    public func initialize(using generator: inout RandomGenerator) {
        let limit = (6.0 / Double(inputs + outputs)).squareRoot()
        weight.value = generator.uniformArray(Shape([outputs, inputs]), -limit, limit)
        bias?.value = NDArray.zeros(Shape([outputs]))
    }

    public func callAsFunction(_ input: Tensor) throws(EngineError) -> Tensor {
        try Tensor.affine(input, weight: weight.tensor, bias: bias?.tensor)
    }

    public var description: String { "Linear(\(inputs), \(outputs))" }
}
