extension Tensor {
    /// d output[i] / d input for every element i of `output`, as an array of shape
    /// `output.shape + input.shape` (a gradient's Jacobian is a Hessian): one backward pass
    /// per element of the output, each over the graph as it was, so neither the graph nor any
    /// gradient it holds changes.
    public static func jacobian(of output: Tensor, withRespectTo input: Tensor) throws(EngineError) -> NDArray {
        let outputShape = output.shape, inputShape = input.shape
        let shape = Shape(outputShape.dims + inputShape.dims)
        try Limits.check(shape)
        guard output.isNode else { return NDArray(shape: shape, repeating: 0) }
        let tape = output.tape
        let target = tape.entry(for: input)
        var values = [Double](repeating: 0, count: shape.count)
        var seed = [Double](repeating: 0, count: outputShape.count)
        for i in 0..<outputShape.count {
            seed[i] = 1
            defer { seed[i] = 0 }
            guard let row = try tape.adjoints(from: output.index, seed: NDArray(shape: outputShape, values: seed), at: [target])[0] else { continue }
            row.withUnsafeBufferPointer { row in
                for j in 0..<row.count { values[i * inputShape.count + j] = row[j] }
            }
        }
        return NDArray(shape: shape, values: values)
    }
}
