/// A leaf of the computation graph: a number that gradients flow into and stop at.
///
/// Parameters of layers are variables, and so is every number a notebook binds to a name.
/// Optimizers update `value` in place; every graph recorded before the update keeps the
/// value it saw (arrays are copy-on-write), so a stale graph never mixes old and new values.
public final class Variable: @unchecked Sendable {
    public var value: NDArray {
        get { storedValue }
        set {
            storedValue = newValue
            scalarValue = newValue.scalarStorage
            version &+= 1
        }
        // In place, as a stored property would be, so optimizers update parameters without
        // a copy (a `didSet` observer would make every mutation go through a copy).
        _modify {
            defer {
                scalarValue = storedValue.scalarStorage
                version &+= 1
            }
            yield &storedValue
        }
    }

    /// Counts changes of `value`, so a graph can tell that a variable it already holds has
    /// since been given new numbers.
    private(set) var version: UInt64 = 0

    private var storedValue: NDArray

    /// `value`'s number when it is a scalar (rank 0), else nil: the scalar path reads this
    /// plain `Double` instead of copying an `NDArray`, whose copy retains its shape.
    private(set) var scalarValue: Double?

    /// dOutput/dSelf, accumulated over every `backward` since the last `zeroGrad()`.
    public var grad: NDArray? {
        get { hasScalarGrad ? NDArray(scalarGrad) : arrayGrad }
        set {
            if newValue == nil, recordedGrad != nil { recordedGrad = nil }
            if let x = newValue?.scalarStorage {
                scalarGrad = x
                hasScalarGrad = true
                if arrayGrad != nil { arrayGrad = nil }
            } else {
                arrayGrad = newValue
                hasScalarGrad = false
            }
        }
    }

    /// The gradient is kept as a plain number when it is a scalar (so backward passes over
    /// scalar graphs add numbers, not arrays), else as an array.
    private var scalarGrad = 0.0
    @usableFromInline var hasScalarGrad = false
    @usableFromInline var arrayGrad: NDArray?

    /// dOutput/dSelf as a tensor with a history, from passes recorded by
    /// `Tensor.recordedBackward()`; cleared with `grad` (see `zeroGrad`).
    public var recordedGrad: Tensor?

    /// Adds a recorded pass's gradient: to `recordedGrad`, and its numbers to `grad`.
    func accumulate(recorded gradient: Tensor) {
        if let earlier = recordedGrad, let sum = try? earlier + gradient {
            recordedGrad = sum
        } else {
            recordedGrad = gradient
        }
        accumulateGrad(gradient.value)
    }

    /// The name shown in graph diagrams.
    public var name: String?

    /// The identity of the tape that last imported this variable and the slot it got there,
    /// so one graph shows one node per variable however often it is used. Only an identity
    /// (never a reference, which could outlive the tape); the slot is checked before use,
    /// since a new tape may reuse a freed one's address.
    var importTape: ObjectIdentifier?
    var importSlot = 0

    public init(_ value: NDArray, name: String? = nil) {
        self.storedValue = value
        self.scalarValue = value.scalarStorage
        self.name = name
    }

    public convenience init(_ scalar: Double, name: String? = nil) {
        self.init(NDArray(scalar), name: name)
    }

    /// The variable as a tensor, for use in expressions.
    public var tensor: Tensor { Tensor(variable: self) }

    public var shape: Shape { value.shape }

    /// Clears the accumulated gradient (as `grad = nil`).
    ///
    /// Inlinable because clearing is two stores, while a call into the engine made callers
    /// retain and release the variable around it: two atomic operations per parameter per
    /// step, a quarter of the time of micrograd-style graphs (`chainrule-bench scalar`).
    @inlinable
    public func zeroGrad() {
        hasScalarGrad = false
        if arrayGrad != nil { arrayGrad = nil }
        if recordedGrad != nil { recordedGrad = nil }
    }

    /// The gradient, or zeros when none has arrived yet.
    public var gradOrZero: NDArray { grad ?? NDArray.zeros(value.shape) }

    /// Adds a scalar gradient from a backward pass, as `grad += g` with arrays would: onto a
    /// scalar gradient, else in place of a missing one or one of another shape.
    @inline(__always)
    func accumulateGrad(_ g: Double) {
        if hasScalarGrad {
            scalarGrad = scalarGrad + g
        } else {
            scalarGrad = g
            hasScalarGrad = true
            if arrayGrad != nil { arrayGrad = nil }
        }
    }

    /// Adds a gradient from a backward pass (of any shape).
    func accumulateGrad(_ g: NDArray) {
        if let x = g.scalarStorage { return accumulateGrad(x) }
        if var existing = arrayGrad, existing.shape == g.shape {
            arrayGrad = nil   // so `existing` is the only reference and adds in place
            existing.accumulate(g)
            arrayGrad = existing
        } else {
            grad = g
        }
    }
}

extension NDArray {
    /// The number of a rank-0 array, else nil (unlike `scalar`, which also answers for
    /// one-element arrays of higher rank).
    @inline(__always)
    var scalarStorage: Double? {
        if case .scalar(let x) = storage { return x }
        return nil
    }
}
