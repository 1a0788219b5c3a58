import Foundation

/// What `chainrule serve` polls: the modification time and size of every file under the
/// notebook folders and the theme, so that an edit, a new notebook or a deleted one is seen
/// within one poll. (Polling a few hundred files every half second costs far less than a
/// dependency on each system's file events.)
public struct SiteWatcher: Sendable {
    /// Files and folders to watch; folders are searched (hidden entries skipped).
    public var paths: [String]

    public init(paths: [String]) {
        self.paths = paths
    }

    /// A picture of the watched files; two are equal when nothing changed.
    public struct Snapshot: Sendable, Hashable {
        var files: [String: [Int64]]
    }

    public func snapshot() -> Snapshot {
        var files: [String: [Int64]] = [:]
        for path in paths {
            switch SiteFiles.kind(path) {
            case .missing:
                continue
            case .file:
                if let stamp = SiteFiles.stamp(path) { files[path] = [stamp.modified, stamp.size] }
            case .folder:
                guard let enumerator = FileManager.default.enumerator(atPath: path) else { continue }
                while let relative = enumerator.nextObject() as? String {
                    if (relative as NSString).lastPathComponent.hasPrefix(".") {
                        enumerator.skipDescendants()
                        continue
                    }
                    let file = SiteFiles.join(path, relative)
                    if let stamp = SiteFiles.stamp(file) { files[file] = [stamp.modified, stamp.size] }
                }
            }
        }
        return Snapshot(files: files)
    }
}
