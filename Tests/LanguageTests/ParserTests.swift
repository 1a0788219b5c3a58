import Diagnostics
import Testing
@testable import Language

/// Prints a syntax tree as S-expressions, to compare parses compactly.
func sexpr(_ e: Expression) -> String {
    switch e.kind {
    case .number(let x): return x == x.rounded() ? String(Int(x)) : String(x)
    case .string(let s): return "\"\(s)\""
    case .boolean(let b): return String(b)
    case .identifier(let name): return name
    case .list(let items): return "[" + items.map(sexpr).joined(separator: " ") + "]"
    case .tuple(let items): return "(tuple " + items.map(sexpr).joined(separator: " ") + ")"
    case .unary(let op, let x): return "(\(op.rawValue) \(sexpr(x)))"
    case .binary(let op, let a, let b): return "(\(op.rawValue) \(sexpr(a)) \(sexpr(b)))"
    case .call(let f, let args):
        return "(call \(sexpr(f))" + args.map { " " + ($0.label.map { "\($0): " } ?? "") + sexpr($0.value) }.joined() + ")"
    case .subscripted(let base, let indices): return "(index \(sexpr(base)) \(indices.count))"
    case .member(let base, let name, _): return "(. \(sexpr(base)) \(name))"
    case .function(let f): return "(fn \(f.parameters.map(\.name).joined(separator: " ")))"
    case .range(let a, let b): return "(..< \(sexpr(a)) \(sexpr(b)))"
    case .comprehension(let element, let clauses):
        return "(for \(sexpr(element))" + clauses.map { clause -> String in
            switch clause {
            case .iteration(let variables, let iterable, _): return " (in \(variables.joined(separator: " ")) \(sexpr(iterable)))"
            case .condition(let condition): return " (if \(sexpr(condition)))"
            }
        }.joined() + ")"
    case .formatted(let parts):
        return "(f" + parts.map { part -> String in
            switch part {
            case .text(let text): return " \"\(text)\""
            case .value(let value, let format, _): return " {\(sexpr(value))\(format.map { ":" + $0 } ?? "")}"
            }
        }.joined() + ")"
    }
}

func parseExpression(_ code: String) -> String {
    let (statements, diagnostics) = Parser.parse(code)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    guard case .expression(let e)? = statements.first?.kind else { return "not an expression" }
    return sexpr(e)
}

@Suite struct ParserTests {
    @Test(arguments: [
        ("-x^2", "(- (^ x 2))"),
        ("2^3^2", "(^ 2 (^ 3 2))"),
        ("2^-1", "(^ 2 (- 1))"),
        ("a + b * c - d", "(- (+ a (* b c)) d)"),
        ("W @ x + b", "(+ (@ W x) b)"),
        ("not a and b or c", "(or (and (not a) b) c)"),
        ("x < 1 and y >= 2", "(and (< x 1) (>= y 2))"),
        ("net[0].weight.grad", "(. (. (index net 1) weight) grad)"),
        ("SGD(net, lr: 0.5)", "(call SGD net lr: 0.5)"),
        ("x.grad, y.grad", "(tuple (. x grad) (. y grad))"),
        ("(1, 2)", "(tuple 1 2)"),
        ("[[1, 2], [3, 4]]", "[[1 2] [3 4]]"),
        ("fn(x) { x^2 }", "(fn x)"),
        ("0..<10", "(..< 0 10)"),
        ("f(1,\n  2)", "(call f 1 2)"),
        ("1 +\n 2", "(+ 1 2)"),
        ("1_000 * 1e-3", "(* 1000 0.001)"),
        ("[x^2 for x in xs]", "(for (^ x 2) (in x xs))"),
        ("[i * j for i in 0..<3 for j in 0..<i if i != j]", "(for (* i j) (in i (..< 0 3)) (in j (..< 0 i)) (if (!= i j)))"),
        ("[v for i, v in enumerate(xs) if i > 0]", "(for v (in i v (call enumerate xs)) (if (> i 0)))"),
        ("f\"lr = {lr:.3f}, {{x}} {f(a, k: 1)}\"", "(f \"lr = \" {lr:.3f} \", {x} \" {(call f a k: 1)})"),
        ("f\"{d[\"a\"]:>8}\"", "(f {(index d 1):>8})"),
    ])
    func precedenceAndShapes(code: String, expected: String) {
        #expect(parseExpression(code) == expected)
    }

    @Test func statementsOfEveryKind() {
        let code = """
            fn loss(w, lr = 0.1) { (12 - 3 * w)^2 }
            for i in 0..<3 { if i == 1 { continue } else if i == 2 { break } }
            while x < 3 { x += 1 }
            a, b = b, a
            net[0].weight = [[1]]
            """
        let (statements, diagnostics) = Parser.parse(code)
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 5)
        guard case .function(let f) = statements[0].kind else { Issue.record("not a function"); return }
        #expect(f.name == "loss" && f.parameters.map(\.name) == ["w", "lr"] && f.parameters[1].defaultValue != nil)
        guard case .assignment(let targets, _, _) = statements[3].kind else { Issue.record("not an assignment"); return }
        #expect(targets.count == 2)
    }

    @Test func reportsEverySyntaxErrorInABlockWithItsPosition() {
        let code = """
            x = 1 +
            y = )
            z = 3
            w = 4 4
            v = "open
            """
        let (_, diagnostics) = Parser.parse(code, origin: SourceOrigin(firstLine: 10, columnOffsets: [2, 2, 2, 2, 2]))
        let located = diagnostics.map { "\($0.range!.start.line):\($0.range!.start.column)" }
        #expect(diagnostics.count == 3, "\(diagnostics.map(\.message))")
        // Line 10 ends in '+', so it continues into line 11 and stops at its '='.
        #expect(located == ["11:5", "13:9", "14:7"])
        #expect(diagnostics[2].message == "unterminated string")
    }

    @Test func errorsAtTheStartMiddleAndEnd() {
        #expect(Parser.parse("* 2").diagnostics.first?.range?.start == SourceLocation(line: 1, column: 1))
        #expect(Parser.parse("x = f(1, , 2)").diagnostics.first?.range?.start == SourceLocation(line: 1, column: 10))
        #expect(Parser.parse("x = [1, 2").diagnostics.first?.message.contains("']'") == true)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let (_, diagnostics) = Parser.parse(deep)
        #expect(diagnostics.contains { $0.message.contains("nested too deeply") })
        let minus = String(repeating: "-", count: 100_000) + "1"
        #expect(Parser.parse(minus).diagnostics.contains { $0.message.contains("nested too deeply") })
    }

    @Test func helpfulMessages() {
        #expect(Parser.parse("for i in 0..10 { }").diagnostics.first?.notes.first?.message.contains("..<") == true)
        #expect(Parser.parse("a < b < c").diagnostics.first?.message == "comparisons cannot be chained")
        #expect(Parser.parse("x = 'a'").diagnostics.first?.notes.first?.message.contains("double quotes") == true)
        #expect(Parser.parse("1 = 2").diagnostics.first?.message == "cannot assign to this expression")
    }
}

@Suite struct LexerTests {
    @Test func tokensCarryFilePositionsAndOffsets() {
        let lexer = Lexer("q = x + y  # sum\nf = q * z", origin: SourceOrigin(firstLine: 5, columnOffsets: [3, 3]))
        let kinds = lexer.tokens.map(\.kind)
        #expect(kinds.contains(.comment))
        #expect(kinds.filter { $0 == .newline }.count == 1)
        let f = lexer.tokens.first { $0.kind == .identifier("f") }!
        #expect(f.range.start == SourceLocation(line: 6, column: 4))
        #expect(f.offsets == 17..<18)
    }

    @Test func keywordsIdentifiersAndUnicode() {
        let lexer = Lexer("fn η(α) { return α * 2 }")
        #expect(lexer.tokens[0].kind == .keyword(.fn))
        #expect(lexer.tokens[1].kind == .identifier("η"))
        #expect(lexer.diagnostics.isEmpty)
    }

    @Test func newlinesInsideBracketsDoNotEndStatements() {
        let lexer = Lexer("f(1,\n2)\n[3,\n4]\n{\nx\n}")
        #expect(lexer.tokens.filter { $0.kind == .newline }.count == 4)
    }
}
