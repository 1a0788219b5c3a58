/// The extent of a tensor along each axis, outermost first (row-major).
///
/// A scalar has the empty shape `[]`. Creating one never allocates.
public struct Shape: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public let dims: [Int]

    public init(_ dims: [Int]) {
        self.dims = dims
    }

    public init(arrayLiteral elements: Int...) {
        self.dims = elements
    }

    /// The shape of a scalar.
    public static let scalar = Shape([])

    public var rank: Int { dims.count }
    public var isScalar: Bool { dims.isEmpty }

    /// The number of elements (1 for a scalar).
    public var count: Int {
        var n = 1
        for d in dims { n &*= d }
        return n
    }

    public subscript(axis: Int) -> Int { dims[axis] }

    /// Row-major strides in elements.
    public var strides: [Int] {
        var strides = [Int](repeating: 1, count: dims.count)
        var step = 1
        for axis in dims.indices.reversed() {
            strides[axis] = step
            step &*= dims[axis]
        }
        return strides
    }

    /// `[2, 3]`, as numpy writes shapes in its errors but with brackets.
    public var description: String { "[" + dims.map(String.init).joined(separator: ", ") + "]" }

    /// The axis `axis` counted from the end when negative, or nil when out of range.
    public func normalizedAxis(_ axis: Int) -> Int? {
        let resolved = axis < 0 ? axis + rank : axis
        return resolved >= 0 && resolved < rank ? resolved : nil
    }

    /// numpy's broadcasting: align from the right; sizes must match or be 1.
    public static func broadcast(_ a: Shape, _ b: Shape) -> Shape? {
        if a == b { return a }
        if a.isScalar { return b }
        if b.isScalar { return a }
        let rank = max(a.rank, b.rank)
        var dims = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.rank ? 1 : a.dims[i - (rank - a.rank)]
            let db = i < rank - b.rank ? 1 : b.dims[i - (rank - b.rank)]
            if da == db || db == 1 {
                dims[i] = da
            } else if da == 1 {
                dims[i] = db
            } else {
                return nil
            }
        }
        return Shape(dims)
    }
}

// Encoded as `{"dims": [2, 3]}`. Embedded Swift (the WebAssembly build, docs/wasm.md) has no
// Codable.
#if !hasFeature(Embedded)
extension Shape: Codable {}
#endif
