/// A point on the canvas, in user units.
struct CanvasPoint: Equatable {
    var x: Double
    var y: Double

    init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// Making long polylines short without changing how they look.
enum Polyline {
    /// Douglas-Peucker: keeps the points that stray more than `tolerance` from the chord
    /// of the points kept around them. With a tolerance under half a pixel the drawing is
    /// unchanged; a 2000-point loss curve keeps a few hundred points.
    static func simplify(_ points: [CanvasPoint], tolerance: Double = 0.3) -> [CanvasPoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = points[first]
            let b = points[last]
            let dx = b.x - a.x
            let dy = b.y - a.y
            let lengthSquared = dx * dx + dy * dy
            var worst = -1.0
            var worstIndex = first
            for index in (first + 1)..<last {
                let p = points[index]
                var distance: Double
                if lengthSquared == 0 {
                    distance = (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)
                } else {
                    // Distance to the segment (not the infinite line), so spikes that
                    // double back are kept.
                    let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
                    let cx = a.x + t * dx - p.x
                    let cy = a.y + t * dy - p.y
                    distance = cx * cx + cy * cy
                }
                if distance > worst {
                    worst = distance
                    worstIndex = index
                }
            }
            if worst > limit {
                keep[worstIndex] = true
                stack.append((worstIndex, last))
                stack.append((first, worstIndex))
            }
        }
        var out: [CanvasPoint] = []
        out.reserveCapacity(points.count / 4)
        for (index, point) in points.enumerated() where keep[index] {
            out.append(point)
        }
        return out
    }

    /// For a run with ascending x and many more points than pixel columns: in each column
    /// keeps the first, lowest, highest and last point (in their order), which draws the
    /// same picture as all of them.
    static func decimateColumns(_ points: [CanvasPoint]) -> [CanvasPoint] {
        guard points.count > 8 else { return points }
        var out: [CanvasPoint] = []
        var column: [CanvasPoint] = []
        var columnIndex = Int(points[0].x.rounded(.down))
        func flush() {
            guard !column.isEmpty else { return }
            if column.count <= 4 {
                out += column
            } else {
                var lowIndex = 0
                var highIndex = 0
                for (index, point) in column.enumerated() {
                    if point.y < column[lowIndex].y { lowIndex = index }
                    if point.y > column[highIndex].y { highIndex = index }
                }
                let picked = Set([0, lowIndex, highIndex, column.count - 1]).sorted()
                out += picked.map { column[$0] }
            }
            column.removeAll(keepingCapacity: true)
        }
        for point in points {
            let index = Int(point.x.rounded(.down))
            if index != columnIndex {
                flush()
                columnIndex = index
            }
            column.append(point)
        }
        flush()
        return out
    }

    /// Chaikin's corner cutting: each pass replaces every corner by two points a quarter
    /// of the way along its edges, which rounds a staircase or a coarse polygon into a
    /// curve that stays within the polygon's corners. An open line keeps its end points; a
    /// closed one (last point equal to the first, or `closed`) stays closed; `pinned`
    /// points (on a plot's border, say) are kept as they are.
    static func smooth(
        _ points: [CanvasPoint], passes: Int = 2, closed: Bool? = nil,
        pinned: ((CanvasPoint) -> Bool)? = nil
    ) -> [CanvasPoint] {
        let repeatsFirst = points.count > 1 && points.first == points.last
        let isClosed = closed ?? repeatsFirst
        var current = repeatsFirst ? Array(points.dropLast()) : points
        guard current.count > 2 else { return points }
        for _ in 0..<passes {
            var next: [CanvasPoint] = []
            next.reserveCapacity(current.count * 2)
            let n = current.count
            for index in 0..<n {
                let point = current[index]
                let isEnd = !isClosed && (index == 0 || index == n - 1)
                if isEnd || pinned?(point) == true {
                    next.append(point)
                    continue
                }
                let previous = current[(index + n - 1) % n]
                let following = current[(index + 1) % n]
                next.append(CanvasPoint(0.25 * previous.x + 0.75 * point.x, 0.25 * previous.y + 0.75 * point.y))
                next.append(CanvasPoint(0.75 * point.x + 0.25 * following.x, 0.75 * point.y + 0.25 * following.y))
            }
            current = next
        }
        if repeatsFirst, let first = current.first { current.append(first) }
        return current
    }

    /// Path data for `points`: a move to the first and lines to the rest.
    static func append(_ points: [CanvasPoint], to path: inout PathData) {
        guard let first = points.first else { return }
        path.move(first.x, first.y)
        for point in points.dropFirst() {
            path.line(point.x, point.y)
        }
    }
}
