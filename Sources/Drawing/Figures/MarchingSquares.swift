/// A point in grid index space: `column` and `row` are fractional indices into the grid
/// (`column` 2.5 is halfway between the third and fourth column).
struct GridPoint: Equatable {
    var column: Double
    var row: Double
}

/// Level sets of a function sampled on a grid, by marching squares.
///
/// The grid is `z[row][column]`; index space has columns to the right and rows upward.
/// Each cell's corners are classified as below (`z <= level`) or above; a crossing is
/// placed on every cell edge whose ends differ, by linear interpolation. Segments are
/// oriented so the region below the level lies on their left, which makes joining them
/// into lines exact (by shared edge, not by comparing coordinates) and closing regions
/// for filled bands possible. Ambiguous (saddle) cells are decided by the mean of the
/// four corners. Cells with a corner that is not finite are skipped.
struct MarchingSquares {
    let z: [[Double]]
    let rows: Int
    let columns: Int

    /// An iso-line: its points in order, closed when the last point joins the first.
    struct Line: Equatable {
        var points: [GridPoint]
        var closed: Bool
    }

    /// A segment from the crossing on one edge to the crossing on another.
    struct Segment {
        var from: Int
        var to: Int
    }

    /// nil when the grid is ragged or smaller than 2x2.
    init?(_ z: [[Double]]) {
        guard z.count >= 2, let width = z.first?.count, width >= 2, z.allSatisfy({ $0.count == width }) else {
            return nil
        }
        self.z = z
        self.rows = z.count
        self.columns = width
    }

    /// Whether every value is finite (filled regions need a whole grid).
    var isComplete: Bool { z.allSatisfy { $0.allSatisfy { $0.isFinite } } }

    // MARK: Edges

    // Edge keys: the horizontal edge from (r, c) to (r, c+1) is 2 * (r * columns + c);
    // the vertical edge from (r, c) to (r+1, c) is that plus one.
    private func horizontal(_ r: Int, _ c: Int) -> Int { 2 * (r * columns + c) }
    private func vertical(_ r: Int, _ c: Int) -> Int { 2 * (r * columns + c) + 1 }

    /// Where `level` crosses the edge `key` (which must be crossed).
    func crossing(_ key: Int, level: Double) -> GridPoint {
        let cell = key / 2
        let r = cell / columns
        let c = cell % columns
        let a = z[r][c]
        if key % 2 == 0 {
            let b = z[r][c + 1]
            return GridPoint(column: Double(c) + fraction(a, b, level), row: Double(r))
        } else {
            let b = z[r + 1][c]
            return GridPoint(column: Double(c), row: Double(r) + fraction(a, b, level))
        }
    }

    private func fraction(_ a: Double, _ b: Double, _ level: Double) -> Double {
        let t = (level - a) / (b - a)
        return t.isFinite ? max(0, min(1, t)) : 0.5
    }

    // MARK: Segments

    /// All oriented segments at `level`, cell by cell (row-major), below on the left.
    func segments(level: Double) -> [Segment] {
        var out: [Segment] = []
        for r in 0..<(rows - 1) {
            for c in 0..<(columns - 1) {
                // Corners counter-clockwise from bottom-left, and the edge after each.
                let values = [z[r][c], z[r][c + 1], z[r + 1][c + 1], z[r + 1][c]]
                guard values.allSatisfy({ $0.isFinite }) else { continue }
                let edges = [horizontal(r, c), vertical(r, c + 1), horizontal(r + 1, c), vertical(r, c)]
                let below = values.map { $0 <= level }
                let count = below.filter { $0 }.count
                if count == 0 || count == 4 { continue }
                let saddle = count == 2 && below[0] == below[2]
                let centreBelow = (values.reduce(0, +) / 4) <= level
                if saddle && !centreBelow {
                    // Two separate corners below: one segment cutting off each.
                    for i in 0..<4 where below[i] {
                        out.append(Segment(from: edges[i], to: edges[(i + 3) % 4]))
                    }
                    continue
                }
                // Walk the below-polygon counter-clockwise; consecutive crossings are the
                // segments (corners in between lie inside the region).
                var walk: [(crossing: Bool, edge: Int)] = []
                for i in 0..<4 {
                    if below[i] { walk.append((false, -1)) }
                    if below[i] != below[(i + 1) % 4] { walk.append((true, edges[i])) }
                }
                for i in walk.indices {
                    let next = walk[(i + 1) % walk.count]
                    if walk[i].crossing && next.crossing {
                        out.append(Segment(from: walk[i].edge, to: next.edge))
                    }
                }
            }
        }
        return out
    }

    /// Oriented chains of segments, as edge keys: open chains first (in the order their
    /// first segment was found), then closed ones. A closed chain repeats its first key
    /// at the end.
    func chains(level: Double) -> (open: [[Int]], closed: [[Int]]) {
        let segments = segments(level: level)
        var byStart: [Int: Int] = [:]
        var hasIncoming = Set<Int>()
        for (index, segment) in segments.enumerated() {
            byStart[segment.from] = index
            hasIncoming.insert(segment.to)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var open: [[Int]] = []
        var closed: [[Int]] = []
        func follow(_ first: Int) -> (keys: [Int], closed: Bool) {
            var keys = [segments[first].from]
            var index = first
            while true {
                used[index] = true
                let to = segments[index].to
                keys.append(to)
                guard let next = byStart[to] else { return (keys, false) }
                if used[next] { return (keys, next == first) }
                index = next
            }
        }
        for index in segments.indices where !used[index] && !hasIncoming.contains(segments[index].from) {
            open.append(follow(index).keys)
        }
        for index in segments.indices where !used[index] {
            let chain = follow(index)
            if chain.closed { closed.append(chain.keys) } else { open.append(chain.keys) }
        }
        return (open, closed)
    }

    /// The iso-lines at `level`.
    func lines(level: Double) -> [Line] {
        let (open, closed) = chains(level: level)
        return open.map { Line(points: $0.map { crossing($0, level: level) }, closed: false) }
            + closed.map { Line(points: $0.map { crossing($0, level: level) }, closed: true) }
    }

    // MARK: Regions

    /// The region where `z <= level`, as closed loops (outer boundaries counter-clockwise,
    /// holes clockwise in index space; fill with the nonzero rule). Iso-lines that reach
    /// the grid's border are joined along the border, keeping the region on the left.
    /// Empty when the grid has values that are not finite.
    func region(level: Double) -> [[GridPoint]] {
        guard isComplete else { return [] }
        let (open, closed) = chains(level: level)
        var loops = closed.map { $0.map { crossing($0, level: level) } }
        let width = Double(columns - 1)
        let height = Double(rows - 1)
        let perimeter = 2 * (width + height)
        func s(_ p: GridPoint) -> Double {
            if p.row <= 0 { return p.column }
            if p.column >= width { return width + p.row }
            if p.row >= height { return width + height + (width - p.column) }
            return 2 * width + height + (height - p.row)
        }
        let corners = [
            (0.0, GridPoint(column: 0, row: 0)), (width, GridPoint(column: width, row: 0)),
            (width + height, GridPoint(column: width, row: height)),
            (2 * width + height, GridPoint(column: 0, row: height)),
        ]
        if open.isEmpty {
            if z[0][0] <= level {
                loops.append(corners.map { $0.1 })
            }
            return loops
        }
        let pieces = open.map { $0.map { crossing($0, level: level) } }
        let starts = pieces.map { s($0[0]) }
        let ends = pieces.map { s($0[$0.count - 1]) }
        var used = [Bool](repeating: false, count: pieces.count)
        for first in pieces.indices where !used[first] {
            var loop: [GridPoint] = []
            var current = first
            var guardCount = 0
            while guardCount <= pieces.count {
                guardCount += 1
                used[current] = true
                loop += pieces[current]
                // Follow the border counter-clockwise to the next piece that starts.
                let from = ends[current]
                var best = -1
                var bestDistance = Double.infinity
                for candidate in pieces.indices {
                    var distance = starts[candidate] - from
                    if distance < 0 { distance += perimeter }
                    if distance < bestDistance {
                        bestDistance = distance
                        best = candidate
                    }
                }
                guard best >= 0 else { break }
                // The border corners passed on the way, in walking order.
                let passed = corners.compactMap { cornerS, corner -> (Double, GridPoint)? in
                    var distance = cornerS - from
                    if distance < 0 { distance += perimeter }
                    return distance > 0 && distance < bestDistance ? (distance, corner) : nil
                }
                loop += passed.sorted { $0.0 < $1.0 }.map { $0.1 }
                if best == first || used[best] { break }
                current = best
            }
            loops.append(loop)
        }
        return loops
    }
}

/// Coordinates at fractional grid indices.
enum GridInterpolation {
    /// `values` at fractional `index`, linearly between neighbours.
    static func value(_ values: [Double], _ index: Double) -> Double {
        guard values.count > 1 else { return values.first ?? 0 }
        let clamped = max(0, min(Double(values.count - 1), index))
        let lower = min(values.count - 2, Int(clamped.rounded(.down)))
        let t = clamped - Double(lower)
        return values[lower] + t * (values[lower + 1] - values[lower])
    }
}
