import Engine

// A 2-2-1 network learns XOR with the engine's layers, loss and optimizer, and the gradient
// of a hand-written function is checked against central differences.
var generator = RandomGenerator(seed: 7)
let network = Sequential([Linear(inputs: 2, outputs: 4, generator: &generator), Activation(.tanh),
                          Linear(inputs: 4, outputs: 1, generator: &generator), Activation(.sigmoid)], seed: 7)
let inputs = Tensor(NDArray(rows: [[0, 0], [0, 1], [1, 0], [1, 1]]))
let targets = Tensor(NDArray(rows: [[0], [1], [1], [0]]))
let optimizer = SGD(parameters: network.parameters, learningRate: 0.5, momentum: 0.9)
var loss = 0.0
for _ in 0..<500 {
    optimizer.zeroGrad()
    let error = try Loss.meanSquaredError(try network(inputs), targets)
    try error.backward()
    optimizer.step()
    loss = error.scalar!
}
let x = Variable(NDArray(shape: Shape([3]), values: [0.5, -1, 2]))
let mismatch = try GradientCheck.worstMismatch([("x", x)]) { try (x.tensor.tanh() * x.tensor).sum() }
print("loss after 500 steps: \(loss)")
print("gradient check: \(mismatch == nil ? "agrees" : "disagrees")")
guard loss < 0.05, mismatch == nil else { fatalError("the engine did not learn XOR, or its gradient disagrees") }
