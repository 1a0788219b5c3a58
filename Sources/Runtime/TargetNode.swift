import Diagnostics
@_spi(Runtime) import Engine

/// Where an assignment writes, compiled with the rest of its statement.
indirect enum TargetNode {
    case name(NameSlot, Label)
    case member(ExpressionNode, String, SourceRange)
    /// `base[i] = v`: the base read as an expression, and written back as a target with
    /// the new value (an element assignment changes no value in place).
    case subscripted(ExpressionNode, TargetNode, [IndexNode], SourceRange)

    /// The slot and name of a target that is one name.
    var name: (slot: NameSlot, name: Label)? {
        if case .name(let slot, let name) = self { return (slot, name) }
        return nil
    }
}

/// One index of a subscript, compiled.
enum IndexNode {
    case index(ExpressionNode)
    case slice(start: ExpressionNode?, end: ExpressionNode?, step: ExpressionNode?)
}
