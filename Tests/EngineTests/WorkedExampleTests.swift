import Testing
import Engine

/// Published worked examples, to their published digits.
@Suite struct WorkedExampleTests {
    /// CS231n, "Backpropagation, Intuitions": f = (x + y) z at x = -2, y = 5, z = -4.
    @Test func circuitOfAddAndMultiply() throws {
        let x = Variable(-2), y = Variable(5), z = Variable(-4)
        let q = try x.tensor + y.tensor
        let f = try q * z.tensor
        #expect(f.scalar == -12)
        try f.backward()
        #expect(x.grad?.scalar == -4)
        #expect(y.grad?.scalar == -4)
        #expect(z.grad?.scalar == 3)
        #expect(q.grad?.scalar == -4)
    }

    /// CS231n: the 2-input sigmoid neuron with w = [2, -3, -3], x = [-1, -2].
    @Test func sigmoidNeuron() throws {
        let w = [Variable(2), Variable(-3), Variable(-3)]
        let x = [Variable(-1), Variable(-2)]
        let z = try w[0].tensor * x[0].tensor + w[1].tensor * x[1].tensor + w[2].tensor
        let out = z.sigmoid()
        #expect(abs(out.scalar! - 0.731059) < 5e-7)
        try out.backward()
        expectClose(x.map { $0.grad!.scalar! }, [0.393224, -0.589836], tolerance: 5e-7)
        expectClose(w.map { $0.grad!.scalar! }, [-0.196612, -0.393224, 0.196612], tolerance: 5e-7)
    }

    /// Matt Mazur, "A Step by Step Backpropagation Example" (2015): a 2-2-2 sigmoid network.
    @Test func mazurTwoTwoTwo() throws {
        var generator = RandomGenerator(seed: 0)
        let hidden = Linear(inputs: 2, outputs: 2, generator: &generator)
        let output = Linear(inputs: 2, outputs: 2, generator: &generator)
        hidden.weight.value = NDArray(rows: [[0.15, 0.20], [0.25, 0.30]])
        hidden.bias!.value = NDArray([0.35, 0.35])
        output.weight.value = NDArray(rows: [[0.40, 0.45], [0.50, 0.55]])
        output.bias!.value = NDArray([0.60, 0.60])
        let net = Sequential(keeping: [hidden, Activation(.sigmoid), output, Activation(.sigmoid)], seed: 0)
        let prediction = try net(Tensor(NDArray([0.05, 0.10])))
        expectClose(prediction.value.values, [0.75136507, 0.772928465], tolerance: 5e-9)
        let error = try Loss.halfSumSquares(prediction, Tensor(NDArray([0.01, 0.99])))
        #expect(abs(error.scalar! - 0.298371109) < 5e-10)
        try error.backward()
        expectClose(output.weight.grad!.values, [0.082167041, 0.082667628, -0.022602540, -0.022740242], tolerance: 5e-9)
        SGD(parameters: net.parameters, learningRate: 0.5).step()
        expectClose(output.weight.value.values, [0.35891648, 0.408666186, 0.511301270, 0.561370121], tolerance: 5e-9)
        expectClose(hidden.weight.value.values, [0.149780716, 0.19956143, 0.24975114, 0.29950229], tolerance: 5e-9)
    }

    /// The contract's XOR example: Linear(2, 8), Tanh, Linear(8, 1), Sigmoid, seed 1,
    /// SGD(lr 0.5, momentum 0.9), mse, 2000 epochs on the whole set.
    @Test func xorTrainsBelowOnePercent() throws {
        var generator = RandomGenerator(seed: 99)
        let net = Sequential([
            Linear(inputs: 2, outputs: 8, generator: &generator), Activation(.tanh),
            Linear(inputs: 8, outputs: 1, generator: &generator), Activation(.sigmoid),
        ], seed: 1)
        let x = NDArray(rows: [[0, 0], [0, 1], [1, 0], [1, 1]])
        let y = NDArray(rows: [[0], [1], [1], [0]])
        let history = try net.train(inputs: x, targets: y, loss: .meanSquaredError,
                                    optimizer: SGD(parameters: net.parameters, learningRate: 0.5, momentum: 0.9),
                                    epochs: 2000)
        #expect(history.loss.count == 2000)
        #expect(history.loss.last! < 0.01)
        let rounded = try net(Tensor(x)).value.values.map { $0.rounded() }
        #expect(rounded == [0, 1, 1, 0])
    }

    /// The contract's 3-4-3 derivation check: δ = (g − y) g (1 − g) is the output bias
    /// gradient and δ ⊗ hidden activations the output weight gradient.
    @Test func threeFourThreeDeltaRule() throws {
        var generator = RandomGenerator(seed: 0)
        let net = Sequential([
            Linear(inputs: 3, outputs: 4, generator: &generator), Activation(.sigmoid),
            Linear(inputs: 4, outputs: 3, generator: &generator), Activation(.sigmoid),
        ], seed: 3)
        let x = Tensor(NDArray([1.0, 0.5, -1.0])), y = NDArray([0.0, 1.0, 0.5])
        let g = try net(x)
        let error = try (g - Tensor(y)).pow(2).sum() * 0.5
        try error.backward()
        let gv = g.value
        let delta = try (gv - y) * gv * gv.map { 1 - $0 }
        let output = net[2] as! Linear
        expectClose(output.bias!.grad!.values, delta.values, tolerance: 1e-12)
        let hidden = try (net[0] as! Linear)(x).sigmoid().value
        expectClose(output.weight.grad!.values, try NDArray.outer(delta, hidden).values, tolerance: 1e-12)
        let mismatch = try GradientCheck.worstMismatch(net, inputs: NDArray(rows: [[1.0, 0.5, -1.0]]),
                                                       targets: NDArray(rows: [[0.0, 1.0, 0.5]]), loss: .meanSquaredError)
        #expect(mismatch == nil)
    }

    /// A parameter whose true gradient is exactly zero (its finite difference is only
    /// rounding noise) must not read as a mismatch.
    @Test func gradientCheckOfAZeroGradient() throws {
        var generator = RandomGenerator(seed: 0)
        let net = Sequential([Linear(inputs: 1, outputs: 1, generator: &generator)], seed: 0)
        let mismatch = try GradientCheck.worstMismatch(net, inputs: NDArray(rows: [[-0.3], [0.1], [-0.1], [0.3]]),
                                                    targets: NDArray(rows: [[-0.5], [0.3], [-0.3], [0.5]]), loss: .meanSquaredError)
        #expect(mismatch == nil)
    }

    /// At a kink the backward pass takes one side's slope and the central difference the
    /// average of both: gradcheck must say so, naming the parameter and element.
    @Test func gradientCheckFindsTheKinkOfRelu() throws {
        var generator = RandomGenerator(seed: 0)
        let linear = Linear(inputs: 1, outputs: 1, generator: &generator)
        linear.weight.value = NDArray(rows: [[1.0]])
        let net = Sequential(keeping: [linear, Activation(.relu)], seed: 0)
        let mismatch = try #require(try GradientCheck.worstMismatch(net, inputs: NDArray(rows: [[0.0]]),
                                                                    targets: NDArray(rows: [[-1.0]]), loss: .halfSumSquares))
        #expect(mismatch.parameter == "[0].bias")
        #expect(mismatch.element.position == [0])
        #expect(abs(mismatch.element.expected - 0.5) < 1e-6)
    }
}

func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= tolerance, "\(a) vs \(e)", sourceLocation: sourceLocation)
    }
}
