import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new site written into a folder next to the target and swapped in only when complete:
/// a build that fails, or is killed at any moment, leaves the previous site whole.
///
/// The staging folder is `<target>.staging-<pid>`, in the same folder as the target so the
/// swap is a rename on one file system. Publishing exchanges the two folders in one step
/// where the system can (then the old site sits at the staging path and is deleted);
/// elsewhere it renames the old site aside first. Leftovers of killed builds are removed by
/// the next one.
struct SiteStaging {
    /// The site folder, as given.
    let target: String
    /// Where the new site is being written.
    let folder: String

    /// Creates an empty staging folder next to `target`, removing leftovers of builds that
    /// are no longer running.
    static func begin(target: String) throws -> SiteStaging {
        let trimmed = target.hasSuffix("/") && target.count > 1 ? String(target.dropLast()) : target
        removeLeftovers(of: trimmed)
        let folder = trimmed + ".staging-\(getpid())"
        SiteFiles.remove(folder)
        try SiteFiles.createFolder(folder)
        return SiteStaging(target: trimmed, folder: folder)
    }

    /// Makes the staging folder the site.
    func publish() throws {
        switch SiteFiles.kind(target) {
        case .missing:
            try SiteFiles.move(folder, to: target)
        case .file:
            throw SiteFileError("\(target) is a file, not a site folder")
        case .folder:
            if SiteFiles.exchange(folder, target) {
                SiteFiles.remove(folder)
            } else {
                let aside = target + ".staging-\(getpid())-old"
                try SiteFiles.move(target, to: aside)
                do {
                    try SiteFiles.move(folder, to: target)
                } catch {
                    try? SiteFiles.move(aside, to: target)
                    throw error
                }
                SiteFiles.remove(aside)
            }
        }
    }

    /// Removes the staging folder (after a failed build).
    func abandon() {
        SiteFiles.remove(folder)
    }

    /// Staging folders of builds whose process is gone.
    private static func removeLeftovers(of target: String) {
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let prefix = name + ".staging-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let digits = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            SiteFiles.remove(SiteFiles.join(parent, entry))
        }
    }
}
