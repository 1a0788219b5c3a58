import CKernels

/// Elementwise arithmetic and functions, with numpy broadcasting. Each has a path for
/// scalars that never builds an array: the micrograd-style graphs of the first notebooks.
extension Tensor: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    @inlinable public init(floatLiteral value: Double) { self.init(value) }
    @inlinable public init(integerLiteral value: Int) { self.init(Double(value)) }

    public static func + (a: Tensor, b: Tensor) throws(EngineError) -> Tensor { try pairwise(.add, a, b, operation: "addition") }
    public static func - (a: Tensor, b: Tensor) throws(EngineError) -> Tensor { try pairwise(.subtract, a, b, operation: "subtraction") }
    public static func * (a: Tensor, b: Tensor) throws(EngineError) -> Tensor { try pairwise(.multiply, a, b, operation: "multiplication") }
    public static func / (a: Tensor, b: Tensor) throws(EngineError) -> Tensor { try pairwise(.divide, a, b, operation: "division") }
    public static prefix func - (a: Tensor) -> Tensor { a.elementwise(.negate) }

    /// `op` at every element, through its rule (`Rules.swift`), on the scalar path when possible.
    @inline(__always)
    func elementwise(_ op: Op) -> Tensor {
        if let x = scalarValue { return Tensor.record(op, self, scalar: op.value(x, 0)) }
        return Tensor.record(op, self, value: Tensor.values(op, value))
    }

    /// `op.value` at every element of `x`. The activations get a loop each, with the
    /// operation fixed, so that their branch-free functions vectorise; one loop that switched
    /// on the operation at every element would not (the `xor`, `digits` rows). exp, tanh and
    /// the logistic function run in CKernels, compiled for each instruction set with the
    /// arithmetic of their rules (`ElementaryFunctions`): a portable build would otherwise
    /// vectorise them for the x86-64 baseline only, and `digits` ran 28% slower
    /// (`KernelPathTests` holds every path to the rules' bits).
    @inline(never)
    static func values(_ op: Op, _ x: NDArray) -> NDArray {
        x.withUnsafeBufferPointer { source in
            NDArray.build(x.shape) { out in
                guard let input = source.baseAddress, let output = out.baseAddress else { return }
                let count = source.count
                switch op {
                case .exp: ck_exp(input, output, Int64(count))
                case .tanh: ck_tanh(input, output, Int64(count))
                case .sigmoid: ck_sigmoid(input, output, Int64(count))
                case .relu: for i in 0..<count { output[i] = Op.relu.value(input[i], 0) }
                default: for i in 0..<count { output[i] = op.value(input[i], 0) }
                }
            }
        }
    }

    /// `op` on pairs of elements, broadcasting the shapes as numpy does.
    @inline(__always)
    static func pairwise(_ op: Op, _ a: Tensor, _ b: Tensor, operation: String) throws(EngineError) -> Tensor {
        if let x = a.scalarValue, let y = b.scalarValue { return record(op, a, b, scalar: op.value(x, y)) }
        return try record(op, a, b, value: values(op, a.value, b.value, operation: operation))
    }

    /// `op.value` on pairs of elements, with a loop for each arithmetic operation, as `values`
    /// has for the activations.
    @inline(never)
    private static func values(_ op: Op, _ a: NDArray, _ b: NDArray, operation: String) throws(EngineError) -> NDArray {
        switch op {
        case .add: return try NDArray.zip(a, b, operation: operation) { Op.add.value($0, $1) }
        case .subtract: return try NDArray.zip(a, b, operation: operation) { Op.subtract.value($0, $1) }
        case .multiply: return try NDArray.zip(a, b, operation: operation) { Op.multiply.value($0, $1) }
        case .divide: return try NDArray.zip(a, b, operation: operation) { Op.divide.value($0, $1) }
        default: return try NDArray.zip(a, b, operation: operation) { op.value($0, $1) }
        }
    }

    /// `self ^ exponent` for a constant exponent.
    public func pow(_ exponent: Double) -> Tensor { elementwise(.power(exponent)) }

    /// `self ^ exponent` where the exponent may itself carry a gradient.
    public func power(_ exponent: Tensor) throws(EngineError) -> Tensor {
        if !exponent.isTracked, let e = exponent.scalarValue { return pow(e) }
        return try Tensor.pairwise(.powerTensor, self, exponent, operation: "power")
    }

    public func exp() -> Tensor { elementwise(.exp) }
    public func log() -> Tensor { elementwise(.log) }
    public func sqrt() -> Tensor { elementwise(.sqrt) }
    public func abs() -> Tensor { elementwise(.abs) }
    public func tanh() -> Tensor { elementwise(.tanh) }
    public func sigmoid() -> Tensor { elementwise(.sigmoid) }
    public func relu() -> Tensor { elementwise(.relu) }
    public func leakyRelu(slope: Double = 0.01) -> Tensor { elementwise(.leakyRelu(slope: slope)) }

    /// Values limited to `[lower, upper]`.
    public func clamped(_ lower: Double, _ upper: Double) -> Tensor {
        let f = { (x: Double) in Clamp.value(x, lower: lower, upper: upper) }
        let result = scalarValue.map { NDArray(f($0)) } ?? value.map(f)
        return Tensor.record([self], attribute: .bounds(lower: lower, upper: upper), value: result) { .clamp(attribute: $0) }
    }

    /// The elementwise larger of two (the "max gate").
    public static func maximum(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try pairwise(.maximum, a, b, operation: "max")
    }

    /// The elementwise smaller of two.
    public static func minimum(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        try pairwise(.minimum, a, b, operation: "min")
    }
}
