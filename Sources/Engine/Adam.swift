/// Adam (Kingma and Ba, 2015) with bias-corrected moment estimates, as PyTorch's
/// `torch.optim.Adam`:
///
///     m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
///     p ← p − η m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
public final class Adam: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let weightDecay: Double
    private var first: ParameterState
    private var second: ParameterState
    private var steps = 0

    public init(parameters: [Variable], learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.first = ParameterState(for: parameters)
        self.second = ParameterState(for: parameters)
    }

    public func step() {
        steps += 1
        let (lr, b1, b2, eps, decay) = (learningRate, beta1, beta2, epsilon, weightDecay)
        let correction1 = 1 - pow(b1, Double(steps)), correction2 = 1 - pow(b2, Double(steps))
        forEachParameter { index, p, grad in
            first.with(index, count: p.count) { m in
                second.with(index, count: p.count) { v in
                    for i in 0..<p.count {
                        let g = grad[i] + decay * p[i]
                        m[i] = b1 * m[i] + (1 - b1) * g
                        v[i] = b2 * v[i] + (1 - b2) * g * g
                        p[i] -= lr * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + eps)
                    }
                }
            }
        }
    }

    public var description: String { "Adam(lr: \(learningRate))" }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var n = Int(exponent)
    var b = base
    while n > 0 {
        if n & 1 == 1 { result *= b }
        b *= b
        n >>= 1
    }
    return result
}
