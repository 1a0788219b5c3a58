/// What training did, epoch by epoch.
public struct TrainingHistory: Sendable, Hashable {
    /// The loss of each epoch, as seen during its steps: for losses that average over
    /// samples, their mean over the epoch; for the half sum of squares, its sum.
    public var loss: [Double] = []
    /// The fraction of samples classified correctly in each epoch, for classification losses.
    public var accuracy: [Double]?
    /// The number of optimizer steps taken.
    public var steps = 0
}

extension Sequential {
    /// Trains the network on `inputs` (one sample per row) against `targets`.
    ///
    /// Each epoch visits every sample once, in mini-batches of `batchSize` (default: the
    /// whole set), shuffled with the network's own generator when `shuffle` is on and there
    /// is more than one batch. Each step runs on a graph of its own, so memory does not grow
    /// with the number of steps. A NaN or infinite loss stops training with an error naming
    /// the epoch. `checkpoint` is called before every step; throwing from it stops training
    /// (the runtime uses it to enforce a notebook's time budget).
    public func train(
        inputs: NDArray, targets: NDArray, loss: Loss, optimizer: any Optimizer, epochs: Int,
        batchSize: Int? = nil, shuffle: Bool = true, checkpoint: () throws(CallbackError) -> Void = {}
    ) throws(CallbackError) -> TrainingHistory {
        guard inputs.rank >= 1, targets.rank >= 1 else {
            throw EngineError.invalidArgument("training needs one sample per row: inputs and targets must have at least one axis")
        }
        let samples = inputs.shape.dims[0]
        guard targets.shape.dims[0] == samples else {
            throw EngineError.shapeMismatch(operation: "training (one target per input row)", inputs.shape, targets.shape)
        }
        guard samples > 0 else { throw EngineError.invalidArgument("training needs at least one sample") }
        guard epochs >= 0 else { throw EngineError.invalidArgument("epochs must not be negative (got \(epochs))") }
        let size = Swift.min(Swift.max(batchSize ?? samples, 1), samples)
        let measuresAccuracy = loss == .crossEntropy || loss == .binaryCrossEntropy
        var history = TrainingHistory(accuracy: measuresAccuracy ? [] : nil)
        var order = Array(0..<samples)

        try Graph.isolated { () throws(CallbackError) in
            for epoch in 0..<epochs {
                if shuffle && size < samples { generator.shuffle(&order) }
                var totalLoss = 0.0, correct = 0
                var start = 0
                while start < samples {
                    try checkpoint()
                    let end = Swift.min(start + size, samples)
                    let (x, y) = size == samples && !(shuffle && size < samples)
                        ? (inputs, targets)
                        : (Self.rows(inputs, order[start..<end]), Self.rows(targets, order[start..<end]))
                    let lossValue: Double
                    // The step's handles end with this scope, before the update: while they
                    // hold the graph, its entries share the parameters' storage, and the
                    // optimizer would have to copy every parameter to update it.
                    do {
                        let prediction = try self(Tensor(x))
                        let value = try loss(prediction, Tensor(y))
                        lossValue = value.scalar ?? .nan
                        history.steps += 1
                        guard lossValue.isFinite else {
                            throw EngineError.nonFiniteLoss(epoch: epoch + 1, step: history.steps, value: lossValue)
                        }
                        optimizer.zeroGrad()
                        try value.backward()
                        if measuresAccuracy { correct += Self.correct(prediction.value, y, loss: loss) }
                    }
                    optimizer.step()
                    // A mean loss counts each batch by its size; a summed one adds up as it is.
                    totalLoss += loss == .halfSumSquares ? lossValue : lossValue * Double(end - start)
                    start = end
                }
                history.loss.append(loss == .halfSumSquares ? totalLoss : totalLoss / Double(samples))
                if measuresAccuracy { history.accuracy!.append(Double(correct) / Double(samples)) }
            }
        }
        return history
    }

    /// The rows of `array` at `indices`, in that order.
    static func rows(_ array: NDArray, _ indices: ArraySlice<Int>) -> NDArray {
        let rowSize = array.count / Swift.max(array.shape.dims[0], 1)
        var dims = array.shape.dims
        dims[0] = indices.count
        return array.withUnsafeBufferPointer { source in
            NDArray.build(Shape(dims)) { out in
                guard rowSize > 0 else { return }
                for (r, index) in indices.enumerated() {
                    (out.baseAddress! + r * rowSize).update(from: source.baseAddress! + index * rowSize, count: rowSize)
                }
            }
        }
    }

    /// How many predictions name the right class: the largest score against the target
    /// class (or one-hot row) for cross-entropy; probability above ½ against a target
    /// above ½ for binary cross-entropy.
    static func correct(_ prediction: NDArray, _ target: NDArray, loss: Loss) -> Int {
        if loss == .binaryCrossEntropy {
            return zip(prediction.values, target.values).filter { ($0 > 0.5) == ($1 > 0.5) }.count
        }
        guard let oneHot = try? Loss.oneHot(target, like: prediction), prediction.rank >= 1 else { return 0 }
        let classes = prediction.shape.dims.last!
        let rows = prediction.count / Swift.max(classes, 1)
        var count = 0
        prediction.withUnsafeBufferPointer { p in
            oneHot.withUnsafeBufferPointer { t in
                for r in 0..<rows {
                    var best = 0, label = 0
                    for c in 0..<classes {
                        if p[r * classes + c] > p[r * classes + best] { best = c }
                        if t[r * classes + c] > t[r * classes + label] { label = c }
                    }
                    if best == label { count += 1 }
                }
            }
        }
        return count
    }
}
