extension LinePlot {
    /// How one series is drawn: a line (solid, dashed or dotted), markers at its points, or
    /// both. A dashed or dotted line over other data lets that data show through its gaps,
    /// so a reference line does not hide what it is compared with.
    ///
    /// Written (in `style:` and in the record) as its parts joined by `+`, the line first:
    /// `line`, `dashed`, `points`, `dotted+circle`.
    public struct Style: Hashable, Sendable {
        public enum Line: String, Hashable, Sendable, CaseIterable {
            case solid = "line"
            case dashed
            case dotted
        }

        public enum Marker: String, Hashable, Sendable, CaseIterable {
            /// A small round dot, as a scatter of many points wants.
            case dot = "points"
            case circle
            case square
            case triangle
            case diamond
        }

        /// Nil draws no line: markers alone.
        public var line: Line?
        /// Nil draws no markers (a point with no neighbour to join is drawn as a dot anyway).
        public var marker: Marker?

        public init(line: Line? = .solid, marker: Marker? = nil) {
            self.line = line
            self.marker = marker
        }

        public static let line = Style()
        public static let points = Style(line: nil, marker: .dot)
        public static let lineAndPoints = Style(marker: .dot)

        public var name: String {
            [line?.rawValue, marker?.rawValue].compactMap { $0 }.joined(separator: "+")
        }

        /// Reads a name as `name` writes it, with the parts in either order; `both` is
        /// `line+points`. Nil for any other text.
        public init?(name: String) {
            if name == "both" {
                self = .lineAndPoints
                return
            }
            var line: Line?, marker: Marker?
            for part in name.split(separator: "+", omittingEmptySubsequences: false).map(String.init) {
                if let one = Line(rawValue: part), line == nil {
                    line = one
                } else if let one = Marker(rawValue: part), marker == nil {
                    marker = one
                } else {
                    return nil
                }
            }
            guard line != nil || marker != nil else { return nil }
            self.init(line: line, marker: marker)
        }

        /// Every name `init(name:)` reads as one part, for messages and documentation.
        public static let partNames = Line.allCases.map { $0.rawValue } + Marker.allCases.map { $0.rawValue }
    }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension LinePlot.Style: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let style = Self(name: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no line style \"\(name)\"")
        }
        self = style
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
#endif
