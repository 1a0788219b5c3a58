import Diagnostics
import Display
import Engine

/// A value of the notebook language.
///
/// Numbers are rank-0 tensors, so every number can be part of a computation graph.
public enum Value {
    case tensor(Tensor)
    case bool(Bool)
    case string(String)
    case tuple([Value])
    /// A list whose elements are not all tensors of one shape (otherwise it is a tensor).
    case list([Value])
    /// `a..<b`, iterated lazily by `for`.
    case range(Int, Int)
    case function(Callable)
    case object(RuntimeObject)
    /// What a call that returns nothing gives; it displays nothing.
    case none

    public static func number(_ x: Double) -> Value { .tensor(Tensor(x)) }

    /// The name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .tensor(let t): return t.rank == 0 ? "number" : "tensor of shape \(t.shape)"
        case .bool: return "boolean"
        case .string: return "string"
        case .tuple: return "tuple"
        case .list: return "list"
        case .range: return "range"
        case .function: return "function"
        case .object(let object): return object.typeName
        case .none: return "nothing"
        }
    }
}

/// A value with members and its own display: networks, optimizers, training histories,
/// figures, tables.
public protocol RuntimeObject: AnyObject {
    var typeName: String { get }
    /// `object.name`, or nil when there is no such member.
    func member(_ name: String) throws(RuntimeError) -> Value?
    /// `object.name = value`; false when the member cannot be assigned.
    func setMember(_ name: String, to value: Value) throws(RuntimeError) -> Bool
    /// Names of the members, for "did you mean" suggestions.
    var memberNames: [String] { get }
    /// What the notebook shows for the object (a figure, a table, a line of text, ...).
    var display: [DisplayItem] { get }
}

extension RuntimeObject {
    public func setMember(_ name: String, to value: Value) throws(RuntimeError) -> Bool { false }
}
