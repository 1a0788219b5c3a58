import Diagnostics
import Document
import Foundation

/// Rewrites a notebook's recorded outputs, and nothing else.
public enum NotebookUpdate {
    /// The record each block should have after `update`: its output and fingerprint, or
    /// nil when it displays nothing. A block that did not run keeps the record it has.
    public static func records(_ run: NotebookRun, toolVersion: String) -> [OutputRecord?] {
        let notebook = run.notebook
        let fingerprints = Fingerprint.blocks(notebook.blocks.map(\.code), dataFiles: run.filesRead,
                                              directory: NotebookCheck.directory(notebook), toolVersion: toolVersion)
        return notebook.blocks.map { block in
            guard case .ran = run.outcomes[block.index] else {
                return block.output.map { OutputRecord(text: notebook.outputs[$0].text, info: notebook.outputs[$0].info) }
            }
            return run.recordedText(block.index).map { OutputRecord(text: $0, info: [fingerprints[block.index].description]) }
        }
    }

    /// Writes `bytes` over the notebook's file atomically: into a temporary file in the same
    /// folder, flushed to disk, given the file's permissions, then renamed over it. Killed at
    /// any moment, the notebook is either as it was or fully updated; two updates at once
    /// each replace the whole file. Writes nothing when the bytes are unchanged.
    /// Returns whether the file changed.
    public static func write(_ bytes: [UInt8], over notebook: Notebook) throws(DiagnosticList) -> Bool {
        guard bytes != notebook.bytes else { return false }
        let path = notebook.path
        var mode = stat()
        // No write bit means read-only even for root, who could write it anyway.
        let writable = stat(path, &mode) == 0 && mode.st_mode & 0o222 != 0 && access(path, W_OK) == 0
        guard writable else {
            throw DiagnosticList([.error("cannot update: the file is read-only", file: path,
                                         notes: [.init("make it writable, or leave it out of the paths given to update")])])
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).chainrule-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
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
}
