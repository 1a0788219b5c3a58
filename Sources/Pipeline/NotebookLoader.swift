import Diagnostics
import Document
import Foundation

/// Reads notebook files, turning every problem into a diagnostic naming the file.
public enum NotebookLoader {
    /// Bytes a notebook may have: a 10 MB notebook takes a second or two, and memory for
    /// its tree is several times its size.
    public static let largestNotebook = 128 << 20

    public static func load(_ path: String) throws(DiagnosticList) -> Notebook {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticList([.error("no such file", file: path)])
        }
        guard !isDirectory.boolValue else { throw DiagnosticList([.error("is a folder, not a notebook", file: path)]) }
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw DiagnosticList([.error("is not a regular file (a device, a pipe or a socket), not a notebook", file: path)])
            }
            guard status.st_size <= largestNotebook else {
                throw DiagnosticList([.error("the file is larger than \(largestNotebook >> 20) MiB, the most a notebook may be", file: path)])
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([.error("cannot read the file (check its permissions)", file: path)])
        }
        return try Notebook.parse(path: path, bytes: [UInt8](data))
    }

    /// The source of a notebook as text, for quoting lines in diagnostics.
    public static func sourceText(_ notebook: Notebook) -> SourceText {
        SourceText(path: notebook.path, text: String(decoding: notebook.bytes, as: UTF8.self))
    }
}
