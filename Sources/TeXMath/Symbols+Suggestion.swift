extension Symbols {
    /// Every command name the parser knows, sorted so suggestions do not depend on hashing.
    static let allCommandNames: [String] = {
        var names = Set(commands.keys)
        names.formUnion(fonts.keys)
        names.formUnion(textCommands.keys)
        names.formUnion(accents.keys)
        names.formUnion(bigDelimiters.keys)
        names.formUnion([
            "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "left", "right",
            "middle", "begin", "end", "operatorname", "overset", "underset", "stackrel", "substack",
            "not", "limits", "nolimits", "displaystyle", "textstyle", "scriptstyle",
        ])
        return names.filter { $0.count > 1 }.sorted()
    }()

    /// The known command closest to a misspelt one (`\farc` -> `frac`), if one is close enough
    /// to be a typo: at most a third of the name's letters differ.
    static func closestCommand(to name: String) -> String? {
        let limit = max(1, name.count / 3)
        let scalars = Array(name.unicodeScalars)
        var best: (name: String, score: Int)?
        for candidate in allCommandNames {
            let candidateScalars = Array(candidate.unicodeScalars)
            let distance = editDistance(scalars, candidateScalars, limit: limit)
            guard distance <= limit else { continue }
            // Between equally close names, prefer one with the same first letter (\sigm: \sigma, not \Bigm).
            let score = 2 * distance + (candidateScalars.first == scalars.first ? 0 : 1)
            if best == nil || score < best!.score { best = (candidate, score) }
        }
        return best?.name
    }

    /// Edit distance counting a swap of neighbours as one edit (`farc` is one edit from
    /// `frac`), giving up with `limit + 1` as soon as it must exceed `limit`.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                var distance = min(previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance = min(distance, beforePrevious[j - 2] + 1)
                }
                current[j] = distance
                rowMinimum = min(rowMinimum, distance)
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
