import Testing
import Engine

/// The recorded backward pass runs the numeric pass's own rules on tensors (the elementwise
/// table of `Rules.swift`, and the mean's, softmax's and the losses' formulas of
/// `Tape+Rules.swift`), so its gradients are the numeric pass's bits, up to the sign of a
/// zero (a gate multiplies the gradient by 0 where the numeric pass writes 0).
@Suite struct RecordedRuleBitsTests {
    /// Cases whose recorded gradients are computed otherwise than by a shared rule.
    static let computedOtherwise: Set<String> = [
        // The broadcast [3, 1] operand's gradient is summed one axis at a time, by `sum`
        // operations, where the numeric pass sums both axes in one loop.
        "multiply",
        // softmax(logits) is computed again, as an operation, where the numeric pass reads back
        // exp(log_softmax) from the forward pass.
        "cross entropy one-hot",
    ]

    @Test(arguments: GradientRuleTests.cases.filter { !computedOtherwise.contains($0.name) })
    func recordedGradientsAreTheNumericPassBits(_ testCase: GradientRuleTests.Case) throws {
        var generator = RandomGenerator(seed: UInt64(testCase.name.utf8.reduce(7) { $0 &* 33 &+ UInt64($1) }))
        let values = RecordedBackwardTests.inputs(testCase, &generator)
        let weights = generator.uniformArray(try Graph.withoutRecording { try testCase.function(values.map { Tensor($0) }) }.shape, -1, 1)
        let numeric = try RecordedBackwardTests.numericGradients(testCase, at: values, weights)
        let variables = values.map { Variable($0) }
        let recorded = try Graph.isolated { () throws -> [NDArray] in
            let tensors = variables.map(\.tensor)
            let objective = try RecordedBackwardTests.objective(testCase, tensors, weights)
            return try Tensor.recordedGradients(of: objective, withRespectTo: tensors).map(\.value)
        }
        for (index, (ours, theirs)) in zip(recorded, numeric).enumerated() {
            #expect(ours.values.map { ($0 + 0).bitPattern } == theirs.values.map { ($0 + 0).bitPattern },
                    "\(testCase.name): dL/dx\(index) recorded \(ours.values), numeric \(theirs.values)")
        }
    }
}
