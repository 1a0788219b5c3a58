/// The elementwise operations on numbers: each one's value, and what it sends back.
///
/// For `y = f(a, b)` and `g = dOutput/dy`, `gradients` gives each input's contribution to
/// dOutput/dInput, as micrograd's `_backward` does for one `Value`. Everything elementwise
/// goes through these two tables: tensor arithmetic (scalars and every element of an array),
/// the scalar recorder, the backward pass over scalars and over arrays (there summed over
/// any axes that broadcasting added). Operations that are not elementwise (reductions,
/// matrix products, softmax, the losses) have their rules in `Tape+Rules.swift`; the
/// backward pass that records itself, to be differentiated again, states each rule in tensor
/// operations (`Tape+RecordedBackward.swift`), held to these by `RecordedBackwardTests`.
///
/// A contribution is written as the arithmetic it is (`g / b`, not `g * (1 / b)`), so its
/// rounding is the rounding of that expression wherever it is used.
extension Op {
    /// `f(a, b)`; unary operations ignore `b`.
    @inline(__always)
    func value(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .negate: return -a
        // x² is the power notebooks write most: one correctly rounded product, no call.
        case .power(let e): return e == 2 ? a * a : (e == 1 ? a : _pow(a, e))
        case .powerTensor: return _pow(a, b)
        case .exp: return ElementaryFunctions.exp(a)
        case .log: return _log(a)
        case .sqrt: return a.squareRoot()
        case .abs: return Swift.abs(a)
        case .sigmoid: return ElementaryFunctions.sigmoid(a)
        case .tanh: return ElementaryFunctions.tanh(a)
        // NaN passes through, as in PyTorch, rather than becoming 0.
        case .relu: return a > 0 || a.isNaN ? a : 0
        case .leakyRelu(let slope): return a > 0 || a.isNaN ? a : slope * a
        case .maximum: return a >= b || a.isNaN ? a : b
        case .minimum: return a <= b || a.isNaN ? a : b
        default: preconditionFailure("\(name) is not elementwise")
        }
    }

    /// dOutput/da and dOutput/db given `g` = dOutput/dy, the inputs and `y`, the value
    /// computed from them (unary operations send 0 to `b`); nil for an operation that is
    /// not elementwise.
    @inline(__always)
    func gradients(_ g: Double, _ a: Double, _ b: Double, _ y: Double) -> (a: Double, b: Double)? {
        switch self {
        case .add: return (g, g)
        case .subtract: return (g, -g)
        case .multiply: return (g * b, g * a)
        // d(a/b)/db = -a/b² = -y/b
        case .divide: return (g / b, -(g * y) / b)
        case .negate: return (-g, 0)
        // pow(a, 1) is a, exactly: the case for e == 2 only saves a call.
        case .power(let e): return (g * e * (e == 2 ? a : _pow(a, e - 1)), 0)
        // d(aᵇ)/da = b aᵇ⁻¹; d(aᵇ)/db = aᵇ log a
        case .powerTensor: return (g * b * _pow(a, b - 1), g * y * _log(a))
        case .exp: return (g * y, 0)
        case .log: return (g / a, 0)
        case .sqrt: return (g / (2 * y), 0)
        case .abs: return (a > 0 ? g : (a < 0 ? -g : 0), 0)
        case .sigmoid: return (g * y * (1 - y), 0)
        case .tanh: return (g * (1 - y * y), 0)
        case .relu: return (a > 0 ? g : 0, 0)
        case .leakyRelu(let slope): return (a > 0 ? g : slope * g, 0)
        // The gate routes the whole gradient to the operand that won (ties: the first).
        case .maximum, .minimum: return a == y || a.isNaN ? (g, 0) : (0, g)
        default: return nil
        }
    }
}

/// `clamp`, elementwise too, but its interval is an attribute on the tape rather than part
/// of the `Op` (two more numbers would make every tape entry larger), so its rule takes it.
enum Clamp {
    @inline(__always)
    static func value(_ x: Double, lower: Double, upper: Double) -> Double {
        Swift.min(Swift.max(x, lower), upper)
    }

    /// The gradient passes only where the value was inside the interval.
    @inline(__always)
    static func gradient(_ g: Double, _ x: Double, lower: Double, upper: Double) -> Double {
        x >= lower && x <= upper ? g : 0
    }
}
