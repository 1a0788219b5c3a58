extension Symbols {
    /// Every command name the renderer knows: its own (`parsedCommands`) and the built-in
    /// macros. `\newcommand` of one of them is reported, as LaTeX reports it.
    static let knownCommands: Set<String> = parsedCommands.union(BuiltinMacros.table.keys)

    /// The command names the parser and the expander read themselves: the tables, the
    /// parser's constructs and switches, the expander's primitives. Apart from the built-in
    /// macros, which are defined by the expander and so must not depend on them.
    static let parsedCommands: Set<String> = {
        var names = Set(commands.keys)
        names.formUnion(fonts.keys)
        names.formUnion(textCommands.keys)
        names.formUnion(accents.keys)
        names.formUnion(bigDelimiters.keys)
        names.formUnion(extensibleArrows.keys)
        names.formUnion(Parser.constructs)
        names.formUnion(Parser.classCommands.keys)
        names.formUnion(Parser.enclosures.keys)
        names.formUnion(Parser.paddings.keys)
        names.formUnion(Parser.styleChanges.keys)
        names.formUnion(Parser.sizeChanges.keys)
        names.formUnion(Parser.fontSwitches.keys)
        names.formUnion(Parser.infixFractions.keys)
        names.formUnion(MacroExpander.primitives)
        return names
    }()

    /// The names "did you mean" suggests, sorted so suggestions do not depend on hashing.
    static let allCommandNames: [String] = knownCommands.filter { $0.count > 1 }.sorted()

    /// The known command or user macro closest to a misspelt one (`\farc` -> `frac`), if one
    /// is close enough to be a typo: at most a third of the name's letters differ.
    static func closestCommand(to name: String, macros: [String] = []) -> String? {
        closest(to: name, among: macros.isEmpty ? allCommandNames : (allCommandNames + macros).sorted())
    }

    /// The name among `candidates` (sorted) closest to `name`, if at most a third of its
    /// letters differ. Between equally close names, one with the same first letter wins
    /// (`\sigm`: `\sigma`, not `\Bigm`), then the first in order.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = max(1, name.count / 3)
        let scalars = Array(name.unicodeScalars)
        var best: (name: String, score: Int)?
        for candidate in candidates where candidate != name {
            let candidateScalars = Array(candidate.unicodeScalars)
            let distance = editDistance(scalars, candidateScalars, limit: limit)
            guard distance <= limit else { continue }
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
