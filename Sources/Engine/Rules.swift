/// The elementwise operations on numbers: each one's value, and what it sends back.
///
/// For `y = f(a, b)` and `g = dOutput/dy`, `gradients` gives each input's contribution to
/// dOutput/dInput, as micrograd's `_backward` does for one `Value`. Everything elementwise
/// goes through these two tables: tensor arithmetic (scalars and every element of an array),
/// the scalar recorder, the backward pass over scalars and over arrays (there summed over
/// any axes that broadcasting added), and the backward pass that records itself to be
/// differentiated again (`Tape+RecordedBackward.swift`). The contributions are written once,
/// in `GradientArithmetic`: on `Double` for the numeric passes, on `RecordedNumber` (tensors
/// whose arithmetic is recorded) for the recorded one. Operations that are not elementwise
/// (reductions, matrix products, softmax, the losses) have their rules in `Tape+Rules.swift`.
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
    /// not elementwise. On numbers for the numeric passes, on `RecordedNumber`s for the
    /// recorded one.
    @inline(__always)
    func gradients<N: GradientArithmetic>(_ g: N, _ a: N, _ b: N, _ y: N) -> (a: N, b: N)? {
        switch self {
        case .add: return (g, g)
        case .subtract: return (g, -g)
        case .multiply: return (g * b, g * a)
        // d(a/b)/db = -a/b² = -y/b
        case .divide: return (g / b, -(g * y) / b)
        case .negate: return (-g, 0)
        // pow(a, 1) is a, exactly: the case for e == 2 only saves a call.
        case .power(let e): return (g * N(e) * (e == 2 ? a : a.raised(to: e - 1)), 0)
        // d(aᵇ)/da = b aᵇ⁻¹; d(aᵇ)/db = aᵇ log a
        case .powerTensor: return (g * b * a.raised(to: b - 1), g * y * a.logarithm)
        case .exp: return (g * y, 0)
        case .log: return (g / a, 0)
        case .sqrt: return (g / (2 * y), 0)
        case .abs: return (g.gated(by: a) { $0 > 0 ? .pass : ($0 < 0 ? .negate : .block) }, 0)
        case .sigmoid: return (g * y * (1 - y), 0)
        case .tanh: return (g * (1 - y * y), 0)
        case .relu: return (g.gated(by: a) { $0 > 0 ? .pass : .block }, 0)
        case .leakyRelu(let slope): return (g.gated(by: a) { $0 > 0 ? .pass : .scale(slope) }, 0)
        // The gate routes the whole gradient to the operand that won (ties: the first).
        case .maximum, .minimum:
            let wonByA = { (a: Double, y: Double) in a == y || a.isNaN }
            return (g.gated(by: a, y) { wonByA($0, $1) ? .pass : .block }, g.gated(by: a, y) { wonByA($0, $1) ? .block : .pass })
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
    static func gradient<N: GradientArithmetic>(_ g: N, _ x: N, lower: Double, upper: Double) -> N {
        g.gated(by: x) { $0 >= lower && $0 <= upper ? .pass : .block }
    }
}

/// The arithmetic the gradient rules are written in, so that each is written once: `Double`
/// for the backward passes over numbers (and over arrays, element by element), and
/// `RecordedNumber` for the backward pass that records its operations, to be differentiated
/// again. A rule means the same operations in the same order on either, so the recorded
/// pass computes the numeric pass's bits (up to the sign of a zero: a gate multiplies a
/// tensor of gradients by 0 where it gives a number 0).
protocol GradientArithmetic: ExpressibleByIntegerLiteral {
    init(_ constant: Double)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// `self ^ e`, as the C library's `pow` rounds it.
    func raised(to e: Double) -> Self
    func raised(to e: Self) -> Self
    /// The natural logarithm.
    var logarithm: Self { get }
    /// `self` (a gradient) through the gate that `gate` gives for the number at each
    /// element of `x`: a factor that is piecewise constant in `x` (which side of a kink
    /// `x` is on), so it has no derivative of its own wherever one exists.
    func gated(by x: Self, _ gate: (Double) -> Gate) -> Self
    /// The same, with the gate chosen by the numbers of `x` and `y` at each element.
    func gated(by x: Self, _ y: Self, _ gate: (Double, Double) -> Gate) -> Self
}

/// What a gate does to the gradient at one element.
enum Gate {
    case pass, block, negate
    /// Multiplies it by a constant (`scale(c)` gives `c * g`).
    case scale(Double)

    /// `g` through the gate: `g`, 0, `-g` or `c * g`, chosen rather than multiplied (no
    /// `0 * g`, which is -0 or NaN for some g).
    @inline(__always)
    func applied(to g: Double) -> Double {
        switch self {
        case .pass: return g
        case .block: return 0
        case .negate: return -g
        case .scale(let c): return c * g
        }
    }

    /// The gate as the factor a tensor of gradients is multiplied by.
    var factor: Double {
        switch self {
        case .pass: return 1
        case .block: return 0
        case .negate: return -1
        case .scale(let c): return c
        }
    }
}

extension Double: GradientArithmetic {
    @inline(__always)
    func raised(to e: Double) -> Double { _pow(self, e) }

    var logarithm: Double {
        @inline(__always) get { _log(self) }
    }

    @inline(__always)
    func gated(by x: Double, _ gate: (Double) -> Gate) -> Double { gate(x).applied(to: self) }

    @inline(__always)
    func gated(by x: Double, _ y: Double, _ gate: (Double, Double) -> Gate) -> Double { gate(x, y).applied(to: self) }
}
