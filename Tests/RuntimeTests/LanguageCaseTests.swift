import Testing
@testable import Runtime

/// The language, construct by construct: a small source and what it displays.
@Suite struct LanguageCaseTests {
    @Test(arguments: [
        // Numbers display as %g with 6 significant digits; -0 as 0.
        ("1.5e-7", "1.5e-07"), ("138.8344", "138.834"), ("-0", "0"), ("2^10", "1024"), ("-2^2", "-4"),
        ("7 / 2", "3.5"), ("true and not false", "true"), ("1 < 2 or 1 / 0 > 0", "true"),
        // Tensors, broadcasting, matrix products, indexing and slicing.
        ("[1, 2, 3] * 2", "[2, 4, 6]"), ("[[1, 2], [3, 4]] @ [1, 1]", "[3, 7]"), ("[1, 2] @ [3, 4]", "11"),
        ("[[1, 2], [3, 4]].T", "[[1, 3],\n [2, 4]]"), ("[[1, 2], [3, 4]] + [10, 20]", "[[11, 22],\n [13, 24]]"),
        ("x = [5, 6, 7, 8]\nx[-1], x[1:3], x[::2], x[1..<3]", "(8, [6, 7], [5, 7], [6, 7])"),
        ("m = [[1, 2, 3], [4, 5, 6]]\nm[1, 2], m[:, 0], m.shape", "(6, [1, 4], (2, 3))"),
        ("zeros(2, 2)", "[[0, 0],\n [0, 0]]"), ("linspace(0, 1, 5)", "[0, 0.25, 0.5, 0.75, 1]"),
        ("arange(3)", "[0, 1, 2]"), ("sum([[1, 2], [3, 4]], axis: 0)", "[4, 6]"), ("max([3, 9, 2])", "9"),
        ("max(2, 5), min(2, 5)", "(5, 2)"), ("outer([1, 2], [3, 4])", "[[3, 4],\n [6, 8]]"),
        ("mean([1, 2, 3, 4])", "2.5"), ("argmax([1, 9, 3])", "1"), ("round(2.5), round(3.5)", "(2, 4)"),
        ("[1, 2, 3] == [1, 0, 3]", "[1, 0, 1]"), ("all([1, 1]), any([0, 0])", "(true, false)"),
        ("reshape(arange(6), 2, 3)", "[[0, 1, 2],\n [3, 4, 5]]"), ("concat([[1], [2, 3]])", "[1, 2, 3]"),
        ("softmax([1000, 1000])", "[0.5, 0.5]"), ("7 % 3, -7 % 3", "(1, 2)"),
        // Functions: last expression, return, defaults, keywords, closures, recursion, lambdas.
        ("fn f(x) { x * 2 }\nf(21)", "42"),
        ("fn f(x) { if x > 0 { return x }\n -x }\nf(-3), f(4)", "(3, 4)"),
        ("fn f(x, k = 10) { x + k }\nf(1), f(1, k: 2), f(k: 3, x: 1)", "(11, 3, 4)"),
        ("fn add(n) { fn(x) { x + n } }\nadd(5)(1)", "6"),
        ("fn fact(n) { if n <= 1 { 1 } else { n * fact(n - 1) } }\nfact(10)", "3628800"),
        ("square = fn(x) { x^2 }\nsquare(3), derivative(square, 3)", "(9, 6)"),
        ("derivative(sigmoid, 0)", "0.25"),
        ("w = 3\nderivative(fn(t) { w * t }, 2), w.grad", "(3, 0)"),
        // Loops and control flow; blocks share the notebook's scope.
        ("s = 0\nfor i in 0..<5 { s += i }\ns, i", "(10, 4)"),
        ("n = 0\nwhile true { n += 1\n if n == 3 { break } }\nn", "3"),
        ("t = 0\nfor i in 0..<6 { if i % 2 == 0 { continue }\n t += i }\nt", "9"),
        ("for x in [[1, 2], [3, 4]] { x }", "[1, 2]\n[3, 4]"),
        ("for i, v in enumerate([7, 8]) { print(i, v) }", "0 7\n1 8"),
        ("a, b = 1, 2\na, b = b, a\na, b", "(2, 1)"),
        ("X, Y = xor()\nX.shape, Y.shape", "((4, 2), (4, 1))"),
        // Comprehensions: their own loop variables, clauses nested as in Python.
        ("[i^2 for i in 0..<4]", "[0, 1, 4, 9]"), ("[x for x in [3, 1, 4, 1, 5] if x > 2]", "[3, 4, 5]"),
        ("[(i, j) for i in 0..<3 for j in 0..<i]", "[(1, 0), (2, 0), (2, 1)]"),
        ("[[i * j for j in 1..<3] for i in 1..<3]", "[[1, 2],\n [2, 4]]"), ("i = 7\n[i for i in 0..<2]\ni", "[0, 1]\n7"),
        ("[v * i for i, v in enumerate([10, 20])]", "[0, 20]"), ("[x for x in [1, 2] if x > 5]", "[]"),
        // Formatted strings.
        ("lr = 0.123456\nf\"lr = {lr:.3f}, {lr:.2e}, {lr}\"", "lr = 0.123, 1.23e-01, 0.123456"),
        ("f\"[{\"ab\":>5}] [{\"ab\":*^6}] {1234567:,d} {0.25:.1%} {-3:+d} {7:03d} {{}}\"", "[   ab] [**ab**] 1,234,567 25.0% -3 007 {}"),
        ("f\"{[1, 2] / 3:.2f}\"", "[0.33, 0.67]"),
        // Indexing by positions and by masks, with gradients.
        ("eye(3)[[2, 0]]", "[[0, 0, 1],\n [1, 0, 0]]"), ("x = [-1, 2, -3, 4]\nx[x > 0], x[[3, 3]]", "([2, 4], [4, 4])"),
        ("m = [[1, -2], [3, 4]]\nm[m > 0], m[:, [1, 0]]", "([1, 3, 4], [[-2, 1],\n [4, 3]])"),
        ("derivative(fn(v) { sum(v[[0, 0, 2]]^2) }, [1, 2, 3])", "[4, 0, 6]"),
        ("derivative(fn(v) { sum(v[v > 1.5]) }, [1, 2, 3])", "[0, 1, 1]"),
        // Data stays data when named: no gradient, and a named mask still selects.
        ("y = constant([0, 1])\np = [0.5, 0.5]\nbackward(sum((p - y)^2))\ny.grad, p.grad", "([0, 0], [1, -1])"),
        ("X, Y = xor()\nL = sum(X @ [1, 1])\nX.grad", "[[0, 0],\n [0, 0],\n [0, 0],\n [0, 0]]"),
        ("x = [-1, 2, 3]\nmask = x > 0\nx[mask], mask", "([2, 3], [0, 1, 1])"),
        // Linear algebra.
        ("A = [[4, 1], [2, 3]]\nsolve(A, [1, 2]), det(A)", "([0.1, 0.6], 10)"), ("inv([[4, 1], [2, 3]])", "[[0.3, -0.1],\n [-0.2, 0.4]]"),
        ("values, vectors = eigh([[2, 1], [1, 2]])\nvalues", "[1, 3]"), ("norm([3, 4])", "5"),
        ("derivative(fn(M) { det(M) }, [[1, 2], [3, 4]])", "[[4, -3],\n [-2, 1]]"),
        // Whole numbers are written whole.
        ("20000000, 2^53", "(20000000, 9.0072e+15)"),
        // Strings, tuples, lists, print.
        ("\"loss: \" + str(0.5)", "loss: 0.5"), ("print(\"a\", 1, [2, 3])", "a 1 [2, 3]"),
        ("len([1, 2, 3]), len(\"abc\")", "(3, 3)"), ("(1, \"a\", true)", "(1, \"a\", true)"),
        ("[\"a\", \"b\"]", "[\"a\", \"b\"]"),
        ("p = []\nfor i in 0..<3 { p = append(p, [i, i^2]) }\np", "[[0, 0],\n [1, 1],\n [2, 4]]"),
        ("l = []\nfor i in 0..<3 { l = append(l, i * 2) }\nl, stack([1, 2])", "([0, 2, 4], [1, 2])"),
        ("format(0.2983711092, digits: 9), format(1/3, digits: 3)", "(\"0.298371109\", \"0.333\")"),
        ("x = 1\ny = 2\nf = x * y + x\ngraph_size(f)", "(4, 4)"),
        ("concat([[1, 2], [3, 4]]), concat([[[1], [2]], [[3], [4]]], axis: 1)", "([1, 2, 3, 4], [[1, 3],\n [2, 4]])"),
        ("a = [1, 2]\nb = [3, 4]\nopt = SGD([a, b], lr: 1)\nE = sum(a * b)\nbackward(E)\nopt.step()\na, b", "([-2, -2], [2, 2])"),
        ("u = 1\nv = 2\nw = [u, v]\nw * 2, w.shape, sum(w @ [1, 1])", "([2, 4], (2,), 3)"),
        ("argmin([3, 1, 2]), argmin([[3, 1], [0, 5]], axis: 1)", "(1, [1, 0])"),
        ("assert_close(zeros(3, 2).shape, (3, 2))\ntrue", "true"),
        // Gradients accumulate until zeroed; branches add.
        ("x = 3\nf = x * x + x\nbackward(f)\nx.grad", "7"),
        ("x = 2\nf = x * 3\nbackward(f, retain_graph: true)\nbackward(f)\nx.grad\nzero_grad(x)\nx.grad", "6\n0"),
        ("x = 1\ny = detach(x) * x\nbackward(y)\nx.grad", "1"),
    ])
    func displays(code: String, expected: String) {
        let outcome = run(code)
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map(\.message))")
        #expect(outcome.text == expected)
    }

    /// Arithmetic on names and numbers first tries one `ScalarProgram` (`ScalarProgramNode`);
    /// a name that holds a tensor, now or from some pass of a loop on, takes the general path.
    @Test(arguments: [
        ("x = 1\nfor i in 0..<8 { if i == 3 { x = [1, 2] }\n y = 2 * x + 1 - -x / 2 }\ny", "[3.5, 6]"),
        ("x = [1, 2]\nfor i in 0..<8 { if i == 5 { x = 3 }\n y = 2 * x + 1 }\ny", "7"),
        ("fn f(a, b) { a * b - b / a }\nf(2, 3), f([1, 2], 4), f(2, 3), -f(1, 1)", "(4.5, [0, 6], 4.5, 0)"),
        ("x = 0.5\nfor i in 0..<3 { x = 3.7 * x * (1 - x) }\nbackward(x)\ngraph(x)",
         "graph: 16 nodes (7 inputs, 9 operations); x = 0.705956; gradients x 0, x -5.66261, x 1.80051 #f44a8d6f26a4"),
    ])
    func scalarArithmeticFallsBackForTensors(code: String, expected: String) {
        let outcome = run(code)
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map(\.message))")
        #expect(outcome.text == expected)
    }

    /// A `for` loop over a range whose body only binds arithmetic to names runs as one block
    /// (`ScalarLoopBody`); the same body inside `if true { }` runs statement by statement.
    /// Both must display the same, graph summaries and gradients included, and fail alike.
    /// In each case `{|` and `|}` delimit the loop's body.
    @Test(arguments: [
        "x = 0.5\nfor i in 0..<40 {| x = 3.7 * x * (1 - x) |}\nbackward(x)\ngraph(x), i",
        // Two names, each reading the other and the loop variable.
        "a = 1\nb = 0.5\nfor i in 0..<20 {| b = a * i - b / 3\n a = b + a * 0.5 - -i |}\nbackward(a)\ngraph(a), b, i",
        // A result with no history: binding makes it a variable, pass after pass.
        "for i in 0..<3 {| y = i * 2 |}\ny, y.grad",
        // A name bound only in the loop, read after it is written.
        "x = 1\nfor i in 0..<4 {| y = 2 * x + i\n x = y / 2 |}\nx, y",
        // A tensor in a name the body reads.
        "x = [1, 2]\nfor i in 0..<3 {| x = x * 0.5 + i |}\nx",
        // No pass at all.
        "x = 1\nfor i in 0..<0 {| x = x + 1 |}\nx",
        // A division by zero in the third pass.
        "x = 3\ny = 0\nfor i in 0..<5 {| x = x - 1\n y = y + 1 / x |}",
        // Locals and a global in a function, called twice.
        "k = 2\nfn f(n) { s = 0.5\n for i in 0..<n {| s = s * k - i |}\n s }\nf(5), f(2)",
        // Gradients through the whole loop, to a variable bound before it.
        "w = 0.3\nx = w\nfor i in 0..<10 {| x = x * x - w / (i + 1) |}\nbackward(x)\nw.grad",
    ])
    func aLoopOfAssignmentsRunsAsItsStatementsWould(code: String) {
        let fused = run(code.replacingOccurrences(of: "{|", with: "{").replacingOccurrences(of: "|}", with: "}"))
        let general = run(code.replacingOccurrences(of: "{|", with: "{ if true {").replacingOccurrences(of: "|}", with: "} }"))
        #expect(fused.text == general.text)
        #expect(fused.errors.map(\.message) == general.errors.map(\.message))
        #expect(fused.errors.map(\.range) == general.errors.map(\.range))
        #expect(!fused.text.isEmpty || !fused.errors.isEmpty)
    }

    /// A graph cut in the middle of a block's passes: the passes before the cut go onto the
    /// old graph, the cut is made where statement-by-statement recording makes it.
    @Test func aLoopOfAssignmentsIsCutWhereItsStatementsWouldBe() {
        var limits = ExecutionLimits()
        limits.graphOperations = 103
        let code = "w = 0.5\nx = w\nfor i in 0..<200 {| y = x * 2\n x = 3.7 * x * (1 - x) + y / 100 |}\nbackward(x)\ngraph(x), w.grad, y"
        let configuration = Interpreter.Configuration(limits: limits)
        let fused = run(code.replacingOccurrences(of: "{|", with: "{").replacingOccurrences(of: "|}", with: "}"),
                        configuration: configuration)
        let general = run(code.replacingOccurrences(of: "{|", with: "{ if true {").replacingOccurrences(of: "|}", with: "} }"),
                          configuration: configuration)
        #expect(fused.errors.isEmpty)
        #expect(fused.text == general.text)
        #expect(fused.text.hasPrefix("(graph: "))
    }

    @Test func globalsPersistAcrossBlocks() {
        #expect(run("fn f(x) { g(x) + 1 }", "fn g(x) { x * 10 }", "f(2)").text == "21")
    }

    @Test func variableNamesReachTheGraph() {
        let text = run("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\nbackward(f)\ngraph(f)").text
        #expect(text == "graph: 5 nodes (3 inputs, 2 operations); f = -12; gradients x -4, y -4, q -4, z 3 #7178bc16eb2c")
    }

    @Test func trainingIsDeterministic() {
        let code = """
            X, y = moons(n: 100, noise: 0.2, seed: 4)
            net = Sequential(Linear(2, 16), ReLU(), Linear(16, 2), seed: 7)
            h = train(net, X, y, loss: cross_entropy, optimizer: Adam(net, lr: 0.05), epochs: 30, batch: 10)
            h.loss[-1], h.accuracy[-1]
            """
        let first = run(code), second = run(code)
        #expect(first.errors.isEmpty)
        #expect(first.text == second.text)
    }

    @Test func figuresSummariseTheirData() {
        let text = run("""
            X, y = blobs(n: 60, centers: 3, seed: 1)
            scatter(X, y, title: "blobs")
            contour(fn(a, b) { a^2 + 10 * b^2 }, x: (-2, 2), y: (-1, 1), grid: 20, paths: [[[1.5, 0.5], [0.5, 0.1], [0, 0]]], labels: ["gd"])
            panels(plot([1, 2, 3]), plot(fn(x) { x^2 }, -1, 1))
            table([[1, 2], [3, 4]], rows: ["a", "b"], columns: ["x", "y"])
            """).text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("scatter \"blobs\": 60 points in 3 classes (20, 20, 20)"))
        #expect(lines[1] == "contour: 20x20 grid over x -2..2, y -1..1; z 0.0387812..14; gd: 2 steps (1.5, 0.5) -> (0, 0) #14aeefa07360")
        #expect(lines[2].hasPrefix("panels: plot: 1 series of 3 points; y: 1 -> 3 | plot: 1 series of 201 points"))
        #expect(lines[3...5].joined(separator: "\n") == "   x  y\na  1  2\nb  3  4")
    }

    @Test func traceShowsEachLayer() {
        let text = run("""
            net = Sequential(Linear(2, 2), Sigmoid(), Linear(2, 1), Sigmoid(), seed: 0)
            trace(net, [1, 0], [1])
            """).text
        #expect(text.contains("layer 1: Linear(2, 2) (net[0])"))
        #expect(text.contains("layer 2: dE/dW"))
        #expect(text.contains("dE/dz"))
    }
}
