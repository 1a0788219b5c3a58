/// Points in the plane coloured by class, optionally over the decision regions of a
/// two-input classifier.
public struct ScatterPlot: Hashable, Sendable {
    /// A classifier's answer on a grid: `classes[row][column]` at `(xs[column], ys[row])`.
    public struct Regions: Hashable, Sendable {
        public var xs: [Double]
        public var ys: [Double]
        public var classes: [[Int]]

        public init(xs: [Double], ys: [Double], classes: [[Int]]) {
            self.xs = xs
            self.ys = ys
            self.classes = classes
        }
    }

    public var x: [Double]
    public var y: [Double]
    /// The class of each point (0, 1, ...); nil draws every point alike.
    public var classes: [Int]?
    public var regions: Regions?
    public var xLabel: String?
    public var yLabel: String?

    public init(
        x: [Double], y: [Double], classes: [Int]? = nil, regions: Regions? = nil,
        xLabel: String? = nil, yLabel: String? = nil
    ) {
        self.x = x
        self.y = y
        self.classes = classes
        self.regions = regions
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// `200 points in 2 classes (100, 100); x -1.1..2.1; y -0.6..1.1; regions 60x60`
    public var summary: String {
        var parts = ["\(x.count) point\(x.count == 1 ? "" : "s")"]
        if let classes, let top = classes.max(), top >= 0 {
            let counts = (0...top).map { c in classes.filter { $0 == c }.count }
            parts[0] += " in \(counts.count) classes (\(counts.map(String.init).joined(separator: ", ")))"
        }
        parts.append("x \(rangeText(x))")
        parts.append("y \(rangeText(y))")
        if let regions {
            parts.append("regions \(regions.xs.count)x\(regions.ys.count)")
        }
        return parts.joined(separator: "; ")
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension ScatterPlot: Codable {}
extension ScatterPlot.Regions: Codable {}
#endif
