import Engine

// The probe natively: `engine-probe` prints Probe.lines() (what Tests/Wasm/run.sh compares
// with the WebAssembly module's); `engine-probe time STEPS REPEAT` prints the best time, in
// seconds, of REPEAT runs of the XOR training for STEPS steps, as Tests/Wasm/run.mjs times
// the module's; `engine-probe language` runs the blocks on standard input (LanguageProbe).
let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "time", let steps = Int(arguments[2]), let repeats = Int(arguments[3]) {
    var best = Double.infinity
    var loss = 0.0
    for _ in 0..<repeats {
        let clock = ContinuousClock()
        let start = clock.now
        loss = try Probe.trainXOR(steps: steps).loss
        let elapsed = start.duration(to: clock.now).components
        best = min(best, Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }
    print("native xor \(steps) steps: best of \(repeats) \(best) s (loss \(Probe.hex(loss)))")
} else if arguments.count == 2, arguments[1] == "language" {
    var input = ""
    while let line = readLine(strippingNewline: false) { input += line }
    print(LanguageProbe.output(input), terminator: "")
} else {
    for line in try Probe.lines() { print(line) }
}
