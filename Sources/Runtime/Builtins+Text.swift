import Display
extension Builtins {
    static let text: [Builtin] = [
        Builtin("print", [variadic("values")], summary: "displays its arguments on one line, separated by spaces") { (arguments) throws(RuntimeError) in
            let line = arguments.rest.map { item -> String in
                if case .string(let s) = item.value { return s }
                return ValueFormatter.text(item.value) ?? ""
            }.joined(separator: " ")
            let interpreter = arguments.interpreter
            try interpreter.emit(try interpreter.displayItem(line, of: arguments.rest.map { $0.value }, at: arguments.callRange),
                                 at: arguments.callRange)
            return .none
        },
        Builtin("str", [required("x")], summary: "the text a value displays as") { arguments in
            let value = arguments.value("x")!
            if case .string = value { return value }
            return .string(ValueFormatter.text(value) ?? "")
        },
        Builtin("format", [required("x"), optional("digits")],
                summary: "a number as text with more (or fewer) significant digits than the usual 6") { (arguments) throws(RuntimeError) in
            let digits = try arguments.int("digits", default: 6)
            guard (1...17).contains(digits) else { throw RuntimeError.builtin("digits must be between 1 and 17", argument: .label("digits")) }
            let x = try arguments.tensor("x").value
            if x.rank == 0 { return .string(NumberFormat.g(x[flat: 0], digits: digits)) }
            return .string("[" + x.values.map { NumberFormat.g($0, digits: digits) }.joined(separator: ", ") + "]")
        },
        Builtin("builtins", [], summary: "this table: every built-in function, how to call it and what it does") { _ in
            let names = Builtins.table.keys.sorted { (a: String, b: String) -> Bool in
                a.lowercased() == b.lowercased() ? a < b : a.lowercased() < b.lowercased()
            }
            let rows = names.map { (name: String) -> Table.Row in
                    let builtin = Builtins.table[name]!
                    return Table.Row(label: builtin.signature.text(name), cells: [builtin.summary])
                }
            return .object(DisplayObject([.table(Table(columns: ["what it does"], rows: rows))], typeName: "a table"))
        },
        Builtin("zip", [variadic("sequences")], summary: "tuples of the i-th elements of several lists or tensors") { (arguments) throws(RuntimeError) in
            let interpreter = arguments.interpreter
            let sequences = try arguments.rest.map { (item) throws(RuntimeError) -> [Value] in
                var elements: [Value] = []
                try interpreter.iterate(item.value, at: item.range) { elements.append($0); return true }
                return elements
            }
            let length = sequences.map { $0.count }.min() ?? 0
            let tuples = try (0..<length).map { (i) throws(RuntimeError) in Value.tuple(try Builtins.nestable(sequences.map { $0[i] })) }
            return .list(tuples)
        },
        Builtin("enumerate", [required("sequence")], summary: "tuples (index, element)") { (arguments) throws(RuntimeError) in
            var items: [Value] = []
            try arguments.interpreter.iterate(arguments.value("sequence")!, at: arguments.range("sequence")) { (item) throws(RuntimeError) in
                items.append(.tuple(try Builtins.nestable([.number(Double(items.count)), item], argument: .label("sequence"))))
                return true
            }
            return .list(items)
        },
    ]
}
