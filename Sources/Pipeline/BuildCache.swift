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
/// A run's key is a digest of the tool version, the notebook's path and its bytes. The entry also lists every data file the run read with `load`, with a digest
/// of its contents: a changed data file makes the entry stale even though the notebook is
/// the same. Only runs that did not fail are kept (a failure may be a timeout, which another
/// run might not hit).
public struct BuildCache: Sendable {
    /// What the cache keeps of a run.
    struct Entry: Codable {
        var key: String
        var outcomes: [NotebookRun.Outcome]
        var values: [String?]
        var filesRead: [[String]]
        /// Data files read (paths relative to the project root) and their digests.
        var dataFiles: [DataFile]
        var diagnostics: [Diagnostic]
        var seconds: Double
    }

    /// A file a run read and the digest of its bytes then.
    public struct DataFile: Codable, Sendable, Hashable {
        public var path: String
        public var digest: String
    }

    public let directory: String
    public let toolVersion: String
    public let projectRoot: String

    public init(directory: String, toolVersion: String, projectRoot: String) {
        self.directory = directory
        self.toolVersion = toolVersion
        self.projectRoot = projectRoot
    }

    /// The key of a notebook's run: changes with the tool, the path and the bytes. (Not with
    /// the project's place on disk: the cache lives in the project, so moving the project
    /// keeps it.)
    public func key(path: String, bytesDigest: String) -> String {
        var digest = SHA256()
        digest.update("chainrule-run-1")
        digest.update(toolVersion)
        digest.update(path)
        digest.update(bytesDigest)
        return digest.hex
    }

    /// The cached run of a notebook, if its key matches and its data files are unchanged.
    public func lookup(_ notebook: Notebook, key: String) -> (run: NotebookRun, dataFiles: [DataFile])? {
        guard let sealed = SiteFiles.read(file(for: notebook.path)), let bytes = CacheSeal.current?.unsealed(sealed),
              let entry = try? BuildCache.decoder().decode(Entry.self, from: Data(bytes)),
              entry.key == key,
              entry.outcomes.count == notebook.blocks.count, entry.values.count == notebook.values.count,
              entry.dataFiles.allSatisfy({ SiteFiles.digest(ofFile: $0.path) == $0.digest })
        else { return nil }
        let run = NotebookRun(notebook: notebook, settings: NotebookSettings(notebook), outcomes: entry.outcomes,
                              filesRead: entry.filesRead, values: entry.values, diagnostics: entry.diagnostics, seconds: entry.seconds)
        return (run, entry.dataFiles)
    }

    /// The data files a run read, with their digests now (paths relative to the project).
    /// The files a run and its page were made from: what its blocks read, and what its
    /// context read (the bibliography).
    public static func dataFiles(of run: NotebookRun, context: NotebookContext = NotebookContext()) -> [DataFile] {
        let folder = (run.notebook.path as NSString).deletingLastPathComponent
        let paths = Set(run.filesRead.flatMap { $0 }.map { SiteFiles.join(folder, $0) } + context.files).sorted()
        return paths.map { path in DataFile(path: path, digest: SiteFiles.digest(ofFile: path)) }
    }

    /// Keeps a run that did not fail, replacing the notebook's previous entry. Errors are
    /// ignored: the cache only saves time.
    public func store(_ run: NotebookRun, key: String, dataFiles: [DataFile]) {
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
