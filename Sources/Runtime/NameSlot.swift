@_spi(Runtime) import Engine

/// Where a name's value lives: a global of the notebook, or a local of the running function.
enum NameSlot: Equatable {
    case global(Int), local(Int)

    /// The slot of an assignment target that is a global or a local, with its name.
    static func of(_ target: Code.Target) -> (slot: NameSlot, name: Label)? {
        switch target {
        case .global(let slot, let name): return (.global(slot), name)
        case .local(let slot, let name): return (.local(slot), name)
        case .captured, .member, .subscripted: return nil
        }
    }

    /// Puts `value` there as it is (binding a name also labels and converts it: see
    /// `Interpreter.rebound`).
    @inline(__always)
    func store(_ value: consuming Value, _ interpreter: Interpreter, _ frame: Frame?) {
        switch self {
        case .global(let slot): interpreter.globals.values[slot] = value
        case .local(let slot): frame!.slots[slot] = value
        }
    }

    /// The operand for the value there, when it is a number. No reference is taken: the
    /// binding keeps the value alive for as long as nothing rebinds the name.
    @inline(__always)
    func operand(_ interpreter: Interpreter, _ frame: Frame?) -> ScalarOperand? {
        switch self {
        case .global(let slot): return Self.operand(interpreter.globals.values[slot])
        case .local(let slot): return Self.operand(frame.unsafelyUnwrapped.slots[slot])
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
