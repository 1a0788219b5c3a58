import Diagnostics
import Display
import Engine

extension Builtins {
    /// `f(x)` for a built-in that differentiates it: a number (a one-element tensor), or an
    /// error that names the built-in and what `f` returned.
    static func scalarResult(of f: Callable, _ x: Tensor, _ interpreter: Interpreter, _ arguments: Arguments, builtin: String) throws(RuntimeError) -> Tensor {
        let result = try interpreter.call(f, [.tensor(x)], at: arguments.callRange)
        guard case .tensor(let y) = result, y.value.count == 1 else {
            let returned: String
            if case .tensor(let t) = result { returned = "a tensor of shape \(shapeText(t.shape))" } else { returned = "a \(result.typeName)" }
            throw RuntimeError.builtin("\(builtin) needs a function that returns a number; \(f.name == "anonymous function" ? "the anonymous function" : f.name) returned \(returned)",
                               notes: builtin == "hessian" ? [] : [.init("for a function with a vector result, jacobian(f, x)")],
                               argument: .label("f"))
        }
        return y
    }

    static let graph: [Builtin] = [
        Builtin("backward", [required("v"), optional("retain_graph"), optional("create_graph")],
                summary: "adds dv/dn to n.grad for every n that v depends on, then ends the graph (retain_graph: true lets a later pass through it add again; create_graph: true records the pass, so .grad can be differentiated again)") { (arguments) throws(RuntimeError) in
            let v = try arguments.tensor("v")
            guard v.value.count == 1 else {
                throw RuntimeError.builtin("backward needs a number, but this value has shape \(v.shape)",
                                   notes: [.init("take the gradient of a scalar, e.g. backward(sum(v)) or backward(mse(out, y))")],
                                   argument: .label("v"))
            }
            // A loss that is not a finite number would fill every gradient with nan.
            if let x = v.value.values.first, !x.isFinite {
                throw RuntimeError.builtin("backward needs a finite number, but this value is \(x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf"))",
                                   notes: [.init("every gradient would be nan; look for log of 0 or of a negative number, an overflowing exp, or a learning rate that is too large")],
                                   argument: .label("v"))
            }
            let line = arguments.callRange.start.line
            let reached: Int
            if try arguments.bool("create_graph", default: false) {
                // The pass joins the graph; the graph stays open for the next derivative.
                reached = try engineCall { () throws(EngineError) in try v.recordedBackward() }
            } else {
                let retain = try arguments.bool("retain_graph", default: false)
                do throws(EngineError) {
                    reached = try v.backward(retainGraph: retain, site: line)
                } catch {
                    guard case .backwardTwice(let first) = error else { throw RuntimeError(engine: error) }
                    throw RuntimeError.builtin("backward through the same graph a second time: the pass at line \(first) already added its gradients to .grad",
                                       notes: [.init("to add them again on purpose, write that first pass as backward(..., retain_graph: true)"),
                                               .init("to compute new gradients, compute the value again (after zero_grad if the old ones should go)")])
                }
            }
            if reached == 0 {
                arguments.interpreter.warn(.warning(
                    "backward changes no gradient: this value does not depend on any variable", at: arguments.range("v"),
                    notes: [.init("it is a constant, or was computed from detached values or with recording off")]))
            }
            return .none
        },
        Builtin("constant", [required("x")],
                summary: "x as data: a name bound to it stays a constant that takes no gradient (loaded files and data sets are data already)") { (arguments) throws(RuntimeError) in
            .tensor(Tensor.data(try arguments.tensor("x").value))
        },
        Builtin("zero_grad", [variadic("values")], summary: "clears the gradients of values, networks or optimizers", takesVariables: true) { (arguments) throws(RuntimeError) in
            for (index, item) in arguments.rest.enumerated() {
                switch item.value {
                case .tensor(let t): t.zeroGrad()
                case .object(let object as LayerObject): object.layer.zeroGrad()
                case .object(let object as OptimizerObject): object.optimizer.zeroGrad()
                case .list(let items), .tuple(let items):
                    for case .tensor(let t) in items { t.zeroGrad() }
                case let other:
                    throw RuntimeError.builtin("zero_grad clears tensors, networks and optimizers, not a \(other.typeName)", argument: .position(index))
                }
            }
            return .none
        },
        Builtin("derivative", [required("f"), required("x")], summary: "df/dx at x, by the engine's backward pass (differentiable again when f itself is being differentiated)") { (arguments) throws(RuntimeError) in
            let f = try arguments.function("f")
            let x = try arguments.tensor("x")
            let interpreter = arguments.interpreter
            if Graph.isIsolated && x.isTracked {
                // Inside a function being differentiated: the backward pass is recorded on
                // that function's graph, so its result can be differentiated again.
                let y = try scalarResult(of: f, x, interpreter, arguments, builtin: "derivative")
                return .tensor(try engineCall { () throws(EngineError) in try Tensor.recordedGradients(of: y, withRespectTo: [x])[0] })
            }
            let variable = Variable(x.value)
            let gradient = try Graph.isolated(differentiating: variable) { () throws(RuntimeError) -> NDArray in
                let y = try scalarResult(of: f, variable.tensor, interpreter, arguments, builtin: "derivative")
                // f may have run backward passes of its own on x (a slope it returns): only
                // this pass's gradient is the answer.
                variable.zeroGrad()
                _ = try engineCall { () throws(EngineError) in try y.backward() }
                return variable.gradOrZero
            }
            // x is the variable of differentiation: its history ends here, which keeps
            // loops like w = w - lr * derivative(loss, w) from growing a graph.
            Graph.closeCurrent()
            return .tensor(Tensor(gradient))
        },
        Builtin("hessian", [required("f"), required("x")],
                summary: "the matrix of second derivatives of f at x (shape of x, twice), by a recorded backward pass differentiated once per element") { (arguments) throws(RuntimeError) in
            let f = try arguments.function("f")
            let x = try arguments.tensor("x")
            let interpreter = arguments.interpreter
            let variable = Variable(x.value)
            let hessian = try Graph.isolated(differentiating: variable) { () throws(RuntimeError) -> NDArray in
                let input = variable.tensor
                let y = try scalarResult(of: f, input, interpreter, arguments, builtin: "hessian")
                let gradient = try engineCall { () throws(EngineError) in try Tensor.recordedGradients(of: y, withRespectTo: [input])[0] }
                return try engineCall { () throws(EngineError) in try Tensor.jacobian(of: gradient, withRespectTo: input) }
            }
            Graph.closeCurrent()
            return .tensor(Tensor(hessian))
        },
        Builtin("jacobian", [required("f"), required("x")],
                summary: "d f(x)[i] / d x[j] for every i and j (shape of f(x), then of x), one backward pass per element of f(x)") { (arguments) throws(RuntimeError) in
            let f = try arguments.function("f")
            let x = try arguments.tensor("x")
            let interpreter = arguments.interpreter
            let variable = Variable(x.value)
            let jacobian = try Graph.isolated(differentiating: variable) { () throws(RuntimeError) -> NDArray in
                let input = variable.tensor
                let result = try interpreter.call(f, [.tensor(input)], at: arguments.callRange)
                guard case .tensor(let y) = result else {
                    throw RuntimeError.builtin("jacobian needs a function that returns a tensor; \(f.name) returned a \(result.typeName)",
                                       argument: .label("f"))
                }
                return try engineCall { () throws(EngineError) in try Tensor.jacobian(of: y, withRespectTo: input) }
            }
            Graph.closeCurrent()
            return .tensor(Tensor(jacobian))
        },
        Builtin("graph", [required("v"), optional("title"), optional("caption"), optional("label")],
                summary: "the computation graph behind v, as a circuit diagram") { (arguments) throws(RuntimeError) in
            let v = try arguments.tensor("v")
            let diagram = try diagram(v.computationGraph)
            return try figureValue(Figure(title: try arguments.string("title"), .graph(diagram)), arguments)
        },
        Builtin("graph_size", [required("v")],
                summary: "(nodes, edges) of the graph behind v: the work of a backward pass is proportional to the edges") { (arguments) throws(RuntimeError) in
            let graph = try arguments.tensor("v").computationGraph
            let edges = graph.nodes.reduce(0) { $0 + $1.inputs.count }
            return .tuple([.number(Double(graph.nodes.count)), .number(Double(edges))])
        },
        Builtin("gradcheck", [required("net"), required("X"), optional("Y"), optional("loss"), optional("rtol"), optional("atol")],
                summary: "true when backward's gradients agree with central differences within rtol and atol (defaults 1e-5, 1e-8), else an error naming the worst element: gradcheck(f, x) for a function of a tensor, gradcheck(net, X, Y, loss:) for a network's parameters (loss default mse)") { (arguments) throws(RuntimeError) in
            let tolerance = try Builtins.tolerance(arguments, default: .gradcheck)
            if case .function(let f)? = arguments.value("net") {
                guard !arguments.has("Y"), !arguments.has("loss") else {
                    throw RuntimeError.builtin("gradcheck(f, x) checks a function of x alone: it takes no Y and no loss",
                                       notes: [.init("for a network, gradcheck(net, X, Y, loss: mse)")])
                }
                let x = try arguments.tensor("X")
                let variable = Variable(x.value)
                let interpreter = arguments.interpreter
                let found = try callingBack { () throws(CallbackError) in
                    try GradientCheck.worstMismatch([("x", variable)], tolerance: tolerance, objective: { () throws(CallbackError) in
                        try asCallback { () throws(RuntimeError) in
                            try scalarResult(of: f, variable.tensor, interpreter, arguments, builtin: "gradcheck")
                        }
                    })
                }
                guard let mismatch = found else { return .bool(true) }
                let element = mismatch.element.position.isEmpty ? "" : " at " + Builtins.positionText(mismatch.element.position)
                throw RuntimeError.builtin("gradcheck failed\(element): "
                                   + Builtins.describe(mismatch.element, tolerance, names: ("backward's gradient", "the central difference")),
                                   notes: [.init("a gradient rule disagrees with the function it differentiates; at a kink (relu at 0, abs at 0) central differences are unreliable")])
            }
            guard arguments.has("Y") else {
                throw RuntimeError.builtin("gradcheck of a network needs its data: gradcheck(net, X, Y, loss:)",
                                   notes: [.init("for a function of a tensor, gradcheck(f, x)")])
            }
            let network = try layer(arguments, "net")
            var inputs = try arguments.tensor("X").value, targets = try arguments.tensor("Y").value
            if inputs.rank == 1 { inputs = try engineCall { () throws(EngineError) in try inputs.reshaped(Shape([1, inputs.count])) } }
            if targets.rank == 1 && inputs.shape.dims[0] == 1 && targets.count > 1 {
                targets = try engineCall { () throws(EngineError) in try targets.reshaped(Shape([1, targets.count])) }
            }
            let lossFunction = try loss(arguments, default: .meanSquaredError)
            let found = try callingBack { () throws(CallbackError) in
                try GradientCheck.worstMismatch(network, inputs: inputs, targets: targets, loss: lossFunction, tolerance: tolerance)
            }
            guard let mismatch = found else { return .bool(true) }
            let element = mismatch.element.position.isEmpty ? "" : " " + Builtins.positionText(mismatch.element.position)
            throw RuntimeError.builtin("gradcheck failed at net\(mismatch.parameter)\(element): "
                               + Builtins.describe(mismatch.element, tolerance, names: ("backward's gradient", "the central difference")),
                               notes: [.init("a gradient rule, or a hand-set value, disagrees with the function it differentiates; at a kink (relu at 0) central differences are unreliable")])
        },
        Builtin("assert_close", [required("a"), required("b"), optional("rtol"), optional("atol")],
                summary: "nothing when a and b have one shape and |a - b| <= atol + rtol·|b| everywhere (defaults 1e-6, 1e-12), else an error naming the worst element") { (arguments) throws(RuntimeError) in
            let a = try arguments.tensor("a").value, b = try arguments.tensor("b").value
            let tolerance = try Builtins.tolerance(arguments, default: .assertClose)
            guard a.shape == b.shape else {
                throw RuntimeError.builtin("assert_close compares values of one shape, not \(Builtins.shapeText(a.shape)) and \(Builtins.shapeText(b.shape))",
                                   notes: Builtins.reshapeHint(a.shape, b.shape, names: ("a", "b")))
            }
            guard let mismatch = tolerance.worst(a, b) else { return .none }
            throw RuntimeError.builtin("assert_close failed" + (a.rank == 0 ? "" : " at " + Builtins.positionText(mismatch.position)) + ": "
                               + Builtins.describe(mismatch, tolerance, names: ("a", "b")),
                               notes: a.rank == 0 || a.count > 50 ? [] : [.init("a: \(ValueFormatter.oneLine(ValueFormatter.format(a)))"),
                                                            .init("b: \(ValueFormatter.oneLine(ValueFormatter.format(b)))")])
        },
    ]

    /// `rtol:` and `atol:`, each a number from 0 to 1.
    static func tolerance(_ arguments: Arguments, default fallback: Tolerance) throws(RuntimeError) -> Tolerance {
        let rtol = try arguments.double("rtol", default: fallback.rtol), atol = try arguments.double("atol", default: fallback.atol)
        for (name, value) in [("rtol", rtol), ("atol", atol)] where !(value >= 0 && value <= 1) {
            throw RuntimeError.builtin("\(name) must be between 0 and 1, not \(NumberFormat.g(value))", argument: .label(name))
        }
        return Tolerance(rtol: rtol, atol: atol)
    }

    /// `a is 2, b is 2.5: they differ by 0.5, more than atol 1e-12 + rtol 1e-06 × |2.5| = 2.5e-06`
    static func describe(_ mismatch: Tolerance.Mismatch, _ tolerance: Tolerance, names: (String, String)) -> String {
        "\(names.0) is \(NumberFormat.g(mismatch.actual)), \(names.1) is \(NumberFormat.g(mismatch.expected)): they differ by "
            + "\(NumberFormat.g(mismatch.difference)), more than atol \(NumberFormat.g(tolerance.atol)) + rtol "
            + "\(NumberFormat.g(tolerance.rtol)) × |\(NumberFormat.g(mismatch.expected))| = \(NumberFormat.g(mismatch.allowed))"
    }

    /// `a number` for a scalar's shape, else the shape (`[2, 1]`).
    /// An element's indices, `[1, 0]`, written as natively an array of Int writes itself:
    /// Embedded Swift cannot interpolate an array.
    static func positionText(_ position: [Int]) -> String {
        "[" + position.map { String($0) }.joined(separator: ", ") + "]"
    }

    static func shapeText(_ shape: Shape) -> String {
        shape.rank == 0 ? "a number" : "\(shape)"
    }

    /// How to make two shapes that should be one agree, when a reshape would: `[4, 1]` and
    /// `[4]` differ only by an axis of size 1.
    static func reshapeHint(_ first: Shape, _ second: Shape, names: (String, String)) -> [Diagnostic.Note] {
        guard first.count == second.count else {
            return [.init("they hold \(first.count) and \(second.count) elements: these are different quantities, not one in two layouts")]
        }
        let squeezed = { (shape: Shape) in shape.dims.filter { $0 != 1 } }
        if squeezed(first) == squeezed(second) {
            let sizes = { (shape: Shape) in shape.dims.map(String.init).joined(separator: ", ") }
            return [.init("they hold the same elements in different layouts: write reshape(\(names.0), \(sizes(second))) to give \(names.0) the shape \(second), or reshape(\(names.1), \(sizes(first)))")]
        }
        return [.init("they hold the same number of elements; if they are one quantity, reshape one to the other's shape")]
    }

    /// Graphs larger than this are refused rather than drawn as an unreadable tangle.
    static let largestDiagram = 400

    /// A diagram's values are written in full up to this many elements (a wire shows a few
    /// digits; hovering shows them all, and the record covers them); a larger tensor, such
    /// as a batch, shows its first and last rows, as the notebook writes a huge tensor, so a
    /// page of diagrams stays small.
    static let fullValueLimit = 100

    static func diagram(_ graph: ComputationGraph) throws(RuntimeError) -> GraphDiagram {
        guard graph.nodes.count <= largestDiagram else {
            throw RuntimeError.builtin("this graph has \(graph.nodes.count) nodes, too many to draw (at most \(largestDiagram))",
                               notes: [.init("draw a smaller computation, such as one neuron or one sample")])
        }
        func text(_ array: NDArray) -> String {
            ValueFormatter.format(array, summarisingAbove: fullValueLimit)
        }
        let nodes = graph.nodes.map { node in
            GraphDiagram.Node(id: node.id, op: node.operation, label: node.label, value: text(node.value),
                              grad: node.grad.map(text), shape: node.value.rank == 0 ? nil : node.value.shape.dims,
                              inputs: node.inputs)
        }
        return GraphDiagram(nodes: nodes, root: nodes.count - 1)
    }

    static func layer(_ arguments: Arguments, _ name: String) throws(RuntimeError) -> any Layer {
        guard case .object(let object as LayerObject) = arguments.value(name) ?? .none else {
            throw RuntimeError.builtin("'\(name)' of \(arguments.function) must be a network or a layer", argument: .label(name))
        }
        return object.layer
    }

    static func loss(_ arguments: Arguments, default fallback: Loss? = nil) throws(RuntimeError) -> Loss {
        guard let value = arguments.value("loss") else {
            if let fallback { return fallback }
            throw RuntimeError.builtin("\(arguments.function) needs a loss, e.g. loss: mse",
                               notes: [.init("losses: mse, half_sse, bce, cross_entropy")])
        }
        guard case .function(let callable) = value, case .builtin(let builtin) = callable.kind, let loss = builtin.loss else {
            throw RuntimeError.builtin("loss must be one of mse, half_sse, bce, cross_entropy", argument: .label("loss"))
        }
        return loss
    }
}
