import Foundation
import Testing
@testable import Engine

/// Every operation's gradient rule against central finite differences, on random shapes
/// with broadcasting, under a random upstream gradient (so every element's rule is tested,
/// not only their sum).
@Suite struct GradientRuleTests {
    /// One case: input shapes, how to draw inputs, and the operation.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let shapes: [[Int]]
        var positive = false
        let function: @Sendable ([Tensor]) throws -> Tensor
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "add broadcast", shapes: [[3, 4], [4]]) { try $0[0] + $0[1] },
        Case(name: "add column", shapes: [[3, 1], [1, 4]]) { try $0[0] + $0[1] },
        Case(name: "subtract scalar", shapes: [[2, 3], []]) { try $0[0] - $0[1] },
        Case(name: "multiply", shapes: [[2, 3, 4], [3, 1]]) { try $0[0] * $0[1] },
        Case(name: "divide", shapes: [[3, 2], [2]], positive: true) { try $0[0] / $0[1] },
        Case(name: "negate", shapes: [[5]]) { -$0[0] },
        Case(name: "square", shapes: [[2, 3]]) { $0[0].pow(2) },
        Case(name: "power 1.5", shapes: [[4]], positive: true) { $0[0].pow(1.5) },
        Case(name: "power tensor", shapes: [[3], [3]], positive: true) { try $0[0].power($0[1]) },
        Case(name: "exp", shapes: [[2, 2]]) { $0[0].exp() },
        Case(name: "log", shapes: [[3]], positive: true) { $0[0].log() },
        Case(name: "sqrt", shapes: [[3]], positive: true) { $0[0].sqrt() },
        Case(name: "abs", shapes: [[6]]) { $0[0].abs() },
        Case(name: "sigmoid", shapes: [[2, 3]]) { $0[0].sigmoid() },
        Case(name: "tanh", shapes: [[2, 3]]) { $0[0].tanh() },
        Case(name: "relu", shapes: [[7]]) { $0[0].relu() },
        Case(name: "leaky relu", shapes: [[7]]) { $0[0].leakyRelu(slope: 0.1) },
        Case(name: "maximum", shapes: [[4], [4]]) { try Tensor.maximum($0[0], $0[1]) },
        Case(name: "minimum broadcast", shapes: [[2, 3], [3]]) { try Tensor.minimum($0[0], $0[1]) },
        Case(name: "clamp", shapes: [[6]]) { $0[0].clamped(-0.5, 0.5) },
        Case(name: "sum", shapes: [[2, 3]]) { $0[0].sum() },
        Case(name: "mean", shapes: [[2, 3]]) { $0[0].mean() },
        Case(name: "sum axis 0", shapes: [[3, 4]]) { try $0[0].sum(axis: 0) },
        Case(name: "mean axis -1 keep", shapes: [[2, 3, 4]]) { try $0[0].mean(axis: -1, keepingAxis: true) },
        Case(name: "max", shapes: [[5]]) { try $0[0].max() },
        Case(name: "min axis 1", shapes: [[3, 4]]) { try $0[0].min(axis: 1) },
        Case(name: "matmul matrix", shapes: [[3, 4], [4, 2]]) { try Tensor.matmul($0[0], $0[1]) },
        Case(name: "matmul vector left", shapes: [[4], [4, 3]]) { try Tensor.matmul($0[0], $0[1]) },
        Case(name: "matmul vector right", shapes: [[2, 4], [4]]) { try Tensor.matmul($0[0], $0[1]) },
        Case(name: "matmul dot", shapes: [[5], [5]]) { try Tensor.matmul($0[0], $0[1]) },
        Case(name: "matmul batched broadcast", shapes: [[2, 3, 4], [4, 5]]) { try Tensor.matmul($0[0], $0[1]) },
        Case(name: "matmul large blocked", shapes: [[20, 70], [70, 40]]) { try Tensor.matmul($0[0], $0[1]) },
        Case(name: "affine batch", shapes: [[5, 3], [4, 3], [4]]) { try Tensor.affine($0[0], weight: $0[1], bias: $0[2]) },
        Case(name: "affine vector", shapes: [[3], [2, 3], [2]]) { try Tensor.affine($0[0], weight: $0[1], bias: $0[2]) },
        Case(name: "affine large", shapes: [[33, 40], [24, 40], [24]]) { try Tensor.affine($0[0], weight: $0[1], bias: $0[2]) },
        Case(name: "outer", shapes: [[3], [4]]) { try Tensor.outer($0[0], $0[1]) },
        Case(name: "transpose", shapes: [[2, 3]]) { $0[0].transposed },
        Case(name: "permute", shapes: [[2, 3, 4]]) { try $0[0].permuted([2, 0, 1]) },
        Case(name: "reshape", shapes: [[2, 6]]) { try $0[0].reshaped([3, -1]) },
        Case(name: "index row", shapes: [[3, 4]]) { try $0[0].indexed([.index(-1)]) },
        Case(name: "slice with step", shapes: [[6, 3]]) { try $0[0].indexed([.slice(start: 1, end: nil, step: 2), .index(0)]) },
        Case(name: "reverse slice", shapes: [[5]]) { try $0[0].indexed([.slice(start: nil, end: nil, step: -1)]) },
        Case(name: "concat", shapes: [[2, 3], [2, 1]]) { try Tensor.concatenate([$0[0], $0[1]], axis: 1) },
        Case(name: "softmax", shapes: [[3, 4]]) { try $0[0].softmax() },
        Case(name: "log softmax axis 0", shapes: [[3, 4]]) { try $0[0].logSoftmax(axis: 0) },
        Case(name: "mse", shapes: [[4, 2], [4, 2]]) { try Loss.meanSquaredError($0[0], $0[1]) },
        Case(name: "half sum squares", shapes: [[3], [3]]) { try Loss.halfSumSquares($0[0], $0[1]) },
        Case(name: "bce", shapes: [[4], [4]]) { try Loss.binaryCrossEntropy($0[0].sigmoid(), $0[1].sigmoid()) },
        Case(name: "cross entropy one-hot", shapes: [[3, 4]]) {
            try Loss.crossEntropy($0[0], Tensor(NDArray(rows: [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]])))
        },
        Case(name: "cross entropy indices", shapes: [[4]]) { try Loss.crossEntropy($0[0], Tensor(2)) },
        Case(name: "composite neuron", shapes: [[3], [3], []]) { try (Tensor.matmul($0[0], $0[1]) + $0[2]).sigmoid() },
        // Linear algebra, on matrices kept well away from singular by adding 3I.
        Case(name: "solve vector", shapes: [[3, 3], [3]]) { try Tensor.solve($0[0] + conditioned, $0[1]) },
        Case(name: "solve matrix", shapes: [[3, 3], [3, 2]]) { try Tensor.solve($0[0] + conditioned, $0[1]) },
        Case(name: "inverse", shapes: [[3, 3]]) { try Tensor.inverse($0[0] + conditioned) },
        Case(name: "determinant", shapes: [[3, 3]]) { try Tensor.determinant($0[0]) },
        Case(name: "eigenvalues", shapes: [[3, 3]]) { try Tensor.symmetricEigen($0[0] + $0[0].transposed).values },
        Case(name: "eigenvectors", shapes: [[3, 3]]) { try Tensor.symmetricEigen($0[0] + $0[0].transposed).vectors },
        Case(name: "norm", shapes: [[4]]) { try $0[0].norm },
    ]

    static let conditioned = Tensor(NDArray(shape: Shape([3, 3]), values: [3, 0, 0, 0, 3, 0, 0, 0, 3]))

    @Test(arguments: cases)
    func matchesCentralDifferences(_ testCase: Case) throws {
        var generator = RandomGenerator(seed: UInt64(testCase.name.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        let variables = testCase.shapes.map { dims -> Variable in
            let shape = Shape(dims)
            return Variable(testCase.positive ? generator.uniformArray(shape, 0.5, 2) : generator.uniformArray(shape, -1.5, 1.5))
        }
        // Keep values away from the kinks of abs, relu, max and clamp.
        for v in variables {
            v.value = v.value.map { abs($0) < 0.05 ? $0 + 0.1 : (abs(abs($0) - 0.5) < 0.05 ? $0 + 0.1 : $0) }
        }
        let output = try testCase.function(variables.map(\.tensor))
        let weights = generator.uniformArray(output.shape, -1, 1)
        // L = Σ weights ⊙ f(inputs): its gradient sends `weights` as the upstream gradient.
        let objective = try (output * Tensor(weights)).sum()
        try objective.backward()

        let epsilon = 1e-6
        for v in variables {
            let analytic = v.gradOrZero
            // Large operands: every element of a sample spread across the whole tensor.
            let step = max(1, v.value.count / 97)
            for i in stride(from: 0, to: v.value.count, by: step) {
                let original = v.value[flat: i]
                v.value.withUnsafeMutableBufferPointer { $0[i] = original + epsilon }
                let plus = try Graph.withoutRecording { try (testCase.function(variables.map(\.tensor)).value * weights).sum() }
                v.value.withUnsafeMutableBufferPointer { $0[i] = original - epsilon }
                let minus = try Graph.withoutRecording { try (testCase.function(variables.map(\.tensor)).value * weights).sum() }
                v.value.withUnsafeMutableBufferPointer { $0[i] = original }
                let numeric = (plus - minus) / (2 * epsilon)
                let exact = analytic[flat: i]
                #expect(abs(exact - numeric) <= 1e-6 * max(1, abs(numeric)),
                        "\(testCase.name): d/dx[\(i)] engine \(exact), finite difference \(numeric)")
            }
        }
    }
}
