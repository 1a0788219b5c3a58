import Display

/// Decision regions checked and with their cell edges: cells are centred on the grid
/// points and meet half way between them.
struct RegionGrid {
    var xs: [Double]
    var ys: [Double]
    var classes: [[Int]]
    var xEdges: [Double]
    var yEdges: [Double]

    /// nil when the grid is empty, ragged, or its coordinates are not finite.
    init?(_ regions: ScatterPlot.Regions) {
        guard !regions.xs.isEmpty, !regions.ys.isEmpty, regions.classes.count == regions.ys.count,
              regions.classes.allSatisfy({ $0.count == regions.xs.count }),
              regions.xs.allSatisfy({ $0.isFinite }), regions.ys.allSatisfy({ $0.isFinite })
        else { return nil }
        xs = regions.xs
        ys = regions.ys
        classes = regions.classes
        xEdges = RegionGrid.edges(regions.xs)
        yEdges = RegionGrid.edges(regions.ys)
    }

    var classesPresent: Set<Int> { Set(classes.joined()) }

    static func edges(_ centres: [Double]) -> [Double] {
        guard centres.count > 1 else { return [centres[0] - 0.5, centres[0] + 0.5] }
        var edges = [centres[0] - (centres[1] - centres[0]) / 2]
        for index in 1..<centres.count {
            edges.append((centres[index - 1] + centres[index]) / 2)
        }
        edges.append(centres[centres.count - 1] + (centres[centres.count - 1] - centres[centres.count - 2]) / 2)
        return edges
    }
}
