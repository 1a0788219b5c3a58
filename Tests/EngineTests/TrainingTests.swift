import Testing
import Engine

@Suite struct TrainingTests {
    func network(seed: UInt64) -> Sequential {
        var generator = RandomGenerator(seed: 0)
        return Sequential([
            Linear(inputs: 2, outputs: 6, generator: &generator), Activation(.relu),
            Linear(inputs: 6, outputs: 3, generator: &generator),
        ], seed: seed)
    }

    func blobs() -> (NDArray, NDArray) {
        var g = RandomGenerator(seed: 11)
        var x: [Double] = [], y: [Double] = []
        for i in 0..<60 {
            let c = i % 3
            x += [Double(c) * 2 + g.normal(deviation: 0.3), Double(c % 2) * 2 + g.normal(deviation: 0.3)]
            y.append(Double(c))
        }
        return (NDArray(shape: [60, 2], values: x), NDArray(y))
    }

    @Test func sameSeedGivesBitIdenticalRuns() throws {
        let (x, y) = blobs()
        func run() throws -> ([Double], [Double]) {
            let net = network(seed: 7)
            let history = try net.train(inputs: x, targets: y, loss: .crossEntropy,
                                        optimizer: Adam(parameters: net.parameters, learningRate: 0.05),
                                        epochs: 30, batchSize: 8)
            return (history.loss, net.parameters.flatMap(\.value.values))
        }
        let (first, second) = (try run(), try run())
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
    }

    @Test func classifierLearnsAndReportsAccuracy() throws {
        let (x, y) = blobs()
        let net = network(seed: 3)
        let history = try net.train(inputs: x, targets: y, loss: .crossEntropy,
                                    optimizer: SGD(parameters: net.parameters, learningRate: 0.1, momentum: 0.9),
                                    epochs: 60, batchSize: 10)
        #expect(history.steps == 60 * 6)
        #expect(history.loss.last! < history.loss.first!)
        #expect(history.accuracy!.last! > 0.9)
    }

    @Test func nonFiniteLossNamesTheEpoch() throws {
        let net = network(seed: 1)
        let (x, y) = blobs()
        do {
            _ = try net.train(inputs: x, targets: NDArray(shape: [60, 3], repeating: 1), loss: .meanSquaredError,
                              optimizer: SGD(parameters: net.parameters, learningRate: 1e6), epochs: 50)
            Issue.record("expected training to stop")
        } catch let error as EngineError {
            guard case .nonFiniteLoss(let epoch, _, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(epoch > 1 && epoch <= 50)
            #expect(error.description.contains("epoch \(epoch)"))
        }
        _ = y
    }

    @Test func trainingLeavesTheCallersGraphAlone() throws {
        let x = Variable(3)
        let before = try x.tensor * 2
        let net = network(seed: 2)
        let (inputs, targets) = blobs()
        _ = try net.train(inputs: inputs, targets: targets, loss: .crossEntropy,
                          optimizer: SGD(parameters: net.parameters, learningRate: 0.01), epochs: 2)
        let after = try before + x.tensor
        try after.backward()
        #expect(x.grad?.scalar == 3)
    }
}
