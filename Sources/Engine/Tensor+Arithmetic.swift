import Foundation

/// Elementwise arithmetic and functions, with numpy broadcasting.
extension Tensor: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    public static func + (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        try record(.add, a, b, value: a.value + b.value)
    }

    public static func - (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        try record(.subtract, a, b, value: a.value - b.value)
    }

    public static func * (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        try record(.multiply, a, b, value: a.value * b.value)
    }

    public static func / (a: Tensor, b: Tensor) throws(EngineError) -> Tensor {
        try record(.divide, a, b, value: a.value / b.value)
    }

    public static prefix func - (a: Tensor) -> Tensor {
        record(.negate, a, value: -a.value)
    }

    /// `self ^ exponent` for a constant exponent.
    public func pow(_ exponent: Double) -> Tensor {
        let v: NDArray
        switch exponent {
        case 2: v = value.map { $0 * $0 }
        case 1: v = value
        default: v = value.map { Foundation.pow($0, exponent) }
        }
        return Tensor.record(.power(exponent), self, value: v)
    }

    /// `self ^ exponent` where the exponent may itself carry a gradient.
    public func power(_ exponent: Tensor) throws(EngineError) -> Tensor {
        if !exponent.isTracked, let e = exponent.scalar, exponent.rank == 0 { return pow(e) }
        return try Tensor.record(.powerTensor, self, exponent,
                                 value: NDArray.zip(value, exponent.value, operation: "power") { Foundation.pow($0, $1) })
    }

    public func exp() -> Tensor { Tensor.record(.exp, self, value: value.map { Foundation.exp($0) }) }
    public func log() -> Tensor { Tensor.record(.log, self, value: value.map { Foundation.log($0) }) }
    public func sqrt() -> Tensor { Tensor.record(.sqrt, self, value: value.map { $0.squareRoot() }) }
    public func abs() -> Tensor { Tensor.record(.abs, self, value: value.map { Swift.abs($0) }) }
    public func tanh() -> Tensor { Tensor.record(.tanh, self, value: value.map { Foundation.tanh($0) }) }
    public func sigmoid() -> Tensor { Tensor.record(.sigmoid, self, value: value.map(Tensor.sigmoid)) }

    public func relu() -> Tensor {
        Tensor.record(.relu, self, value: value.map { $0 > 0 || $0.isNaN ? $0 : 0 })
    }

    public func leakyRelu(slope: Double = 0.01) -> Tensor {
        Tensor.record(.leakyRelu(slope: slope), self, value: value.map { $0 > 0 || $0.isNaN ? $0 : slope * $0 })
    }

    /// The elementwise larger of two (the "max gate").
    public static func maximum(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try record(.maximum, a, b, value: NDArray.zip(a.value, b.value, operation: "max") { x, y in
            x >= y || x.isNaN ? x : y
        })
    }

    /// The elementwise smaller of two.
    public static func minimum(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try record(.minimum, a, b, value: NDArray.zip(a.value, b.value, operation: "min") { x, y in
            x <= y || x.isNaN ? x : y
        })
    }

    /// Values limited to `[lower, upper]`.
    public func clamped(_ lower: Double, _ upper: Double) -> Tensor {
        Tensor.record(.clamp(lower: lower, upper: upper), self, value: value.map { Swift.min(Swift.max($0, lower), upper) })
    }

    /// The logistic function, written so that neither branch overflows.
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }
}
