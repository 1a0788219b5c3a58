extension Parser {
    /// `\begin{name} ... \end{name}` after the `\begin` token. What is read before and after
    /// the body is in functions of its own, so that this frame, on the parser's recursion
    /// path, stays small.
    mutating func parseEnvironment(_ begin: Token) -> MathNode? {
        guard let opening = readEnvironmentOpening(begin) else { return .unknown("\\begin") }
        let enclosingEquation = equation
        if opening.numbering == .whole { equation = EquationRow(numbered: opening.numbered) }
        let table = parseTableBody(
            layout: opening.layout, closing: .environment(opening.name), opener: opening.opener,
            openerRange: opening.openerRange,
            rowEquations: opening.numbering == .eachRow ? EquationRow(numbered: opening.numbered) : nil,
            textColumns: opening.name.hasSuffix("cases*") ? [1] : [])
        return finishEnvironment(opening, table: table, enclosingEquation: enclosingEquation)
    }

    /// What `\begin{name}` and the options after it say about the table that follows.
    private struct EnvironmentOpening {
        var name: String
        var opener: String
        var openerRange: (offset: Int, length: Int)
        /// `nil` for an unknown environment, laid out as a matrix all the same.
        var fences: (open: String?, close: String?)?
        var layout: MathNode.Table.Layout
        var numbering: Numbering?
        var numbered: Bool
    }

    private mutating func readEnvironmentOpening(_ begin: Token) -> EnvironmentOpening? {
        let start = position - 1
        guard let name = readEnvironmentName() else {
            warn("missing environment name after \\begin", at: begin)
            return nil
        }
        let opener = consumedText(fromToken: start)
        let openerRange = (offset: begin.offset, length: consumedEnd - begin.offset)
        guard let environment = Symbols.environments[name] else {
            warn("unknown environment '\(name)'", offset: openerRange.offset, length: openerRange.length)
            // The body is still laid out as a table, so its `&` and `\\` raise no more warnings.
            return EnvironmentOpening(name: name, opener: opener, openerRange: openerRange, fences: nil,
                                      layout: .matrix, numbering: nil, numbered: false)
        }
        var layout = environment.layout
        if case .array = layout {
            layout = .array(readColumnSpecification())
        } else if name.hasPrefix("alignat") || name == "alignedat" {
            _ = readColumnSpecification()  // the number of column pairs, which the rows show anyway
        } else if name.hasSuffix("matrix*"), let alignment = readMatrixAlignment() {
            layout = .array([alignment])
        } else if name == "subarray" {
            layout = .array(readColumnSpecification())
        }
        // Numbered environments number their rows only as the whole of a display formula, as
        // in LaTeX; elsewhere they are set like their starred forms.
        let numbering = equation != nil && depth == 1 ? Parser.numberedEnvironments[name] : nil
        return EnvironmentOpening(name: name, opener: opener, openerRange: openerRange,
                                  fences: (environment.open, environment.close), layout: layout,
                                  numbering: numbering, numbered: !name.hasSuffix("*"))
    }

    private mutating func finishEnvironment(_ opening: EnvironmentOpening, table: MathNode.Table,
                                            enclosingEquation: EquationRow?) -> MathNode {
        var table = table
        guard let fences = opening.fences else { return .group([.unknown(opening.opener), .table(table)]) }
        if opening.numbering == .whole, let row = equation {
            equation = enclosingEquation
            if let tag = finish(row) {
                // The tag goes on the last line, as amsmath sets it.
                table.tags = Array(repeating: nil, count: table.rows.count - 1) + [tag]
            }
        }
        equation = enclosingEquation
        if opening.name.hasSuffix("matrix*"), case .array(let alignments) = table.layout, alignments.count == 1 {
            // `pmatrix*[r]` aligns every column alike.
            let columns = table.rows.map { $0.count }.max() ?? 1
            table.layout = .array(Array(repeating: alignments[0], count: columns))
        }
        table.small = opening.name == "smallmatrix" || opening.name == "subarray"
        table.displayStyle = Parser.displayStyleEnvironments[opening.name]
        if fences.open == nil && fences.close == nil { return .table(table) }
        return .fenced(open: fences.open, body: [.table(table)], close: fences.close)
    }

    /// Environments whose cells are set in another style than their layout's (`dcases`).
    static let displayStyleEnvironments: [String: Bool] = [
        "dcases": true, "drcases": true, "dcases*": true, "darray": true, "rcases": false,
    ]

    /// `\begin{pmatrix*}[r]`: the alignment of every column.
    private mutating func readMatrixAlignment() -> MathNode.Table.Alignment? {
        skipSpaces()
        guard character(at: position) == "[", let letter = character(at: position + 1),
              character(at: position + 2) == "]" else { return nil }
        position += 3
        switch letter {
        case "l": return .left
        case "r": return .right
        default: return .center
        }
    }

    /// `\substack{i \\ j}`: lines centered under a big operator.
    mutating func parseSubstack(_ token: Token) -> MathNode {
        skipSpaces()
        guard let open = peek(), open.kind == .openBrace else {
            warn("missing argument for \\substack", at: token)
            return .group([])
        }
        position += 1
        return .table(parseTableBody(layout: .matrix, closing: .brace, opener: "\\substack{",
                                     openerRange: (token.offset, open.end - token.offset)))
    }

    /// How a table body ends: `\end{name}`, or the `}` of `\substack{...}`.
    enum TableClosing: Equatable {
        case environment(String)
        case brace
    }

    /// Cells separated by `&`, rows by `\\`, up to and including the closing token. With
    /// `rowEquations`, each row is an equation of its own for `\tag` and `\label` (`align`);
    /// cells in `textColumns` are text (`cases*`).
    mutating func parseTableBody(layout: MathNode.Table.Layout, closing: TableClosing, opener: String,
                                 openerRange: (offset: Int, length: Int), rowEquations: EquationRow? = nil,
                                 textColumns: Set<Int> = []) -> MathNode.Table {
        var cellStops = stops.inherited.union([.alignment, .rowBreak])
        cellStops.insert(closing == .brace ? .closeBrace : .end)
        var body = TableBody(layout: layout, rowEquations: rowEquations, enclosingEquation: equation)
        if let rowEquations { equation = rowEquations }
        while true {
            let cell = textColumns.contains(body.cells.count)
                ? parseTextCell(until: cellStops) : parseRow(until: cellStops)
            guard endCell(cell, in: &body, closing: closing, opener: opener, openerRange: openerRange) else { break }
        }
        return finishTable(&body)
    }

    /// The rows of a table being read, and what its rows' equations showed.
    private struct TableBody {
        var layout: MathNode.Table.Layout
        var rowEquations: EquationRow?
        var enclosingEquation: EquationRow?
        var rows: [[[MathNode]]] = []
        var cells: [[MathNode]] = []
        var tags: [MathNode.Table.Tag?] = []
    }

    /// Adds a cell and reads what follows it: `&` (another cell: `true`), `\\` (another row:
    /// `true`) or the end of the table (`false`).
    private mutating func endCell(_ cell: [MathNode], in body: inout TableBody, closing: TableClosing,
                                  opener: String, openerRange: (offset: Int, length: Int)) -> Bool {
        var cell = cell
        if body.layout == .aligned, body.cells.count % 2 == 1,
           let first = MathNode.firstAtomClass(in: cell), first == .relation || first == .binary {
            // amsmath puts `{}` before each right-hand cell so `&=` spaces `=` as a relation.
            cell.insert(.group([]), at: 0)
        }
        body.cells.append(cell)
        guard let token = peek() else {
            warn("\(opener) is never closed", offset: openerRange.offset, length: openerRange.length)
            return false
        }
        switch token.kind {
        case .alignment:
            position += 1
            return true
        case .command(let name) where Parser.rowBreakCommands.contains(name):
            position += 1
            skipRowBreakOptions()
            body.rows.append(body.cells)
            body.cells = []
            finishRowEquation(in: &body)
            return true
        case .command("end") where closing != .brace:
            let start = position
            position += 1
            let endName = readEnvironmentName()
            if case .environment(let name) = closing, endName != name {
                warn("\(consumedText(fromToken: start)) does not match \(opener)", fromToken: start)
            }
            return false
        case .closeBrace where closing == .brace:
            position += 1
            return false
        default:
            // A token that closes an enclosing construct: leave it to that construct.
            warn("\(opener) is never closed", offset: openerRange.offset, length: openerRange.length)
            return false
        }
    }

    /// Records the tag of the row just finished, and opens the next row's equation.
    private mutating func finishRowEquation(in body: inout TableBody) {
        guard let rowEquations = body.rowEquations, let row = equation else { return }
        body.tags.append(finish(row))
        equation = rowEquations
    }

    private mutating func finishTable(_ body: inout TableBody) -> MathNode.Table {
        body.rows.append(body.cells)
        // A `\\` before `\end` leaves an empty last row, which TeX neither draws nor numbers.
        let lastRowIsEmpty = body.rows.count > 1 && body.cells.count == 1 && body.cells[0].isEmpty
            && (body.rowEquations == nil || (equation?.tag == nil && equation?.label == nil))
        if lastRowIsEmpty {
            body.rows.removeLast()
        } else {
            finishRowEquation(in: &body)
        }
        if body.rowEquations != nil { equation = body.enclosingEquation }
        var table = MathNode.Table(rows: body.rows, layout: body.layout)
        if body.tags.contains(where: { $0 != nil }) { table.tags = body.tags }
        return table
    }

    /// `{name}` after `\begin` or `\end`, or `nil` (consuming nothing) if there is none.
    mutating func readEnvironmentName() -> String? {
        let start = position
        skipSpaces()
        guard peek()?.kind == .openBrace else {
            position = start
            return nil
        }
        position += 1
        var name = String.UnicodeScalarView()
        while let token = peek() {
            position += 1
            switch token.kind {
            case .character(let scalar): name.append(scalar)
            case .space: continue
            case .closeBrace where !name.isEmpty: return String(name)
            default:
                position = start
                return nil
            }
        }
        position = start
        return nil
    }

    /// The column specification of `array` (`{lcr}`, `{c|c}`): one alignment per column.
    /// Rules and `p{...}` widths are not drawn; `p` columns are set left.
    private mutating func readColumnSpecification() -> [MathNode.Table.Alignment] {
        skipSpaces()
        guard peek()?.kind == .openBrace else { return [] }
        position += 1
        var alignments: [MathNode.Table.Alignment] = []
        var level = 0
        while let token = peek() {
            position += 1
            switch token.kind {
            case .openBrace:
                level += 1
            case .closeBrace:
                if level == 0 { return alignments }
                level -= 1
            case .character(let scalar) where level == 0:
                switch scalar {
                case "l", "p", "m", "b": alignments.append(.left)
                case "c": alignments.append(.center)
                case "r": alignments.append(.right)
                default: break
                }
            default:
                break
            }
        }
        return alignments
    }
}
