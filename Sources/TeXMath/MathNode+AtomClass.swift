extension MathNode {
    /// The TeX atom class of this node, or `nil` for spaces, which TeX's spacing rules skip.
    ///
    /// Scripts and `\overset` keep the class of their base (TeX attaches scripts to the
    /// nucleus); braces make an ordinary atom, as `{=}` does in TeX.
    var atomClass: AtomClass? {
        switch self {
        case .identifier, .number, .text, .unknown, .root, .group, .table, .reference:
            return .ordinary
        case .enclosed, .padded:
            // TeX sets both in a box, which is an ordinary atom.
            return .ordinary
        case .classed(_, let atomClass, _):
            return atomClass
        case .symbol(let symbol):
            return symbol.atomClass
        case .space:
            return nil
        case .rule:
            return .ordinary
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
            return MathNode.firstAtomClass(in: nodes) ?? .ordinary
        }
    }

    /// The class of the first node that has one. A plain loop on purpose: `lazy.compactMap`
    /// followed by `first` evaluates the first element twice, which doubles the work at every
    /// level of nested `\displaystyle`.
    static func firstAtomClass(in nodes: [MathNode]) -> AtomClass? {
        for node in nodes {
            if let atomClass = node.atomClass { return atomClass }
        }
        return nil
    }

    /// Whether this is an upright function name (possibly with scripts), which MathML does not
    /// space by itself: `<mi>sin</mi><mi>x</mi>` touch unless we add TeX's thin spaces.
    var isFunctionName: Bool {
        switch self {
        case .function: return true
        case .classed(_, let atomClass, _): return atomClass == .largeOperator
        case .scripts(let base, _, _): return base.isFunctionName
        case .group(let nodes): return nodes.count == 1 && nodes[0].isFunctionName
        default: return false
        }
    }
}
