/// What the engine reports when asked for something it cannot do.
///
/// Messages are written for the notebook author: they name the operation and the shapes or
/// values involved. The runtime attaches the source location of the call.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two operands whose shapes do not fit the operation.
    case shapeMismatch(operation: String, Shape, Shape, detail: String? = nil)
    /// An index outside an axis.
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    /// An axis the tensor does not have.
    case invalidAxis(axis: Int, rank: Int)
    /// A reshape that changes the number of elements.
    case invalidReshape(from: Shape, to: Shape)
    /// A tensor larger than the engine's element limit.
    case tooLarge(shape: Shape, limit: Int)
    /// An argument outside what the operation accepts.
    case invalidArgument(String)
    /// Training produced a loss that is NaN or infinite.
    case nonFiniteLoss(epoch: Int, step: Int, value: Double)
    /// `backward` was given something that is not a scalar and no seed gradient.
    case nonScalarBackward(Shape)
    /// A backward pass through operations an earlier pass already went through, which did
    /// not keep the graph; `firstSite` is the caller's note of where the earlier pass was.
    case backwardTwice(firstSite: Int)
    /// A loss given a prediction and a target of different shapes (it would broadcast them
    /// into a loss of some other quantity).
    case lossShapes(loss: String, prediction: Shape, target: Shape)
    /// What a caller's closure raised (a checkpoint, a gradient check's objective), carried
    /// through the engine to the caller, which knows what it is. Only the embedded build
    /// needs it (`CallbackError`); natively a closure's own error passes as it is.
    case callback(CallbackFailure)

    public var description: String {
        switch self {
        case let .callback(failure):
            return failure.description
        case let .shapeMismatch(operation, a, b, detail):
            return "shapes \(a) and \(b) do not fit \(operation)" + (detail.map { " (\($0))" } ?? "")
        case let .indexOutOfRange(index, axis, size):
            return "index \(index) is out of range for axis \(axis) of size \(size)"
        case let .invalidAxis(axis, rank):
            return "axis \(axis) does not exist in a tensor of rank \(rank)"
        case let .invalidReshape(from, to):
            return "cannot reshape \(from) (\(from.count) elements) to \(to) (\(to.count) elements)"
        case let .tooLarge(shape, limit):
            return "a tensor of shape \(shape) would have \(Self.countText(shape)) elements, more than the limit of \(limit)"
        case let .invalidArgument(message):
            return message
        case let .nonFiniteLoss(epoch, step, value):
            return "training stopped at epoch \(epoch) (step \(step)): the loss became \(value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf"))"
        case let .nonScalarBackward(shape):
            return "backward needs a scalar, but this value has shape \(shape)"
        case .backwardTwice:
            return "backward through the same graph a second time: its gradients are already in .grad"
        case let .lossShapes(loss, prediction, target):
            return "\(loss) needs the prediction and the target in one shape, not \(prediction) and \(target)"
        }
    }

    /// What would fix the error, where the engine can tell.
    public var notes: [String] {
        guard case let .lossShapes(_, prediction, target) = self else { return [] }
        guard prediction.count == target.count else {
            return ["the prediction has \(prediction.count) element\(prediction.count == 1 ? "" : "s") and the target \(target.count): they are not one quantity"]
        }
        let sizes = prediction.dims.map(String.init).joined(separator: ", ")
        if prediction.dims.filter({ $0 != 1 }) == target.dims.filter({ $0 != 1 }) {
            return ["they hold the same elements in different layouts: reshape(target, \(sizes)) gives the target the prediction's shape"]
        }
        return ["if the target is the prediction's quantity in another layout, reshape(target, \(sizes)) gives it the prediction's shape"]
    }

    private static func countText(_ shape: Shape) -> String {
        var total: Double = 1
        for d in shape.dims { total *= Double(d) }
        return total < 1e15 ? String(Int64(total)) : String(total)
    }
}

/// What a closure handed to the engine may throw (a training checkpoint, the objective of a
/// gradient check), and so what the engine's functions that call one throw: any error
/// natively (the runtime stops training with its own), and only `EngineError` in the
/// embedded build for WebAssembly, which has no existential `any Error` (docs/wasm.md).
/// `throws(any Error)` is plain `throws`.
#if hasFeature(Embedded)
public typealias CallbackError = EngineError
#else
public typealias CallbackError = any Error
#endif

/// An error a caller's closure raised, in the one error type the embedded engine's functions
/// throw. The caller subclasses it with its own error inside, and takes it out again when the
/// engine's function returns.
open class CallbackFailure: Hashable, @unchecked Sendable, CustomStringConvertible {
    public init() {}

    open var description: String { "a closure given to the engine failed" }

    public static func == (a: CallbackFailure, b: CallbackFailure) -> Bool { a === b }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(self))
    }
}
