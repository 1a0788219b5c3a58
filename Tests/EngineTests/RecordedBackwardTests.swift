import Foundation
import Testing
@testable import Engine

/// The recorded backward pass (`Tensor.recordedGradients`), operation by operation, on the
/// cases of `GradientRuleTests`: its gradients equal the numeric pass's, and differentiating
/// them again gives the second derivatives that central differences of the numeric
/// gradient measure (a Hessian-vector product, so every element of the Hessian counts).
@Suite struct RecordedBackwardTests {
    /// Inputs for a case, away from the kinks of abs, relu, max and clamp.
    static func inputs(_ testCase: GradientRuleTests.Case, _ generator: inout RandomGenerator) -> [NDArray] {
        testCase.shapes.map { dims -> NDArray in
            let shape = Shape(dims)
            let values = testCase.positive ? generator.uniformArray(shape, 0.5, 2) : generator.uniformArray(shape, -1.5, 1.5)
            return values.map { abs($0) < 0.05 ? $0 + 0.1 : (abs(abs($0) - 0.5) < 0.05 ? $0 + 0.1 : $0) }
        }
    }

    /// Σ weights ⊙ f(inputs), so every element of the output is weighed differently.
    static func objective(_ testCase: GradientRuleTests.Case, _ inputs: [Tensor], _ weights: NDArray) throws -> Tensor {
        try (testCase.function(inputs) * Tensor(weights)).sum()
    }

    /// The numeric backward pass's gradient of the objective with respect to every input.
    static func numericGradients(_ testCase: GradientRuleTests.Case, at values: [NDArray], _ weights: NDArray) throws -> [NDArray] {
        let variables = values.map { Variable($0) }
        try Graph.isolated { () throws -> Void in try objective(testCase, variables.map(\.tensor), weights).backward() }
        return variables.map(\.gradOrZero)
    }

    @Test(arguments: GradientRuleTests.cases)
    func recordedGradientsEqualTheNumericPassAndDifferentiateAgain(_ testCase: GradientRuleTests.Case) throws {
        var generator = RandomGenerator(seed: UInt64(testCase.name.utf8.reduce(7) { $0 &* 33 &+ UInt64($1) }))
        let values = Self.inputs(testCase, &generator)
        let weights = generator.uniformArray(try Graph.withoutRecording { try testCase.function(values.map { Tensor($0) }) }.shape, -1, 1)
        let direction = generator.uniformArray(values[0].shape, -1, 1)
        let numeric = try Self.numericGradients(testCase, at: values, weights)

        // The recorded gradients, then d/dx0 of Σ direction ⊙ (dL/dx0): H·direction.
        let variables = values.map { Variable($0) }
        let (recorded, product) = try Graph.isolated { () throws -> ([NDArray], NDArray) in
            let tensors = variables.map(\.tensor)
            let gradients = try Tensor.recordedGradients(of: Self.objective(testCase, tensors, weights), withRespectTo: tensors)
            let projected = try (gradients[0] * Tensor(direction)).sum()
            try projected.backward()
            return (gradients.map(\.value), variables[0].gradOrZero)
        }
        for (index, (ours, theirs)) in zip(recorded, numeric).enumerated() {
            #expect(ours.shape == theirs.shape, "\(testCase.name): input \(index)")
            for i in 0..<theirs.count {
                #expect(abs(ours[flat: i] - theirs[flat: i]) <= 1e-12 * max(1, abs(theirs[flat: i])),
                        "\(testCase.name): dL/dx\(index)[\(i)] recorded \(ours[flat: i]), numeric \(theirs[flat: i])")
            }
        }

        // Central differences of the numeric gradient along the direction.
        let epsilon = 1e-5
        var plus = values, minus = values
        plus[0] = try values[0] + direction.scaled(by: epsilon)
        minus[0] = try values[0] - direction.scaled(by: epsilon)
        let up = try Self.numericGradients(testCase, at: plus, weights)[0]
        let down = try Self.numericGradients(testCase, at: minus, weights)[0]
        for i in 0..<up.count {
            let expected = (up[flat: i] - down[flat: i]) / (2 * epsilon)
            #expect(abs(product[flat: i] - expected) <= 1e-5 * max(1, abs(expected)),
                    "\(testCase.name): (H·v)[\(i)] recorded \(product[flat: i]), central difference \(expected)")
        }
    }

    @Test func closedFormsOfHessiansAndJacobians() throws {
        // The quadratic ½(x² + 25 y²) has the Hessian diag(1, 25) everywhere.
        let point = Variable(NDArray(shape: Shape([2]), values: [0.3, -2]))
        let hessian = try Graph.isolated { () throws -> NDArray in
            let w = point.tensor
            let f = try (w.pow(2) * Tensor(NDArray(shape: Shape([2]), values: [0.5, 12.5]))).sum()
            return try Tensor.jacobian(of: Tensor.recordedGradients(of: f, withRespectTo: [w])[0], withRespectTo: w)
        }
        #expect(hessian.values == [1, 0, 0, 25])

        // softmax's Jacobian is diag(p) − p pᵀ.
        let z = Variable(NDArray(shape: Shape([3]), values: [1, 2, 3]))
        let (jacobian, p) = try Graph.isolated { () throws -> (NDArray, NDArray) in
            let p = try z.tensor.softmax()
            return (try Tensor.jacobian(of: p, withRespectTo: z.tensor), p.value)
        }
        for i in 0..<3 {
            for j in 0..<3 {
                let expected = (i == j ? p[flat: i] : 0) - p[flat: i] * p[flat: j]
                #expect(abs(jacobian[flat: i * 3 + j] - expected) < 1e-15)
            }
        }
    }

    @Test func thirdDerivativesComeFromRecordingTwice() throws {
        // d³/dx³ of sin-free x⁴ at 1.5 is 24 x = 36.
        let x = Variable(NDArray(1.5))
        let third = try Graph.isolated { () throws -> Double in
            let t = x.tensor
            let first = try Tensor.recordedGradients(of: t.pow(4), withRespectTo: [t])[0]
            let second = try Tensor.recordedGradients(of: first, withRespectTo: [t])[0]
            try second.backward()
            return x.gradOrZero.scalar!
        }
        #expect(abs(third - 36) < 1e-12)
    }
}
