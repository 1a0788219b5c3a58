import Diagnostics
import Display
import Document
import Foundation
import Language
import Runtime

/// Computing the values written in a notebook's prose (`<!--= x.grad -->-4<!--/-->`).
enum ComputedValues {
    /// The value's text as the prose records it (a value's display on one line), or nil and
    /// why: the expression fails, is not one expression, or displays a figure or a table.
    static func evaluate(_ value: ComputedValue, in interpreter: Interpreter) -> (String?, [Diagnostic]) {
        let origin = SourceOrigin(firstLine: value.location.line, columnOffsets: [value.location.column - 1])
        let at = SourceRange(at: value.location)
        let parsed = Parser.parse(value.expression, origin: origin)
        if parsed.diagnostics.contains(where: { $0.severity == .error }) { return (nil, parsed.diagnostics) }
        guard parsed.statements.count == 1, case .expression = parsed.statements[0].kind else {
            return (nil, [.error("a computed value is one expression, such as x.grad or round(loss, 3)", at: at,
                                 notes: [.init("assign in a block above, then show the name here")])])
        }
        let result = interpreter.run(value.expression, origin: origin)
        if result.failed { return (nil, result.errors) }
        guard !result.items.isEmpty else {
            return (nil, [.error("this expression gives nothing to show", at: at)])
        }
        if result.items.contains(where: { if case .text = $0 { return false } else if case .abridged = $0 { return false } else { return true } }) {
            return (nil, [.error("a figure or a table cannot be shown in a sentence; show it in a block", at: at)])
        }
        let text = result.items.map(\.record).joined(separator: " ")
        // A matrix's rows, one after another on the line.
        let line = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return (line, result.warnings)
    }
}
