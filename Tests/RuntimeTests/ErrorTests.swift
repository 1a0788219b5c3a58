import Diagnostics
import Foundation
import Testing
@testable import Runtime

/// Every kind of error: its message, and where it points.
@Suite struct ErrorTests {
    func located(_ code: String) -> (String, String) {
        let outcome = run(code)
        guard let diagnostic = outcome.errors.first else { return ("no error", "") }
        return (diagnostic.message, diagnostic.range.map { "\($0.start.line):\($0.start.column)" } ?? "")
    }

    @Test func pythonHabitsGetAHint() {
        for (code, hint) in [
            ("2 ** 3", "powers are written with ^, as in 2^3"),
            ("def f(x) { x }", "functions are written fn name(x, y) { ... }, the last expression being the result"),
            ("f = lambda x: x", "anonymous functions are written fn(x) { x * 2 }"),
            ("x = True", "the booleans are written true and false"),
            ("for i in range(3) { i }", "ranges are written 0..<n (the end excluded), as in for i in 0..<n { ... }"),
            ("import numpy", "there is nothing to import: the built-in functions are always there (builtins() lists them)"),
            ("x = 1\nif x > 1 { 1 } elif x { 2 }", "write else if"),
        ] {
            #expect(run(code).errors.first?.notes.map(\.message) == [hint], "\(code)")
        }
        // A name that happens to be a Python keyword is a name like any other.
        #expect(run("def = 3\ndef * 2").text == "6")
        // An unclosed bracket points back at where it opened.
        let unclosed = run("x = f(1,\n  2\ny = 3").errors.first
        #expect(unclosed?.notes.first?.message == "the '(' opened here")
        #expect(unclosed?.notes.first?.range?.start == SourceLocation(line: 1, column: 6))
    }

    @Test func undefinedNameSuggestsTheClosest() {
        let outcome = run("learning_rate = 0.1\nx = lerning_rate * 2")
        #expect(outcome.error == "undefined name 'lerning_rate'")
        #expect(outcome.errors.first?.notes.first?.message == "did you mean 'learning_rate'?")
        #expect(outcome.errors.first?.range?.start == SourceLocation(line: 2, column: 5))
        #expect(run("sigmod(1)").errors.first?.notes.first?.message == "did you mean 'sigmoid'?")
    }

    @Test(arguments: [
        ("sigmoid(1, 2)", "sigmoid takes at most 1 argument, but 2 were given", "1:12"),
        ("linspace(0, 1, cnt: 3)", "linspace has no argument 'cnt'", "1:21"),
        ("fn f(a) { a }\nf(1, 2)", "f takes 1 argument, but 2 were given", "2:6"),
        ("fn f(a) { a }\nf(b: 1)", "f has no parameter 'b'", "2:6"),
        ("Linear(2)", "Linear needs the argument 'outputs'", "1:1"),
        ("[1, 2] + [1, 2, 3]", "shapes [2] and [3] do not fit addition (sizes must match or be 1, aligned from the right)", "1:1"),
        ("x = [1, 2]\nx[2]", "index 2 is out of range for axis 0 of size 2", "2:1"),
        ("x = 3\nx(1)", "a number cannot be called", "2:1"),
        ("1 / 0", "division by zero", "1:5"), ("x = 2\nz = x * (x / (x - 2))", "division by zero", "2:14"),
        ("[1, 2] / [1, 0]", "division by zero: the divisor has 1 zero element (the first at [1])", "1:10"),
        ("\"a\" * 2", "'*' cannot combine a string and a number", "1:1"),
        ("if [1, 2] { 1 }", "a condition must be true or false, not a tensor of shape [2]", "1:4"),
        ("net = Sequential(Linear(2, 3), Linear(4, 1))", "layer 1 (Linear(4, 1)) takes 4 inputs, but layer 0 gives 3", "1:32"),
        ("assert_close([1, 2], [1, 2.5])", "assert_close failed at [1]: a is 2, b is 2.5: they differ by 0.5, more than atol 1e-12 + rtol 1e-06 × |2.5| = 2.5e-06", "1:1"),
        ("zeros(100000, 100000)", "a tensor of shape [100000, 100000] would have 10000000000 elements, more than the limit of 134217728", "1:1"),
        ("x = 1\nx.gradd", "a number has no member 'gradd'", "2:3"),
        ("backward([1, 2] * 2)", "backward needs a number, but this value has shape [2]", "1:10"),
        ("return 1", "'return' outside a function", "1:1"),
        ("lr = 0.1\nf\"rate {lr:.3q}\"", "bad format: '.3q' is not a format", "2:8"),
        ("f\"{1 +}\"", "expected an expression, found the end of the block", "1:7"),
        ("f\"{nope:.2f}\"", "undefined name 'nope'", "1:4"),
        ("f\"a {x\"", "a '{' in a formatted string is never closed", "1:5"),
        ("f\"{\"x\":d}\"", "format 'd' is for numbers, not text", "1:3"),
        ("[1, 2, 3][[0.5]]", "an index of positions holds whole numbers, not 0.5", "1:11"),
        ("[1, 2, 3][[[0]]]", "an index of positions is a vector, not a tensor of shape [1, 1]", "1:11"),
        ("x = [1, 2, 3]\nx[[1, 2] > 1]", "a mask of shape [2] cannot select from a tensor of shape [3]", "2:1"),
        ("solve([[1, 2], [2, 4]], [1, 1])", "the matrix is singular: solve has no unique solution", "1:1"),
        ("eigh([[1, 2], [3, 4]])", "eigh needs a symmetric matrix; entries [0, 1] and [1, 0] differ", "1:1"),
        ("[x for x in 0..<3 if]", "expected an expression, found ']'", "1:21"),
        ("table()", "table needs values: one matrix, or one vector per column", "1:1"),
        ("2 ** 3", "'**' is not an operator", "1:3"),
        ("def f(x) { x }", "'def' is not a keyword of this language", "1:1"),
        ("x = None", "undefined name 'None'", "1:5"),
        // A local of a function has no value before its first assignment, whether read,
        // added to, or read from a closure inside the function.
        ("fn f() {\n  y += 1\n  y\n}\nf()", "'y' is used before it is given a value", "2:3"),
        ("fn f() {\n  z = y\n  y = 1\n}\nf()", "'y' is used before it is given a value", "2:7"),
        ("fn f() {\n  g = fn() { y }\n  g()\n  y = 1\n}\nf()", "'y' is used before it is given a value", "2:14"),
        ("x = 1\nx[0] += 1", "a number cannot be indexed", "2:1"),
        ("x = [1, 2\ny = 3", "expected ']' to end the list, found 'y'", "2:1"),
        ("derivative(fn(x) { x * [1, 2] }, 1)", "derivative needs a function that returns a number; the anonymous function returned a tensor of shape [2]", "1:12"),
        ("sum([[1, 2], [3]])", "'x' of sum must be a tensor, but its rows have different shapes: [2] and [1]", "1:5"),
    ])
    func messagesAndLocations(code: String, message: String, location: String) {
        let (actual, at) = located(code)
        #expect(actual == message)
        #expect(at == location)
    }

    @Test func recursionStopsWithAClearError() {
        let outcome = run("fn f(n) { f(n + 1) }\nf(0)")
        #expect(outcome.error == "recursion deeper than 1000 calls in f")
    }

    @Test func timeBudgetStopsInfiniteLoops() {
        var limits = ExecutionLimits()
        limits.timeBudget = 0.2
        let start = Date()
        let outcome = run("x = 0\nwhile true { x = x + 1 }", configuration: .init(limits: limits))
        #expect(outcome.error == "the notebook ran past its time budget of 0.2 s")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// A loop run as one block of arithmetic (`ScalarLoopBody`) stops on time too, and its
    /// names keep the values they had reached.
    @Test func timeBudgetStopsLoopsOfArithmetic() {
        var limits = ExecutionLimits()
        limits.timeBudget = 0.2
        let start = Date()
        let outcome = run("x = 0.5\nfor i in 0..<1000000000000 { x = 3.7 * x * (1 - x) }", "x > 0 and x < 1 and i > 1000",
                          configuration: .init(limits: limits))
        #expect(outcome.error == "the notebook ran past its time budget of 0.2 s")
        #expect(outcome.errors.first?.range?.start.line == 2)
        #expect(outcome.text == "true")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func longHistoriesAreCutWithAWarning() {
        var settings = ExecutionLimits()
        settings.graphOperations = 1000
        let limits = settings
        let outcome = LargeStack.run {
            let interpreter = Interpreter(configuration: .init(limits: limits))
            return interpreter.run("x = 0.5\nfor i in 0..<2000 { x = 0.9 * x + 0.1 }\nx")
        }
        #expect(outcome.errors.isEmpty)
        #expect(outcome.items.map(\.record) == ["1"])
        #expect(outcome.warnings.first?.message.hasPrefix("the computation graph grew past 1000 operations without a backward pass") == true)
    }

    @Test func outputSizeIsLimited() {
        var limits = ExecutionLimits()
        limits.outputCharacters = 100
        let outcome = run("for i in 0..<100 { i }", configuration: .init(limits: limits))
        #expect(outcome.error == "the block displays more than 100 characters")
    }

    @Test func nanInTrainingNamesTheEpoch() {
        let outcome = run("""
            X, Y = xor()
            net = Sequential(Linear(2, 4), Tanh(), Linear(4, 1), seed: 0)
            train(net, X, Y * 1e200, loss: mse, optimizer: SGD(net, lr: 1e10), epochs: 50)
            """)
        #expect(outcome.error?.hasPrefix("training stopped at epoch ") == true)
    }

    @Test func loadStaysInsideTheProject() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-load-\(UUID())")
        let notebooks = root.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "x,y\n1,2\n3,4\n".write(to: notebooks.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try "1,2\n".write(to: root.deletingLastPathComponent().appendingPathComponent("outside-\(root.lastPathComponent).csv"),
                          atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: notebooks.appendingPathComponent("link.csv").path,
                                                   withDestinationPath: "/etc/passwd")
        let configuration = Interpreter.Configuration(notebookDirectory: notebooks.path, projectRoot: root.path)
        #expect(run("load(\"data.csv\")", configuration: configuration).text == "[[1, 2],\n [3, 4]]")
        #expect(run("load(\"../../outside-\(root.lastPathComponent).csv\")", configuration: configuration).error?
            .contains("leads outside") == true)
        #expect(run("load(\"/etc/passwd\")", configuration: configuration).error?.contains("absolute path") == true)
        #expect(run("load(\"link.csv\")", configuration: configuration).error?.contains("leads outside") == true)
        #expect(run("load(\"missing.csv\")", configuration: configuration).error?.contains("no such file") == true)
    }
}
