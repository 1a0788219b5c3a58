/// Stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay,
/// following PyTorch's `torch.optim.SGD`:
///
///     g ← ∇ + λ p;  v ← μ v + g;  p ← p − η (g + μ v if Nesterov, else v)
public final class SGD: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public let momentum: Double
    public let nesterov: Bool
    public let weightDecay: Double
    private var velocity: ParameterState
    private var started = false

    public init(parameters: [Variable], learningRate: Double, momentum: Double = 0, nesterov: Bool = false, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        self.velocity = ParameterState(for: parameters)
    }

    public func step() {
        let (lr, mu, decay, nesterov, first) = (learningRate, momentum, weightDecay, nesterov, !started)
        started = true
        forEachParameter { index, p, grad in
            if mu == 0 {
                for i in 0..<p.count { p[i] -= lr * (grad[i] + decay * p[i]) }
                return
            }
            velocity.with(index, count: p.count) { v in
                for i in 0..<p.count {
                    let g = grad[i] + decay * p[i]
                    // PyTorch starts the velocity at the first gradient, not at zero.
                    v[i] = first ? g : mu * v[i] + g
                    p[i] -= lr * (nesterov ? g + mu * v[i] : v[i])
                }
            }
        }
    }

    public var description: String {
        var text = "SGD(lr: \(learningRate)"
        if momentum != 0 { text += ", momentum: \(momentum)" }
        if nesterov { text += ", nesterov: true" }
        if weightDecay != 0 { text += ", weight_decay: \(weightDecay)" }
        return text + ")"
    }
}
