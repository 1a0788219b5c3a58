/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
    case error
    case warning
    case note
}

/// A problem with the user's input, located in their file like a compiler error.
///
/// Every problem a user can cause becomes one of these, carrying its range from the moment
/// it is found; it becomes text in one place only (`DiagnosticRenderer`).
public struct Diagnostic: Error, Hashable, Sendable {
    /// A secondary message attached to a diagnostic (a suggestion, the other shape, ...).
    public struct Note: Hashable, Sendable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    public var severity: Severity
    public var message: String
    /// The file as the user named it (relative paths stay relative), when known.
    public var file: String?
    public var range: SourceRange?
    public var notes: [Note]

    public init(
        _ severity: Severity, _ message: String, file: String? = nil,
        at range: SourceRange? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.notes = notes
    }

    public static func error(
        _ message: String, file: String? = nil, at range: SourceRange? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, message, file: file, at: range, notes: notes)
    }

    public static func warning(
        _ message: String, file: String? = nil, at range: SourceRange? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, message, file: file, at: range, notes: notes)
    }

    /// The same diagnostic, attributed to `file` (stages that parse text know no file names).
    public func inFile(_ file: String) -> Diagnostic {
        var copy = self
        copy.file = file
        return copy
    }

    /// The message alone, as a notebook records it for a block marked `error`:
    /// no file or line, so that moving a block does not make its record stale.
    public var recordedText: String {
        var lines = ["\(severity.rawValue): \(message)"]
        lines += notes.map { "note: \($0.message)" }
        return lines.joined(separator: "\n")
    }
}

/// Several diagnostics found in one pass (a parser reports every syntax error in a block).
public struct DiagnosticList: Error, Sendable, Hashable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

// What caches and reports store; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension Severity: Codable {}
extension Diagnostic: Codable {}
extension Diagnostic.Note: Codable {}
#endif
