import Diagnostics
import Foundation
@testable import Runtime

/// Runs blocks in one interpreter (on a large stack, as notebooks run) and returns what
/// they displayed, one line per display, and the errors of the last block that failed.
struct Outcome: Sendable {
    var text: String
    var errors: [Diagnostic]

    var error: String? { errors.first?.message }
}

func run(_ blocks: String..., configuration: Interpreter.Configuration = .init()) -> Outcome {
    LargeStack.run {
        let interpreter = Interpreter(configuration: configuration)
        var lines: [String] = []
        var errors: [Diagnostic] = []
        for block in blocks {
            let result = interpreter.run(block)
            lines += result.items.map(\.record)
            if result.failed { errors = result.errors }
        }
        return Outcome(text: lines.joined(separator: "\n"), errors: errors)
    }
}
