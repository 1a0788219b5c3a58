import Diagnostics
@_spi(Runtime) import Engine
import Language

/// The syntax tree after name resolution: every name is a slot (in the notebook's globals,
/// the current function's frame, or an enclosing one) or a built-in, so running a loop
/// never looks a name up by its spelling.
final class Code {
    struct Expression {
        indirect enum Kind {
            case constant(Value)
            case name(NameSlot)
            case builtin(Builtin)
            case list([Expression])
            case tuple([Expression])
            case unary(UnaryOperator, Expression)
            case binary(BinaryOperator, Expression, Expression)
            case call(Expression, [Argument])
            case subscripted(Expression, [Index])
            case member(Expression, String, SourceRange)
            case function(Function)
            case range(Expression, Expression)
            case comprehension(Comprehension)
            /// `f"..."`: text and values, each value with its format.
            case formatted([FormattedPart])
        }

        let kind: Kind
        let range: SourceRange
        /// The name, for identifiers (labels in graphs, "did you mean"), interned so that
        /// copying an expression copies no string.
        var name: Label? = nil
    }

    struct Argument {
        let label: String?
        let value: Expression
    }

    enum FormattedPart {
        case text(String)
        case value(Expression, FormatSpec?, SourceRange)
    }

    enum Index {
        case index(Expression)
        case slice(start: Expression?, end: Expression?, step: Expression?, range: SourceRange)
    }

    /// Where an assignment writes. Names are interned labels: plain data, so executing an
    /// assignment copies no string.
    indirect enum Target {
        case name(NameSlot, Label)
        case member(Expression, String, SourceRange)
        /// `base[i] = v`: the base read as an expression, and written back as a target with
        /// the new value (an element assignment changes no value in place).
        case subscripted(Expression, Target, [Index], SourceRange)
    }

    struct Statement {
        indirect enum Kind {
            case expression(Expression)
            case assignment([Target], AssignmentOperator, Expression)
            case function(Target, Function)
            case forLoop([Target], Expression, [Statement])
            case whileLoop(Expression, [Statement])
            case ifStatement(Expression, [Statement], [Statement]?)
            case returnStatement(Expression?)
            case breakStatement
            case continueStatement
        }

        let kind: Kind
        let range: SourceRange
    }

    /// `[element for x in xs if condition]`, resolved in a scope of its own (a frame of
    /// `frameSize` slots, its loop variables), whose parent is the scope it is written in.
    final class Comprehension {
        enum Clause {
            case iteration([Target], Expression, SourceRange)
            case condition(Expression)
        }

        let element: Expression
        let clauses: [Clause]
        let frameSize: Int

        init(element: Expression, clauses: [Clause], frameSize: Int) {
            self.element = element
            self.clauses = clauses
            self.frameSize = frameSize
        }
    }

    /// A compiled function: its parameters' slots, its frame size and its body.
    final class Function {
        let name: String?
        let parameters: [Language.Parameter]
        /// Default values, compiled in the scope that defines the function.
        let defaults: [Expression?]
        /// The defaults as nodes, compiled when the function is first defined.
        private(set) lazy var defaultNodes: [ExpressionNode?] = defaults.map { $0.map(Compiler.compile) }
        var frameSize = 0
        var body: [Statement] = [] {
            didSet { compiledBody = nil }
        }
        private var compiledBody: [StatementNode]?
        /// The body compiled on the first call (see `Compiler`).
        var nodes: [StatementNode] {
            if let compiledBody { return compiledBody }
            let compiled = Compiler.compile(body)
            compiledBody = compiled
            return compiled
        }
        let range: SourceRange

        init(name: String?, parameters: [Language.Parameter], defaults: [Expression?], range: SourceRange) {
            self.name = name
            self.parameters = parameters
            self.defaults = defaults
            self.range = range
        }
    }

    let statements: [Statement]

    init(statements: [Statement]) {
        self.statements = statements
    }
}
