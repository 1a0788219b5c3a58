/// Placing a level's label on one of its lines.
enum ContourLabels {
    struct Placement {
        var x: Double
        var y: Double
        var angle: Double
        var box: Rect
    }

    /// The straightest spot, on any of `lines`, where a label of `text` fits inside
    /// `within` clear of the `avoiding` points and the boxes already `taken`; nil if none.
    static func place(
        text: String, fontSize: Double, on lines: [[CanvasPoint]], within: Rect,
        avoiding: [CanvasPoint], taken: [Rect]
    ) -> Placement? {
        let width = TextWidth.of(text, fontSize: fontSize) + 6
        var best: (score: Double, placement: Placement)? = nil
        for line in lines where line.count > 1 {
            var arc = [0.0]
            for (a, b) in zip(line, line.dropFirst()) {
                arc.append(arc[arc.count - 1] + FigureMath.hypot(b.x - a.x, b.y - a.y))
            }
            let total = arc[arc.count - 1]
            guard total > width * 2.5 else { continue }
            let samples = 16
            for sample in 0..<samples {
                let centre = total * (Double(sample) + 0.5) / Double(samples)
                let a = point(at: centre - width / 2, line, arc)
                let b = point(at: centre + width / 2, line, arc)
                let c = point(at: centre, line, arc)
                let chord = FigureMath.hypot(b.x - a.x, b.y - a.y)
                guard chord > width * 0.92 else { continue }
                var angle = FigureMath.atan2(b.y - a.y, b.x - a.x) * 180 / .pi
                if angle > 90 { angle -= 180 }
                if angle < -90 { angle += 180 }
                let radians = angle * .pi / 180
                let halfW = width / 2
                let halfH = fontSize * 0.7
                let cosine = abs(FigureMath.cos(radians)), sine = abs(FigureMath.sin(radians))
                let extentX = cosine * halfW + sine * halfH
                let extentY = sine * halfW + cosine * halfH
                let box = Rect(x: c.x - extentX, y: c.y - extentY, width: 2 * extentX, height: 2 * extentY)
                guard within.contains(box.x, box.y), within.contains(box.maxX, box.maxY) else { continue }
                let padded = box.insetBy(-6)
                guard !taken.contains(where: { $0.intersects(padded) }) else { continue }
                guard !avoiding.contains(where: { box.insetBy(-5).contains($0.x, $0.y) }) else { continue }
                // Straight and level text reads best.
                let score = (1 - chord / width) * 20 + abs(angle) / 90
                if best == nil || score < best!.score - 1e-9 {
                    best = (score, Placement(x: c.x, y: c.y, angle: angle, box: box))
                }
            }
        }
        return best?.placement
    }

    private static func point(at distance: Double, _ line: [CanvasPoint], _ arc: [Double]) -> CanvasPoint {
        let total = arc[arc.count - 1]
        let d = max(0, min(total, distance))
        var index = 1
        while index < arc.count - 1, arc[index] < d { index += 1 }
        let span = arc[index] - arc[index - 1]
        let t = span > 0 ? (d - arc[index - 1]) / span : 0
        let a = line[index - 1]
        let b = line[index]
        return CanvasPoint(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
    }
}
