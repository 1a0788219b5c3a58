// The engine side of `make bench`: each command times one workload and prints one JSON
// object. `bench/run.py` runs these next to the numpy and micrograd baselines and prints
// the table. Times are the best of several repetitions, in seconds.
@_spi(Runtime) import Engine
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One training preset of the issue: layer sizes, activation, loss, batch, steps.
struct Preset {
    let sizes: [Int]
    let hidden: Activation.Function
    let output: Activation.Function?
    let loss: Loss
    let batch: Int
    let samples: Int
    let steps: Int
    let learningRate: Double

    static let all: [String: Preset] = [
        "xor": Preset(sizes: [2, 4, 1], hidden: .sigmoid, output: .sigmoid, loss: .meanSquaredError,
                      batch: 4, samples: 4, steps: 10_000, learningRate: 0.5),
        "tiny": Preset(sizes: [3, 4, 3], hidden: .sigmoid, output: .sigmoid, loss: .meanSquaredError,
                       batch: 1, samples: 10, steps: 10_000, learningRate: 0.5),
        "digits": Preset(sizes: [64, 32, 10], hidden: .tanh, output: nil, loss: .crossEntropy,
                         batch: 32, samples: 320, steps: 2_000, learningRate: 0.1),
        "wide": Preset(sizes: [784, 256, 10], hidden: .relu, output: nil, loss: .crossEntropy,
                       batch: 64, samples: 1_280, steps: 200, learningRate: 0.01),
    ]

    /// Multiply-adds of one step: forward, the weight gradients, and the gradients sent to
    /// hidden layers (none is sent to the data).
    var flopsPerStep: Double {
        var total = 0.0
        for (i, pair) in zip(sizes, sizes.dropFirst()).enumerated() {
            let product = Double(batch * pair.0 * pair.1)
            total += 2 * product * (i == 0 ? 2 : 3)
        }
        return total
    }

    func network(seed: UInt64) -> Sequential {
        var generator = RandomGenerator(seed: seed)
        var layers: [any Layer] = []
        for (i, pair) in zip(sizes, sizes.dropFirst()).enumerated() {
            layers.append(Linear(inputs: pair.0, outputs: pair.1, generator: &generator))
            if i < sizes.count - 2 { layers.append(Activation(hidden)) } else if let output { layers.append(Activation(output)) }
        }
        return Sequential(layers, seed: seed)
    }

    func data() -> (NDArray, NDArray) {
        var generator = RandomGenerator(seed: 2024)
        let inputs = generator.uniformArray(Shape([samples, sizes[0]]), -1, 1)
        let classes = sizes.last!
        if loss == .crossEntropy {
            return (inputs, NDArray((0..<samples).map { _ in Double(generator.integer(below: classes)) }))
        }
        return (inputs, generator.uniformArray(Shape([samples, classes]), 0, 1))
    }

    /// Trains for `steps` optimizer steps (whole epochs of `samples / batch` steps each).
    func run(steps: Int) throws -> Double {
        let net = network(seed: 1)
        let (x, y) = data()
        let epochs = steps / (samples / batch)
        let history = try net.train(inputs: x, targets: y, loss: loss,
                                    optimizer: SGD(parameters: net.parameters, learningRate: learningRate),
                                    epochs: epochs, batchSize: batch, shuffle: false)
        return history.loss.last ?? .nan
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(of repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<repetitions { fastest = min(fastest, try seconds(body)) }
    return fastest
}

/// Peak resident memory of this process, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576
    #else
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
    #endif
}

func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// micrograd's workload: a neuron of 16 inputs, relu(Σ wᵢxᵢ + b), built and sent backward
/// again and again, gradients cleared after each pass. 33 operation nodes per expression
/// (16 products, 16 sums, 1 relu). Built one of three ways:
/// - `.program`: the sum as one `ScalarProgram`, as the interpreter evaluates
///   `b + w0 * x0 + ...` on names bound to numbers, then relu on its tensor, as the
///   interpreter calls a built-in;
/// - `.recorder`: the sum with `ScalarRecorder`, one operation at a time;
/// - `.operators`: with tensor operators, a counted handle per result, as Swift code that
///   uses `Tensor` for everything would.
func scalarGraphs(expressions: Int, _ style: ScalarGraphStyle) throws -> Double {
    let weights = (0..<16).map { Variable(Double($0) * 0.01 - 0.05) }
    let inputs = (0..<16).map { Variable(Double($0) * 0.02 - 0.1) }
    let bias = Variable(0.1)
    // Operands name the variables without holding them; the arrays above keep them alive.
    let w = weights.map { ScalarRecorder.operand($0)! }, x = inputs.map { ScalarRecorder.operand($0)! }
    let b = ScalarRecorder.operand(bias)!
    let operands = w + x + [b]
    let program = ScalarProgram([.input(32)] + (0..<16).flatMap { i -> [ScalarProgram.Step] in
        [.input(i), .input(16 + i), .apply(.multiply), .apply(.add)]
    })
    var checksum = 0.0
    let time = try withExtendedLifetime((weights, inputs, bias)) {
        try best(of: 3) {
            for _ in 0..<expressions {
                let out: Tensor
                switch style {
                case .program:
                    var recorder = ScalarRecorder()
                    let sum = operands.withUnsafeBufferPointer { recorder.evaluate(program, $0.baseAddress!)! }
                    out = recorder.tensor(sum).relu()
                case .recorder:
                    var recorder = ScalarRecorder()
                    var sum = b
                    for i in 0..<16 { sum = recorder.record(.add, sum, recorder.record(.multiply, w[i], x[i])) }
                    out = recorder.tensor(sum).relu()
                case .operators:
                    var sum = bias.tensor
                    for i in 0..<16 { sum = try sum + weights[i].tensor * inputs[i].tensor }
                    out = sum.relu()
                }
                try out.backward()
                checksum += weights[3].grad!.scalar!
                for w in weights { w.zeroGrad() }
            }
        }
    }
    precondition(checksum.isFinite)
    return Double(expressions * 33) / time
}

enum ScalarGraphStyle: String, CaseIterable { case program, recorder, operators }

/// What an interpreter pays per arithmetic step of a notebook loop: chains of `operations`
/// scalar operations, `x = x * 0.999 + 0.5` with `x` starting as a variable, each chain on a
/// graph of its own, forward only (no backward). Each operation also records its literal as
/// a constant entry, as the interpreter's would. Chains are repeated until about four
/// million operations have run; returns nanoseconds per operation (best of five such runs).
func recordChains(operations: Int) throws -> Double {
    let start = Variable(1.0)
    let steps = Swift.max(operations / 2, 1)
    let chains = Swift.max(1, 2_000_000 / steps)
    var checksum = 0.0
    let time = try best(of: 5) {
        for _ in 0..<chains {
            var x = start.tensor
            for _ in 0..<steps { x = try x * 0.999 + 0.5 }
            checksum += x.scalar!
            Graph.closeCurrent()
        }
    }
    precondition(checksum.isFinite)
    return time * 1e9 / Double(chains * steps * 2)
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "preset":
    let name = arguments.dropFirst().first ?? ""
    guard let preset = Preset.all[name] else { fatalError("unknown preset \(name)") }
    var loss = 0.0
    let time = try best(of: 3) { loss = try preset.run(steps: preset.steps) }
    emit(["preset": name, "seconds": time, "steps": preset.steps, "loss": loss,
          "gflops": preset.flopsPerStep * Double(preset.steps) / time / 1e9])
case "scalar":
    // `scalar [EXPRESSIONS] [program|recorder|operators]`: every style unless one is named.
    let expressions = Int(arguments.dropFirst().first ?? "") ?? 200_000
    let only = arguments.dropFirst(2).first.map { name in
        guard let style = ScalarGraphStyle(rawValue: name) else { fatalError("unknown style \(name)") }
        return style
    }
    let keys: [ScalarGraphStyle: String] = [
        .program: "nodes_per_second", .recorder: "recorder_nodes_per_second", .operators: "operators_nodes_per_second",
    ]
    var fields: [String: Any] = [:]
    for style in ScalarGraphStyle.allCases where only == nil || only == style {
        fields[keys[style]!] = try scalarGraphs(expressions: expressions, style)
    }
    emit(fields)
case "record":
    let operations = Int(arguments.dropFirst().first ?? "") ?? 10_000
    emit(["chain": operations, "ns_per_operation": try recordChains(operations: operations)])
case "peak":
    // The matrix product alone, on square matrices that fit in cache: its best rate.
    var generator = RandomGenerator(seed: 3)
    let a = generator.uniformArray([512, 512]), b = generator.uniformArray([512, 512])
    let time = try best(of: 5) { _ = try NDArray.matmul(a, b) }
    emit(["matmul_gflops": 2 * 512 * 512 * 512 / time / 1e9])
case "memory":
    let steps = Int(arguments.dropFirst().first ?? "") ?? 1_000_000
    let preset = Preset(sizes: [2, 4, 1], hidden: .sigmoid, output: .sigmoid, loss: .meanSquaredError,
                        batch: 4, samples: 4, steps: steps, learningRate: 0.5)
    let time = try seconds { _ = try preset.run(steps: steps) }
    emit(["steps": steps, "seconds": time, "peak_mib": peakMemoryMiB()])
default:
    print("usage: chainrule-bench preset xor|tiny|digits|wide | scalar [EXPRESSIONS] [program|recorder|operators] | record [CHAIN_LENGTH] | memory STEPS")
    exit(64)
}
