/// A unified diff of two texts, line by line (Myers' algorithm), as `diff -u` prints it.
public enum UnifiedDiff {
    public static func make(_ old: String, _ new: String, oldName: String = "recorded", newName: String = "now",
                            context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group the edit script into hunks with `context` unchanged lines around changes.
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var start = max(firstChange - context, index)
            var end = firstChange
            while true {
                guard let next = edits[(end + 1)...].firstIndex(where: { $0.kind != .same }) else {
                    end = min(edits.count - 1, end + context)
                    break
                }
                if next - end > 2 * context {
                    end += context
                    break
                }
                end = next
            }
            start = max(start, 0)
            let hunk = edits[start...end]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldLine ?? (hunk.first!.oldLine)) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newLine ?? (hunk.first!.newLine)) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: out += " " + a[edit.oldLine] + "\n"
                case .delete: out += "-" + a[edit.oldLine] + "\n"
                case .insert: out += "+" + b[edit.newLine] + "\n"
                }
            }
            index = end + 1
        }
        return out
    }

    static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        /// Positions in the old and new texts where this edit happens.
        let oldLine: Int
        let newLine: Int
    }

    /// The shortest edit script from `a` to `b` (Myers, 1986), deletions before insertions.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count, limit = n + m
        var frontier = [Int](repeating: 0, count: 2 * limit + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max(limit, 0) {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[limit + k - 1] < frontier[limit + k + 1]) {
                    x = frontier[limit + k + 1]
                } else {
                    x = frontier[limit + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                frontier[limit + k] = x
                if x >= n && y >= m { break outer }
            }
        }
        // Walk back through the trace to recover the path.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[limit + k - 1] < v[limit + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[limit + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                edits.append(Edit(kind: .same, oldLine: x, newLine: y))
            }
            if d > 0 {
                if x == previousX { edits.append(Edit(kind: .insert, oldLine: x, newLine: y - 1)) } else { edits.append(Edit(kind: .delete, oldLine: x - 1, newLine: y)) }
            }
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }
}
