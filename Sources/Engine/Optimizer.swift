/// Updates parameters from their gradients. Updates happen in place and are never recorded.
public protocol Optimizer: AnyObject {
    /// The variables this optimizer updates, in order.
    var parameters: [Variable] { get }
    /// The step size.
    var learningRate: Double { get set }
    /// One update of every parameter that has a gradient.
    func step()
    /// How the optimizer is written in a notebook, e.g. `SGD(lr: 0.5, momentum: 0.9)`.
    var description: String { get }
}

extension Optimizer {
    /// Clears the gradients of every parameter.
    public func zeroGrad() {
        for parameter in parameters { parameter.zeroGrad() }
    }

    /// Applies `update(index, parameter values, gradient values)` to every parameter that has
    /// a gradient of its own shape, in place.
    func forEachParameter(
        _ update: (_ index: Int, _ values: UnsafeMutableBufferPointer<Double>, _ grad: UnsafeBufferPointer<Double>) -> Void
    ) {
        GraphContext.withCurrent { $0.releaseUnreachableSpare() }
        for (index, parameter) in parameters.enumerated() {
            guard let grad = parameter.grad, grad.shape == parameter.value.shape else { continue }
            grad.withUnsafeBufferPointer { g in
                parameter.value.withUnsafeMutableBufferPointer { p in update(index, p, g) }
            }
        }
    }
}

/// Optimizer state of the same shape as each parameter (velocities, moment estimates).
struct ParameterState {
    var buffers: [[Double]]

    init(for parameters: [Variable]) {
        buffers = parameters.map { [Double](repeating: 0, count: $0.value.count) }
    }

    /// Runs `body` with the state of parameter `index`, resized if the parameter was replaced.
    mutating func with(_ index: Int, count: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) {
        if buffers[index].count != count { buffers[index] = [Double](repeating: 0, count: count) }
        buffers[index].withUnsafeMutableBufferPointer { body($0) }
    }
}
