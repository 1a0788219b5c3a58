// The live module's exports (wasm/build.sh links them into chainrule-live.wasm): JavaScript
// writes a JSON request into the buffer `live_input` gives, calls `live_call`, and reads the
// JSON answer at `live_output` (docs/live.md). The answers are LiveEndpoint's.

import Live

nonisolated(unsafe) private let endpoint = LiveEndpoint()
nonisolated(unsafe) private var input = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
nonisolated(unsafe) private var output = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

/// A buffer of `count` bytes for the next request.
@_cdecl("live_input")
public func liveInput(_ count: Int32) -> UnsafeMutablePointer<UInt8>? {
    input.deallocate()
    input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Int(max(count, 1)))
    return input.baseAddress
}

/// Answers the request of `count` bytes in the input buffer; returns the answer's length.
@_cdecl("live_call")
public func liveCall(_ count: Int32) -> Int32 {
    let request = String(decoding: UnsafeBufferPointer(rebasing: input[..<Int(count)]), as: UTF8.self)
    let bytes = Array(endpoint.handle(request).utf8)
    output.deallocate()
    output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    _ = output.initialize(from: bytes)
    return Int32(bytes.count)
}

/// Where the last answer is.
@_cdecl("live_output")
public func liveOutput() -> UnsafeMutablePointer<UInt8>? {
    output.baseAddress
}
