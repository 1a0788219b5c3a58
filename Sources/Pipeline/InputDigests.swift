import Digest
import Document
import Foundation

/// The one place staleness is decided from: the digests of what checks, updates and builds
/// are made from, and every key derived from them.
///
/// Bytes are digested by `digest(of:)` alone (SHA-256), and a file's bytes by `file(_:)`,
/// which reads and hashes each file once per instance. One instance serves a whole build or
/// check, so a data file that many blocks, notebooks or pages read is hashed once, and every
/// key of that build sees the same digest of it. From these digests come:
///
/// - each block's `Fingerprint` (`fingerprints`), kept in its record's fence: 16-bit parts of
///   its code, of the code of the blocks before it, of the data files read so far (their
///   paths and digests), and of the tool's version;
/// - a notebook's run key (`runKey`), under which `BuildCache` keeps a run together with the
///   files it read (`files(readBy:context:)`, still current when `unchanged` says so);
/// - a page's key (`pageKey`), from its run key, the digests of the files it was made from
///   and what every page shares (`pageKeyBase`);
/// - the site's stamp (`siteStamp`), which tells a build that the site already holds it.
public final class InputDigests: @unchecked Sendable {
    /// A file and the digest of its bytes.
    public struct File: Codable, Sendable, Hashable {
        public var path: String
        public var digest: String
    }

    /// The digest of a file that cannot be read: a file that appears later changes the keys.
    public static let missing = "missing"

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    private var hashedFiles: [String] = []

    /// One file's digest, computed by the first thread that asks (the others wait for it).
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var digest: String?
    }

    public init() {}

    /// The digest of bytes: SHA-256, in hexadecimal.
    public static func digest<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        SHA256.hex(of: bytes)
    }

    /// The digest of a file's bytes (`missing` when it cannot be read). Each file (by its
    /// absolute path, `..` resolved) is read and hashed at most once per instance.
    public func file(_ path: String) -> String {
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        lock.lock()
        let slot = slots[key] ?? Slot()
        slots[key] = slot
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let digest = slot.digest { return digest }
        let digest = SiteFiles.read(path).map { Self.digest(of: $0) } ?? Self.missing
        slot.digest = digest
        lock.lock()
        hashedFiles.append(key)
        lock.unlock()
        return digest
    }

    /// The files this instance has read and hashed, in order (each at most once).
    public var hashed: [String] {
        lock.lock()
        defer { lock.unlock() }
        return hashedFiles
    }

    /// Files with the digests of their bytes now.
    public func files(_ paths: [String]) -> [File] {
        paths.map { File(path: $0, digest: file($0)) }
    }

    /// Whether every file still has the digest it had.
    public func unchanged(_ files: [File]) -> Bool {
        files.allSatisfy { file($0.path) == $0.digest }
    }

    /// The files a run and its page are made from besides the notebook: what its blocks read
    /// (paths joined to the notebook's folder as written) and what its context read (the
    /// bibliography), each once, sorted, with their digests.
    public func files(readBy run: NotebookRun, context: NotebookContext = NotebookContext()) -> [File] {
        let folder = (run.notebook.path as NSString).deletingLastPathComponent
        return files(Set(run.filesRead.flatMap { $0 }.map { SiteFiles.join(folder, $0) } + context.files).sorted())
    }

    // MARK: Blocks

    /// The fingerprint of every block: `filesRead[i]` lists the files read up to block i,
    /// relative to `directory`. With `filesRead` nil (nothing run), the data part is 0, as it
    /// is for a block before any file was read.
    public func fingerprints(_ codes: [String], filesRead: [[String]]?, directory: String, toolVersion: String) -> [Fingerprint] {
        let tool = ShortHash.of(toolVersion)
        var context = ShortHash()
        var digests: [String: String] = [:]
        return codes.enumerated().map { index, code in
            defer {
                context.add(code)
                context.add("\u{0}")
            }
            var data: UInt16 = 0
            if let names = filesRead?[index], !names.isEmpty {
                var hash = ShortHash()
                for name in names {
                    let digest = digests[name] ?? file((directory as NSString).appendingPathComponent(name))
                    digests[name] = digest
                    hash.add(name)
                    hash.add("\u{0}")
                    hash.add(digest)
                    hash.add("\u{0}")
                }
                data = hash.short
            }
            return Fingerprint(code: ShortHash.of(code), context: context.short, data: data, tool: tool)
        }
    }

    /// The fingerprint of every block of a notebook, from the files its run read (nil when
    /// it did not run).
    public func fingerprints(of notebook: Notebook, filesRead: [[String]]?, toolVersion: String) -> [Fingerprint] {
        fingerprints(notebook.blocks.map(\.code), filesRead: filesRead,
                     directory: URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path, toolVersion: toolVersion)
    }

    // MARK: Runs, pages, the site

    /// The key of a notebook's run: the tool, the notebook's path and the digests of its
    /// bytes and of its context. (Not the project's place on disk: the cache lives in the
    /// project, so moving the project keeps it.) The files the run reads are kept beside
    /// the run, since they are known only once it ran.
    static func runKey(tool: String, path: String, notebook: String, context: String) -> String {
        var digest = SHA256()
        digest.update("chainrule-run-1")
        digest.update(tool)
        digest.update(path)
        digest.update(notebook + context)
        return digest.hex
    }

    /// The part of every page's key that all pages share: options, templates, and the site's
    /// shape (every page's path and title, which the sidebar and links show), and whether
    /// pages are live (which adds the live script to them).
    static func pageKeyBase(options: SiteBuildOptions, templates: String, layout: SiteLayout, live: Bool = false) -> String {
        var digest = SHA256()
        digest.update("chainrule-page-1")
        digest.update(options.toolIdentity)
        digest.update(options.rawHTML ? "raw" : "escaped")
        digest.update(live ? "live" : "static")
        digest.update(templates)
        digest.update(layout.digest)
        return digest.hex
    }

    /// A page's key: what all pages share, its run, and the digests of the files it was
    /// made from.
    static func pageKey(base: String, runKey: String, fileDigests: [String]) -> String {
        var digest = SHA256()
        digest.update(base)
        digest.update(runKey)
        for file in fileDigests { digest.update(file) }
        return digest.hex
    }

    /// The digest of every input of a build: options, theme, the live module, the projects' configurations,
    /// each notebook's path and bytes, and the data and linked files of the last build
    /// (`previous`), with their contents now.
    func siteStamp(options: SiteBuildOptions, sources: [SiteSource], theme: String, previous: SiteManifest?) -> String {
        var digest = SHA256()
        digest.update("chainrule-site-1")
        digest.update(options.toolIdentity)
        digest.update(options.rawHTML ? "raw" : "escaped")
        digest.update(options.title ?? "")
        digest.update(options.baseURL ?? "")
        digest.update(theme)
        // The live module, written into the site as it is.
        digest.update(options.liveModule.map { "live " + file($0) } ?? "static")
        // The projects' configurations: their macros and bibliographies shape every page.
        for path in Set(sources.compactMap { ProjectRoot.configurationFile(above: ($0.path as NSString).deletingLastPathComponent) }).sorted() {
            digest.update(path)
            digest.update(file(path))
        }
        for source in sources {
            digest.update(source.key)
            digest.update(source.page)
            digest.update(source.digest)
            for data in previous?.pages[source.page]?.dataFiles ?? [] {
                digest.update(data.path)
                digest.update(file(data.path))
            }
        }
        for linked in previous?.linkedFiles ?? [] {
            digest.update(linked.path)
            digest.update(file(linked.path))
        }
        return digest.hex
    }
}

/// FNV-1a finished with SplitMix64's mixer, of which a fingerprint keeps 16 bits per part:
/// how a block's code, the code before it, the tool's version and the paths and SHA-256
/// digests of its data files fold into the record's token. Stable across platforms and
/// runs; the records in notebooks depend on it bit for bit.
struct ShortHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
    }

    /// The top 16 bits of the mixed state.
    var short: UInt16 {
        var z = state &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt16(truncatingIfNeeded: (z ^ (z >> 31)) >> 48)
    }

    static func of(_ text: String) -> UInt16 {
        var hash = ShortHash()
        hash.add(text)
        return hash.short
    }
}
