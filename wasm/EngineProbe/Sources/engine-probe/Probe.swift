@_spi(Runtime) import Engine

/// What the engine computes, as lines of exact bits, the same program natively
/// (main.swift) and in WebAssembly (wasm/Entry.swift): Tests/Wasm/run.sh compares the two
/// line for line. Every number is written as the 16 hex digits of its IEEE 754 bit pattern,
/// so two lines agree only when the numbers are the same bits.
///
/// It covers what a notebook's training leans on: the XOR network of
/// examples/engine-client (layers, tanh and sigmoid over arrays, the small-matrix product,
/// mean squared error, SGD with momentum, the backward pass), gradient checks, the blocked
/// matrix product, the elementwise functions over a range of inputs, log and pow (from the
/// C library: glibc natively, wasi-libc in WebAssembly), `train` with shuffled mini-batches,
/// cross-entropy and Adam, and the scalar recorder against tensor arithmetic.
enum Probe {
    static func lines() throws(CallbackError) -> [String] {
        var out: [String] = []

        // XOR: examples/engine-client's network and loop, with the loss every 50 steps.
        let xor = try trainXOR(steps: 500) { step, loss in
            if step % 50 == 0 || step == 499 { out.append("xor loss step \(step) \(hex(loss))") }
        }
        for (name, variable) in xor.network.namedParameters {
            out.append("xor parameter \(name) \(hex(variable.value))")
        }
        let predictions = try xor.network(Tensor(xorInputs))
        out.append("xor predictions \(hex(predictions.value))")

        // Gradients of a hand-written function, and its check against central differences.
        let x = Variable(NDArray(shape: Shape([3]), values: [0.5, -1, 2]))
        let f = try (x.tensor.tanh() * x.tensor).sum()
        try f.backward()
        out.append("gradient value \(hex(f.scalar!)) grad \(hex(x.grad!))")
        let mismatch = try GradientCheck.worstMismatch([(name: "x", variable: x)]) { () throws(CallbackError) -> Tensor in
            try (x.tensor.tanh() * x.tensor).sum()
        }
        out.append("gradient check \(mismatch == nil ? "agrees" : "disagrees")")
        let networkMismatch = try GradientCheck.worstMismatch(
            xor.network, inputs: xorInputs, targets: xorTargets, loss: .meanSquaredError)
        out.append("gradient check of the XOR network \(networkMismatch == nil ? "agrees" : "disagrees")")

        // The blocked product (packing, 8x16 kernel, split in halves): 96x80 times 80x72.
        var generator = RandomGenerator(seed: 11)
        let a = generator.uniformArray(Shape([96, 80]), -1, 1)
        let b = generator.uniformArray(Shape([80, 72]), -1, 1)
        let product = try Tensor.matmul(Tensor(a), Tensor(b)).value
        out.append("matmul 96x80x72 digest \(digest(product)) first \(hex(product[flat: 0])) last \(hex(product[flat: product.count - 1]))")

        // exp, tanh and the sigmoid over arrays (the C kernels) and one at a time (Swift).
        let inputs = NDArray(shape: Shape([2001]), values: (0...2000).map { Double($0 - 1000) / 37.0 })
        let t = Tensor(inputs)
        out.append("exp digest \(digest(t.exp().value)) tanh \(digest(t.tanh().value)) sigmoid \(digest(t.sigmoid().value))")
        let lone = inputs.values.map { ElementaryFunctions.exp($0) + ElementaryFunctions.tanh($0) + ElementaryFunctions.sigmoid($0) }
        out.append("elementary scalars digest \(digest(lone))")

        // log and pow come from the C library.
        let positive = NDArray(shape: Shape([1000]), values: (1...1000).map { Double($0) * 0.0137 })
        let p = Tensor(positive)
        out.append("log digest \(digest(p.log().value)) pow 0.5 \(digest(p.pow(0.5).value)) pow 2.7 \(digest(p.pow(2.7).value))")

        // `train`: softmax cross-entropy, Adam, shuffled mini-batches of 8.
        var data = RandomGenerator(seed: 3)
        let samples = data.normalArray(Shape([40, 3]))
        let labels = NDArray(shape: Shape([40]), values: (0..<40).map { i in
            samples[i, 0] + samples[i, 1] > 0 ? 1 : (samples[i, 2] > 0.5 ? 2 : 0)
        })
        var layers = RandomGenerator(seed: 5)
        let classifier = Sequential([Linear(inputs: 3, outputs: 8, generator: &layers), Activation(.relu),
                                     Linear(inputs: 8, outputs: 3, generator: &layers)], seed: 5)
        let adam = Adam(parameters: classifier.parameters, learningRate: 0.05)
        let history = try classifier.train(inputs: samples, targets: labels, loss: .crossEntropy, optimizer: adam,
                                           epochs: 30, batchSize: 8)
        out.append("train losses \(digest(history.loss)) last \(hex(history.loss.last!)) accuracy \(hex(history.accuracy!.last!))")
        out.append("train parameters \(digest(classifier.parameters.flatMap { $0.value.values }))")

        // The scalar recorder (the interpreter's path for numbers) and tensor arithmetic.
        let s = Variable(0.7)
        var recorder = ScalarRecorder()
        let operand = ScalarRecorder.operand(s)!
        let square = recorder.record(.multiply, operand, operand)
        let sum = recorder.record(.add, square, recorder.record(.multiply, ScalarRecorder.constant(3), operand))
        let quotient = recorder.record(.divide, sum, recorder.record(.subtract, ScalarRecorder.constant(5), operand))
        let scalarResult = recorder.tensor(quotient)
        try scalarResult.backward()
        let scalarGrad = s.grad!.scalar!
        s.zeroGrad()
        let tensorResult = try (s.tensor * s.tensor + Tensor(3) * s.tensor) / (Tensor(5) - s.tensor)
        try tensorResult.backward()
        out.append("scalar path value \(hex(scalarResult.scalar!)) grad \(hex(scalarGrad))")
        out.append("tensor path value \(hex(tensorResult.scalar!)) grad \(hex(s.grad!.scalar!))")
        return out
    }

    static let xorInputs = NDArray(rows: [[0, 0], [0, 1], [1, 0], [1, 1]])
    static let xorTargets = NDArray(rows: [[0], [1], [1], [0]])

    /// examples/engine-client's XOR: a 2-4-1 network, tanh then sigmoid, mean squared error,
    /// SGD with momentum; `observe(step, loss)` after each step. The timing runs this too.
    static func trainXOR(
        steps: Int, observe: (Int, Double) -> Void = { _, _ in }
    ) throws(EngineError) -> (network: Sequential, loss: Double) {
        var generator = RandomGenerator(seed: 7)
        let network = Sequential([Linear(inputs: 2, outputs: 4, generator: &generator), Activation(.tanh),
                                  Linear(inputs: 4, outputs: 1, generator: &generator), Activation(.sigmoid)], seed: 7)
        let inputs = Tensor(xorInputs), targets = Tensor(xorTargets)
        let optimizer = SGD(parameters: network.parameters, learningRate: 0.5, momentum: 0.9)
        var loss = 0.0
        for step in 0..<steps {
            optimizer.zeroGrad()
            let error = try Loss.meanSquaredError(try network(inputs), targets)
            try error.backward()
            optimizer.step()
            loss = error.scalar!
            observe(step, loss)
        }
        return (network, loss)
    }

    /// The 16 hex digits of `x`'s bits.
    static func hex(_ x: Double) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bits = x.bitPattern
        var text = [UInt8](repeating: 0, count: 16)
        for i in (0..<16).reversed() {
            text[i] = digits[Int(bits & 15)]
            bits >>= 4
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func hex(_ array: NDArray) -> String {
        array.values.map { hex($0) }.joined(separator: " ")
    }

    /// FNV-1a over the bits of every element, in order.
    static func digest(_ values: [Double]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            var bits = value.bitPattern
            for _ in 0..<8 {
                hash = (hash ^ (bits & 0xff)) &* 0x100_0000_01b3
                bits >>= 8
            }
        }
        return hex(Double(bitPattern: hash))
    }

    static func digest(_ array: NDArray) -> String { digest(array.values) }
}
