import Dispatch
import FlyingFox
import Foundation
import Pipeline

/// The preview server: FlyingFox on 127.0.0.1, answering from `SiteResponder`.
///
/// It listens on `.inet(ip4: "127.0.0.1")`: FlyingFox's `.loopback` listens on `::1` only,
/// which `http://127.0.0.1` and some browsers' `localhost` do not reach.
final class SiteServer: @unchecked Sendable {
    private let responder: SiteResponder
    private let port: UInt16
    private let lock = NSLock()
    private var version = 1
    private var server: HTTPServer?

    init(root: String, port: UInt16) {
        self.responder = SiteResponder(root: root)
        self.port = port
    }

    /// Starts listening; returns once the socket is open (or throws why it cannot be).
    func start() throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled, handler: ClosureHTTPHandler { [self] request in
            guard request.method == .GET || request.method == .HEAD else {
                return HTTPResponse(statusCode: .methodNotAllowed)
            }
            let answer = responder.respond(to: request.path, version: currentVersion)
            var headers: HTTPHeaders = [.contentType: answer.contentType, .cacheControl: "no-store"]
            if let location = answer.location { headers[.location] = location }
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)),
                                headers: headers, body: request.method == .HEAD ? Data() : answer.body)
        })
        self.server = server
        let failure = FailureBox()
        let started = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run()
            } catch {
                failure.error = error
                started.signal()
            }
        }
        Task {
            do {
                try await server.waitUntilListening(timeout: 10)
            } catch {
                failure.error = failure.error ?? error
            }
            started.signal()
        }
        started.wait()
        if let error = failure.error { throw error }
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

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 404: return "Not Found"
        default: return "Status"
        }
    }

    /// The first error of the server's start, across tasks.
    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Error?
        var error: Error? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
}
