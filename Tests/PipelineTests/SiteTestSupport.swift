import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Pipeline

/// A project folder for one test, removed at the end.
final class SiteProject {
    let root: String

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-site-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    func remove(_ relative: String) { try? FileManager.default.removeItem(atPath: path(relative)) }

    /// Every file under a folder, by relative path, with its bytes.
    func files(under relative: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = path(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = FileManager.default.contents(atPath: base + "/" + name)
            }
        }
        return result
    }

    /// Entries of the project folder (to spot leftover staging folders).
    var topLevel: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    }

    /// Builds in-process, as `chainrule build` would from the project's folder.
    func build(paths: [String] = ["notebooks"], output: String = "site", force: Bool = false, keepGoing: Bool = false,
               rawHTML: Bool = false, title: String? = nil, theme: String? = nil, version: String = "test",
               liveModule: String? = nil) -> SiteBuildReport {
        var options = SiteBuildOptions(
            paths: paths.map(path), output: path(output), theme: theme.map(path), projectRoot: root, toolVersion: version,
            force: force, keepGoing: keepGoing, rawHTML: rawHTML, title: title, jobs: 2)
        options.liveModule = liveModule.map(path)
        return SiteBuilder.build(options)
    }
}

/// Running the built `chainrule` binary.
enum ChainruleBinary {
    /// Next to the test bundle (`swift build --build-tests` builds both), or `CHAINRULE_BIN`.
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["CHAINRULE_BIN"] { return path }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("chainrule").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url = url.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("chainrule").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: String) throws -> Result {
        let process = try start(arguments, in: folder)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe
        // Read both pipes while it runs, so a chatty process never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func start(_ arguments: [String], in folder: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "dumb"
        process.environment = environment
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }
}

/// A TCP port nobody listens on now (the kernel's pick for port 0).
func freePort() -> UInt16 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
    return UInt16(bigEndian: address.sin_port)
}

/// A GET over plain HTTP/1.0 on 127.0.0.1 (Foundation's URLSession is not needed for this).
func httpGet(port: UInt16, path: String) -> (status: Int, body: String)? {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return nil }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = port.bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    guard send(socket, request, request.count, 0) == request.count else { return nil }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    // The server may keep the connection open: stop once Content-Length bytes of body came.
    while true {
        let count = recv(socket, &buffer, buffer.count, 0)
        if count <= 0 { break }
        response += buffer[0..<count]
        let text = String(decoding: response, as: UTF8.self)
        if let end = text.range(of: "\r\n\r\n"),
           let line = text[..<end.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
           let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
           text[end.upperBound...].utf8.count >= length {
            break
        }
    }
    let text = String(decoding: response, as: UTF8.self)
    guard let statusLine = text.split(separator: "\r\n").first, statusLine.split(separator: " ").count >= 2,
          let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
    let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
    return (status, body)
}

/// Small notebooks for build tests.
enum SiteNotebooks {
    static func simple(title: String, order: Double? = nil, body: String = "", code: String = "x = 2\nx * 3") -> String {
        var front = "---\ntitle: \(title)\n"
        if let order { front += "order: \(order)\n" }
        return front + "description: About \(title).\n---\n\n" + body + "\n\n## Section\n\n```backprop\n\(code)\n```\n"
    }
}
