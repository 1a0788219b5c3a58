import Testing
@testable import Engine

@Suite struct NDArrayTests {
    @Test func broadcastingFollowsNumpy() throws {
        let a = NDArray(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(try (a + NDArray([10, 20, 30])).values == [11, 22, 33, 14, 25, 36])
        #expect(try (a * NDArray(shape: [2, 1], values: [2, 3])).values == [2, 4, 6, 12, 15, 18])
        #expect(try (NDArray(shape: [3, 1], values: [1, 2, 3]) + NDArray([10, 20])).shape == [3, 2])
        #expect(Shape.broadcast([2, 1, 4], [3, 1]) == [2, 3, 4])
        #expect(throws: EngineError.self) { try a + NDArray([1, 2]) }
    }

    @Test func shapeMismatchNamesBothShapes() {
        do {
            _ = try NDArray.matmul(NDArray(rows: [[1, 2], [3, 4]]), NDArray([1, 2, 3]))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("[2, 2]") && error.description.contains("[3]"))
        }
    }

    @Test func summingBackToABroadcastShape() {
        let g = NDArray(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        #expect(g.summed(toShape: [3]).values == [5, 7, 9])
        #expect(g.summed(toShape: [2, 1]).values == [6, 15])
        #expect(g.summed(toShape: .scalar).values == [21])
    }

    @Test func reductionsAlongAxes() throws {
        let a = NDArray(shape: [2, 3], values: [1, 5, 3, 4, 2, 6])
        #expect(try a.sum(axis: 0).values == [5, 7, 9])
        #expect(try a.sum(axis: -1, keepingAxis: true).shape == [2, 1])
        #expect(try a.mean(axis: 1).values == [3, 4])
        let (maxima, indices) = try a.extremum(axis: 1, greater: true)
        #expect(maxima.values == [5, 6] && indices == [1, 2])
        #expect(a.argmin().index == 0)
        #expect(throws: EngineError.self) { try a.sum(axis: 2) }
    }

    @Test func indexingAndSlicing() throws {
        let a = NDArray(shape: [3, 4], values: (0..<12).map(Double.init))
        #expect(a.gathering(try NDArray.resolve([.index(-1)], in: a.shape)).values == [8, 9, 10, 11])
        #expect(a.gathering(try NDArray.resolve([.all, .index(1)], in: a.shape)).values == [1, 5, 9])
        let rows = try NDArray.resolve([.slice(start: 0, end: 3, step: 2), .slice(start: -2, end: nil, step: 1)], in: a.shape)
        #expect(a.gathering(rows).shape == [2, 2])
        #expect(a.gathering(rows).values == [2, 3, 10, 11])
        #expect(throws: EngineError.indexOutOfRange(index: 3, axis: 0, size: 3)) {
            try NDArray.resolve([.index(3)], in: a.shape)
        }
    }

    @Test func concatenationAndTranspose() throws {
        let a = NDArray(rows: [[1, 2], [3, 4]]), b = NDArray(rows: [[5], [6]])
        #expect(try NDArray.concatenating([a, b], axis: 1).values == [1, 2, 5, 3, 4, 6])
        #expect(try NDArray.concatenating([a, a], axis: 0).shape == [4, 2])
        #expect(a.transposed().values == [1, 3, 2, 4])
        #expect(try NDArray(shape: [2, 3, 4], values: (0..<24).map(Double.init)).permuted([2, 0, 1]).shape == [4, 2, 3])
    }

    @Test func softmaxStaysFiniteForHugeInputs() throws {
        let p = try Tensor(NDArray([1000, 1001, 1002])).softmax().value
        #expect(p.isFinite)
        #expect(abs(p.sum() - 1) < 1e-12)
        let logP = try Tensor(NDArray([-1e6, 0, 1e6])).logSoftmax().value
        #expect(logP.isFinite)
        #expect(logP[2] == 0)
        let ce = try Loss.crossEntropy(Tensor(NDArray([1e4, -1e4])), Tensor(1)).scalar!
        #expect(ce == 2e4)
    }

    @Test func limitsStopHugeTensors() {
        #expect(throws: EngineError.self) { try Limits.check(Shape([1_000_000, 1_000_000])) }
        #expect(throws: EngineError.self) { try Limits.check(Shape([Int.max, 4])) }
        #expect(throws: EngineError.self) {
            try NDArray.zip(NDArray.zeros([100_000, 1]), NDArray.zeros([100_000]), operation: "addition", +)
        }
    }
}

@Suite struct MatrixMultiplyTests {
    /// Reference: the same sequential fused multiply-add chain, written plainly.
    static func reference(_ a: NDArray, _ b: NDArray) -> [Double] {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        let (va, vb) = (a.values, b.values)
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n {
            var sum = 0.0
            for p in 0..<k { sum = sum.addingProduct(va[i * k + p], vb[p * n + j]) }
            out[i * n + j] = sum
        } }
        return out
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 2), (8, 16, 8), (9, 17, 300), (64, 784, 256), (37, 513, 41), (130, 20, 19)])
    func blockedKernelIsBitIdenticalToTheSequentialChain(m: Int, k: Int, n: Int) throws {
        var generator = RandomGenerator(seed: UInt64(m * 1000 + k * 10 + n))
        let a = generator.uniformArray([m, k], -1, 1), b = generator.uniformArray([k, n], -1, 1)
        #expect(try NDArray.matmul(a, b).values == Self.reference(a, b))
    }

    @Test func transposedOperandsAndThreadsAgree() throws {
        var generator = RandomGenerator(seed: 5)
        let a = generator.uniformArray([96, 200], -1, 1), b = generator.uniformArray([150, 200], -1, 1)
        let viaTranspose = try NDArray.batched(a, transposeA: false, b, transposeB: true)
        let explicit = try NDArray.matmul(a, b.transposed())
        #expect(viaTranspose.values == explicit.values)
        // The same product on one thread and on two.
        let single = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in
            NDArray.build([96, 150]) { out in
                MatrixMultiply.blocked(m: 96, n: 150, k: 200,
                    a: .init(base: pa.baseAddress!, rowStride: 200, columnStride: 1),
                    b: .init(base: pb.baseAddress!, rowStride: 1, columnStride: 200),
                    c: out.baseAddress!, ldc: 150, accumulate: false, threads: 1)
            }
        } }
        let double = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in
            NDArray.build([96, 150]) { out in
                MatrixMultiply.blocked(m: 96, n: 150, k: 200,
                    a: .init(base: pa.baseAddress!, rowStride: 200, columnStride: 1),
                    b: .init(base: pb.baseAddress!, rowStride: 1, columnStride: 200),
                    c: out.baseAddress!, ldc: 150, accumulate: false, threads: 2)
            }
        } }
        #expect(single.values == double.values)
        #expect(single.values == explicit.values)
    }

    @Test func matmulShapes() throws {
        let m = NDArray(rows: [[1, 2], [3, 4]]), v = NDArray([1, 1])
        #expect(try NDArray.matmul(m, v).values == [3, 7])
        #expect(try NDArray.matmul(v, m).values == [4, 6])
        #expect(try NDArray.matmul(v, v).shape == .scalar)
        #expect(try NDArray.matmul(NDArray.zeros([5, 2, 3]), NDArray.zeros([3, 4])).shape == [5, 2, 4])
    }
}

@Suite struct RandomGeneratorTests {
    /// Values from an independent transcription of the reference C code of xoshiro256**
    /// seeded by SplitMix64.
    @Test func matchesTheReferenceStream() {
        var zero = RandomGenerator(seed: 0)
        #expect((0..<4).map { _ in zero.next() } == [0x99ec5f36cb75f2b4, 0xbf6e1f784956452a, 0x1a5f849d4933e6e0, 0x6aa594f1262d2d2c])
        var answer = RandomGenerator(seed: 42)
        #expect((0..<2).map { _ in answer.next() } == [0x15780b2e0c2ec716, 0x6104d9866d113a7e])
        var seven = RandomGenerator(seed: 7)
        #expect((0..<3).map { _ in seven.uniform() } == [0.7005764821796896, 0.2787512294737843, 0.8396274618764198])
    }

    @Test func drawsAreInRangeAndUnbiased() {
        var g = RandomGenerator(seed: 1)
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 { counts[g.integer(below: 3)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
        let normals = (0..<20_000).map { _ in g.normal() }
        let mean = normals.reduce(0, +) / 20_000
        let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20_000
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
        var items = Array(0..<10)
        g.shuffle(&items)
        #expect(items.sorted() == Array(0..<10) && items != Array(0..<10))
    }
}
