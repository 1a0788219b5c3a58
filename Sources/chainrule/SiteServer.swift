import Dispatch
import Foundation
import Pipeline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview server: HTTP/1.1 on 127.0.0.1 over plain sockets, one request per connection,
/// each connection on a thread of its own, answering from `SiteResponder`.
///
/// Ours rather than a library's because a preview server needs little (GET and HEAD of
/// files) and must hold against whatever a page in the same browser sends it: the library
/// it replaces took time quadratic in the length of a request's head, so two long requests
/// stopped it. Here a head is capped and timed (`HTTPConnection`), and at most
/// `connectionLimit` connections are served at once; the others wait, unread, in the
/// listening socket's backlog until one ends.
final class SiteServer: @unchecked Sendable {
    /// Enough for a browser's parallel requests (six per host) several times over.
    static let connectionLimit = 32
    /// Connections the system keeps waiting beyond those being served.
    static let backlog: Int32 = 128

    private let responder: SiteResponder
    private let port: UInt16
    private let lock = NSLock()
    private var version = 1
    private let freeSlots = DispatchSemaphore(value: SiteServer.connectionLimit)

    init(root: String, port: UInt16) {
        self.responder = SiteResponder(root: root, port: port)
        self.port = port
    }

    /// Starts listening on 127.0.0.1 (IPv4 only: `http://127.0.0.1` and browsers'
    /// `localhost` reach it); returns once the socket is open, or throws why it cannot be.
    func start() throws {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw SiteServerError.system("socket") }
        _ = fcntl(listener, F_SETFD, FD_CLOEXEC)
        // A server stopped and started again at once can bind the port its old connections
        // still hold in TIME_WAIT.
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, Self.backlog) == 0 else {
            let error = SiteServerError.system(bound == 0 ? "listen" : "bind")
            close(listener)
            throw error
        }
        let acceptor = Thread { [self] in acceptConnections(on: listener) }
        acceptor.name = "chainrule serve: accept"
        acceptor.start()
    }

    /// Tells open pages that a new build is in place.
    func bumpVersion() {
        lock.lock()
        version += 1
        lock.unlock()
    }

    private var currentVersion: Int {
        lock.lock()
        defer { lock.unlock() }
        return version
    }

    /// Accepts a connection whenever a slot is free, and serves it on a new thread.
    private func acceptConnections(on listener: Int32) {
        while true {
            freeSlots.wait()
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                freeSlots.signal()
                // Out of descriptors: wait for connections to end rather than spin.
                if errno == EMFILE || errno == ENFILE { usleep(100_000) }
                continue
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let worker = Thread { [self] in
                serve(HTTPConnection(socket: connection))
                freeSlots.signal()
            }
            worker.start()
        }
    }

    private func serve(_ connection: HTTPConnection) {
        switch connection.readHead() {
        case .request(let method, let target, let host):
            let response = responder.respond(method: method, target: target, host: host, version: currentVersion)
            connection.write(response, includingBody: method != "HEAD")
            connection.close(draining: true)
        case .refused(let response):
            connection.write(response, includingBody: true)
            connection.close(draining: true)
        case .silent:
            connection.close(draining: false)
        }
    }
}

/// Why the server could not start: the call that failed and the system's reason
/// (`bind: Address already in use`).
struct SiteServerError: Error, CustomStringConvertible {
    let description: String

    static func system(_ call: String) -> SiteServerError {
        SiteServerError(description: call + ": " + String(cString: strerror(errno)))
    }
}

