import Display
import Testing
@testable import Runtime

/// What `graph` records of a network: its parameters by layer, and every value in full.
@Suite struct GraphBuiltinTests {
    /// The diagram the last `graph(...)` of a block displays.
    func diagram(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (Figure, GraphDiagram) {
        let (items, error) = LargeStack.run { () -> ([DisplayItem], String?) in
            let result = Interpreter(configuration: .init()).run(code)
            return (result.items, result.failed ? result.errors.first?.message : nil)
        }
        #expect(error == nil, sourceLocation: sourceLocation)
        for case .figure(let figure) in items.reversed() {
            if case .graph(let diagram) = figure.content { return (figure, diagram) }
        }
        Issue.record("no graph", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    static let network = """
        net = Sequential(Linear(2, 3), Sigmoid(), Linear(3, 1), seed: 1)
        L = mse(net([[0.5, -1], [1, 2]]), [[1], [0]])
        backward(L)
        graph(L)
        """

    @Test func parametersAreNamedByLayer() throws {
        let (figure, diagram) = try diagram(Self.network)
        let names = diagram.nodes.filter(\.isLeaf).compactMap(\.label)
        #expect(names == ["net[0].weight", "net[0].bias", "net[2].weight", "net[2].bias"])
        #expect(figure.summary.contains("gradients net[0].weight [3, 2], net[0].bias [0.420862, 0.117021, -0.285755], net[2].weight [[-0.946338, -0.866325, -0.92958]]"))
    }

    @Test func aLayerNamedFirstKeepsItsName() throws {
        let (_, diagram) = try diagram("""
            hidden = Linear(2, 2)
            net = Sequential(hidden, Sigmoid(), Linear(2, 1), seed: 0)
            copy = net
            graph(sum(net([1, 2])))
            """)
        #expect(diagram.nodes.filter(\.isLeaf).compactMap(\.label) == ["hidden.weight", "hidden.bias", "net[2].weight", "net[2].bias"])
    }

    @Test func aNetworkPassedToAFunctionKeepsItsName() throws {
        let (_, diagram) = try diagram("""
            fn loss(model) { sum(model([1, 2])) }
            net = Sequential(Linear(2, 1), seed: 0)
            graph(loss(net))
            """)
        #expect(diagram.nodes.filter(\.isLeaf).compactMap(\.label) == ["net[0].weight", "net[0].bias"])
    }

    @Test func valuesAreRecordedInFull() throws {
        let (_, diagram) = try diagram(Self.network)
        let weight = try #require(diagram.nodes.first { $0.label == "net[0].weight" })
        #expect(weight.shape == [3, 2])
        #expect(weight.value == "[[0.444579, 0.0447744],\n [0.162357, -0.238087],\n [0.431996, -0.780895]]")
        #expect(weight.grad?.split(separator: ",").count == 6)
        let bias = try #require(diagram.nodes.first { $0.label == "net[0].bias" })
        #expect(bias.grad == "[0.420862, 0.117021, -0.285755]")
        let loss = try #require(diagram.nodes.last)
        #expect(loss.shape == nil && loss.value == "0.746984")
    }

    @Test func aLargeValueShowsItsEnds() throws {
        let (_, diagram) = try diagram("v = linspace(0, 1, 200) * 2\ngraph(sum(v))")
        let v = try #require(diagram.nodes.first { $0.label == "v" })
        #expect(v.shape == [200])
        #expect(v.value == "[0, 0.0100503, 0.0201005, ..., 1.9799, 1.98995, 2]")
    }
}
