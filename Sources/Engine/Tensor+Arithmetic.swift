import Foundation

/// Elementwise arithmetic and functions, with numpy broadcasting. Each has a path for
/// scalars that never builds an array: the micrograd-style graphs of the first notebooks.
extension Tensor: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    @inlinable public init(floatLiteral value: Double) { self.init(value) }
    @inlinable public init(integerLiteral value: Int) { self.init(Double(value)) }

    public static func + (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        if let x = a.scalarValue, let y = b.scalarValue { return record(.add, a, b, scalar: x + y) }
        return try record(.add, a, b, value: a.value + b.value)
    }

    public static func - (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        if let x = a.scalarValue, let y = b.scalarValue { return record(.subtract, a, b, scalar: x - y) }
        return try record(.subtract, a, b, value: a.value - b.value)
    }

    public static func * (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        if let x = a.scalarValue, let y = b.scalarValue { return record(.multiply, a, b, scalar: x * y) }
        return try record(.multiply, a, b, value: a.value * b.value)
    }

    public static func / (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        if let x = a.scalarValue, let y = b.scalarValue { return record(.divide, a, b, scalar: x / y) }
        return try record(.divide, a, b, value: a.value / b.value)
    }

    public static prefix func - (a: Tensor) -> Tensor {
        a.elementwise(.negate) { -$0 }
    }

    /// `op` applied elementwise through `f`, on the scalar path when possible.
    @inline(__always)
    func elementwise(_ op: Op, _ f: (Double) -> Double) -> Tensor {
        if let x = scalarValue { return Tensor.record(op, self, scalar: f(x)) }
        return Tensor.record(op, self, value: value.map(f))
    }

    /// `op` through one of the engine's own elementary functions.
    @inline(__always)
    func elementwise(_ op: Op, _ function: NDArray.Elementary, _ f: (Double) -> Double) -> Tensor {
        if let x = scalarValue { return Tensor.record(op, self, scalar: f(x)) }
        return Tensor.record(op, self, value: value.applying(function))
    }

    /// `self ^ exponent` for a constant exponent.
    public func pow(_ exponent: Double) -> Tensor {
        switch exponent {
        case 2: return elementwise(.power(2)) { $0 * $0 }
        case 1: return elementwise(.power(1)) { $0 }
        default: return elementwise(.power(exponent)) { Foundation.pow($0, exponent) }
        }
    }

    /// `self ^ exponent` where the exponent may itself carry a gradient.
    public func power(_ exponent: Tensor) throws(EngineError) -> Tensor {
        if !exponent.isTracked, let e = exponent.scalarValue { return pow(e) }
        if let x = scalarValue, let y = exponent.scalarValue {
            return Tensor.record(.powerTensor, self, exponent, scalar: Foundation.pow(x, y))
        }
        return try Tensor.record(.powerTensor, self, exponent,
                                 value: NDArray.zip(value, exponent.value, operation: "power") { Foundation.pow($0, $1) })
    }

    public func exp() -> Tensor { elementwise(.exp, .exp, ElementaryFunctions.exp) }
    public func log() -> Tensor { elementwise(.log) { Foundation.log($0) } }
    public func sqrt() -> Tensor { elementwise(.sqrt) { $0.squareRoot() } }
    public func abs() -> Tensor { elementwise(.abs) { Swift.abs($0) } }
    public func tanh() -> Tensor { elementwise(.tanh, .tanh, ElementaryFunctions.tanh) }
    public func sigmoid() -> Tensor { elementwise(.sigmoid, .sigmoid, ElementaryFunctions.sigmoid) }
    public func relu() -> Tensor { elementwise(.relu) { $0 > 0 || $0.isNaN ? $0 : 0 } }

    public func leakyRelu(slope: Double = 0.01) -> Tensor {
        elementwise(.leakyRelu(slope: slope)) { $0 > 0 || $0.isNaN ? $0 : slope * $0 }
    }

    /// Values limited to `[lower, upper]`.
    public func clamped(_ lower: Double, _ upper: Double) -> Tensor {
        let f = { (x: Double) in Swift.min(Swift.max(x, lower), upper) }
        let result = scalarValue.map { NDArray(f($0)) } ?? value.map(f)
        return Tensor.record([self], attribute: .bounds(lower: lower, upper: upper), value: result) { .clamp(attribute: $0) }
    }

    /// The elementwise larger of two (the "max gate").
    public static func maximum(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try pairwise(.maximum, a, b, operation: "max") { x, y in x >= y || x.isNaN ? x : y }
    }

    /// The elementwise smaller of two.
    public static func minimum(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try pairwise(.minimum, a, b, operation: "min") { x, y in x <= y || x.isNaN ? x : y }
    }

    @inline(__always)
    static func pairwise(
        _ op: Op, _ a: Tensor, _ b: Tensor, operation: String, _ f: (Double, Double) -> Double
    ) throws(EngineError) -> Tensor {
        if let x = a.scalarValue, let y = b.scalarValue { return record(op, a, b, scalar: f(x, y)) }
        return try record(op, a, b, value: NDArray.zip(a.value, b.value, operation: operation, f))
    }
}
