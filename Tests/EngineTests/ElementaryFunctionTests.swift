import Foundation
import Testing
import Engine

@Suite struct ElementaryFunctionTests {
    static func ulps(_ a: Double, _ b: Double) -> Double {
        a == b || (a.isNaN && b.isNaN) ? 0 : abs(a - b) / b.ulp
    }

    /// Values spread over the whole domain, plus the edges of every branch.
    static func samples(count: Int, range: ClosedRange<Double>, seed: UInt64) -> [Double] {
        var g = RandomGenerator(seed: seed)
        return (0..<count).map { _ in g.uniform(range.lowerBound, range.upperBound) }
    }

    @Test func expIsWithinOneUlpOfLibm() {
        for x in Self.samples(count: 200_000, range: -745...709.7, seed: 1) + Self.samples(count: 50_000, range: -2...2, seed: 2) {
            #expect(Self.ulps(ElementaryFunctions.exp(x), Foundation.exp(x)) <= 1, "exp(\(x))")
        }
    }

    @Test func tanhIsWithinTwoUlpsOfLibm() {
        for x in Self.samples(count: 100_000, range: -20...20, seed: 3) + Self.samples(count: 100_000, range: -0.6...0.6, seed: 4) {
            #expect(Self.ulps(ElementaryFunctions.tanh(x), Foundation.tanh(x)) <= 2, "tanh(\(x))")
        }
    }

    @Test func specialValues() {
        #expect(ElementaryFunctions.exp(0) == 1)
        #expect(ElementaryFunctions.exp(710) == .infinity)
        #expect(ElementaryFunctions.exp(-746) == 0)
        #expect(ElementaryFunctions.exp(-740) == Foundation.exp(-740))   // subnormal
        #expect(ElementaryFunctions.exp(.nan).isNaN)
        #expect(ElementaryFunctions.exp(-.infinity) == 0)
        #expect(ElementaryFunctions.tanh(30) == 1 && ElementaryFunctions.tanh(-30) == -1)
        #expect(ElementaryFunctions.tanh(19.1) == 1 && ElementaryFunctions.tanh(.infinity) == 1)
        #expect(ElementaryFunctions.tanh(1e-300) == 1e-300)
        #expect(ElementaryFunctions.tanh(.nan).isNaN)
        #expect(ElementaryFunctions.sigmoid(-1000) == 0 && ElementaryFunctions.sigmoid(1000) == 1)
        #expect(abs(ElementaryFunctions.sigmoid(1) - 0.7310585786300049) < 1e-16)
    }

    /// The vectorised loop over a tensor must give exactly the scalar results.
    @Test func tensorLoopsEqualTheScalarFunctions() {
        var values = Self.samples(count: 8_000, range: -50...50, seed: 5) + Self.samples(count: 8_000, range: -1...1, seed: 6)
        values += [0, -0.0, 0.55, -0.55, 19.1, -19.1, 709.79, -745.2, -740, .nan, .infinity, -.infinity]
        let array = Tensor(NDArray(values))
        for (name, tensor, scalar) in [("exp", array.exp(), ElementaryFunctions.exp), ("tanh", array.tanh(), ElementaryFunctions.tanh),
                                       ("sigmoid", array.sigmoid(), ElementaryFunctions.sigmoid)] as [(String, Tensor, (Double) -> Double)] {
            for (x, y) in zip(values, tensor.value.values) {
                #expect(y.bitPattern == scalar(x).bitPattern || (y.isNaN && x.isNaN), "\(name)(\(x))")
            }
        }
    }

    @Test func tensorAndScalarPathsAgree() {
        let values = Self.samples(count: 37, range: -4...4, seed: 7)
        let array = Tensor(NDArray(values)).tanh().value.values
        #expect(array == values.map { Tensor($0).tanh().scalar! })
    }
}
