import Dispatch
import Foundation
import Pipeline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted connection of the preview server: one request head read within a limit of
/// size and of time, one response written, then closed (`Connection: close`).
///
/// The limits are what keeps a hostile or broken client from holding the server: a head of
/// more than `headLimit` bytes is refused as soon as that many have arrived (nothing is
/// parsed before the head is whole, and parsing is linear), and a head not whole after
/// `headTimeout` seconds is refused however slowly its bytes trickle in. A request body is
/// never read as such: what follows the head is drained and dropped at the close.
struct HTTPConnection {
    /// The most bytes of request line and headers read; a browser's head is well under 2 KB.
    static let headLimit = 8192
    /// How long a client has to send a whole head, counted from the accept.
    static let headTimeout = 5.0
    /// How long one write may wait for a client that does not read.
    static let writeTimeout = 5.0
    /// How long all the writes of one response may take, for a client that reads a trickle.
    static let responseTimeout = 30.0
    /// How long, and how many bytes, the close waits for a client to stop sending (see
    /// `close(draining:)`).
    static let drainTimeout = 2.0
    static let drainLimit = 1 << 20

    /// What the head of a request held, or why there is nothing to answer.
    enum Head {
        case request(method: String, target: String, host: String?)
        /// A head that broke a rule; the response says which.
        case refused(SiteResponder.Response)
        /// The client closed, or sent nothing before the time was up.
        case silent

        static func refused(_ status: Int, _ message: String) -> Head {
            .refused(SiteResponder.refusal(status, message))
        }
    }

    let socket: Int32

    init(socket: Int32) {
        self.socket = socket
        var timeout = timeval(tv_sec: Int(Self.writeTimeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Reads until the blank line that ends the head, the limit or the deadline. Bytes after
    /// the blank line (a body) are left alone.
    func readHead() -> Head {
        let deadline = Deadline(seconds: Self.headTimeout)
        var head: [UInt8] = []
        head.reserveCapacity(Self.headLimit + 1)
        var chunk = [UInt8](repeating: 0, count: 4096)
        var scanned = 0
        while true {
            // Only the new bytes are searched (and the two before them, where the blank line
            // may have begun), so a head that arrives a byte at a time costs no more than one
            // that arrives whole.
            if let end = Self.endOfHead(in: head, from: max(0, scanned - 2)), end <= Self.headLimit {
                return Self.parse(head[..<end])
            }
            scanned = head.count
            if head.count > Self.headLimit {
                return head.contains(UInt8(ascii: "\n"))
                    ? .refused(431, "The request's headers are over \(Self.headLimit) bytes.")
                    : .refused(414, "The request line is over \(Self.headLimit) bytes.")
            }
            guard waitUntilReadable(deadline) else {
                return head.isEmpty ? .silent : .refused(408, "The request's head did not arrive in \(Int(Self.headTimeout)) seconds.")
            }
            let wanted = min(chunk.count, Self.headLimit + 1 - head.count)
            let count = recv(socket, &chunk, wanted, 0)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count <= 0 {
                return head.isEmpty ? .silent : .refused(400, "The connection ended before the request's head did.")
            }
            head += chunk[0..<count]
        }
    }

    /// Writes the response: its head, and its body unless `includingBody` is false (a HEAD).
    /// Gives up on a client that stops reading.
    func write(_ response: SiteResponder.Response, includingBody: Bool) {
        var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for field in response.headerFields { text += field.name + ": " + field.value + "\r\n" }
        text += "Connection: close\r\n\r\n"
        var bytes = [UInt8](text.utf8)
        if includingBody { bytes += response.body }
        let deadline = Deadline(seconds: Self.responseTimeout)
        var sent = 0
        while sent < bytes.count, !deadline.isPast {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Self.sendFlags) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            sent += count
        }
    }

    /// Closes the connection. Closing a socket with unread bytes makes the system answer
    /// them with a reset, which may reach the client before it has read the response and
    /// throw the response away: a 431 would then look like a dropped connection. So after a
    /// response (`draining`) the sending side is shut first and what the client still sends
    /// (the rest of an oversized head, a body) is read and dropped, until it closes its side
    /// or the drain's limit of time or bytes is reached.
    func close(draining: Bool) {
        guard draining else {
            _ = systemClose(socket)
            return
        }
        shutdown(socket, Int32(SHUT_WR))
        let deadline = Deadline(seconds: Self.drainTimeout)
        var chunk = [UInt8](repeating: 0, count: 16384)
        var drained = 0
        while drained < Self.drainLimit, waitUntilReadable(deadline) {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            drained += count
        }
        _ = systemClose(socket)
    }

    /// Waits for bytes to read (or the end of the stream); false once the deadline has passed.
    private func waitUntilReadable(_ deadline: Deadline) -> Bool {
        while true {
            let milliseconds = deadline.remainingMilliseconds
            guard milliseconds > 0 else { return false }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { return false }
        }
    }

    /// The index just past the blank line that ends a head (`\r\n\r\n`, or bare `\n\n`
    /// as lenient clients send), searching from `start`.
    static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var index = start
        while index < bytes.count {
            if bytes[index] == lineFeed {
                if index + 1 < bytes.count, bytes[index + 1] == lineFeed { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == carriageReturn, bytes[index + 2] == lineFeed { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// The method, target and `Host` of a whole head, or the refusal of a malformed one:
    /// a request line that is not `METHOD /target HTTP/1.x`, a control character, a header
    /// line without a name, a folded line, or two `Host` headers (which two servers could
    /// read differently).
    static func parse(_ head: ArraySlice<UInt8>) -> Head {
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line -> ArraySlice<UInt8> in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        func malformed(_ why: String) -> Head { .refused(400, why) }
        guard let requestLine = lines.first else { return malformed("The request line is missing.") }
        // Visible ASCII, spaces and tabs; bytes above 127 pass (a header value may hold them).
        let control = { (byte: UInt8) in (byte < 0x20 && byte != 0x09) || byte == 0x7F }
        guard !lines.contains(where: { $0.contains(where: control) }) else {
            return malformed("The request's head holds a control character.")
        }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte), !parts[1].isEmpty else {
            return malformed("The request line must be: METHOD /path HTTP/1.1.")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .refused(505, "Only HTTP/1.0 and HTTP/1.1 are answered.")
        }
        var host: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[..<colon].allSatisfy(isTokenByte) else {
                return malformed("A header line must be: Name: value, on one line.")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            guard name.lowercased() == "host" else { continue }
            guard host == nil else { return malformed("The request has two Host headers.") }
            host = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        let method = String(decoding: parts[0], as: UTF8.self), target = String(decoding: parts[1], as: UTF8.self)
        return .request(method: method, target: target, host: host)
    }

    /// A byte of an HTTP token (a method, a header's name).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 414: return "URI Too Long"
        case 431: return "Request Header Fields Too Large"
        case 505: return "HTTP Version Not Supported"
        default: return "Status"
        }
    }

    /// A write to a client that has gone must fail, not raise SIGPIPE and end the server
    /// (on macOS, `SO_NOSIGPIPE` on the socket does this instead).
    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif
}

/// A moment on the monotonic clock, for limits that hold however a wait is cut up.
struct Deadline {
    private let end: UInt64

    init(seconds: Double) {
        end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1_000_000_000)
    }

    var isPast: Bool { DispatchTime.now().uptimeNanoseconds >= end }

    /// What is left, rounded up to a millisecond so that a wait never ends early; 0 when past.
    var remainingMilliseconds: Int32 {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now < end else { return 0 }
        return Int32(min(Int64(Int32.max), Int64((end - now + 999_999) / 1_000_000)))
    }
}

/// The system's `close`, which `HTTPConnection.close` hides.
private func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
