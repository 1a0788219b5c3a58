/// Every operation the engine records: one closed enum, with one gradient rule per case,
/// in `Rules.swift` for the elementwise ones and in `Tape+Rules.swift` for the rest.
/// Composite functions (`mean` of squares, `outer`, ...) are built from these, so only
/// these need gradient rules.
///
/// Payloads are plain numbers, so a tape entry is plain data that appends without
/// reference counting; larger attributes live in `Tape.attributes`, by index. No payload is
/// larger than 8 bytes (axes and positions are 32 or 16 bits), so an `Op` takes 9 bytes and
/// a tape entry 32: a long scalar loop writes its graph at the speed of memory.
enum Op: Sendable {
    /// A number with no history: a literal, data, or a value from a finished graph.
    case constant
    /// A leaf that collects gradients: `Tape.variables[index]`.
    case variable(Int)

    case add, subtract, multiply, divide, negate
    /// `x ^ exponent` with a constant exponent.
    case power(Double)
    /// `a ^ b` where the exponent is itself computed.
    case powerTensor
    case exp, log, sqrt, abs, sigmoid, tanh, relu
    case leakyRelu(slope: Double)
    /// Elementwise larger (or smaller) of two: the "max gate" routes the gradient to the winner.
    case maximum, minimum
    /// Keeps values in `[lower, upper]`; the gradient passes only where the value was inside.
    /// `attribute`: `.bounds`.
    case clamp(attribute: Int32)

    case sum, mean
    case sumAxis(axis: Int32, keep: Bool)
    case meanAxis(axis: Int32, keep: Bool)
    /// The largest or smallest element; the gradient goes to the element that won.
    case extremum(greater: Bool, index: Int32)
    /// `attribute`: `.indices`, the winning position along the axis for each result.
    case extremumAxis(axis: Int16, greater: Bool, keep: Bool, attribute: Int32)

    case matmul
    /// `x Wᵀ + b` (inputs x, W and optionally b).
    case affine(hasBias: Bool)
    /// `attribute`: `.permutation`.
    case permute(attribute: Int32)
    case reshape
    /// `attribute`: `.index`.
    case index(attribute: Int32)
    /// The elements of the input put where `.index` took them from, zeros elsewhere (and
    /// added where an index repeats): the gradient of `index`, as an operation of its own so
    /// that a recorded backward pass can be differentiated again. `attribute`: `.index`.
    case scatter(attribute: Int32)
    /// `attribute`: `.inputs`, every joined tensor.
    case concat(axis: Int32, attribute: Int32)
    /// An operation defined by its value and its vector-Jacobian product in tensor
    /// operations (`CustomOperation`): the linear algebra. `attribute`: `.custom`.
    case custom(attribute: Int32)
    case softmax(axis: Int)
    case logSoftmax(axis: Int)

    /// Mean squared error of prediction against target.
    case meanSquaredError
    /// `½ Σ (prediction − target)²`, the classic backprop loss.
    case halfSumSquares
    /// Binary cross-entropy of probabilities against targets in [0, 1], averaged.
    case binaryCrossEntropy
    /// Cross-entropy of softmax(logits) against target probabilities (one row per sample),
    /// averaged over samples. Input: logits only; `attribute`: `.crossEntropy`.
    case softmaxCrossEntropy(attribute: Int32)

    /// The name a computation-graph diagram shows.
    var name: String {
        switch self {
        case .constant: return "const"
        case .variable: return "leaf"
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .negate: return "neg"
        case .power(let e): return "^" + Self.exponentText(e)
        case .powerTensor: return "^"
        case .exp: return "exp"
        case .log: return "log"
        case .sqrt: return "sqrt"
        case .abs: return "abs"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .leakyRelu: return "leaky_relu"
        case .maximum: return "max"
        case .minimum: return "min"
        case .clamp: return "clamp"
        case .sum, .sumAxis: return "sum"
        case .mean, .meanAxis: return "mean"
        case .extremum(let greater, _), .extremumAxis(_, let greater, _, _): return greater ? "max" : "min"
        case .matmul: return "@"
        case .affine: return "linear"
        case .permute: return "transpose"
        case .reshape: return "reshape"
        case .index: return "index"
        case .scatter: return "scatter"
        case .concat: return "concat"
        case .custom: return "custom"
        case .softmax: return "softmax"
        case .logSoftmax: return "log_softmax"
        case .meanSquaredError: return "mse"
        case .halfSumSquares: return "half_sse"
        case .binaryCrossEntropy: return "bce"
        case .softmaxCrossEntropy: return "cross_entropy"
        }
    }

    private static func exponentText(_ e: Double) -> String {
        e == e.rounded() && Swift.abs(e) < 1e15 ? String(Int64(e)) : String(e)
    }
}

/// Attributes of operations too large to keep in a tape entry.
enum OpAttribute: Sendable {
    case indices([Int])
    case permutation([Int])
    case index(ResolvedIndex)
    case inputs([Int32])
    /// `clamp`'s interval.
    case bounds(lower: Double, upper: Double)
    /// Cross-entropy's one-hot targets and the softmax probabilities of its forward pass.
    case crossEntropy(targets: NDArray, probabilities: NDArray)
    /// A custom operation and its inputs' entries.
    case custom(CustomOperation, inputs: [Int32])
}
