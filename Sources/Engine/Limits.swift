/// Resource limits of the engine, per thread (each notebook runs on its own).
///
/// A notebook asking for a tensor of 10^12 elements gets a clear error instead of the
/// process being killed for lack of memory.
public enum Limits {
    /// The default largest number of elements in one tensor: 2^27 (1 GiB of doubles).
    public static let defaultMaxElements = 1 << 27

    /// The default most operations in one graph before its history is cut: 1,000,000
    /// (32 MB of tape entries).
    public static let defaultMaxOperations = 1_000_000

    /// The most operations a graph on this thread holds before its history is cut.
    public static var maxOperations: Int {
        get { GraphContext.current.maxOperations }
        set { GraphContext.current.maxOperations = newValue }
    }

    /// The largest number of elements a tensor may have on this thread.
    public static var maxElements: Int {
        get { GraphContext.current.maxElements }
        set { GraphContext.current.maxElements = newValue }
    }

    /// Throws when `shape` has more elements than allowed (computed without overflow).
    public static func check(_ shape: Shape) throws(EngineError) {
        let limit = maxElements
        var total = 1
        for d in shape.dims {
            if d < 0 { throw .invalidArgument("a tensor cannot have a negative size (\(d)) in shape \(shape)") }
            let (product, overflow) = total.multipliedReportingOverflow(by: d)
            if overflow || product > limit { throw .tooLarge(shape: shape, limit: limit) }
            total = product
        }
    }
}
