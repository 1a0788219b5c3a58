/// Turns diagnostics into compiler-style text: the only place that does.
///
///     notebooks/xor.md:42:9: error: undefined name 'lern_rate'
///        42 | opt = SGD(net, lr: lern_rate)
///           |                    ^~~~~~~~~
///     note: did you mean 'learn_rate'?
public struct DiagnosticRenderer: Sendable {
    /// Source files by path, for quoting the offending line.
    public var sources: [String: SourceText]

    public init(sources: [SourceText] = []) {
        // A loop, not Dictionary(_:uniquingKeysWith:), whose untyped rethrows the WebAssembly
        // build cannot compile. The last source of a path wins.
        var byPath: [String: SourceText] = [:]
        for source in sources { byPath[source.path] = source }
        self.sources = byPath
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = header(diagnostic.file, diagnostic.range?.start)
        out += "\(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let file = diagnostic.file, let range = diagnostic.range,
            let source = sources[file], let line = source.line(range.start.line)
        {
            out += Self.quote(line: line, number: range.start.line, range: range)
        }
        for note in diagnostic.notes {
            if let range = note.range, range != diagnostic.range {
                out += header(diagnostic.file, range.start) + "note: \(note.message)\n"
                if let file = diagnostic.file, let source = sources[file],
                    let line = source.line(range.start.line)
                {
                    out += Self.quote(line: line, number: range.start.line, range: range)
                }
            } else {
                out += "note: \(note.message)\n"
            }
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    private func header(_ file: String?, _ location: SourceLocation?) -> String {
        switch (file, location) {
        case let (file?, location?): return "\(file):\(location.line):\(location.column): "
        case let (file?, nil): return "\(file): "
        case let (nil, location?): return "\(location.line):\(location.column): "
        case (nil, nil): return ""
        }
    }

    /// Lines longer than this (in Unicode scalars) are quoted as a window around the caret.
    static let longestQuotedLine = 200

    /// The source line under a gutter with its number, then a caret under the range's first
    /// character and tildes under the rest of it (on this line). Tabs before the caret are
    /// copied so that the caret lines up in any editor. A very long line (a generated or
    /// hostile block) is cut to a window around the caret, with `…` where it was cut.
    static func quote(line: Substring, number: Int, range: SourceRange) -> String {
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        var scalars = Array(line.unicodeScalars)
        var startIndex = min(max(range.start.column - 1, 0), scalars.count)
        var endColumn = range.end.line == range.start.line ? range.end.column : scalars.count + 1
        var (lead, trail) = ("", "")
        if scalars.count > longestQuotedLine {
            let first = max(0, startIndex - longestQuotedLine / 4)
            let last = min(scalars.count, first + longestQuotedLine * 3 / 4)
            if first > 0 { lead = "…" }
            if last < scalars.count { trail = "…" }
            scalars = Array(scalars[first..<last])
            startIndex -= first - lead.count
            endColumn = min(endColumn - first, scalars.count + 1) + lead.count
        }
        var marker = ""
        for scalar in scalars[..<min(startIndex - lead.count, scalars.count)] {
            marker.append(scalar == "\t" ? "\t" : " ")
        }
        if !lead.isEmpty { marker = " " + marker }
        marker += "^"
        let width = max(0, min(endColumn, scalars.count + lead.count + 1) - startIndex - 2)
        marker += String(repeating: "~", count: width)
        var shown = String(String.UnicodeScalarView(scalars))
        shown = lead + shown + trail
        return " \(gutter) | \(shown)\n \(pad) | \(marker)\n"
    }
}
