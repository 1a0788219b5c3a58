import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations a build needs, in one place: reading, writing, linking, swapping.
enum SiteFiles {
    static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || folder.isEmpty || folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// What is at a path: nothing, a folder, or something else (a file).
    enum Kind { case missing, folder, file }

    static func kind(_ path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .folder : .file
    }

    /// Whether `path` (its symbolic links followed) is a regular file: not a folder, a device
    /// or a pipe that reading would hang on.
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static func createFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file, creating its folder; inside a staging folder, so no temporary file is
    /// needed: the whole folder becomes visible at once.
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, kind(folder) != .folder { try createFolder(folder) }
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw SiteFileError("cannot write \(path)")
        }
    }

    /// Writes a file through a temporary file and a rename, so a reader (or a build killed
    /// half way) never sees half of it.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, kind(folder) != .folder { try createFolder(folder) }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw SiteFileError("cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SiteFileError("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The file at `source` also at `destination`: a hard link when the file system allows
    /// (no bytes copied), else a copy.
    static func linkOrCopy(_ source: String, to destination: String) throws {
        let folder = (destination as NSString).deletingLastPathComponent
        if !folder.isEmpty, kind(folder) != .folder { try createFolder(folder) }
        if link(source, destination) == 0 { return }
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Swaps two paths in one step (Linux `renameat2` with `RENAME_EXCHANGE`, macOS
    /// `renamex_np` with `RENAME_SWAP`): at every moment each path holds a whole folder.
    /// False when the system cannot (an old kernel, a file system without support).
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // glibc has renameat2 since 2.28 but Swift's Glibc module does not import it.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw SiteFileError("cannot rename \(source) to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    /// Modification time in nanoseconds since 1970 and size, or nil for a missing file.
    static func stamp(_ path: String) -> (modified: Int64, size: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return (Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), Int64(info.st_size))
    }
}

/// A file operation that failed, with the path in its message.
struct SiteFileError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
