import Foundation
import Testing
@testable import Engine

/// The matrix product's kernels run on AVX-512, AVX2 or the x86-64 baseline, whichever the CPU
/// has (CHAINRULE_KERNEL forces one): every path gives the same bits, for the small products
/// (one row at a time) and the blocked ones (8x16 tiles, edges, accumulation), so a notebook
/// records the same outputs on every machine.
@Suite(.serialized) struct KernelPathTests {
    static func product(_ m: Int, _ k: Int, _ n: Int, seed: UInt64, transposedB: Bool) throws -> [UInt64] {
        var generator = RandomGenerator(seed: seed)
        let a = generator.uniformArray(Shape([m, k]), -1, 1)
        let b = generator.uniformArray(transposedB ? Shape([n, k]) : Shape([k, n]), -1, 1)
        // Through the engine, as a notebook's @ and Linear reach it, including the transposed
        // operand of a gradient.
        let result = transposedB ? try NDArray.matmul(a, b.transposed()) : try NDArray.matmul(a, b)
        return result.values.map(\.bitPattern)
    }

    @Test func everyPathGivesTheSameBits() throws {
        let shapes: [(Int, Int, Int)] = [(2, 3, 4), (3, 40, 37), (4, 64, 9), (70, 90, 50), (129, 257, 33), (16, 300, 17)]
        defer { MatrixMultiply.selectInstructionSet(nil) }
        let paths = Self.pathsOfThisCPU()
        for (index, (m, k, n)) in shapes.enumerated() {
            for transposed in [false, true] {
                var reference: [UInt64]?
                for path in paths {
                    MatrixMultiply.selectInstructionSet(path)
                    #expect(MatrixMultiply.instructionSet == path)
                    let bits = try Self.product(m, k, n, seed: UInt64(index), transposedB: transposed)
                    if let reference {
                        #expect(bits == reference, "\(m)x\(k) @ \(k)x\(n), transposed \(transposed): \(path) differs from \(paths[0])")
                    } else {
                        reference = bits
                    }
                }
            }
        }
    }

    /// exp, tanh and the logistic function over tensors run in CKernels, on each path: every
    /// element must be the bits the same function gives a lone number, for
    /// random inputs across the whole range and the edges (overflow, underflow, subnormal
    /// results, the 0.55 switch of tanh, signed zeros, infinities, NaN).
    @Test func elementaryFunctionsOverTensorsMatchTheScalarCodeOnEveryPath() throws {
        var generator = RandomGenerator(seed: 11)
        var inputs = generator.uniformArray(Shape([4000]), -40, 40).values
        inputs += generator.uniformArray(Shape([2000]), -1, 1).values
        inputs += generator.uniformArray(Shape([2000]), -800, 800).values
        inputs += [0, -0.0, 0.55, -0.55, 0.55.nextUp, 0.55.nextDown, 19.1, -19.1, 709.78, 709.79, -745.13, -745.14, -708.5,
                   -740, 1e-300, -1e-300, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                   .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        let array = NDArray(shape: Shape([inputs.count]), values: inputs)
        defer { MatrixMultiply.selectInstructionSet(nil) }
        let paths = Self.pathsOfThisCPU()
        let functions: [(String, (Tensor) -> Tensor)] = [("exp", { $0.exp() }), ("tanh", { $0.tanh() }), ("sigmoid", { $0.sigmoid() })]
        for path in paths {
            MatrixMultiply.selectInstructionSet(path)
            for (name, function) in functions {
                let values = function(Tensor(array)).value.values
                for (x, y) in zip(inputs, values) {
                    let expected = function(Tensor(x)).scalar!
                    #expect(y.bitPattern == expected.bitPattern || (y.isNaN && expected.isNaN),
                            "\(name) of \(x) on \(path): \(y) instead of \(expected)")
                }
            }
        }
    }

    /// The kernels' paths this CPU can run, from the baseline up to the best it has.
    static func pathsOfThisCPU() -> [String] {
        MatrixMultiply.selectInstructionSet(nil)
        let best = MatrixMultiply.instructionSet
        var paths = ["baseline"]
        if best != "baseline" { paths.append("avx2") }
        if best == "avx512" { paths.append("avx512") }
        return paths
    }
}
