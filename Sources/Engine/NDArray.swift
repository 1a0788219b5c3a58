/// A dense, row-major array of `Double`: the numbers of a tensor, with no graph attached.
///
/// It has value semantics (copy-on-write), so a tape can keep the value an operation saw
/// while an optimizer updates the parameter in place. A rank-0 array keeps its number
/// inline, so scalar arithmetic never allocates.
public struct NDArray: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline
    enum Storage: Sendable, Hashable {
        case scalar(Double)
        case buffer([Double])
    }

    public let shape: Shape
    @usableFromInline var storage: Storage

    /// A scalar.
    @inlinable
    public init(_ value: Double) {
        self.shape = .scalar
        self.storage = .scalar(value)
    }

    /// An array of `shape` holding `values` in row-major order.
    public init(shape: Shape, values: [Double]) {
        precondition(values.count == shape.count, "NDArray: \(values.count) values for shape \(shape)")
        self.shape = shape
        self.storage = shape.isScalar ? .scalar(values[0]) : .buffer(values)
    }

    /// An array of `shape` with every element `value`.
    public init(shape: Shape, repeating value: Double) {
        self.shape = shape
        self.storage = shape.isScalar ? .scalar(value) : .buffer([Double](repeating: value, count: shape.count))
    }

    /// A vector.
    public init(_ values: [Double]) {
        self.init(shape: Shape([values.count]), values: values)
    }

    /// A matrix from its rows, which must all have the same length.
    public init(rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "NDArray: ragged rows")
        self.init(shape: Shape([rows.count, columns]), values: rows.flatMap { $0 })
    }

    public static func zeros(_ shape: Shape) -> NDArray { NDArray(shape: shape, repeating: 0) }
    public static func ones(_ shape: Shape) -> NDArray { NDArray(shape: shape, repeating: 1) }

    public var rank: Int { shape.rank }
    public var count: Int { shape.count }
    public var isScalar: Bool { shape.isScalar }

    /// The elements in row-major order.
    public var values: [Double] {
        switch storage {
        case .scalar(let x): return [x]
        case .buffer(let values): return values
        }
    }

    /// The only element of a scalar (or of any one-element array).
    public var scalar: Double? {
        switch storage {
        case .scalar(let x): return x
        case .buffer(let values): return values.count == 1 ? values[0] : nil
        }
    }

    /// The element at a row-major flat index.
    public subscript(flat index: Int) -> Double {
        switch storage {
        case .scalar(let x): return x
        case .buffer(let values): return values[index]
        }
    }

    /// The element at one index per axis.
    public subscript(_ indices: Int...) -> Double {
        var flat = 0
        for (axis, index) in indices.enumerated() { flat = flat * shape.dims[axis] + index }
        return self[flat: flat]
    }

    /// `rethrows`, not typed throws: with a generic error type the optimiser stopped
    /// specialising `zip`'s closure into the elementwise products, and the digits training
    /// ran 1.2% more instructions. Embedded Swift warns about the untyped form, but the
    /// engine passes only closures that do not throw.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        switch storage {
        case .scalar(var x): return try withUnsafePointer(to: &x) { try body(UnsafeBufferPointer(start: $0, count: 1)) }
        case .buffer(let values): return try values.withUnsafeBufferPointer(body)
        }
    }

    /// Mutates the elements in place (copying first only if another array shares them).
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        switch storage {
        case .scalar(var x):
            let result = try withUnsafeMutablePointer(to: &x) { try body(UnsafeMutableBufferPointer(start: $0, count: 1)) }
            storage = .scalar(x)
            return result
        case .buffer(var values):
            storage = .scalar(0)  // drop our reference so `values` is unique and not copied
            defer { storage = .buffer(values) }
            return try values.withUnsafeMutableBufferPointer { try body($0) }
        }
    }

    /// An array of `shape` whose elements `fill` writes into uninitialised memory.
    @inlinable
    public static func build(_ shape: Shape, _ fill: (UnsafeMutableBufferPointer<Double>) -> Void) -> NDArray {
        if shape.isScalar {
            var x = 0.0
            withUnsafeMutablePointer(to: &x) { fill(UnsafeMutableBufferPointer(start: $0, count: 1)) }
            return NDArray(x)
        }
        let values = [Double](unsafeUninitializedCapacity: shape.count) { buffer, initialized in
            fill(buffer)
            initialized = buffer.count
        }
        return NDArray(uncheckedShape: shape, buffer: values)
    }

    @usableFromInline
    init(uncheckedShape shape: Shape, buffer: [Double]) {
        self.shape = shape
        self.storage = .buffer(buffer)
    }

    /// The same elements seen with another shape of the same size.
    public func reshaped(_ newShape: Shape) throws(EngineError) -> NDArray {
        guard newShape.count == shape.count else { throw .invalidReshape(from: shape, to: newShape) }
        if newShape.isScalar { return NDArray(self[flat: 0]) }
        switch storage {
        case .scalar(let x): return NDArray(uncheckedShape: newShape, buffer: [x])
        case .buffer(let values): return NDArray(uncheckedShape: newShape, buffer: values)
        }
    }

    /// Whether every element is finite.
    public var isFinite: Bool {
        withUnsafeBufferPointer { buffer in buffer.allSatisfy { $0.isFinite } }
    }

    public var description: String { "NDArray(\(shape), \(values))" }
}
