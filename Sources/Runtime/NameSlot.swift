import Diagnostics
@_spi(Runtime) import Engine

/// Where a name's value lives: a global of the notebook, a local of the running function,
/// or a local of an enclosing function, `depth` frames out. Reading, writing and the error
/// for a name with no value are here, once, for every construct that names a variable.
enum NameSlot: Equatable {
    case global(Int), local(Int), captured(depth: Int, slot: Int)

    /// The frame that holds a local `depth` frames out.
    @inline(__always)
    private static func frame(_ frame: Frame?, depth: Int) -> Frame {
        var current = frame.unsafelyUnwrapped
        for _ in 0..<depth { current = current.parent.unsafelyUnwrapped }
        return current
    }

    /// The value there, or nil when the name has none yet.
    @inline(__always)
    func value(_ interpreter: Interpreter, _ frame: Frame?) -> Value? {
        switch self {
        case .global(let slot): return interpreter.globals.values[slot]
        case .local(let slot): return frame.unsafelyUnwrapped.slots[slot]
        case .captured(let depth, let slot): return Self.frame(frame, depth: depth).slots[slot]
        }
    }

    /// The value there; an error at `range` when the name has none yet.
    @inline(__always)
    func read(_ interpreter: Interpreter, _ frame: Frame?, name: Label?, at range: SourceRange) throws(RuntimeError) -> Value {
        if let value = value(interpreter, frame) { return value }
        throw unbound(interpreter, frame, name: name?.name ?? "?", at: range)
    }

    /// Why a name has no value: a global never assigned (perhaps misspelled), or a local read
    /// before its first assignment.
    @inline(never)
    private func unbound(_ interpreter: Interpreter, _ frame: Frame?, name: String, at range: SourceRange) -> RuntimeError {
        if case .global = self { return interpreter.undefined(name, at: range, frame: frame) }
        return RuntimeError("'\(name)' is used before it is given a value", at: range)
    }

    /// Puts `value` there as it is (binding a name also labels and converts it: see
    /// `Interpreter.rebound`).
    @inline(__always)
    func store(_ value: consuming Value, _ interpreter: Interpreter, _ frame: Frame?) {
        switch self {
        case .global(let slot): interpreter.globals.values[slot] = value
        case .local(let slot): frame.unsafelyUnwrapped.slots[slot] = value
        case .captured(let depth, let slot): Self.frame(frame, depth: depth).slots[slot] = value
        }
    }

    /// The operand for the value there, when it is a number. No reference is taken: the
    /// binding keeps the value alive for as long as nothing rebinds the name.
    @inline(__always)
    func operand(_ interpreter: Interpreter, _ frame: Frame?) -> ScalarOperand? {
        switch self {
        case .global(let slot): return Self.operand(interpreter.globals.values[slot])
        case .local(let slot): return Self.operand(frame.unsafelyUnwrapped.slots[slot])
        case .captured(let depth, let slot): return Self.operand(Self.frame(frame, depth: depth).slots[slot])
        }
    }

    @inline(__always)
    private static func operand(_ value: borrowing Value?) -> ScalarOperand? {
        switch value {
        case .tensor(let t): return ScalarRecorder.operand(t)
        default: return nil
        }
    }
}
