/// An operand or result of `ScalarRecorder`: a number, and where it stands in a graph. It
/// holds no reference; what it names is kept alive by a binding or by the recorder.
@_spi(Runtime) public struct ScalarOperand {
    public let number: Double
    /// The variable of `.variable`, the tape of `.scalarNode`.
    @usableFromInline let object: Unmanaged<AnyObject>?
    /// The entry of `.scalarNode`.
    @usableFromInline let index: Int32
    /// `.scalar`, `.variable` or `.scalarNode`, as for a tensor.
    @usableFromInline let kind: Tensor.Kind

    @inlinable
    init(number: Double, object: Unmanaged<AnyObject>?, index: Int32, kind: Tensor.Kind) {
        self.number = number
        self.object = object
        self.index = index
        self.kind = kind
    }

    @inline(__always)
    var isTracked: Bool { kind != .scalar }
}

/// The operations `ScalarRecorder` records.
@_spi(Runtime) public enum ScalarOperation: Sendable {
    case add, subtract, multiply, divide, negate

    /// The operation's value, by its rule in `Rules.swift`. Each case names its `Op`, so
    /// the rule's own switch folds away: a switch over the whole of `Op` here made the
    /// instructions of a scalar loop step a quarter more (`make bench-instructions`).
    @inline(__always)
    func value(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return Op.add.value(a, b)
        case .subtract: return Op.subtract.value(a, b)
        case .multiply: return Op.multiply.value(a, b)
        case .divide: return Op.divide.value(a, b)
        case .negate: return Op.negate.value(a, b)
        }
    }

    /// The operation as the tape records it.
    var op: Op {
        switch self {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .negate: return .negate
        }
    }
}

extension ScalarOperand: TapeOperand {
    /// Never asked: an operand is a number, a scalar node or a variable holding a scalar.
    var value: NDArray { NDArray(number) }

    @inline(__always)
    func isNode(of tape: Tape) -> Bool { object?.toOpaque() == Unmanaged.passUnretained(tape).toOpaque() }

    /// Borrowed: the operand's owner keeps the variable alive, and a reference taken and
    /// dropped around an import cost two atomic operations per variable per graph.
    @inline(__always)
    func withVariable<R>(_ body: (Variable) -> R) -> R {
        object.unsafelyUnwrapped._withUnsafeGuaranteedRef { body(unsafeDowncast($0, to: Variable.self)) }
    }
}
