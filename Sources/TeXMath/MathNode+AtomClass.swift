extension MathNode {
    /// The TeX atom class of this node, or `nil` for spaces, which TeX's spacing rules skip.
    ///
    /// Scripts and `\overset` keep the class of their base (TeX attaches scripts to the
    /// nucleus); braces make an ordinary atom, as `{=}` does in TeX.
    var atomClass: AtomClass? {
        switch self {
        case .identifier, .number, .text, .unknown, .root, .group, .table:
            return .ordinary
        case .symbol(let symbol):
            return symbol.atomClass
        case .space:
            return nil
        case .fraction, .fenced:
            return .inner
        case .scripts(let base, _, _), .overUnder(let base, _, _):
            return base.atomClass ?? .ordinary
        case .accent(_, let accent):
            // TeX defines the braces as operators with limits; other accents make ordinary atoms.
            return accent.takesLimits ? .largeOperator : .ordinary
        case .function:
            return .largeOperator
        case .style(_, let nodes):
            return nodes.lazy.compactMap(\.atomClass).first ?? .ordinary
        }
    }

    /// Whether this is an upright function name (possibly with scripts), which MathML does not
    /// space by itself: `<mi>sin</mi><mi>x</mi>` touch unless we add TeX's thin spaces.
    var isFunctionName: Bool {
        switch self {
        case .function: return true
        case .scripts(let base, _, _): return base.isFunctionName
        case .group(let nodes): return nodes.count == 1 && nodes[0].isFunctionName
        default: return false
        }
    }
}
