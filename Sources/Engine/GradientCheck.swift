/// Compares the engine's gradients with central finite differences.
public enum GradientCheck {
    /// An element whose gradient from `backward` and central difference disagree.
    public struct Mismatch: Sendable {
        /// The parameter, by the path a notebook reaches it (`[2].weight`).
        public var parameter: String
        /// The element, with the backward pass's value as `actual` and the central
        /// difference as `expected`.
        public var element: Tolerance.Mismatch
    }

    /// The element, over every parameter of `model`, whose gradient from `backward` fails
    /// `tolerance` against the central difference `(L(p + ε) − L(p − ε)) / 2ε` by the largest
    /// factor; nil when all agree. Parameters and their gradients are left as found.
    public static func worstMismatch(
        _ model: any Layer, inputs: NDArray, targets: NDArray, loss: Loss,
        tolerance: Tolerance = .gradcheck, epsilon: Double = 1e-6
    ) throws(EngineError) -> Mismatch? {
        let parameters = model.namedParameters
        let objective = { () throws(EngineError) -> Tensor in try loss(model(Tensor(inputs)), Tensor(targets)) }
        #if hasFeature(Embedded)
        // There a `CallbackError` is an `EngineError` already.
        return try worstMismatch(parameters, tolerance: tolerance, epsilon: epsilon, objective: objective)
        #else
        do {
            return try worstMismatch(parameters, tolerance: tolerance, epsilon: epsilon, objective: objective)
        } catch let error as EngineError {
            throw error
        } catch {
            preconditionFailure("a network's loss throws only engine errors, not \(error)")
        }
        #endif
    }

    /// The same for any scalar `objective` of `variables` (a function of tensors, by the
    /// name a message gives each variable): the element whose gradient from `backward`
    /// disagrees with the central difference by the largest factor, or nil. The variables'
    /// values and gradients are left as found; only these variables are differentiated
    /// (others the objective uses are constants).
    public static func worstMismatch(
        _ variables: [(name: String, variable: Variable)], tolerance: Tolerance = .gradcheck, epsilon: Double = 1e-6,
        objective: () throws(CallbackError) -> Tensor
    ) throws(CallbackError) -> Mismatch? {
        let parameters = variables.map { $0.variable }
        let savedGrads = parameters.map { $0.grad }
        defer { for (parameter, grad) in zip(parameters, savedGrads) { parameter.grad = grad } }

        let analytic: [NDArray] = try Graph.isolated(differentiating: parameters.count == 1 ? parameters[0] : nil) { () throws(CallbackError) -> [NDArray] in
            let value = try objective()
            guard value.value.count == 1 else { throw EngineError.nonScalarBackward(value.shape) }
            // After the objective, which may run backward passes of its own.
            for parameter in parameters { parameter.grad = nil }
            try value.backward()
            return parameters.map { $0.gradOrZero }
        }
        func evaluate() throws(CallbackError) -> Double {
            try Graph.withoutRecording { () throws(CallbackError) -> Double in try objective().scalar ?? .nan }
        }
        var worst: (mismatch: Mismatch, excess: Double)?
        for ((name, parameter), gradient) in zip(variables, analytic) {
            var numeric = [Double](repeating: 0, count: parameter.value.count)
            for i in 0..<parameter.value.count {
                let original = parameter.value[flat: i]
                defer { parameter.value.withUnsafeMutableBufferPointer { $0[i] = original } }
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original + epsilon }
                let plus = try evaluate()
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original - epsilon }
                let minus = try evaluate()
                numeric[i] = (plus - minus) / (2 * epsilon)
            }
            guard let element = tolerance.worst(gradient, NDArray(shape: gradient.shape, values: numeric)) else { continue }
            let excess = element.difference.isFinite ? element.difference / Swift.max(element.allowed, .leastNonzeroMagnitude) : .infinity
            if worst == nil || excess > worst!.excess { worst = (Mismatch(parameter: name, element: element), excess) }
        }
        return worst?.mismatch
    }
}
