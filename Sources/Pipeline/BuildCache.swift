import Diagnostics
import Digest
import Document
import Foundation

/// Runs of notebooks kept between builds, so a notebook that has not changed is not run
/// again. Stored under `.chainrule/cache/runs/`, one file per notebook path, sealed with the
/// user's `CacheSeal`: an entry this user did not write on this machine (committed to a
/// repository, copied, forged to show outputs the code never gave) is ignored and the
/// notebook runs.
///
/// An entry is found by the run's key (`InputDigests.runKey`: the tool, the notebook's path,
/// its bytes and its context) and lists every file the run read with `load`, with the
/// digest of its contents: a changed data file makes the entry stale even though the
/// notebook is the same. Only runs that did not fail are kept (a failure may be a timeout,
/// which another run might not hit).
public struct BuildCache: Sendable {
    /// What the cache keeps of a run.
    struct Entry: Codable {
        var key: String
        var outcomes: [NotebookRun.Outcome]
        var values: [String?]
        var filesRead: [[String]]
        /// The files the run and its page were made from (`InputDigests.files(readBy:context:)`),
        /// with their digests.
        var dataFiles: [InputDigests.File]
        var diagnostics: [Diagnostic]
        var seconds: Double
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The cached run of a notebook, if its key matches and its data files are unchanged
    /// (by `digests`).
    public func lookup(_ notebook: Notebook, key: String, digests: InputDigests) -> (run: NotebookRun, dataFiles: [InputDigests.File])? {
        guard let sealed = SiteFiles.read(file(for: notebook.path)), let bytes = CacheSeal.current?.unsealed(sealed),
              let entry = try? BuildCache.decoder().decode(Entry.self, from: Data(bytes)),
              entry.key == key,
              entry.outcomes.count == notebook.blocks.count, entry.values.count == notebook.values.count,
              digests.unchanged(entry.dataFiles)
        else { return nil }
        let run = NotebookRun(notebook: notebook, settings: NotebookSettings(notebook), outcomes: entry.outcomes,
                              filesRead: entry.filesRead, values: entry.values, diagnostics: entry.diagnostics, seconds: entry.seconds)
        return (run, entry.dataFiles)
    }

    /// Keeps a run that did not fail, replacing the notebook's previous entry. Errors are
    /// ignored: the cache only saves time.
    public func store(_ run: NotebookRun, key: String, dataFiles: [InputDigests.File]) {
        guard !run.failed else { return }
        let entry = Entry(key: key, outcomes: run.outcomes, values: run.values, filesRead: run.filesRead, dataFiles: dataFiles,
                          diagnostics: run.diagnostics, seconds: run.seconds)
        guard let seal = CacheSeal.current, let data = try? BuildCache.encoder().encode(entry) else { return }
        try? SiteFiles.writeAtomically(Data(seal.sealed([UInt8](data))), to: file(for: run.notebook.path))
    }

    /// Figures may hold NaN and infinities (gaps in a loss curve), which plain JSON cannot.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// One file per notebook path, so editing a notebook replaces its entry.
    private func file(for path: String) -> String {
        var digest = SHA256()
        digest.update(path)
        return SiteFiles.join(directory, "runs/" + digest.hex.prefix(24) + ".json")
    }
}
