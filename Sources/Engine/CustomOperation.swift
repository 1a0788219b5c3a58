/// An operation given by its value and its vector-Jacobian product, written in tensor
/// operations: given the inputs, the output and dL/dOutput, each input's dL/dInput (nil for
/// an input that needs none). Written once, the product serves both backward passes: the
/// numeric one runs it on constants without recording, the recorded one on the graph's own
/// values, so a custom operation differentiates twice like any other (its product may use
/// custom operations itself).
public final class CustomOperation: Sendable {
    public typealias VectorJacobian = @Sendable (_ inputs: [Tensor], _ output: Tensor, _ gradient: Tensor) throws(EngineError) -> [Tensor?]

    /// What a computation-graph diagram shows (`solve`, `det`).
    public let name: String
    let vectorJacobian: VectorJacobian

    public init(name: String, vectorJacobian: @escaping VectorJacobian) {
        self.name = name
        self.vectorJacobian = vectorJacobian
    }
}

extension Tensor {
    /// Records `operation` with `value` as its result.
    public static func custom(_ operation: CustomOperation, _ inputs: [Tensor], value: NDArray) -> Tensor {
        guard inputs.contains(where: { $0.isTracked }), let tape = recordingTape() else { return Tensor(value) }
        let indices = inputs.map { tape.entry(for: $0) }
        let op = Op.custom(attribute: tape.attribute(.custom(operation, inputs: indices)))
        return Tensor(node: tape, tape.append(op, indices.first ?? -1, value: value))
    }
}

extension Tape {
    /// dL/dInput for each input of custom entry `k`, given g = dL/dEntry, as tensors: recorded
    /// on the graph when `recording`, else computed on constants.
    func customRule(at k: Int32, _ g: Tensor, recording: Bool) throws(EngineError) -> [(Int32, Tensor)] {
        guard case .custom(let attribute) = storage[Int(k)].op,
              case .custom(let operation, let inputs) = attributes[Int(attribute)] else { return [] }
        let tensors = inputs.map { recording ? Tensor(node: self, $0) : Tensor(value($0)) }
        let output = recording ? Tensor(node: self, k) : Tensor(value(k))
        let gradients: [Tensor?]
        if recording {
            gradients = try operation.vectorJacobian(tensors, output, g)
        } else {
            gradients = try Graph.withoutRecording { () throws(EngineError) -> [Tensor?] in try operation.vectorJacobian(tensors, output, g) }
        }
        return zip(inputs, gradients).compactMap { input, gradient in gradient.map { (input, $0) } }
    }

    /// The name a diagram shows for entry `k`.
    func operationName(_ k: Int32) -> String {
        if case .custom(let attribute) = storage[Int(k)].op, case .custom(let operation, _) = attributes[Int(attribute)] {
            return operation.name
        }
        return storage[Int(k)].op.name
    }
}
