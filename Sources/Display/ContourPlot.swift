/// The level sets of a two-variable function, with descent paths drawn on them.
public struct ContourPlot: Hashable, Sendable {
    /// A path across the plane, such as the iterates of gradient descent.
    public struct Path: Hashable, Sendable {
        public var name: String?
        public var points: [Point]

        public init(name: String? = nil, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// Grid coordinates: `z[row][column]` is the function at `(xs[column], ys[row])`.
    public var xs: [Double]
    public var ys: [Double]
    public var z: [[Double]]
    /// The levels to draw; nil lets the renderer choose round ones.
    public var levels: [Double]?
    public var paths: [Path]
    public var xLabel: String?
    public var yLabel: String?

    public init(
        xs: [Double], ys: [Double], z: [[Double]], levels: [Double]? = nil,
        paths: [Path] = [], xLabel: String? = nil, yLabel: String? = nil
    ) {
        self.xs = xs
        self.ys = ys
        self.z = z
        self.levels = levels
        self.paths = paths
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// `40x40 grid over x -2..2, y -1..3; z 0..2509; path gd: 50 steps (-1.5, 2) -> (0.99, 0.98)`
    public var summary: String {
        var parts = [
            "\(xs.count)x\(ys.count) grid over x \(rangeText(xs)), y \(rangeText(ys))",
            "z \(rangeText(z.flatMap { $0 }))",
        ]
        for (index, path) in paths.enumerated() {
            let name = path.name ?? "path \(index + 1)"
            guard let first = path.points.first, let last = path.points.last else {
                parts.append("\(name): empty")
                continue
            }
            let point = { (p: Point) in "(\(NumberFormat.g(p.x)), \(NumberFormat.g(p.y)))" }
            parts.append("\(name): \(path.points.count - 1) steps \(point(first)) -> \(point(last))")
        }
        return parts.joined(separator: "; ")
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension ContourPlot: Codable {}
extension ContourPlot.Path: Codable {}
#endif
