/// Compares the engine's gradients with central finite differences.
public enum GradientCheck {
    /// The largest relative error, over the parameters of `model`, between the gradient from
    /// `backward` and the central difference `(L(p + ε) − L(p − ε)) / 2ε` taken element by
    /// element. Each parameter's error is `‖analytic − numeric‖ / max(‖analytic‖ + ‖numeric‖, 10⁻³)`,
    /// the measure of Ng's gradient-checking notes with a floor: a central difference carries
    /// rounding noise of about 10⁻¹⁰, which must not count as a 100% error when the true
    /// gradient is exactly zero. Parameters and their gradients are left as found.
    public static func relativeError(
        _ model: any Layer, inputs: NDArray, targets: NDArray, loss: Loss, epsilon: Double = 1e-6
    ) throws(EngineError) -> Double {
        let parameters = model.parameters
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
        var worst = 0.0
        for (parameter, gradient) in zip(parameters, analytic) {
            var differenceSquared = 0.0, analyticSquared = 0.0, numericSquared = 0.0
            for i in 0..<parameter.value.count {
                let original = parameter.value[flat: i]
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original + epsilon }
                let plus = try evaluate()
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original - epsilon }
                let minus = try evaluate()
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original }
                let numeric = (plus - minus) / (2 * epsilon)
                let exact = gradient[flat: i]
                differenceSquared += (exact - numeric) * (exact - numeric)
                analyticSquared += exact * exact
                numericSquared += numeric * numeric
            }
            let denominator = Swift.max(analyticSquared.squareRoot() + numericSquared.squareRoot(), 1e-3)
            let error = differenceSquared.squareRoot() / denominator
            if error.isNaN { return .nan }
            worst = Swift.max(worst, error)
        }
        return worst
    }
}
