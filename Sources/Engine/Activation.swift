/// A layer without parameters that applies a function elementwise (or per row, for softmax).
public final class Activation: Layer {
    public enum Function: Hashable, Sendable {
        case sigmoid
        case tanh
        case relu
        case leakyRelu(slope: Double)
        /// Softmax over the last axis (each sample's scores become probabilities).
        case softmax
    }

    public let function: Function

    public init(_ function: Function) {
        self.function = function
    }

    public var parameters: [Variable] { [] }
    public func initialize(using generator: inout RandomGenerator) {}

    public func callAsFunction(_ input: Tensor) throws(EngineError) -> Tensor {
        switch function {
        case .sigmoid: return input.sigmoid()
        case .tanh: return input.tanh()
        case .relu: return input.relu()
        case .leakyRelu(let slope): return input.leakyRelu(slope: slope)
        case .softmax: return try input.softmax(axis: -1)
        }
    }

    public var description: String {
        switch function {
        case .sigmoid: return "Sigmoid()"
        case .tanh: return "Tanh()"
        case .relu: return "ReLU()"
        case .leakyRelu(let slope): return "LeakyReLU(\(slope))"
        case .softmax: return "Softmax()"
        }
    }
}
