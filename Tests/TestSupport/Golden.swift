import Foundation

/// Golden files: what a test's output must equal, kept next to the test and read by a person
/// whenever it changes. `RECORD_FIXTURES=1 swift test --filter NAME` writes every golden file
/// anew instead of comparing, and the test then fails, so that no new baseline is committed
/// without being read.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" }

    /// Compares `actual` with the file at `url`, or writes it when recording. Nil when they are
    /// equal; else what the test should report: the first line that differs, or that the file
    /// was just recorded.
    public static func check(_ actual: String, against url: URL) -> String? {
        if recording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                return "cannot record \(url.path): \(error)"
            }
            return "recorded \(url.path): read it, then run again without RECORD_FIXTURES"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file \(url.path): run with RECORD_FIXTURES=1 and read it"
        }
        guard actual != expected else { return nil }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
        let at = line.map { "line \($0.offset + 1): \($0.element.0) instead of \($0.element.1)" } ?? "length"
        return "\(url.lastPathComponent) differs at \(at); if the change is intended, run with RECORD_FIXTURES=1 and read the new file"
    }
}
