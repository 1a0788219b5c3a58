/// The losses a network is trained on. Each is one recorded operation with its own
/// gradient rule, computed so that it stays finite for any input.
public enum Loss: String, Sendable, CaseIterable {
    /// Mean of squared errors over every element (PyTorch's default `MSELoss`).
    case meanSquaredError = "mse"
    /// `E = ½ Σ (g − y)²`: the loss of the classic derivations, whose gradient is `g − y`.
    case halfSumSquares = "half_sse"
    /// Binary cross-entropy of probabilities (after a sigmoid) against targets in [0, 1],
    /// averaged. Probabilities are clamped to [1e-12, 1 − 1e-12] so log never sees 0.
    case binaryCrossEntropy = "bce"
    /// Cross-entropy of softmax(logits) against class indices or one-hot rows, averaged
    /// over samples, computed through log-softmax (stable for any logits).
    case crossEntropy = "cross_entropy"

    public func callAsFunction(_ prediction: Tensor, _ target: Tensor) throws(EngineError) -> Tensor {
        // Broadcasting a [4, 1] prediction against a [4] target gives a [4, 4] difference and
        // a loss of something else entirely: the two must be one shape (cross-entropy's class
        // indices are checked by `oneHot`).
        if self != .crossEntropy && prediction.shape != target.shape {
            throw .lossShapes(loss: rawValue, prediction: prediction.shape, target: target.shape)
        }
        switch self {
        case .meanSquaredError:
            let diff = try prediction.value - target.value
            let value = diff.withUnsafeBufferPointer { d in
                var total = 0.0
                for x in d { total += x * x }
                return total / Double(Swift.max(d.count, 1))
            }
            return Tensor.record(.meanSquaredError, prediction, target, value: NDArray(value))
        case .halfSumSquares:
            let diff = try prediction.value - target.value
            let value = diff.withUnsafeBufferPointer { d in
                var total = 0.0
                for x in d { total += x * x }
                return total / 2
            }
            return Tensor.record(.halfSumSquares, prediction, target, value: NDArray(value))
        case .binaryCrossEntropy:
            let terms = try NDArray.zip(prediction.value, target.value, operation: "binary cross-entropy") { p, t in
                let q = Loss.clampProbability(p)
                return -(t * _log(q) + (1 - t) * _log(1 - q))
            }
            return Tensor.record(.binaryCrossEntropy, prediction, target, value: NDArray(terms.mean()))
        case .crossEntropy:
            let targets = try Loss.oneHot(target.value, like: prediction.value)
            let logProbabilities = try Tensor.softmax(prediction.value, axis: Swift.max(prediction.rank - 1, 0), log: true)
            let rows = prediction.rank > 1 ? prediction.shape.dims[0] : 1
            let value = try -(targets * logProbabilities).sum() / Double(rows)
            // The backward pass needs softmax(logits): keep it rather than compute it again.
            let attribute = OpAttribute.crossEntropy(targets: targets, probabilities: logProbabilities.map { ElementaryFunctions.exp($0) })
            return Tensor.record([prediction], attribute: attribute, value: NDArray(value)) {
                .softmaxCrossEntropy(attribute: $0)
            }
        }
    }

    /// How close to 0 or 1 a probability may come before its logarithm is taken.
    static let probabilityFloor = 1e-12

    static func clampProbability(_ p: Double) -> Double {
        p.isNaN ? p : Swift.min(Swift.max(p, probabilityFloor), 1 - probabilityFloor)
    }

    /// Targets for cross-entropy as probability rows: one-hot rows are kept; class indices
    /// (one per sample) become one-hot rows.
    static func oneHot(_ target: NDArray, like logits: NDArray) throws(EngineError) -> NDArray {
        guard logits.rank == 1 || logits.rank == 2 else {
            throw .invalidArgument("cross-entropy needs logits of shape [classes] or [samples, classes], not \(logits.shape)")
        }
        if target.shape == logits.shape { return target }
        let classes = logits.shape.dims.last!
        let rows = logits.rank == 2 ? logits.shape.dims[0] : 1
        let labels = target.values
        let expected = logits.rank == 2 ? Shape([rows]) : Shape.scalar
        guard target.shape == expected else {
            throw .shapeMismatch(operation: "cross_entropy", logits.shape, target.shape,
                                 detail: "the target must be one class index per sample, of shape \(expected), or one-hot rows of shape \(logits.shape)")
        }
        var values = [Double](repeating: 0, count: rows * classes)
        for (row, label) in labels.enumerated() {
            guard label == label.rounded() else {
                throw .invalidArgument("class index \(label) of sample \(row) is not a whole number")
            }
            guard label >= 0, label < Double(classes) else {
                throw .invalidArgument("class index \(Int(exactly: label).map(String.init) ?? "\(label)") of sample \(row) is out of range: the logits have \(classes) classes, 0..<\(classes)")
            }
            values[row * classes + Int(label)] = 1
        }
        return NDArray(shape: logits.shape, values: values)
    }
}
