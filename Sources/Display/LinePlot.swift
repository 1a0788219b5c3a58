/// Line plots of one or more series against a shared pair of axes.
public struct LinePlot: Hashable, Sendable {
    public struct Series: Hashable, Sendable {
        public var name: String?
        public var x: [Double]
        public var y: [Double]
        public var style: Style

        public init(name: String? = nil, x: [Double], y: [Double], style: Style = .line) {
            self.name = name
            self.x = x
            self.y = y
            self.style = style
        }
    }

    public var series: [Series]
    public var xLabel: String?
    public var yLabel: String?
    public var xLog: Bool
    public var yLog: Bool

    public init(
        series: [Series], xLabel: String? = nil, yLabel: String? = nil,
        xLog: Bool = false, yLog: Bool = false
    ) {
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLog = xLog
        self.yLog = yLog
    }

    /// `2 series of 100 points; lr 0.1: 4.2 -> 0.0013; lr 1: 4.2 -> 9.8e+11; log y`
    public var summary: String {
        let counts = Set(series.map { $0.y.count })
        var parts: [String] = []
        let noun = series.count == 1 ? "series" : "series"
        if counts.count == 1, let n = counts.first {
            parts.append("\(series.count) \(noun) of \(n) point\(n == 1 ? "" : "s")")
        } else {
            parts.append("\(series.count) \(noun) of \(series.map { String($0.y.count) }.joined(separator: ", ")) points")
        }
        for (index, one) in series.enumerated() {
            let name = one.name ?? (series.count == 1 ? "y" : "series \(index + 1)")
            if let first = one.y.first, let last = one.y.last {
                parts.append(first == last && one.y.count == 1
                    ? "\(name): \(NumberFormat.g(first))"
                    : "\(name): \(NumberFormat.g(first)) -> \(NumberFormat.g(last))")
            }
        }
        if xLog { parts.append("log x") }
        if yLog { parts.append("log y") }
        return parts.joined(separator: "; ")
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension LinePlot: Codable {}
extension LinePlot.Series: Codable {}
#endif
