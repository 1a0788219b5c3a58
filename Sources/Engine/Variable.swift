/// A leaf of the computation graph: a number that gradients flow into and stop at.
///
/// Parameters of layers are variables, and so is every number a notebook binds to a name.
/// Optimizers update `value` in place; every graph recorded before the update keeps the
/// value it saw (arrays are copy-on-write), so a stale graph never mixes old and new values.
public final class Variable: @unchecked Sendable {
    public var value: NDArray
    /// dOutput/dSelf, accumulated over every `backward` since the last `zeroGrad()`.
    public var grad: NDArray?
    /// The name shown in graph diagrams.
    public var name: String?

    /// The identity of the tape that last imported this variable and the entry it got there,
    /// so one graph shows one node per variable however often it is used. Only an identity
    /// (never a reference, which could outlive the tape); the entry is checked before use,
    /// since a new tape may reuse a freed one's address.
    var importTape: ObjectIdentifier?
    var importIndex: Int32 = -1

    public init(_ value: NDArray, name: String? = nil) {
        self.value = value
        self.name = name
    }

    public convenience init(_ scalar: Double, name: String? = nil) {
        self.init(NDArray(scalar), name: name)
    }

    /// The variable as a tensor, for use in expressions.
    public var tensor: Tensor { Tensor(variable: self) }

    public var shape: Shape { value.shape }

    /// Clears the accumulated gradient.
    public func zeroGrad() { grad = nil }

    /// The gradient, or zeros when none has arrived yet.
    public var gradOrZero: NDArray { grad ?? NDArray.zeros(value.shape) }
}
