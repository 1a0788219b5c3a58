import Diagnostics
import Foundation

/// `chainrule check --format json`: the whole verdict as one JSON document, for editors and
/// CI systems other than GitHub's. Version 1 of the schema (documented in docs/check-json.md):
///
///     {"schema": 1, "tool": "0.2.0", "passed": 9, "failed": 1,
///      "notebooks": [{"path": "notebooks/a.md", "passed": false, "seconds": 0.12,
///                     "stale": [{"line": 12, "kind": "changed", "message": "...",
///                                "reasons": ["its code changed"], "diff": "...", "details": []}],
///                     "diagnostics": [DIAGNOSTIC, ...]}],
///      "problems": [DIAGNOSTIC, ...]}
///
/// DIAGNOSTIC is `{"file", "line", "column", "end_line", "end_column", "severity", "message",
/// "notes": [{"message", "line", "column"}]}`; a position it does not have is left out. Keys are
/// written sorted, so the same verdict gives the same bytes.
public enum CheckReportJSON {
    public static let schema = 1

    public static func document(reports: [NotebookReport], problems: [Diagnostic], toolVersion: String) -> String {
        let failed = reports.filter { !$0.passed }.count + problems.count
        let root: [String: Any] = [
            "schema": schema,
            "tool": toolVersion,
            "passed": reports.count - reports.filter { !$0.passed }.count,
            "failed": failed,
            "notebooks": reports.map(notebook),
            "problems": problems.map { diagnostic($0, file: nil) },
        ]
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func notebook(_ report: NotebookReport) -> [String: Any] {
        [
            "path": report.path,
            "passed": report.passed,
            "seconds": (report.seconds * 1000).rounded() / 1000,
            "stale": report.stale.map { stale -> [String: Any] in
                [
                    "line": stale.line,
                    "kind": kind(stale.kind),
                    "message": stale.message,
                    "reasons": stale.reasons.map(\.rawValue),
                    "diff": stale.diff,
                    "details": stale.details,
                ]
            },
            "diagnostics": report.diagnostics.map { diagnostic($0, file: report.path) },
        ]
    }

    private static func kind(_ kind: StaleOutput.Kind) -> String {
        switch kind {
        case .missing: return "missing"
        case .unwanted: return "unwanted"
        case .changed: return "changed"
        case .fingerprint: return "fingerprint"
        case .value: return "value"
        }
    }

    static func diagnostic(_ diagnostic: Diagnostic, file: String?) -> [String: Any] {
        var out: [String: Any] = ["severity": diagnostic.severity.rawValue, "message": diagnostic.message]
        if let file = diagnostic.file ?? file { out["file"] = file }
        if let range = diagnostic.range {
            out["line"] = range.start.line
            out["column"] = range.start.column
            out["end_line"] = range.end.line
            out["end_column"] = range.end.column
        }
        out["notes"] = diagnostic.notes.map { note -> [String: Any] in
            var entry: [String: Any] = ["message": note.message]
            if let range = note.range {
                entry["line"] = range.start.line
                entry["column"] = range.start.column
            }
            return entry
        }
        return out
    }
}
