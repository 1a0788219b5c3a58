/// A whole arithmetic expression on numbers, as postfix steps, for `ScalarRecorder.evaluate`
/// to compute and record in one call.
///
/// Recording `3.7 * x * (1 - x)` one operation at a time pays, for each operation, a call,
/// a look at the thread's graph and a check for a cut; in a scalar loop that overhead was
/// larger than the appends themselves. A program is checked once: when the open graph has
/// room for every entry it can append, its operations go straight onto the tape. What lands
/// there is what `record` would append, entry for entry, in the same order.
///
/// The `make bench` row "scalar graphs (nodes/s)" is this path (one program per sum, as the
/// interpreter records `b + w0 * x0 + ...`): 36 M nodes a second one operation at a time,
/// 43 M as a program. The scalar loop rows went from 0.146 s to 0.126 s with it.
@_spi(Runtime) public struct ScalarProgram: Sendable {
    public enum Step: Sendable, Equatable {
        /// Pushes the operand `inputs[k]` given to `evaluate`.
        case input(Int)
        /// Pushes a number with no history.
        case constant(Double)
        /// Pops the operands of `operation` (one for `.negate`, else two) and pushes its result.
        case apply(ScalarOperation)
    }

    public let steps: [Step]
    /// How many inputs `evaluate` reads: one more than the largest `.input` index.
    public let inputCount: Int
    /// The most entries one evaluation appends: the operation, and an entry for each operand
    /// that is not already a node of the graph (a constant or a variable's import).
    let entryBound: Int
    /// The steps lowered for running.
    let code: ScalarCode

    /// Steps in postfix order that leave exactly one result; a malformed list is a
    /// programming error.
    public init(_ steps: [Step]) {
        var height = 0, inputs = 0, entries = 0
        for step in steps {
            switch step {
            case .input(let k):
                precondition(k >= 0, "ScalarProgram: negative input")
                inputs = Swift.max(inputs, k + 1)
                height += 1
            case .constant:
                height += 1
            case .apply(let operation):
                let arity = operation == .negate ? 1 : 2
                precondition(height >= arity, "ScalarProgram: \(operation) needs \(arity) operands")
                height -= arity - 1
                entries += arity + 1
            }
        }
        precondition(height == 1, "ScalarProgram: the steps leave \(height) results, not one")
        self.steps = steps
        inputCount = inputs
        entryBound = entries
        code = ScalarCode(inputCount: inputs, [steps])
    }
}
