import Digest
import Foundation

/// A secret kept outside every project, in the user's own cache folder, with which Chainrule
/// signs what it caches inside a project (`.chainrule/`). A cache file it did not write
/// itself, on this machine, for this user (one committed to a repository, copied from
/// elsewhere or forged), fails the check and is ignored: a build then runs the notebook
/// instead of showing outputs its code never gave.
///
/// The key is 32 random bytes in `$XDG_CACHE_HOME/chainrule/seal` (else
/// `~/.cache/chainrule/seal`), readable by its owner only. Where no such file can be made or
/// trusted, there is no seal and nothing cached is read.
public struct CacheSeal: Sendable {
    private let key: [UInt8]

    init(key: [UInt8]) {
        self.key = key
    }

    /// The seal of the current user, made on first use; nil when it cannot be read or made.
    public static let current: CacheSeal? = load(from: defaultPath())

    static func defaultPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/chainrule/seal" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/chainrule/seal"
    }

    /// Reads the key at `path`, or makes one there if there is none.
    static func load(from path: String?) -> CacheSeal? {
        guard let path else { return nil }
        if let key = readKey(path) { return CacheSeal(key: key) }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        var key = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for i in key.indices { key[i] = generator.next() }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        if descriptor >= 0 {
            let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress!, 32) }
            fsync(descriptor)
            close(descriptor)
            if written != 32 { unlink(path) }
        }
        // Another process may have made it first: use whichever key is on disk.
        return readKey(path).map(CacheSeal.init(key:))
    }

    /// The key, if the file is a regular file of 32 bytes owned by this user and readable by
    /// nobody else (a key others could read or write would let them forge caches).
    private static func readKey(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == getuid(),
              status.st_mode & 0o077 == 0, status.st_size == 32 else { return nil }
        var key = [UInt8](repeating: 0, count: 32)
        let count = key.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, 32) }
        return count == 32 ? key : nil
    }

    /// HMAC-SHA-256 of `bytes` under the key, as 64 hex digits.
    public func sign<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let inner = key.map { $0 ^ 0x36 } + [UInt8](repeating: 0x36, count: 64 - key.count)
        let outer = key.map { $0 ^ 0x5c } + [UInt8](repeating: 0x5c, count: 64 - key.count)
        var first = SHA256()
        first.update(bytes: inner)
        first.update(bytes: bytes)
        var second = SHA256()
        second.update(bytes: outer)
        second.update(bytes: first.bytes)
        return second.hex
    }

    /// Whether `signature` is this key's signature of `bytes` (compared in constant time).
    public func verify<C: Collection>(_ bytes: C, signature: String) -> Bool where C.Element == UInt8 {
        let expected = Array(sign(bytes).utf8), given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// `bytes` with a first line holding their signature, for a cache file.
    public func sealed(_ bytes: [UInt8]) -> [UInt8] {
        Array((sign(bytes) + "\n").utf8) + bytes
    }

    /// The bytes of a file `sealed` wrote, if its signature holds.
    public func unsealed(_ file: [UInt8]) -> [UInt8]? {
        guard file.count > 65, file[64] == 0x0A else { return nil }
        let signature = String(decoding: file[..<64], as: UTF8.self)
        let bytes = Array(file[65...])
        return verify(bytes, signature: signature) ? bytes : nil
    }
}
