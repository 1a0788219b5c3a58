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
        let named = model.namedParameters
        let parameters = named.map(\.variable)
        let savedGrads = parameters.map(\.grad)
        defer { for (parameter, grad) in zip(parameters, savedGrads) { parameter.grad = grad } }

        let analytic: [NDArray] = try Graph.isolated { () throws(EngineError) -> [NDArray] in
            for parameter in parameters { parameter.grad = nil }
            try loss(model(Tensor(inputs)), Tensor(targets)).backward()
            return parameters.map(\.gradOrZero)
        }
        func evaluate() throws(EngineError) -> Double {
            try Graph.withoutRecording { () throws(EngineError) -> Double in
                try loss(model(Tensor(inputs)), Tensor(targets)).scalar ?? .nan
            }
        }
        var worst: (mismatch: Mismatch, excess: Double)?
        for ((name, parameter), gradient) in zip(named, analytic) {
            var numeric = [Double](repeating: 0, count: parameter.value.count)
            for i in 0..<parameter.value.count {
                let original = parameter.value[flat: i]
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original + epsilon }
                let plus = try evaluate()
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original - epsilon }
                let minus = try evaluate()
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original }
                numeric[i] = (plus - minus) / (2 * epsilon)
            }
            guard let element = tolerance.worst(gradient, NDArray(shape: gradient.shape, values: numeric)) else { continue }
            let excess = element.difference.isFinite ? element.difference / Swift.max(element.allowed, .leastNonzeroMagnitude) : .infinity
            if worst == nil || excess > worst!.excess { worst = (Mismatch(parameter: name, element: element), excess) }
        }
        return worst?.mismatch
    }
}
