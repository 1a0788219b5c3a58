import Diagnostics

/// Parses a block of code into statements, reporting every syntax error in the block (it
/// recovers at the next statement after each one), each at its file line and column.
public struct Parser {
    /// Expressions and blocks nested deeper than this are reported rather than risking the stack.
    public static let maximumNesting = 200
    /// Trees taller than this are reported: a chain such as `a + b + c + ...` builds one
    /// level per operator without nesting anything, and every later pass recurses on it.
    public static let maximumHeight = 1000

    private var tokens: [Token]
    private var index = 0
    private var diagnostics: [Diagnostic]
    private var nesting = 0

    /// The statements of `code` and every problem found in it.
    public static func parse(_ code: String, origin: SourceOrigin = SourceOrigin()) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let lexer = Lexer(code, origin: origin)
        var parser = Parser(tokens: lexer.tokens.filter { $0.kind != .comment }, diagnostics: lexer.diagnostics)
        let statements = parser.parseStatements(until: nil)
        // Lexer and parser errors, in the order they appear in the block.
        let ordered = parser.diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.range?.start, b.element.range?.start)
            if let x, let y, x != y { return x < y }
            return a.offset < b.offset
        }.map { $0.element }
        return (statements, ordered)
    }

    private init(tokens: [Token], diagnostics: [Diagnostic]) {
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    /// Words that start a statement in Python, and what this language writes instead.
    static let pythonStatements: [String: String] = [
        "def": "functions are written fn name(x, y) { ... }, the last expression being the result",
        "lambda": "anonymous functions are written fn(x) { x * 2 }",
        "import": "there is nothing to import: the built-in functions are always there (builtins() lists them)",
        "from": "there is nothing to import: the built-in functions are always there (builtins() lists them)",
        "elif": "write else if",
        "class": "there are no classes: networks are built with Sequential(Linear(...), ...)",
        "with": "there is no with: write the statements as they are",
        "pass": "an empty block is written { }",
    ]

    /// Thrown to abandon the current statement after a syntax error has been recorded.
    private struct Abandon: Error {}

    // MARK: Tokens

    private var current: Token { tokens[index] }
    private var previous: Token { tokens[max(index - 1, 0)] }

    private func check(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }
    private func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    private mutating func match(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        advance()
        return true
    }

    private mutating func match(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        advance()
        return true
    }

    private mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    private mutating func fail(_ message: String, at range: SourceRange? = nil, notes: [Diagnostic.Note] = []) -> Abandon {
        // An invalid token has its own diagnostic from the lexer already.
        if current.kind != .invalid || range != nil {
            diagnostics.append(.error(message, at: range ?? current.range, notes: notes))
        }
        return Abandon()
    }

    private mutating func expect(_ symbol: Symbol, _ context: String, opened opening: Token? = nil) throws(Abandon) -> Token {
        guard check(symbol) else {
            throw fail("expected '\(symbol.rawValue)' \(context), found \(describe(current))",
                       notes: opening.map { [.init("the '\(Self.text(of: $0))' opened here", at: $0.range)] } ?? [])
        }
        return advance()
    }

    private static func text(of token: Token) -> String {
        if case .symbol(let symbol) = token.kind { return symbol.rawValue }
        return "?"
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .number: return "a number"
        case .string, .formatString: return "a string"
        case .identifier(let name): return "'\(name)'"
        case .keyword(let keyword): return "'\(keyword.rawValue)'"
        case .symbol(let symbol): return "'\(symbol.rawValue)'"
        case .newline: return "the end of the line"
        case .comment: return "a comment"
        case .invalid: return "an invalid character"
        case .end: return "the end of the block"
        }
    }

    /// Skips to the start of the next statement after an error.
    private mutating func synchronize() {
        var depth = 0
        while current.kind != .end {
            switch current.kind {
            case .newline where depth == 0, .symbol(.semicolon) where depth == 0:
                advance()
                return
            case .symbol(.leftBrace), .symbol(.leftParen), .symbol(.leftBracket):
                depth += 1
            case .symbol(.rightBrace) where depth == 0:
                return
            case .symbol(.rightBrace), .symbol(.rightParen), .symbol(.rightBracket):
                depth = max(depth - 1, 0)
            default:
                break
            }
            advance()
        }
    }

    // MARK: Statements

    private mutating func parseStatements(until terminator: Symbol?) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || check(.semicolon) { advance() }
            if current.kind == .end { break }
            if let terminator, check(terminator) { break }
            if terminator == nil, check(.rightBrace) {
                diagnostics.append(.error("unexpected '}' with no block to close", at: current.range))
                advance()
                continue
            }
            do throws(Abandon) {
                statements.append(try parseStatement())
                guard current.kind == .newline || check(.semicolon) || current.kind == .end
                    || (terminator != nil && check(terminator!))
                else {
                    var notes: [Diagnostic.Note] = []
                    // `elif` after a block, or what follows `lambda` in an expression.
                    for token in [current, previous] {
                        if case .identifier(let word) = token.kind, let habit = Self.pythonStatements[word] {
                            notes.append(.init(habit))
                            break
                        }
                    }
                    throw fail("expected a new line or ';' after the statement, found \(describe(current))", notes: notes)
                }
            } catch {
                synchronize()
            }
        }
        return statements
    }

    private mutating func parseBlock(_ context: String) throws(Abandon) -> [Statement] {
        skipNewlines()
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw fail("blocks nested too deeply (more than \(Self.maximumNesting) levels)")
        }
        let open = try expect(.leftBrace, context)
        let body = parseStatements(until: .rightBrace)
        guard match(.rightBrace) else {
            throw fail("expected '}' to close the block", at: current.range,
                       notes: [.init("the block opened here", at: open.range)])
        }
        return body
    }

    private mutating func parseStatement() throws(Abandon) -> Statement {
        let start = current.range.start
        func finish(_ kind: Statement.Kind) -> Statement {
            Statement(kind, SourceRange(start: start, end: previous.range.end))
        }
        if case .identifier(let word) = current.kind, let habit = Self.pythonStatements[word],
           word == "pass" || word == "elif" || { if case .identifier = tokens[index + 1].kind { return true } else { return false } }() {
            throw fail("'\(word)' is not a keyword of this language", notes: [.init(habit)])
        }
        switch current.kind {
        case .keyword(.fn) where tokens[index + 1].kind != .symbol(.leftParen):
            advance()
            return finish(.function(try parseFunction(start: start, named: true)))
        case .keyword(.for):
            advance()
            var variables: [String] = []
            repeat {
                guard case .identifier(let name) = current.kind else {
                    throw fail("expected a loop variable after 'for', found \(describe(current))")
                }
                variables.append(name)
                advance()
            } while match(.comma)
            guard match(.in) else { throw fail("expected 'in' after the loop variable, found \(describe(current))") }
            let iterable = try parseExpression()
            let body = try parseBlock("to start the loop's body")
            return finish(.forLoop(variables: variables, iterable: iterable, body: body))
        case .keyword(.while):
            advance()
            let condition = try parseExpression()
            let body = try parseBlock("to start the loop's body")
            return finish(.whileLoop(condition: condition, body: body))
        case .keyword(.if):
            return try parseIf()
        case .keyword(.return):
            advance()
            if current.kind == .newline || current.kind == .end || check(.rightBrace) || check(.semicolon) {
                return finish(.returnStatement(nil))
            }
            return finish(.returnStatement(try parseTuple()))
        case .keyword(.break):
            advance()
            return finish(.breakStatement)
        case .keyword(.continue):
            advance()
            return finish(.continueStatement)
        default:
            let expression = try parseTuple()
            guard case .symbol(let symbol) = current.kind, let op = Self.assignment(symbol) else {
                return finish(.expression(expression))
            }
            let operatorToken = advance()
            let targets: [Expression]
            if case .tuple(let elements) = expression.kind { targets = elements } else { targets = [expression] }
            for target in targets where !Self.isAssignable(target) {
                throw fail("cannot assign to this expression", at: target.range,
                           notes: [.init("a name, a member such as net[0].weight, or an element x[i] can be assigned")])
            }
            if op != .assign && targets.count != 1 {
                throw fail("'\(op.rawValue)' needs exactly one target", at: operatorToken.range)
            }
            skipNewlines()
            let value = try parseTuple()
            return finish(.assignment(targets: targets, operator: op, value: value))
        }
    }

    /// `if c { } else if d { } else { }`. An `else if` chain is read in a loop (not by
    /// recursion, so a long chain cannot exhaust the stack) and folded into nested statements.
    private mutating func parseIf() throws(Abandon) -> Statement {
        var links: [(start: SourceLocation, condition: Expression, then: [Statement])] = []
        var otherwise: [Statement]?
        var tooLong = false
        while true {
            let start = current.range.start
            advance()
            let condition = try parseExpression()
            let then = try parseBlock("to start the 'if' body")
            links.append((start, condition, then))
            var lookahead = index
            while tokens[lookahead].kind == .newline { lookahead += 1 }
            guard tokens[lookahead].kind == .keyword(.else) else { break }
            index = lookahead
            advance()
            guard check(.if) else {
                otherwise = try parseBlock("after 'else'")
                break
            }
            if links.count == Self.maximumHeight, !tooLong {
                // Reported once; the rest of the chain is still read, so no error follows.
                diagnostics.append(.error("'else if' chain too long (more than \(Self.maximumHeight) branches)",
                                          at: current.range, notes: [.init("a table of values, or a function per case, reads better")]))
                tooLong = true
            }
        }
        if tooLong { throw Abandon() }
        let end = previous.range.end
        var statement: Statement?
        for link in links.reversed() {
            statement = Statement(.ifStatement(condition: link.condition, then: link.then, otherwise: statement.map { [$0] } ?? otherwise),
                                  SourceRange(start: link.start, end: end))
        }
        return statement!
    }

    private static func assignment(_ symbol: Symbol) -> AssignmentOperator? {
        switch symbol {
        case .assign: return .assign
        case .plusAssign: return .add
        case .minusAssign: return .subtract
        case .starAssign: return .multiply
        case .slashAssign: return .divide
        default: return nil
        }
    }

    private static func isAssignable(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .identifier, .member, .subscripted: return true
        default: return false
        }
    }

    /// After `fn` (and, for a declaration, with the name next).
    private mutating func parseFunction(start: SourceLocation, named: Bool) throws(Abandon) -> FunctionLiteral {
        var name: String?
        if named {
            guard case .identifier(let identifier) = current.kind else {
                throw fail("expected a function name after 'fn', found \(describe(current))")
            }
            name = identifier
            advance()
        }
        _ = try expect(.leftParen, "to start the parameter list")
        var parameters: [Parameter] = []
        while !check(.rightParen) {
            guard case .identifier(let parameter) = current.kind else {
                throw fail("expected a parameter name, found \(describe(current))")
            }
            let token = advance()
            if parameters.contains(where: { $0.name == parameter }) {
                diagnostics.append(.error("duplicate parameter '\(parameter)'", at: token.range))
            }
            var defaultValue: Expression?
            if match(.assign) { defaultValue = try parseExpression() }
            parameters.append(Parameter(name: parameter, range: token.range, defaultValue: defaultValue))
            if !match(.comma) { break }
        }
        _ = try expect(.rightParen, "to end the parameter list")
        let body = try parseBlock("to start the function's body")
        return FunctionLiteral(name: name, parameters: parameters, body: body,
                               range: SourceRange(start: start, end: previous.range.end))
    }

    // MARK: Expressions

    /// `a, b, c` (a tuple) or a single expression.
    private mutating func parseTuple() throws(Abandon) -> Expression {
        let first = try parseExpression()
        guard check(.comma) else { return first }
        var elements = [first]
        while match(.comma) {
            if current.kind == .newline || current.kind == .end { break }
            elements.append(try parseExpression())
        }
        return Expression(.tuple(elements), first.range.union(elements.last!.range))
    }

    private mutating func parseExpression() throws(Abandon) -> Expression {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw fail("expression nested too deeply (more than \(Self.maximumNesting) levels)")
        }
        return try parseRange()
    }

    private mutating func parseRange() throws(Abandon) -> Expression {
        let start = try parseOr()
        guard match(.halfOpenRange) else { return start }
        skipNewlines()
        let end = try parseOr()
        return Expression(.range(start, end), start.range.union(end.range))
    }

    private mutating func parseOr() throws(Abandon) -> Expression {
        var left = try parseAnd()
        while match(.or) {
            skipNewlines()
            let right = try parseAnd()
            left = try bounded(Expression(.binary(.or, left, right), left.range.union(right.range)))
        }
        return left
    }

    private mutating func parseAnd() throws(Abandon) -> Expression {
        var left = try parseNot()
        while match(.and) {
            skipNewlines()
            let right = try parseNot()
            left = try bounded(Expression(.binary(.and, left, right), left.range.union(right.range)))
        }
        return left
    }

    private mutating func parseNot() throws(Abandon) -> Expression {
        guard check(.not) else { return try parseComparison() }
        let token = advance()
        let operand = try nested { (parser: inout Parser) throws(Abandon) in try parser.parseNot() }
        return Expression(.unary(.not, operand), token.range.union(operand.range))
    }

    private mutating func parseComparison() throws(Abandon) -> Expression {
        let left = try parseAdditive()
        guard case .symbol(let symbol) = current.kind, let op = Self.comparison(symbol) else { return left }
        advance()
        skipNewlines()
        let right = try parseAdditive()
        if case .symbol(let next) = current.kind, Self.comparison(next) != nil {
            throw fail("comparisons cannot be chained",
                       notes: [.init("write them with 'and', as in: a < b and b < c")])
        }
        return Expression(.binary(op, left, right), left.range.union(right.range))
    }

    private static func comparison(_ symbol: Symbol) -> BinaryOperator? {
        switch symbol {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    private mutating func parseAdditive() throws(Abandon) -> Expression {
        var left = try parseMultiplicative()
        while case .symbol(let symbol) = current.kind, symbol == .plus || symbol == .minus {
            advance()
            skipNewlines()
            let right = try parseMultiplicative()
            left = try bounded(Expression(.binary(symbol == .plus ? .add : .subtract, left, right), left.range.union(right.range)))
        }
        return left
    }

    private mutating func parseMultiplicative() throws(Abandon) -> Expression {
        var left = try parseUnary()
        while case .symbol(let symbol) = current.kind, [.star, .slash, .percent, .at].contains(symbol) {
            advance()
            skipNewlines()
            let right = try parseUnary()
            let op: BinaryOperator = [.star: .multiply, .slash: .divide, .percent: .modulo][symbol] ?? .matmul
            left = try bounded(Expression(.binary(op, left, right), left.range.union(right.range)))
        }
        return left
    }

    /// Unary minus binds looser than `^`: `-x^2` is `-(x^2)`.
    private mutating func parseUnary() throws(Abandon) -> Expression {
        guard case .symbol(let symbol) = current.kind, symbol == .minus || symbol == .plus else {
            return try parsePower()
        }
        let token = advance()
        let operand = try nested { (parser: inout Parser) throws(Abandon) in try parser.parseUnary() }
        return Expression(.unary(symbol == .minus ? .negate : .plus, operand), token.range.union(operand.range))
    }

    /// `^` is right-associative and its exponent may carry a sign: `2^-1`, `a^b^c = a^(b^c)`.
    private mutating func parsePower() throws(Abandon) -> Expression {
        let base = try parsePostfix()
        guard match(.caret) else { return base }
        skipNewlines()
        let exponent = try nested { (parser: inout Parser) throws(Abandon) in try parser.parseUnary() }
        return Expression(.binary(.power, base, exponent), base.range.union(exponent.range))
    }

    /// Runs `body` one nesting level deeper (prefix operators recurse without parentheses).
    private mutating func nested(_ body: (inout Parser) throws(Abandon) -> Expression) throws(Abandon) -> Expression {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw fail("expression nested too deeply (more than \(Self.maximumNesting) levels)")
        }
        return try body(&self)
    }

    /// `expression`, unless the tree has grown taller than `maximumHeight` (the loops that
    /// build chains call this at every link, so no taller tree is ever built).
    private mutating func bounded(_ expression: Expression) throws(Abandon) -> Expression {
        guard expression.height <= Self.maximumHeight else {
            throw fail("expression nested too deeply (more than \(Self.maximumHeight) operations inside one another)",
                       at: previous.range,
                       notes: [.init("every operator of a chain such as a + b + c, and every call, index or member of f(x)[i].y, is one more level; split it with intermediate names")])
        }
        return expression
    }

    private mutating func parsePostfix() throws(Abandon) -> Expression {
        var expression = try parsePrimary()
        while true {
            if check(.leftParen) {
                let open = advance()
                let arguments = try parseArguments()
                let close = try expect(.rightParen, "to end the arguments", opened: open)
                expression = try bounded(Expression(.call(expression, arguments), expression.range.union(close.range)))
            } else if check(.leftBracket) {
                let open = advance()
                let indices = try parseIndices()
                let close = try expect(.rightBracket, "to end the index", opened: open)
                expression = try bounded(Expression(.subscripted(expression, indices), expression.range.union(close.range)))
            } else if match(.dot) {
                guard case .identifier(let name) = current.kind else {
                    throw fail("expected a member name after '.', found \(describe(current))")
                }
                let token = advance()
                expression = try bounded(Expression(.member(expression, name: name, nameRange: token.range),
                                                    expression.range.union(token.range)))
            } else {
                return expression
            }
        }
    }

    private mutating func parseArguments() throws(Abandon) -> [Argument] {
        var arguments: [Argument] = []
        var labelled = false
        while !check(.rightParen) {
            if case .identifier(let label) = current.kind, tokens[index + 1].kind == .symbol(.colon) {
                let token = advance()
                advance()
                if arguments.contains(where: { $0.label == label }) {
                    diagnostics.append(.error("argument '\(label)' is given twice", at: token.range))
                }
                arguments.append(Argument(label: label, labelRange: token.range, value: try parseExpression()))
                labelled = true
            } else {
                let value = try parseExpression()
                if labelled {
                    throw fail("positional arguments must come before labelled ones", at: value.range)
                }
                arguments.append(Argument(value: value))
            }
            if !match(.comma) { break }
        }
        return arguments
    }

    private mutating func parseIndices() throws(Abandon) -> [IndexArgument] {
        var indices: [IndexArgument] = []
        while !check(.rightBracket) {
            let start = current.range.start
            var first: Expression?
            if !check(.colon) { first = try parseExpression() }
            if match(.colon) {
                var end: Expression?, step: Expression?
                if !check(.colon) && !check(.comma) && !check(.rightBracket) { end = try parseExpression() }
                if match(.colon), !check(.comma) && !check(.rightBracket) { step = try parseExpression() }
                indices.append(.slice(start: first, end: end, step: step,
                                      range: SourceRange(start: start, end: previous.range.end)))
            } else if let first, case .range(let low, let high) = first.kind {
                indices.append(.slice(start: low, end: high, step: nil, range: first.range))
            } else if let first {
                indices.append(.index(first))
            }
            if !match(.comma) { break }
        }
        if indices.isEmpty { throw fail("expected an index inside '[ ]'") }
        return indices
    }

    /// The expression inside a formatted string's braces, parsed by a parser of its own that
    /// carries on this one's nesting (a string in a string in a string is nesting too).
    private mutating func parseEmbedded(_ code: String, origin: SourceOrigin) throws(Abandon) -> Expression {
        let lexer = Lexer(code, origin: origin)
        var parser = Parser(tokens: lexer.tokens.filter { $0.kind != .comment }, diagnostics: lexer.diagnostics)
        parser.nesting = nesting + 1
        let expression: Expression?
        if parser.nesting > Self.maximumNesting {
            expression = nil
            diagnostics.append(.error("formatted strings nested too deeply (more than \(Self.maximumNesting) levels)", at: current.range))
        } else {
            expression = try? parser.parseExpression()
            if expression != nil, parser.current.kind != .end {
                _ = parser.fail("expected '}' after the expression in the formatted string, found \(parser.describe(parser.current))")
            }
        }
        let failed = expression == nil || !parser.diagnostics.isEmpty
        diagnostics += parser.diagnostics
        guard let expression, !failed else { throw Abandon() }
        return expression
    }

    /// `for x in xs`, `for i, v in enumerate(xs)` and `if condition` clauses, starting with a
    /// `for`, up to the closing bracket.
    private mutating func parseComprehensionClauses() throws(Abandon) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while true {
            if check(.for) {
                let start = advance().range.start
                var variables: [String] = []
                repeat {
                    guard case .identifier(let name) = current.kind else {
                        throw fail("expected a loop variable after 'for', found \(describe(current))")
                    }
                    advance()
                    variables.append(name)
                } while match(.comma)
                guard match(.in) else { throw fail("expected 'in' after the loop variables, found \(describe(current))") }
                let iterable = try parseExpression()
                clauses.append(.iteration(variables: variables, iterable: iterable,
                                          range: SourceRange(start: start, end: previous.range.end)))
            } else if match(.if) {
                clauses.append(.condition(try parseExpression()))
            } else {
                return clauses
            }
        }
    }

    private mutating func parsePrimary() throws(Abandon) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return Expression(.number(value), token.range)
        case .string(let value):
            advance()
            return Expression(.string(value), token.range)
        case .formatString(let parts):
            advance()
            var formatted: [FormattedPart] = []
            for part in parts {
                switch part {
                case .text(let text):
                    formatted.append(.text(text))
                case .expression(let code, let origin, let format, let range):
                    formatted.append(.value(try parseEmbedded(code, origin: origin), format: format, range: range))
                }
            }
            return Expression(.formatted(formatted), token.range)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expression(.boolean(token.kind == .keyword(.true)), token.range)
        case .identifier(let name):
            advance()
            return Expression(.identifier(name), token.range)
        case .keyword(.fn):
            advance()
            return Expression(.function(try parseFunction(start: token.range.start, named: false)),
                              SourceRange(start: token.range.start, end: previous.range.end))
        case .symbol(.leftParen):
            advance()
            if check(.rightParen) { throw fail("empty parentheses are not a value") }
            let first = try parseExpression()
            if match(.rightParen) {
                return Expression(first.kind, token.range.union(previous.range))
            }
            var elements = [first]
            while match(.comma) {
                if check(.rightParen) { break }
                elements.append(try parseExpression())
            }
            let close = try expect(.rightParen, "to end the parenthesised expression", opened: token)
            return Expression(.tuple(elements), token.range.union(close.range))
        case .symbol(.leftBracket):
            advance()
            var elements: [Expression] = []
            while !check(.rightBracket) {
                elements.append(try parseExpression())
                if elements.count == 1, check(.for) {
                    let clauses = try parseComprehensionClauses()
                    let close = try expect(.rightBracket, "to end the comprehension", opened: token)
                    return Expression(.comprehension(element: elements[0], clauses: clauses), token.range.union(close.range))
                }
                if !match(.comma) { break }
            }
            let close = try expect(.rightBracket, "to end the list", opened: token)
            return Expression(.list(elements), token.range.union(close.range))
        case .newline, .end:
            throw fail("expected an expression, found \(describe(token))")
        case .symbol(.star) where previous.kind == .symbol(.star) && previous.range.end == token.range.start:
            throw fail("'**' is not an operator", at: previous.range.union(token.range),
                       notes: [.init("powers are written with ^, as in 2^3")])
        default:
            throw fail("expected an expression, found \(describe(token))")
        }
    }
}
