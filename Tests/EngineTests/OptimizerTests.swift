import Foundation
import Testing
import Engine

/// Optimizer updates against their formulas, computed by hand for two steps.
@Suite struct OptimizerTests {
    func parameter(_ value: Double, grad: Double) -> Variable {
        let p = Variable(NDArray([value]))
        p.grad = NDArray([grad])
        return p
    }

    @Test func sgdWithMomentumNesterovAndDecay() {
        let p = parameter(1.0, grad: 0.5)
        let sgd = SGD(parameters: [p], learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01)
        sgd.step()
        // g = 0.5 + 0.01·1 = 0.51; v = g; p = 1 − 0.1 (g + 0.9 v)
        let g1 = 0.51, v1 = g1, p1 = 1 - 0.1 * (g1 + 0.9 * v1)
        #expect(abs(p.value[flat: 0] - p1) < 1e-15)
        sgd.step()
        let g2 = 0.5 + 0.01 * p1, v2 = 0.9 * v1 + g2, p2 = p1 - 0.1 * (g2 + 0.9 * v2)
        #expect(abs(p.value[flat: 0] - p2) < 1e-15)
    }

    @Test func adamBiasCorrectedSteps() {
        let p = parameter(1.0, grad: 0.2)
        let adam = Adam(parameters: [p], learningRate: 0.01)
        adam.step()
        // After one step m̂ = g and v̂ = g², so the step is lr · g / (|g| + ε).
        let p1 = 1 - 0.01 * 0.2 / (0.2 + 1e-8)
        #expect(abs(p.value[flat: 0] - p1) < 1e-15)
        p.grad = NDArray([-0.4])
        adam.step()
        let m = 0.9 * (0.1 * 0.2) + 0.1 * -0.4, v = 0.999 * (0.001 * 0.04) + 0.001 * 0.16
        let p2 = p1 - 0.01 * (m / (1 - 0.81)) / ((v / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
        #expect(abs(p.value[flat: 0] - p2) < 1e-15)
    }

    @Test func rmsPropStep() {
        let p = parameter(2.0, grad: 1.0)
        RMSProp(parameters: [p], learningRate: 0.01).step()
        #expect(abs(p.value[flat: 0] - (2 - 0.01 / ((0.01).squareRoot() + 1e-8))) < 1e-15)
    }

    @Test func parametersWithoutGradientsAreLeftAlone() {
        let p = Variable(NDArray([3.0]))
        SGD(parameters: [p], learningRate: 1, momentum: 0.9).step()
        #expect(p.value[flat: 0] == 3)
    }
}
