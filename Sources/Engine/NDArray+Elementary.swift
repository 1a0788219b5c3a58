import CKernels
extension NDArray {
    /// A function computed by the engine's own elementary functions.
    enum Elementary {
        case exp, tanh, sigmoid
    }

    /// `function` of every element.
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
                // In CKernels, compiled for each instruction set (as wide as the CPU allows),
                // with the same arithmetic as ElementaryFunctions.
                switch function {
                case .exp: ck_exp(input, output, Int64(count))
                case .tanh: ck_tanh(input, output, Int64(count))
                case .sigmoid: ck_sigmoid(input, output, Int64(count))
                }
            }
        }
    }
}
