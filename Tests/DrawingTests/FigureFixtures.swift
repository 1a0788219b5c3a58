import Foundation
import Display

/// Realistic figures for tests, golden files and the preview page, computed here
/// deterministically (no engine: Weave renders results it is given).
enum FigureFixtures {
    /// A deterministic generator (64-bit LCG) for noise.
    struct Noise {
        var state: UInt64

        mutating func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }

        mutating func normal() -> Double {
            let u = max(uniform(), 1e-12)
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * uniform())
        }
    }

    // MARK: Line plots

    /// 2000 epochs of XOR training: a plateau near 0.25, a drop, a long tail to 0.002.
    static var xorLoss: Figure {
        var noise = Noise(state: 7)
        let epochs = (0..<2000).map(Double.init)
        let loss = epochs.map { t -> Double in
            let plateau = 0.255 / (1 + exp((t - 260) / 45))
            let tail = 0.0021 + 0.06 * exp(-t / 260)
            return (plateau + tail) * (1 + 0.03 * noise.normal())
        }
        return Figure(title: "XOR training loss", .line(LinePlot(
            series: [.init(x: epochs, y: loss)], xLabel: "epoch", yLabel: "loss (MSE)", yLog: true
        )))
    }

    /// The same network trained with two learning rates, side by side.
    static var learningRates: Figure {
        func curve(rate: Double, seed: UInt64) -> [Double] {
            var noise = Noise(state: seed)
            return (0..<200).map { t in
                let t = Double(t)
                let base = 0.7 * exp(-rate * t / 12) + 0.02
                let wobble = rate > 0.5 ? 0.25 * exp(-t / 40) * abs(sin(t * 1.3)) : 0
                return base + wobble + 0.004 * noise.normal()
            }
        }
        let epochs = (0..<200).map(Double.init)
        let slow = Figure(title: "lr = 0.1", .line(LinePlot(
            series: [.init(name: "train", x: epochs, y: curve(rate: 0.1, seed: 1)),
                     .init(name: "test", x: epochs, y: curve(rate: 0.1, seed: 2).map { $0 + 0.03 })],
            xLabel: "epoch", yLabel: "loss"
        )))
        let fast = Figure(title: "lr = 1", .line(LinePlot(
            series: [.init(name: "train", x: epochs, y: curve(rate: 1, seed: 3)),
                     .init(name: "test", x: epochs, y: curve(rate: 1, seed: 4).map { $0 + 0.05 })],
            xLabel: "epoch", yLabel: "loss"
        )))
        return Figure(title: "Two learning rates", .panels([slow, fast]))
    }

    // MARK: Scatter plots

    /// The two-moons data set (200 points) with the regions of a classifier that learned it.
    static var twoMoons: Figure {
        var noise = Noise(state: 42)
        var x: [Double] = []
        var y: [Double] = []
        var classes: [Int] = []
        for index in 0..<200 {
            let cls = index % 2
            let angle = Double.pi * noise.uniform()
            let (px, py) = cls == 0 ? (cos(angle), sin(angle)) : (1 - cos(angle), 0.5 - sin(angle))
            x.append(px + 0.12 * noise.normal())
            y.append(py + 0.12 * noise.normal())
            classes.append(cls)
        }
        let xs = (0..<60).map { -1.5 + 4.0 * Double($0) / 59 }
        let ys = (0..<60).map { -1.0 + 2.5 * Double($0) / 59 }
        let regions = ys.map { gy in
            xs.map { gx -> Int in moonsClassifier(gx, gy) > 0 ? 1 : 0 }
        }
        return Figure(title: "Two moons, after training", .scatter(ScatterPlot(
            x: x, y: y, classes: classes, regions: .init(xs: xs, ys: ys, classes: regions),
            xLabel: "x\u{2081}", yLabel: "x\u{2082}"
        )))
    }

    /// Three blobs and the regions of a nearest-centre classifier.
    static var threeBlobs: ScatterPlot {
        var noise = Noise(state: 9)
        let centres = [(0.0, 0.0), (2.0, 0.5), (0.8, 2.0)]
        var x: [Double] = []
        var y: [Double] = []
        var classes: [Int] = []
        for index in 0..<90 {
            let (cx, cy) = centres[index % 3]
            x.append(cx + 0.45 * noise.normal())
            y.append(cy + 0.45 * noise.normal())
            classes.append(index % 3)
        }
        let xs = (0..<40).map { -1.5 + 5.0 * Double($0) / 39 }
        let ys = (0..<40).map { -1.5 + 5.0 * Double($0) / 39 }
        let regions = ys.map { gy in
            xs.map { gx in
                centres.indices.min { a, b in
                    hypot(gx - centres[a].0, gy - centres[a].1) < hypot(gx - centres[b].0, gy - centres[b].1)
                }!
            }
        }
        return ScatterPlot(x: x, y: y, classes: classes, regions: .init(xs: xs, ys: ys, classes: regions))
    }

    /// A smooth boundary that weaves between the moons, like a small tanh network's.
    static func moonsClassifier(_ x: Double, _ y: Double) -> Double {
        let boundary = 0.25 + 0.45 * sin(2.2 * (x - 0.5))
        return tanh(3 * (boundary - y))
    }

    // MARK: Contour plots

    /// The bowl x^2 + 10 y^2 with plain gradient descent and momentum from one start.
    static var bowl: Figure {
        let xs = (0..<41).map { -2.0 + 4.0 * Double($0) / 40 }
        let ys = (0..<41).map { -1.0 + 2.0 * Double($0) / 40 }
        let z = ys.map { y in xs.map { x in x * x + 10 * y * y } }
        func descent(rate: Double, momentum: Double, steps: Int) -> [Point] {
            var (x, y) = (-1.8, 0.8)
            var (vx, vy) = (0.0, 0.0)
            var points = [Point(x, y)]
            for _ in 0..<steps {
                vx = momentum * vx - rate * 2 * x
                vy = momentum * vy - rate * 20 * y
                x += vx
                y += vy
                points.append(Point(x, y))
            }
            return points
        }
        return Figure(title: "Descent on x\u{00B2} + 10y\u{00B2}", .contour(ContourPlot(
            xs: xs, ys: ys, z: z,
            paths: [.init(name: "SGD, lr 0.09", points: descent(rate: 0.09, momentum: 0, steps: 30)),
                    .init(name: "momentum 0.7, lr 0.03", points: descent(rate: 0.03, momentum: 0.7, steps: 30))],
            xLabel: "x", yLabel: "y"
        )))
    }

    // MARK: Computation graphs

    /// A scalar computation recorded as a `GraphDiagram` with values and gradients,
    /// the way the runtime would hand it over.
    struct Tape {
        var nodes: [GraphDiagram.Node] = []
        var values: [Double] = []
        var local: [[Double]] = []

        mutating func leaf(_ value: Double, _ label: String? = nil, op: String = "leaf") -> Int {
            append(op: op, label: label, value: value, inputs: [], local: [])
        }

        mutating func add(_ a: Int, _ b: Int, _ label: String? = nil) -> Int {
            append(op: "+", label: label, value: values[a] + values[b], inputs: [a, b], local: [1, 1])
        }

        mutating func mul(_ a: Int, _ b: Int, _ label: String? = nil) -> Int {
            append(op: "*", label: label, value: values[a] * values[b], inputs: [a, b], local: [values[b], values[a]])
        }

        mutating func sub(_ a: Int, _ b: Int, _ label: String? = nil) -> Int {
            append(op: "-", label: label, value: values[a] - values[b], inputs: [a, b], local: [1, -1])
        }

        mutating func div(_ a: Int, _ b: Int, _ label: String? = nil) -> Int {
            let (x, y) = (values[a], values[b])
            return append(op: "/", label: label, value: x / y, inputs: [a, b], local: [1 / y, -x / (y * y)])
        }

        mutating func pow(_ a: Int, _ b: Int, _ label: String? = nil) -> Int {
            let (x, y) = (values[a], values[b])
            return append(op: "^", label: label, value: Foundation.pow(x, y), inputs: [a, b], local: [y * Foundation.pow(x, y - 1), 0])
        }

        mutating func exp(_ a: Int, _ label: String? = nil) -> Int {
            let e = Foundation.exp(values[a])
            return append(op: "exp", label: label, value: e, inputs: [a], local: [e])
        }

        mutating func sigmoid(_ a: Int, _ label: String? = nil) -> Int {
            let s = 1 / (1 + Foundation.exp(-values[a]))
            return append(op: "sigmoid", label: label, value: s, inputs: [a], local: [s * (1 - s)])
        }

        mutating func tanh(_ a: Int, _ label: String? = nil) -> Int {
            let t = Foundation.tanh(values[a])
            return append(op: "tanh", label: label, value: t, inputs: [a], local: [1 - t * t])
        }

        private mutating func append(op: String, label: String?, value: Double, inputs: [Int], local: [Double]) -> Int {
            nodes.append(.init(id: nodes.count, op: op, label: label, value: NumberFormat.g(value), inputs: inputs))
            values.append(value)
            self.local.append(local)
            return nodes.count - 1
        }

        /// The diagram of `root`, with gradients after a backward pass when `backward`.
        func diagram(root: Int, backward: Bool = true) -> GraphDiagram {
            var diagram = GraphDiagram(nodes: nodes, root: root)
            guard backward else { return diagram }
            var grad = [Double](repeating: 0, count: nodes.count)
            grad[root] = 1
            for index in stride(from: root, through: 0, by: -1) {
                for (position, input) in nodes[index].inputs.enumerated() {
                    grad[input] += grad[index] * local[index][position]
                }
            }
            for index in diagram.nodes.indices where index <= root {
                diagram.nodes[index].grad = NumberFormat.g(grad[index])
            }
            return diagram
        }
    }

    /// CS231n's first circuit: f = (x + y) z at x = -2, y = 5, z = -4.
    static var circuit: GraphDiagram {
        var tape = Tape()
        let x = tape.leaf(-2, "x")
        let y = tape.leaf(5, "y")
        let z = tape.leaf(-4, "z")
        let q = tape.add(x, y, "q")
        let f = tape.mul(q, z, "f")
        return tape.diagram(root: f)
    }

    /// The same circuit before `backward`: values only.
    static var circuitWithoutGradients: GraphDiagram {
        var tape = Tape()
        let x = tape.leaf(-2, "x")
        let y = tape.leaf(5, "y")
        let z = tape.leaf(-4, "z")
        let q = tape.add(x, y, "q")
        let f = tape.mul(q, z, "f")
        return tape.diagram(root: f, backward: false)
    }

    /// CS231n's sigmoid neuron, with the sigmoid spelled out: 1 / (1 + exp(-(w0 x0 + w1 x1 + w2))).
    static var neuron: GraphDiagram {
        var tape = Tape()
        let w0 = tape.leaf(2, "w0")
        let x0 = tape.leaf(-1, "x0")
        let w1 = tape.leaf(-3, "w1")
        let x1 = tape.leaf(-2, "x1")
        let w2 = tape.leaf(-3, "w2")
        let a = tape.mul(w0, x0)
        let b = tape.mul(w1, x1)
        let c = tape.add(a, b)
        let d = tape.add(c, w2)
        let minusOne = tape.leaf(-1, op: "const")
        let e = tape.mul(d, minusOne)
        let f = tape.exp(e)
        let one = tape.leaf(1, op: "const")
        let g = tape.add(one, f)
        let alsoOne = tape.leaf(1, op: "const")
        let out = tape.div(alsoOne, g, "out")
        return tape.diagram(root: out)
    }

    /// A 2-4-1 network with sigmoids and a squared error, scalar by scalar (52 nodes).
    static var network: GraphDiagram { network(hidden: 4) }

    /// A 2-n-1 network, scalar by scalar (12 n + 4 nodes).
    static func network(hidden units: Int) -> GraphDiagram {
        var tape = Tape()
        var noise = Noise(state: 5)
        let x = [tape.leaf(0.5, "x0"), tape.leaf(-1.2, "x1")]
        var hidden: [Int] = []
        for j in 0..<units {
            let w0 = tape.leaf((noise.uniform() * 2 - 1).rounded(toPlaces: 2), "w\(j)0")
            let w1 = tape.leaf((noise.uniform() * 2 - 1).rounded(toPlaces: 2), "w\(j)1")
            let b = tape.leaf(0.1, "b\(j)")
            let s = tape.add(tape.add(tape.mul(w0, x[0]), tape.mul(w1, x[1])), b)
            hidden.append(tape.sigmoid(s, "h\(j)"))
        }
        var sum: Int? = nil
        for (j, h) in hidden.enumerated() {
            let v = tape.leaf((noise.uniform() * 2 - 1).rounded(toPlaces: 2), "v\(j)")
            let term = tape.mul(v, h)
            sum = sum.map { tape.add($0, term) } ?? term
        }
        let c = tape.leaf(-0.2, "c")
        let out = tape.sigmoid(tape.add(sum!, c), "out")
        let target = tape.leaf(1, "t")
        let two = tape.leaf(2, op: "const")
        let loss = tape.pow(tape.sub(out, target), two, "loss")
        return tape.diagram(root: loss)
    }
}

extension FigureFixtures {
    // MARK: Network diagrams

    /// Mazur's 2-2-2 network with his weights and biases, and each unit's output for his
    /// input (0.05, 0.10).
    static var mazur: NetworkDiagram {
        let sigmoid = { (z: Double) in 1 / (1 + exp(-z)) }
        let x = [0.05, 0.10]
        let w1 = [[0.15, 0.20], [0.25, 0.30]], w2 = [[0.40, 0.45], [0.50, 0.55]]
        let h = w1.map { row in sigmoid(row[0] * x[0] + row[1] * x[1] + 0.35) }
        let o = w2.map { row in sigmoid(row[0] * h[0] + row[1] * h[1] + 0.60) }
        return NetworkDiagram(layers: [
            .init(name: "input", units: ["i\u{2081}", "i\u{2082}"], values: x),
            .init(name: "hidden, \u{03C3}", units: ["h\u{2081}", "h\u{2082}"], values: h, biases: [0.35, 0.35], weights: w1),
            .init(name: "output, \u{03C3}", units: ["o\u{2081}", "o\u{2082}"], values: o, biases: [0.60, 0.60], weights: w2),
        ])
    }

    /// The 3-4-3 network of the derivation, its weights drawn from seed 3 (signs of both
    /// kinds, 24 labels).
    static var threeFourThree: NetworkDiagram {
        let subscripts = ["\u{2080}", "\u{2081}", "\u{2082}", "\u{2083}"]
        return NetworkDiagram(layers: [
            .init(name: "input", units: (0..<3).map { "x" + subscripts[$0] }),
            .init(name: "hidden, \u{03C3}", units: (0..<4).map { "h" + subscripts[$0] }, weights: [
                [0.352994, 0.260305, -0.521677], [0.0628847, -0.139622, -0.186075],
                [-0.536665, 0.399167, 0.81895], [-0.564558, 0.783913, 0.333066],
            ]),
            .init(name: "output, \u{03C3}", units: (0..<3).map { "g" + subscripts[$0] }, weights: [
                [0.268295, 0.471257, 0.343526, -0.72151], [-0.711872, -0.712761, 0.73593, 0.38608],
                [0.185711, 0.0209875, 0.0350316, -0.823905],
            ]),
        ])
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = Foundation.pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
