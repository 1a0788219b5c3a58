import Diagnostics
import Testing
@testable import Language

/// Hostile shapes of code: every one is a syntax error with a location, never a crash, and no
/// tree taller than `Parser.maximumHeight` is ever built (the interpreter, the resolver and
/// the release of the tree all recurse on it).
@Suite struct NestingTests {
    static let n = 2_000

    func messages(_ code: String) -> [String] {
        Parser.parse(code).diagnostics.map(\.message)
    }

    static let chain = "expression nested too deeply (more than 1000 operations inside one another)"
    static let nested = "nested too deeply (more than 200 levels)"

    /// Each case by name (the code is 100,000 repetitions, too long to show in a report; the command-line tests run 100,000).
    static let cases: [String: (code: String, message: String)] = [
        "sum": ("1" + String(repeating: " + 1", count: n), chain),
        "product": ("x" + String(repeating: " * x", count: n), chain),
        "and": ("true" + String(repeating: " and true", count: n), chain),
        "or": ("false" + String(repeating: " or true", count: n), chain),
        "calls": ("f" + String(repeating: "()", count: n), chain),
        "indices": ("x" + String(repeating: "[0]", count: n), chain),
        "members": ("x" + String(repeating: ".grad", count: n), chain),
        "ifs": (String(repeating: "if true { ", count: n) + "1" + String(repeating: " }", count: n), nested),
        "whiles": (String(repeating: "while true { ", count: n) + String(repeating: " }", count: n), nested),
        "functions": (String(repeating: "fn f() { ", count: n) + String(repeating: " }", count: n), nested),
        "closures": (String(repeating: "x = fn() { ", count: n) + String(repeating: " }", count: n), nested),
        "else if": ("if x { 1 }" + String(repeating: " else if x { 1 }", count: n), "'else if' chain too long (more than 1000 branches)"),
        "lists": (String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n), nested),
        "nots": (String(repeating: "not ", count: n) + "true", nested),
        "powers": ("2" + String(repeating: " ^ 2", count: n), nested),
    ]

    @Test(arguments: cases.keys.sorted())
    func deepCodeIsOneErrorNotACrash(name: String) {
        let (code, message) = Self.cases[name]!
        let found = messages(code)
        #expect(found.first?.hasSuffix(message) == true, "\(found.first ?? "no error")")
        #expect(found.count <= 2, "no cascade of errors after the first")
    }

    @Test func chainsUpToTheLimitParse() {
        let sum = "1" + String(repeating: " + 1", count: Parser.maximumHeight - 2)
        let (statements, diagnostics) = Parser.parse(sum)
        #expect(diagnostics.isEmpty)
        #expect(statements.first?.height == Parser.maximumHeight)
        let branches = "if x { 1 }" + String(repeating: " else if x { 1 }", count: Parser.maximumHeight - 1) + " else { 2 }"
        #expect(Parser.parse(branches).diagnostics.isEmpty)
    }

    @Test func heightCountsEveryKindOfNode() {
        func height(_ code: String) -> Int? { Parser.parse(code).statements.first?.height }
        #expect(height("x") == 2)
        #expect(height("a + b * c") == 4)
        #expect(height("f(g(x))[0].y") == 6)
        #expect(height("fn f(a = -1) { return a }") == 3)
        #expect(height("if a { b } else { -c }") == 4)
        #expect(height("for i in 0..<3 { i }") == 3)
    }
}
