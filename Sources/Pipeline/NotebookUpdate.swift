import Diagnostics
import Document
import Foundation

/// Rewrites a notebook's recorded outputs, and nothing else.
public enum NotebookUpdate {
    /// The record each block should have after `update`: its output and fingerprint, or
    /// nil when it displays nothing. A block that did not run keeps the record it has, and so
    /// does a record whose numbers agree with the output within the notebook's `rtol` (so
    /// that machines whose last digits differ do not rewrite each other's records).
    public static func records(_ run: NotebookRun, toolVersion: String, digests: InputDigests = InputDigests()) -> [OutputRecord?] {
        let notebook = run.notebook
        let fingerprints = digests.fingerprints(of: notebook, filesRead: run.filesRead, toolVersion: toolVersion)
        return notebook.blocks.map { block in
            guard case .ran = run.outcomes[block.index] else {
                return block.output.map { OutputRecord(text: notebook.outputs[$0].text, info: notebook.outputs[$0].info) }
            }
            let info = [fingerprints[block.index].description]
            guard let text = run.recordedText(block.index) else { return nil }
            if let recorded = block.output.map({ notebook.outputs[$0].text }),
               OutputComparison.matches(recorded, text, rtol: run.settings.rtol) {
                return OutputRecord(text: recorded, info: info)
            }
            return OutputRecord(text: text, info: info)
        }
    }

    /// Writes `bytes` over the notebook's file atomically: into a temporary file in the same
    /// folder, flushed to disk, given the file's permissions, then renamed over it. Killed at
    /// any moment, the notebook is either as it was or fully updated; two updates at once
    /// each replace the whole file. Writes nothing when the bytes are unchanged.
    /// Returns whether the file changed.
    ///
    /// A notebook that is a symbolic link is not written (the rename would replace the link,
    /// and its target may lie outside the project). A notebook whose bytes changed since it
    /// was read (edited during the run) is not written either, unless it already holds
    /// `bytes` (another update got there first).
    public static func write(_ bytes: [UInt8], over notebook: Notebook) throws(DiagnosticList) -> Bool {
        guard bytes != notebook.bytes else { return false }
        let path = notebook.path
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            throw DiagnosticList([.error("cannot update: the notebook is a symbolic link", file: path,
                                         notes: [.init("update the file it points to, by its own path")])])
        }
        var mode = stat()
        // No write bit means read-only even for root, who could write it anyway.
        let writable = stat(path, &mode) == 0 && mode.st_mode & 0o222 != 0 && access(path, W_OK) == 0
        guard writable else {
            throw DiagnosticList([.error("cannot update: the file is read-only", file: path,
                                         notes: [.init("make it writable, or leave it out of the paths given to update")])])
        }
        if let now = FileManager.default.contents(atPath: path).map([UInt8].init), now != notebook.bytes {
            if now == bytes { return false }
            throw DiagnosticList([.error("cannot update: the notebook changed while update ran", file: path,
                                         notes: [.init("run update again to record the outputs of the new version")])])
        }
        let temporary = temporaryPath(for: path, process: getpid())
        func fail(_ message: String) -> DiagnosticList {
            unlink(temporary)
            return DiagnosticList([.error("cannot update: \(message)", file: path)])
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw fail(String(cString: strerror(errno))) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, status.st_mode & 0o7777)
        guard descriptor >= 0 else { throw fail("cannot create a temporary file next to it (\(String(cString: strerror(errno))))") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        guard ok, fsync(descriptor) == 0 else {
            close(descriptor)
            throw fail("writing failed (\(String(cString: strerror(errno))))")
        }
        // Permissions as the original (open's mode is filtered by the umask).
        fchmod(descriptor, status.st_mode & 0o7777)
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw fail("renaming failed (\(String(cString: strerror(errno))))") }
        return true
    }

    /// Where `write` puts the new bytes before renaming them over the notebook: a hidden
    /// file next to it, named after the notebook and the writing process, which no command
    /// reads as a notebook (hidden, and not `.md`).
    static func temporaryPath(for path: String, process: pid_t) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (directory.isEmpty ? "." : directory) + "/.\(name).chainrule-\(process)-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Removes the temporary files that updates killed half way (SIGKILL, power loss) left
    /// in the folders of `paths`: those whose process is no longer running. A running
    /// update's file is left alone, so two updates at once do not disturb each other.
    /// Returns the paths removed.
    @discardableResult
    public static func removeStaleTemporaries(nextTo paths: [String]) -> [String] {
        var removed: [String] = []
        let folders = Set(paths.map { path -> String in
            let folder = (path as NSString).deletingLastPathComponent
            return folder.isEmpty ? "." : folder
        })
        for folder in folders.sorted() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() {
                guard let process = staleProcess(name), kill(process, 0) != 0, errno == ESRCH else { continue }
                let path = folder + "/" + name
                if unlink(path) == 0 { removed.append(path) }
            }
        }
        return removed
    }

    /// The process in the name of one of `write`'s temporary files (`.NAME.chainrule-PID-N.tmp`).
    static func staleProcess(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".chainrule-", options: .backwards) else {
            return nil
        }
        let parts = name[marker.upperBound...].dropLast(4).split(separator: "-")
        guard parts.count == 2, let process = pid_t(parts[0]), process > 0, UInt32(parts[1]) != nil else { return nil }
        return process
    }
}
