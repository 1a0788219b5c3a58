import Display
import Foundation
import Runtime

/// The values behind the digests in records (`plot "loss": ... #62dab3291854`), kept in
/// `.chainrule/records/` so that `check` can name what changed when a digest no longer
/// matches (`series 1 "train" y[3]: 2 -> 5`).
///
/// It only explains: whether a record is stale is decided by the record alone. Files are
/// sealed (`CacheSeal`), so a store committed to a repository or written elsewhere explains
/// nothing, and a value of one is named only from listings this machine wrote.
public struct RecordStore: Sendable {
    public let directory: String
    let seal: CacheSeal

    public init?(projectRoot: String, seal: CacheSeal? = CacheSeal.current) {
        guard let seal else { return nil }
        self.directory = SiteFiles.join(projectRoot, ".chainrule/records")
        self.seal = seal
    }

    /// Keeps the listing of every item of a block that has a digest, unless already kept.
    public func keep(_ result: BlockResult) {
        // The digests, in order, as the record holds them (not computed again).
        let digests = (result.recordedText ?? "").split(separator: "\n").compactMap { OutputComparison.digest(in: $0) }
        for (digest, item) in zip(digests, result.items.filter(\.carriesDigest)) {
            guard isDigest(digest) else { continue }
            let path = SiteFiles.join(directory, digest)
            guard access(path, F_OK) != 0, let listing = item.listing else { continue }
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let bytes = seal.sealed(Array(listing.joined(separator: "\n").utf8))
            let temporary = path + ".\(getpid()).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { continue }
            if rename(temporary, path) != 0 { unlink(temporary) }
        }
    }

    /// Keeps the listings of everything the runs displayed.
    public func keep(_ runs: [NotebookRun]) {
        for run in runs {
            for case .ran(let result) in run.outcomes { keep(result) }
        }
    }

    /// The listing kept for `digest`, if this machine kept one.
    public func listing(_ digest: String) -> [String]? {
        guard isDigest(digest), let file = SiteFiles.read(SiteFiles.join(directory, digest)),
              let bytes = seal.unsealed(file) else { return nil }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func isDigest(_ text: String) -> Bool {
        text.count == RecordWriter.digestLength && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// What differs between two listings, one line each (`y[3]: 2 -> 5`), at most `limit`
    /// lines and then how many more.
    public static func differences(from old: [String], to new: [String], limit: Int = 6) -> [String] {
        func split(_ line: String) -> (String, String) {
            guard let colon = line.range(of: ": ", options: .backwards) else { return (line, "") }
            return (String(line[..<colon.lowerBound]), String(line[colon.upperBound...]))
        }
        let before = Dictionary(old.map(split), uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map(split), uniquingKeysWith: { first, _ in first })
        var lines: [String] = []
        var total = 0
        for (name, value) in new.map(split) {
            let previous = before[name]
            guard previous != value else { continue }
            total += 1
            if lines.count < limit { lines.append("\(name): \(previous ?? "(none)") -> \(value)") }
        }
        for (name, value) in old.map(split) where after[name] == nil {
            total += 1
            if lines.count < limit { lines.append("\(name): \(value) -> (none)") }
        }
        if total > lines.count { lines.append("and \(total - lines.count) more") }
        return lines
    }
}
