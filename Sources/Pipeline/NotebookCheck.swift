import Diagnostics
import Display
import Document
import Foundation
import Runtime

/// One recorded output that does not match what its block gives now.
public struct StaleOutput: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The block displays something and has no record.
        case missing
        /// The block displays nothing but has a record.
        case unwanted
        /// The record differs from what the block gives now.
        case changed
        /// The block gives what it records, but from other code, earlier code, data or tool
        /// than the record's fingerprint says (`update` would write a new fingerprint).
        case fingerprint
        /// A value computed in the prose (`block` is then its index among the values).
        case value
    }

    public var kind: Kind
    /// The block, and the line to point at: the record's fence, or the block's when missing.
    public var block: Int
    public var line: Int
    /// Why, from the fingerprints (empty when the record has none).
    public var reasons: [Fingerprint.Reason]
    /// Unified diff, recorded against now.
    public var diff: String
    /// The values that changed behind a digest (`series 1 y[3]: 2 -> 5`), or why they
    /// cannot be named.
    public var details: [String] = []

    public var message: String {
        let what: String
        switch kind {
        case .missing: what = "missing output"
        case .unwanted: what = "stale output (the block no longer displays anything)"
        case .changed: what = "stale output"
        case .value: what = "stale value in the prose"
        case .fingerprint:
            what = reasons.isEmpty ? "stale record (it has no fingerprint; `chainrule update` writes one)"
                : "stale record (the output is the same; `chainrule update` records where it now comes from)"
        }
        guard !reasons.isEmpty else { return what }
        return what + ": " + reasons.map(\.rawValue).joined(separator: ", ")
    }
}

/// The verdict on one notebook.
public struct NotebookReport: Sendable {
    public var path: String
    public var stale: [StaleOutput]
    /// Errors and warnings: failed blocks, orphan records, bad front matter.
    public var diagnostics: [Diagnostic]
    public var seconds: Double

    public var passed: Bool { stale.isEmpty && !diagnostics.contains { $0.severity == .error } }
}

/// Compares recorded outputs with what the blocks give.
public enum NotebookCheck {
    /// Checks a notebook that has been run. With a `store`, a changed digest is explained by
    /// the values that changed. The data files' digests come from `digests` (share one
    /// between the notebooks of a check, so that each file is hashed once).
    public static func check(_ run: NotebookRun, toolVersion: String, rtol: Double? = nil,
                             store: RecordStore? = nil, digests: InputDigests = InputDigests()) -> NotebookReport {
        let notebook = run.notebook
        let current = digests.fingerprints(of: notebook, filesRead: run.filesRead, toolVersion: toolVersion)
        let tolerance = rtol ?? run.settings.rtol
        var stale: [StaleOutput] = []
        for block in notebook.blocks {
            guard let (result, verdict) = run.verdict(block.index), verdict != .failedUnexpectedly else { continue }
            let now = run.recordedText(block.index)
            let record = block.output.map { notebook.outputs[$0] }
            let recordedFingerprint = record.flatMap { $0.info.first.flatMap(Fingerprint.init) }
            let reasons = recordedFingerprint.map { $0.reasons(comparedTo: current[block.index]) } ?? []
            switch (record, now) {
            case (nil, nil):
                continue
            case (nil, let text?):
                stale.append(StaleOutput(kind: .missing, block: block.index, line: block.fenceLine, reasons: [],
                                         diff: UnifiedDiff.make("", text)))
            case (let record?, nil):
                stale.append(StaleOutput(kind: .unwanted, block: block.index, line: record.line, reasons: reasons,
                                         diff: UnifiedDiff.make(record.text, "")))
            case (let record?, let text?):
                guard !OutputComparison.matches(record.text, text, rtol: tolerance) else {
                    // The same output from other inputs: `update` would rewrite the fingerprint,
                    // so the record is stale all the same (as `check --fast` says).
                    if recordedFingerprint == nil || !reasons.isEmpty {
                        stale.append(StaleOutput(kind: .fingerprint, block: block.index, line: record.line,
                                                 reasons: reasons, diff: ""))
                    }
                    continue
                }
                var output = StaleOutput(kind: .changed, block: block.index, line: record.line,
                                         reasons: reasons.isEmpty && recordedFingerprint != nil ? [.result] : reasons,
                                         diff: UnifiedDiff.make(record.text, text))
                if let store { output.details = explain(record.text, result, store: store) }
                stale.append(output)
            }
        }
        for value in notebook.values where value.index < run.values.count {
            guard let now = run.values[value.index] else { continue }
            let recorded = ComputedValue.recordedText(now)
            guard recorded != value.recorded else { continue }
            stale.append(StaleOutput(kind: .value, block: value.index, line: value.location.line, reasons: [],
                                     diff: UnifiedDiff.make("<!--= \(value.expression) -->" + value.recorded, "<!--= \(value.expression) -->" + recorded)))
        }
        return NotebookReport(path: notebook.path, stale: stale, diagnostics: run.diagnostics, seconds: run.seconds)
    }

    /// What changed behind each digest of a record that no longer matches: the values that
    /// differ, from the listing kept when the record was written, or why they cannot be named.
    static func explain(_ recorded: String, _ result: BlockResult, store: RecordStore) -> [String] {
        let before = recorded.split(separator: "\n").compactMap { OutputComparison.digest(in: $0) }
        let now = (result.recordedText ?? "").split(separator: "\n").compactMap { OutputComparison.digest(in: $0) }
        let items = result.items.filter(\.carriesDigest)
        var details: [String] = []
        for (position, (old, (new, item))) in zip(before, zip(now, items)).enumerated() where old != new {
            let what = items.count > 1 ? "display \(position + 1) changed" : "changed"
            guard let current = item.listing else {
                details.append("\(what): too many values to name the ones that changed")
                continue
            }
            guard let previous = store.listing(old) else {
                details.append("\(what): values behind the digest; those it was recorded from (#\(old)) are not kept on this machine, so they cannot be named")
                continue
            }
            let differences = RecordStore.differences(from: previous, to: current)
            details += differences.isEmpty ? ["\(what): no value changed at the precision shown"] : differences.map { "\(what): \($0)" }
        }
        return details
    }

    /// `check --fast`: runs nothing, and reports the records whose fingerprint shows that the
    /// block's code, an earlier block or the tool changed since they were recorded, and
    /// records with no fingerprint (written by hand). Every record it reports, a full check
    /// reports too; a change in data files, or a result that changed with the same inputs,
    /// needs a full check.
    public static func checkSources(_ notebook: Notebook, toolVersion: String) -> NotebookReport {
        let current = InputDigests().fingerprints(of: notebook, filesRead: nil, toolVersion: toolVersion)
        var stale: [StaleOutput] = []
        for block in notebook.blocks {
            guard let output = block.output.map({ notebook.outputs[$0] }) else { continue }
            guard let recorded = output.info.first.flatMap(Fingerprint.init) else {
                stale.append(StaleOutput(kind: .fingerprint, block: block.index, line: output.line, reasons: [], diff: ""))
                continue
            }
            let reasons = recorded.reasons(comparedTo: current[block.index], comparingData: false)
            if !reasons.isEmpty {
                stale.append(StaleOutput(kind: .changed, block: block.index, line: output.line, reasons: reasons, diff: ""))
            }
        }
        let errors = notebook.diagnostics.map { $0.file == nil ? $0.inFile(notebook.path) : $0 }
        return NotebookReport(path: notebook.path, stale: stale, diagnostics: errors, seconds: 0)
    }
}
