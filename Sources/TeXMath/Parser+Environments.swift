extension Parser {
    /// `\begin{name} ... \end{name}` after the `\begin` token.
    mutating func parseEnvironment(_ begin: Token) -> MathNode? {
        guard let name = readEnvironmentName() else {
            warn("missing environment name after \\begin", at: begin)
            return .unknown("\\begin")
        }
        let opener = text(from: begin.offset, to: consumedEnd)
        let openerRange = (offset: begin.offset, length: consumedEnd - begin.offset)
        guard let environment = Symbols.environments[name] else {
            warn("unknown environment '\(name)'", offset: openerRange.offset, length: openerRange.length)
            // The body is still laid out as a table, so its `&` and `\\` raise no more warnings.
            let table = parseTableBody(layout: .matrix, closing: .environment(name),
                                       opener: opener, openerRange: openerRange)
            return .group([.unknown(opener), .table(table)])
        }
        var layout = environment.layout
        if case .array = layout {
            layout = .array(readColumnSpecification())
        } else if name.hasPrefix("alignat") || name == "alignedat" {
            _ = readColumnSpecification()  // the number of column pairs, which the rows show anyway
        }
        var table = parseTableBody(layout: layout, closing: .environment(name), opener: opener,
                                   openerRange: openerRange)
        table.small = name == "smallmatrix"
        if environment.open == nil && environment.close == nil { return .table(table) }
        return .fenced(open: environment.open, body: [.table(table)], close: environment.close)
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

    /// Cells separated by `&`, rows by `\\`, up to and including the closing token.
    mutating func parseTableBody(layout: MathNode.Table.Layout, closing: TableClosing, opener: String,
                                 openerRange: (offset: Int, length: Int)) -> MathNode.Table {
        var cellStops = stops.inherited.union([.alignment, .rowBreak])
        cellStops.insert(closing == .brace ? .closeBrace : .end)
        var rows: [[[MathNode]]] = []
        var cells: [[MathNode]] = []
        body: while true {
            var cell = parseRow(until: cellStops)
            if layout == .aligned, cells.count % 2 == 1,
               let first = cell.lazy.compactMap(\.atomClass).first, first == .relation || first == .binary {
                // amsmath puts `{}` before each right-hand cell so `&=` spaces `=` as a relation.
                cell.insert(.group([]), at: 0)
            }
            cells.append(cell)
            guard let token = peek() else {
                warn("\(opener) is never closed", offset: openerRange.offset, length: openerRange.length)
                break body
            }
            switch token.kind {
            case .alignment:
                position += 1
            case .command(let name) where Parser.rowBreakCommands.contains(name):
                position += 1
                skipRowBreakOptions()
                rows.append(cells)
                cells = []
            case .command("end") where closing != .brace:
                position += 1
                let endName = readEnvironmentName()
                if case .environment(let name) = closing, endName != name {
                    warn("\(text(from: token.offset, to: consumedEnd)) does not match \(opener)",
                         offset: token.offset, length: consumedEnd - token.offset)
                }
                break body
            case .closeBrace where closing == .brace:
                position += 1
                break body
            default:
                // A token that closes an enclosing construct: leave it to that construct.
                warn("\(opener) is never closed", offset: openerRange.offset, length: openerRange.length)
                break body
            }
        }
        rows.append(cells)
        // A `\\` before `\end` leaves an empty last row, which TeX does not draw.
        if rows.count > 1, let last = rows.last, last.count == 1, last[0].isEmpty { rows.removeLast() }
        return MathNode.Table(rows: rows, layout: layout)
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
