/// The standard library: every built-in function, by name. Built once; immutable.
enum Builtins {
    static let table: [String: Builtin] = {
        var table: [String: Builtin] = [:]
        for builtin in math + construction + graph + networks + data + figures + networkDiagrams + text + sliders {
            precondition(table[builtin.name] == nil, "duplicate built-in \(builtin.name)")
            table[builtin.name] = builtin
        }
        return table
    }()
}
