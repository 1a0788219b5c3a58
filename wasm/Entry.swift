// The WebAssembly module's exports (wasm/build.sh links them): the probe of
// EngineProbe/Sources/engine-probe/Probe.swift, its text left in memory for JavaScript to read,
// and the XOR training alone, for timing.

import Engine

/// The probe's text (UTF-8, one line per result), kept until the next run.
nonisolated(unsafe) private var output = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

/// Runs the probe and returns the length of its text, which `probe_output` points to.
@_cdecl("probe_run")
public func probeRun() -> Int32 {
    var text: String
    do throws(EngineError) {
        text = try Probe.lines().joined(separator: "\n") + "\n"
    } catch {
        text = "error: \(error.description)\n"
    }
    output.deallocate()
    let bytes = Array(text.utf8)
    output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = output.initialize(from: bytes)
    return Int32(bytes.count)
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
