import Display
import Testing
@testable import Runtime

/// What `network(...)` draws: the weights the layers hold, each on the edge from its source
/// to the unit it feeds, and the units' outputs computed by the network itself.
@Suite struct NetworkBuiltinTests {
    /// The diagram the last `network(...)` of the code displays, or the error it stopped at.
    func drawn(_ code: String) -> (figure: Figure?, diagram: NetworkDiagram?, error: String?) {
        let (items, error) = LargeStack.run { () -> ([DisplayItem], String?) in
            let result = Interpreter(configuration: .init()).run(code)
            return (result.items, result.failed ? result.errors.first?.message : nil)
        }
        for case .figure(let figure) in items.reversed() {
            if case .network(let diagram) = figure.content { return (figure, diagram, error) }
        }
        return (nil, nil, error)
    }

    static let mazur = """
        net = Sequential(Linear(2, 2), Sigmoid(), Linear(2, 2), Sigmoid())
        net[0].weight = [[0.15, 0.20], [0.25, 0.30]]
        net[0].bias = [0.35, 0.35]
        net[2].weight = [[0.40, 0.45], [0.50, 0.55]]
        net[2].bias = [0.60, 0.60]

        """

    @Test func weightsAreReadFromTheLayersOneRowPerUnitFed() throws {
        let (figure, diagram, error) = drawn(Self.mazur + #"network(net, x: [0.05, 0.10], names: ["i", "h", "o"], title: "2-2-2")"#)
        #expect(error == nil)
        let network = try #require(diagram)
        #expect(network.layers.map(\.units) == [["i\u{2081}", "i\u{2082}"], ["h\u{2081}", "h\u{2082}"], ["o\u{2081}", "o\u{2082}"]])
        #expect(network.layers.map(\.name) == ["input", "hidden, \u{03C3}", "output, \u{03C3}"])
        // w_jk: row j is the unit fed, column k the source (w5 = 0.40 runs from h1 to o1, w7 = 0.50 from h1 to o2).
        #expect(network.layers[1].weights == [[0.15, 0.20], [0.25, 0.30]])
        #expect(network.layers[2].weights == [[0.40, 0.45], [0.50, 0.55]])
        #expect(network.layers[0].weights == nil)
        #expect(network.layers.map(\.biases) == [nil, [0.35, 0.35], [0.60, 0.60]])
        // The outputs are the network's own forward pass.
        let values = network.layers.map { $0.values ?? [] }
        #expect(values[0] == [0.05, 0.10])
        #expect(abs(values[1][0] - 0.593269992) < 1e-9 && abs(values[2][0] - 0.75136507) < 1e-8 && abs(values[2][1] - 0.772928465) < 1e-9)
        #expect(network.labelsWeights)
        #expect(figure?.summary == "network \"2-2-2\": 2-2-2; 8 weights 0.15..0.55; 4 biases 0.35..0.6; outputs 0.751365, 0.772928")
    }

    @Test func drawingRunsNothingThatLearns() throws {
        // x: computes the outputs without recording: the gradients are the step's alone.
        let outcome = run(Self.mazur + """
            network(net, x: [0.05, 0.10])
            backward(half_sse(net([0.05, 0.10]), [0.01, 0.99]))
            print(format(net[2].weight.grad[0, 0], digits: 9))
            """)
        #expect(outcome.error == nil)
        #expect(outcome.text.hasSuffix("0.0821670406"))
    }

    @Test func defaultsNameTheUnitsAndLeaveZeroBiasesOut() throws {
        let (_, diagram, _) = drawn("""
            net = Sequential(Linear(3, 4), Sigmoid(), Linear(4, 3), Sigmoid(), seed: 3)
            network(net)
            """)
        let network = try #require(diagram)
        #expect(network.layers.map(\.units.count) == [3, 4, 3])
        #expect(network.layers[0].units == ["x\u{2081}", "x\u{2082}", "x\u{2083}"])
        #expect(network.layers[2].units.first == "y\u{2081}")
        #expect(network.layers.allSatisfy { $0.biases == nil && $0.values == nil })
        // Counted from 0, as the engine counts, and asked for the biases though they are zeros.
        let (_, counted, _) = drawn("""
            net = Sequential(Linear(3, 4), Sigmoid(), Linear(4, 3), Sigmoid(), seed: 3)
            network(net, names: ["x", "h", "g"], index_from: 0, biases: true, weights: false)
            """)
        let zero = try #require(counted)
        #expect(zero.layers[1].units == ["h\u{2080}", "h\u{2081}", "h\u{2082}", "h\u{2083}"])
        #expect(zero.layers[1].biases == [0, 0, 0, 0])
        #expect(!zero.labelsWeights)
        // Deeper networks number their hidden layers.
        let (_, deep, _) = drawn("network(Sequential(Linear(2, 3), Tanh(), Linear(3, 3), ReLU(), Linear(3, 1), seed: 0))")
        #expect(try #require(deep).layers.map(\.name) == ["input", "hidden 1, tanh", "hidden 2, ReLU", "output"])
        #expect(deep?.layers[1].units.first == "h\u{00B9}\u{2081}")
    }

    @Test func weightMatricesAloneDrawTheirNetwork() throws {
        let (_, diagram, error) = drawn("""
            W1 = [[1, -2], [-1, 1], [0.5, 0.5]]
            W2 = [[2, -1, 3]]
            network([W1, W2], names: [["a", "b"], "h", ["out"]])
            """)
        #expect(error == nil)
        let network = try #require(diagram)
        #expect(network.layers.map(\.units) == [["a", "b"], ["h\u{2081}", "h\u{2082}", "h\u{2083}"], ["out"]])
        #expect(network.layers[2].weights == [[2, -1, 3]])
        #expect(network.layers.map(\.name) == ["input", "hidden", "output"])
        // Two matrices of one shape arrive stacked, as one tensor: still two layers.
        let (_, square, _) = drawn("network([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])")
        #expect(square?.layers.map(\.units.count) == [2, 2, 2])
        #expect(square?.layers[2].weights == [[5, 6], [7, 8]])
    }

    @Test(arguments: [
        ("network(Sequential(Linear(20, 2), seed: 0))", "layer 0 has 20 units, too many to draw (at most 16)"),
        ("network(Sequential(Sigmoid(), Linear(2, 2), seed: 0))", "network draws layers of units: Sigmoid() comes before any Linear layer"),
        ("network([[[1, 2]], [[1, 2]]])", "matrix 1 has 2 columns, one per source, but matrix 0 feeds 1 unit"),
        ("network(Sequential(Linear(2, 2), seed: 0), x: [1, 2, 3])", "x: is one input, a vector of 2 numbers, not a tensor of shape [3]"),
        ("network(Sequential(Linear(2, 2), seed: 0), names: [\"x\"])", "names: is a list of one name per layer, 2 here (like [\"x\", \"h\", \"y\"])"),
        ("network(Sequential(Linear(2, 2), seed: 0), names: [\"x\", [\"a\"]])", "the names of layer 1 are a letter (numbered for each unit) or a list of 2 labels"),
        ("network(Sequential(Linear(2, 2), seed: 0), index_from: 2)", "index_from is 0 (as the engine counts units) or 1 (as most textbooks do)"),
        ("network(3)", "network draws a network (Sequential of Linear layers and activations) or a list of weight matrices, not a number"),
    ])
    func mistakesAreNamed(code: String, message: String) {
        #expect(drawn(code).error == message)
    }
}
