extension NDArray {
    /// A function computed by the engine's own elementary functions.
    enum Elementary {
        case exp, tanh, sigmoid
    }

    /// `function` of every element, in a plain loop per function: with the function body
    /// inlined and branch-free, LLVM vectorises it (a closure call per element would not be).
    func applying(_ function: Elementary) -> NDArray {
        if case .scalar(let x) = storage {
            switch function {
            case .exp: return NDArray(ElementaryFunctions.exp(x))
            case .tanh: return NDArray(ElementaryFunctions.tanh(x))
            case .sigmoid: return NDArray(ElementaryFunctions.sigmoid(x))
            }
        }
        return withUnsafeBufferPointer { source in
            NDArray.build(shape) { out in
                guard let input = source.baseAddress, let output = out.baseAddress else { return }
                let count = source.count
                switch function {
                case .exp: for i in 0..<count { output[i] = ElementaryFunctions.exp(input[i]) }
                case .tanh: for i in 0..<count { output[i] = ElementaryFunctions.tanh(input[i]) }
                case .sigmoid: for i in 0..<count { output[i] = ElementaryFunctions.sigmoid(input[i]) }
                }
            }
        }
    }
}
