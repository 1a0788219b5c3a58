import Testing
import Display
@testable import Drawing

@Suite struct GraphLayoutTests {
    @Test func layersAreLongestPathsFromTheInputs() {
        // x, y, z, q = x + y, f = q * z
        let inputs = [[], [], [], [0, 1], [3, 2]]
        #expect(LayeredGraph.layers(inputs: inputs) == [0, 0, 0, 1, 2])
        // An input used only deep in the graph moves next to its use when allowed.
        #expect(LayeredGraph.layers(inputs: inputs, leafSlack: 0) == [0, 0, 1, 1, 2])
        #expect(LayeredGraph.layers(inputs: inputs, leafSlack: 2) == [0, 0, 0, 1, 2])
    }

    @Test func longEdgesBecomeOneWirePerSource() {
        // a feeds b (layer 1), c (layer 2) and d (layer 3): one wire through layers 1 and 2.
        let inputs = [[], [0], [1, 0], [2, 0]]
        let layered = LayeredGraph(inputs: inputs)
        let wires = layered.slots.filter { $0.vertex == nil }
        #expect(wires.count == 2)
        #expect(wires.allSatisfy { $0.source == 0 })
        #expect(Set(wires.map(\.layer)) == [1, 2])
        // Every link joins neighbouring layers.
        for link in layered.links {
            #expect(layered.slots[link.to].layer == layered.slots[link.from].layer + 1)
        }
    }

    @Test func circuitOfTheChainRuleHasNoCrossings() {
        let circuit = Circuit(FigureFixtures.circuit)
        var layered = LayeredGraph(inputs: circuit.vertices.map(\.inputs))
        layered.reduceCrossings()
        #expect(layered.crossings() == 0)
        // x above y (argument order), z below both.
        let order = layered.layers[0].compactMap { layered.slots[$0].vertex }.map { circuit.vertices[$0].symbol }
        #expect(order == ["x", "y", "z"])
    }

    @Test func sweepsUndoAScrambledOrder() {
        // Two independent sums of two inputs, multiplied: planar, so 0 crossings is possible.
        let inputs = [[], [], [], [], [0, 1], [2, 3], [4, 5]]
        var layered = LayeredGraph(inputs: inputs)
        layered.layers[0] = [layered.layers[0][0], layered.layers[0][2], layered.layers[0][1], layered.layers[0][3]]
        #expect(layered.crossings() > 0)
        layered.reduceCrossings()
        #expect(layered.crossings() == 0)
    }

    @Test func crossingsCountArgumentOrder() {
        // b - a with b drawn below a: the links cross at the ports of the subtraction.
        let inputs = [[], [], [1, 0]]
        var layered = LayeredGraph(inputs: inputs)
        layered.layers[0] = [0, 1]
        #expect(layered.crossings() == 1)
        layered.reduceCrossings()
        #expect(layered.crossings() == 0)
        #expect(layered.layers[0] == [1, 0])
    }

    @Test func orderingIsDeterministic() {
        let diagram = FigureFixtures.network
        let circuit = Circuit(diagram)
        func run() -> [[Int]] {
            var layered = LayeredGraph(inputs: circuit.vertices.map(\.inputs), leafSlack: 0)
            layered.reduceCrossings()
            return layered.layers
        }
        #expect(run() == run())
    }

    @Test func placementKeepsOrderAndGaps() {
        #expect(LayeredGraph.place(desired: [0, 0, 0], gaps: [10, 10]) == [-10, 0, 10])
        #expect(LayeredGraph.place(desired: [0, 100], gaps: [10]) == [0, 100])
        #expect(LayeredGraph.place(desired: [5, 0], gaps: [4]) == [0.5, 4.5])
        let weighted = LayeredGraph.place(desired: [0, 0], gaps: [10], weights: [3, 1])
        #expect(weighted == [-2.5, 7.5])
    }

    @Test func constantsFoldIntoTheirOperation() {
        let circuit = Circuit(FigureFixtures.neuron)
        let symbols = circuit.vertices.map(\.symbol)
        #expect(circuit.vertices.count == 13)
        #expect(symbols.contains("\u{00D7}\u{2212}1"))
        #expect(symbols.contains("+1"))
        #expect(symbols.contains("1/x"))
        #expect(symbols.contains("exp"))
        #expect(symbols.filter { $0 == "\u{00D7}" }.count == 2)
        // The root is the 1/x vertex, with one visible input entering in the middle.
        let root = circuit.vertices[circuit.root!]
        #expect(root.symbol == "1/x")
        #expect(root.inputs.count == 1 && root.arity == 1)
    }

    @Test func namedOrSharedLeavesAreNotFolded() {
        // c = 2 (named) and k (unnamed, used twice) stay inputs.
        let diagram = GraphDiagram(nodes: [
            .init(id: 0, op: "leaf", label: "x", value: "3"),
            .init(id: 1, op: "leaf", label: "c", value: "2"),
            .init(id: 2, op: "const", value: "5"),
            .init(id: 3, op: "mul", value: "6", inputs: [0, 1]),
            .init(id: 4, op: "add", value: "11", inputs: [3, 2]),
            .init(id: 5, op: "add", value: "16", inputs: [4, 2]),
        ], root: 5)
        let circuit = Circuit(diagram)
        #expect(circuit.vertices.count == 6)
        #expect(circuit.vertices.map(\.symbol) == ["x", "c", "5", "\u{00D7}", "+", "+"])
    }

    @Test(arguments: [
        ("+", "1", false, "+1"), ("*", "-1", false, "\u{00D7}-1"), ("/", "1", true, "1/x"),
        ("-", "1", true, "1\u{2212}x"), ("-", "2", false, "\u{2212}2"), ("^", "2", false, "x\u{00B2}"),
        ("^", "0.5", false, "x^0.5"),
    ])
    func foldedSymbols(op: String, constant: String, first: Bool, expected: String) {
        let symbol = Circuit.binarySymbol(op)!
        #expect(Circuit.foldedSymbol(symbol, constant: constant, constantFirst: first) == expected)
    }

    @Test func opSymbols() {
        #expect(Circuit.symbol("sigmoid") == "\u{03C3}")
        #expect(Circuit.symbol("mul") == "\u{00D7}")
        #expect(Circuit.symbol("tanh") == "tanh")
        #expect(Circuit.symbol("max") == "max")
        #expect(Circuit.symbol("") == "?")
    }
}
