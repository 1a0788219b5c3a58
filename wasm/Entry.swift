// The WebAssembly module's exports (wasm/build.sh links them): the probe of
// EngineProbe/Sources/engine-probe/Probe.swift, its text left in memory for JavaScript to read,
// and the XOR training alone, for timing.

import Engine

/// The probe's text (UTF-8, one line per result), kept until the next run.
nonisolated(unsafe) private var output = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
/// The language probe's input, written by JavaScript.
nonisolated(unsafe) private var input = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

/// Runs the probe and returns the length of its text, which `probe_output` points to.
@_cdecl("probe_run")
public func probeRun() -> Int32 {
    var text: String
    do throws(EngineError) {
        text = try Probe.lines().joined(separator: "\n") + "\n"
    } catch {
        text = "error: \(error.description)\n"
    }
    return keep(text)
}

/// Keeps `text` as the output and returns its length in bytes.
private func keep(_ text: String) -> Int32 {
    output.deallocate()
    let bytes = Array(text.utf8)
    output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = output.initialize(from: bytes)
    return Int32(bytes.count)
}

/// A buffer of `count` bytes for JavaScript to write the language probe's input into.
@_cdecl("probe_input")
public func probeInput(_ count: Int32) -> UnsafeMutablePointer<UInt8>? {
    input.deallocate()
    input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Int(count))
    return input.baseAddress
}

/// Runs the blocks in the input buffer (LanguageProbe) and returns the length of the text,
/// which `probe_output` points to.
@_cdecl("probe_language")
public func probeLanguage(_ count: Int32) -> Int32 {
    let text = LanguageProbe.output(String(decoding: UnsafeBufferPointer(rebasing: input[..<Int(count)]), as: UTF8.self))
    return keep(text)
}

@_cdecl("probe_output")
public func probeOutput() -> UnsafeMutablePointer<UInt8>? {
    output.baseAddress
}

/// Trains the XOR network for `steps` steps and returns its last loss (NaN on an error).
@_cdecl("probe_train_xor")
public func probeTrainXOR(_ steps: Int32) -> Double {
    do throws(EngineError) {
        return try Probe.trainXOR(steps: Int(steps)).loss
    } catch {
        return .nan
    }
}
