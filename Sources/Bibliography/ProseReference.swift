/// What `CitationScanner` finds in prose: a citation of a bibliography entry, or a
/// cross-reference to a figure, table, equation or section of the page, written in the same
/// syntax (`@fig-loss`, `[@tbl-results]`, `[-@eq-chain]`) but resolved by the page, not the
/// bibliography.
public enum ProseReference: Sendable, Hashable {
    case citation(Citation)
    /// Every key in it is a cross-reference label (see `CitationScanner.isCrossReference`);
    /// the keys are the labels.
    case crossReference(Citation)

    /// Where it is in the scanned text, in Unicode scalars.
    public var range: Range<Int> {
        switch self {
        case .citation(let citation), .crossReference(let citation): return citation.range
        }
    }
}
