/// RMSProp (Tieleman and Hinton, 2012), as PyTorch's `torch.optim.RMSprop`:
///
///     v ← α v + (1 − α) g²;  p ← p − η g / (√v + ε)
public final class RMSProp: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public let alpha: Double
    public let epsilon: Double
    public let weightDecay: Double
    private var average: ParameterState

    public init(parameters: [Variable], learningRate: Double = 0.01, alpha: Double = 0.99,
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.average = ParameterState(for: parameters)
    }

    public func step() {
        let (lr, alpha, eps, decay) = (learningRate, alpha, epsilon, weightDecay)
        forEachParameter { index, p, grad in
            average.with(index, count: p.count) { v in
                for i in 0..<p.count {
                    let g = grad[i] + decay * p[i]
                    v[i] = alpha * v[i] + (1 - alpha) * g * g
                    p[i] -= lr * g / (v[i].squareRoot() + eps)
                }
            }
        }
    }

    public var description: String { "RMSProp(lr: \(learningRate))" }
}
