import Diagnostics
import Display
import Engine
import Foundation

extension Builtins {
    static let graph: [Builtin] = [
        Builtin("backward", [required("v")], summary: "adds dv/dn to n.grad for every n that v depends on, then ends the graph") { arguments in
            let v = try arguments.tensor("v")
            guard v.value.count == 1 else {
                throw BuiltinError("backward needs a number, but this value has shape \(v.shape)",
                                   notes: [.init("take the gradient of a scalar, e.g. backward(sum(v)) or backward(mse(out, y))")],
                                   argument: .label("v"))
            }
            // A loss that is not a finite number would fill every gradient with nan.
            if let x = v.value.values.first, !x.isFinite {
                throw BuiltinError("backward needs a finite number, but this value is \(x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf"))",
                                   notes: [.init("every gradient would be nan; look for log of 0 or of a negative number, an overflowing exp, or a learning rate that is too large")],
                                   argument: .label("v"))
            }
            try v.backward()
            return .none
        },
        Builtin("zero_grad", [variadic("values")], summary: "clears the gradients of values, networks or optimizers", takesVariables: true) { arguments in
            for (index, item) in arguments.rest.enumerated() {
                switch item.value {
                case .tensor(let t): t.zeroGrad()
                case .object(let object as LayerObject): object.layer.zeroGrad()
                case .object(let object as OptimizerObject): object.optimizer.zeroGrad()
                case .list(let items), .tuple(let items):
                    for case .tensor(let t) in items { t.zeroGrad() }
                case let other:
                    throw BuiltinError("zero_grad clears tensors, networks and optimizers, not a \(other.typeName)", argument: .position(index))
                }
            }
            return .none
        },
        Builtin("derivative", [required("f"), required("x")], summary: "df/dx at x, by the engine's backward pass") { arguments in
            let f = try arguments.function("f")
            let x = try arguments.tensor("x")
            if Graph.isIsolated && x.isTracked {
                throw BuiltinError("a derivative of a derivative is not supported: derivative returns a constant, so its own derivative would be 0",
                                   notes: [.init("differentiate the formula of the first derivative instead")])
            }
            let interpreter = arguments.interpreter
            let variable = Variable(x.value)
            let gradient = try Graph.isolated(differentiating: variable) { () throws -> NDArray in
                let result = try interpreter.call(f, [.tensor(variable.tensor)], at: arguments.callRange)
                guard case .tensor(let y) = result, y.value.count == 1 else {
                    throw BuiltinError("derivative needs a function that returns a number; \(f.name) returned a \(result.typeName)",
                                       argument: .label("f"))
                }
                try y.backward()
                return variable.gradOrZero
            }
            // x is the variable of differentiation: its history ends here, which keeps
            // loops like w = w - lr * derivative(loss, w) from growing a graph.
            Graph.closeCurrent()
            return .tensor(Tensor(gradient))
        },
        Builtin("graph", [required("v"), optional("title")], summary: "the computation graph behind v, as a circuit diagram") { arguments in
            let v = try arguments.tensor("v")
            let diagram = try diagram(v.computationGraph)
            let figure = Figure(title: try arguments.string("title"), .graph(diagram))
            return .object(DisplayObject([.figure(figure)], typeName: "a figure"))
        },
        Builtin("graph_size", [required("v")],
                summary: "(nodes, edges) of the graph behind v: the work of a backward pass is proportional to the edges") { arguments in
            let graph = try arguments.tensor("v").computationGraph
            let edges = graph.nodes.reduce(0) { $0 + $1.inputs.count }
            return .tuple([.number(Double(graph.nodes.count)), .number(Double(edges))])
        },
        Builtin("gradcheck", [required("net"), required("X"), required("Y"), optional("loss")],
                summary: "the largest relative error between backward's gradients and central differences") { arguments in
            let network = try layer(arguments, "net")
            var inputs = try arguments.tensor("X").value, targets = try arguments.tensor("Y").value
            if inputs.rank == 1 { inputs = try inputs.reshaped(Shape([1, inputs.count])) }
            if targets.rank == 1 && inputs.shape.dims[0] == 1 && targets.count > 1 {
                targets = try targets.reshaped(Shape([1, targets.count]))
            }
            let error = try GradientCheck.relativeError(network, inputs: inputs, targets: targets,
                                                        loss: try loss(arguments, default: .meanSquaredError))
            return .number(error)
        },
        Builtin("assert_close", [required("a"), required("b"), optional("tol")],
                summary: "nothing when a and b agree within tol (default 1e-6, relative to their size), else an error showing both") { arguments in
            let a = try arguments.tensor("a").value, b = try arguments.tensor("b").value
            let tolerance = try arguments.double("tol", default: 1e-6)
            guard let shape = Shape.broadcast(a.shape, b.shape) else {
                throw BuiltinError("assert_close compares values of one shape, not \(a.shape) and \(b.shape)")
            }
            let x = try a.broadcast(to: shape), y = try b.broadcast(to: shape)
            var worst = -1.0, worstIndex = 0
            for i in 0..<shape.count {
                let (p, q) = (x[flat: i], y[flat: i])
                let scale = max(1, abs(p), abs(q))
                let excess = p.isNaN || q.isNaN ? Double.infinity : abs(p - q) / scale
                if excess > worst { (worst, worstIndex) = (excess, i) }
            }
            guard worst > tolerance else { return .none }
            var position: [Int] = [], rest = worstIndex
            for stride in shape.strides { position.append(rest / stride); rest %= stride }
            let at = shape.isScalar ? "" : " at \(position)"
            var notes: [Diagnostic.Note] = [.init("first:  \(ValueFormatter.format(a).replacingOccurrences(of: "\n", with: " "))"),
                                            .init("second: \(ValueFormatter.format(b).replacingOccurrences(of: "\n", with: " "))")]
            if a.count > 50 { notes = [] }
            throw BuiltinError(
                "assert_close failed: the values differ by \(NumberFormat.g(abs(x[flat: worstIndex] - y[flat: worstIndex])))\(at) "
                    + "(\(NumberFormat.g(x[flat: worstIndex])) vs \(NumberFormat.g(y[flat: worstIndex]))), more than tol \(NumberFormat.g(tolerance))",
                notes: notes)
        },
    ]

    /// Graphs larger than this are refused rather than drawn as an unreadable tangle.
    static let largestDiagram = 400

    static func diagram(_ graph: ComputationGraph) throws -> GraphDiagram {
        guard graph.nodes.count <= largestDiagram else {
            throw BuiltinError("this graph has \(graph.nodes.count) nodes, too many to draw (at most \(largestDiagram))",
                               notes: [.init("draw a smaller computation, such as one neuron or one sample")])
        }
        func text(_ array: NDArray) -> String {
            if array.rank == 0 { return NumberFormat.g(array[flat: 0]) }
            if array.count <= 4 { return ValueFormatter.format(array).replacingOccurrences(of: "\n", with: "") }
            return "\(array.shape)"
        }
        let nodes = graph.nodes.map { node in
            GraphDiagram.Node(id: node.id, op: node.operation, label: node.label, value: text(node.value),
                              grad: node.grad.map(text), inputs: node.inputs)
        }
        return GraphDiagram(nodes: nodes, root: nodes.count - 1)
    }

    static func layer(_ arguments: Arguments, _ name: String) throws -> any Layer {
        guard case .object(let object as LayerObject) = arguments.value(name) ?? .none else {
            throw BuiltinError("'\(name)' of \(arguments.function) must be a network or a layer", argument: .label(name))
        }
        return object.layer
    }

    static func loss(_ arguments: Arguments, default fallback: Loss? = nil) throws -> Loss {
        guard let value = arguments.value("loss") else {
            if let fallback { return fallback }
            throw BuiltinError("\(arguments.function) needs a loss, e.g. loss: mse",
                               notes: [.init("losses: mse, half_sse, bce, cross_entropy")])
        }
        guard case .function(let callable) = value, case .builtin(let builtin) = callable.kind, let loss = builtin.loss else {
            throw BuiltinError("loss must be one of mse, half_sse, bce, cross_entropy", argument: .label("loss"))
        }
        return loss
    }
}
