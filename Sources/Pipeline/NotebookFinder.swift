import Diagnostics
import Foundation

/// The notebooks named on a command line: files as given, folders searched for `.md`
/// files (recursively, skipping hidden entries), in a stable order.
public enum NotebookFinder {
    public static func find(_ paths: [String]) -> (notebooks: [String], diagnostics: [Diagnostic]) {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("no such file or folder", file: path))
                continue
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            var inFolder: [String] = []
            guard walk(path, into: &inFolder, problems: &diagnostics) else {
                diagnostics.append(.error("cannot read the folder", file: path))
                continue
            }
            found += inFolder.sorted()
        }
        var seen = Set<String>()
        return (found.filter { seen.insert(standardized($0)).inserted }, diagnostics)
    }

    /// Collects the `.md` files under `folder`, skipping hidden entries and not following
    /// symbolic links to folders. Names are read as the bytes they are: a name that is not
    /// UTF-8 cannot be given to the commands as text, so it is reported rather than skipped
    /// in silence (a notebook `check` never saw must not pass). False when `folder` cannot
    /// be read.
    static func walk(_ folder: String, into found: inout [String], problems: inout [Diagnostic]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard name.first != UInt8(ascii: ".") else { continue }
            names.append(name)
        }
        for bytes in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = bytes.map { $0 < 0x80 && $0 >= 0x20 ? String(UnicodeScalar($0)) : String(format: "\\x%02x", $0) }.joined()
                if bytes.count >= 3, bytes.suffix(3) == Array(".md".utf8) {
                    problems.append(.error("a notebook whose file name is not UTF-8 cannot be read", file: join(folder, shown),
                                           notes: [.init("rename it with a UTF-8 name")]))
                } else {
                    var status = stat()
                    let path = Array(folder.utf8) + [UInt8(ascii: "/")] + bytes + [0]
                    let isFolder = path.withUnsafeBufferPointer { pointer in
                        pointer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &status) == 0 }
                    } && status.st_mode & S_IFMT == S_IFDIR
                    if isFolder {
                        problems.append(.error("a folder whose name is not UTF-8 cannot be searched for notebooks",
                                               file: join(folder, shown), notes: [.init("rename it with a UTF-8 name")]))
                    }
                }
                continue
            }
            let path = join(folder, name)
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                _ = walk(path, into: &found, problems: &problems)
                continue
            }
            // Anything else named like a notebook is one, for the loader to read or to
            // report (a pipe, a device); a symbolic link to a folder is not followed.
            var target = stat()
            let isFolder = stat(path, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR
            if name.hasSuffix(".md") && !isFolder { found.append(path) }
        }
        return true
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
