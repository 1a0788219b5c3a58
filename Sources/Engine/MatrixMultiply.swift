import CKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WASILibc)
import WASILibc
#endif

/// The general matrix product `C = A B` (or `C += A B`) behind `@`, `Linear` and their gradients.
///
/// Operands are read through row and column strides, so transposed operands (`dW = dYᵀ X`)
/// cost no copy. Large products are packed into panels and computed by an 8x16 register
/// kernel (BLIS's loop order), split across cores for the biggest ones.
///
/// Determinism: every element of C is one chain of fused multiply-adds over k = 0, 1, ...
/// in order, starting from 0 (or from C when accumulating). Blocking, the small-matrix path,
/// threading and the instruction set the kernels run on (CKernels chooses AVX-512, AVX2 or
/// the baseline at run time) only change which element is computed when, never how; so
/// results are bit-identical across runs, thread counts and machines (FMA is exact per IEEE 754).
enum MatrixMultiply {
    /// A matrix operand: element (i, p) is at `base[i * rowStride + p * columnStride]`.
    struct Operand: @unchecked Sendable {
        let base: UnsafePointer<Double>
        let rowStride: Int
        let columnStride: Int

        @inline(__always)
        func at(_ i: Int, _ p: Int) -> Double { base[i &* rowStride &+ p &* columnStride] }
    }

    static let mr = 8
    static let nr = 16
    static let kc = 256
    static let mc = 128
    /// Products with fewer multiply-adds than this use the direct loops (packing costs more).
    static let directThreshold = 16 * 1024
    /// Products with more multiply-adds than this are split between two cores.
    static let parallelThreshold = 1 << 21

    /// `C[m×n] (+)= A[m×k] · B[k×n]`, C row-major with leading dimension `ldc`.
    static func multiply(
        m: Int, n: Int, k: Int, a: Operand, b: Operand,
        c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        let work = m &* n &* k
        if work < directThreshold || m < 4 {
            direct(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
            return
        }
        blocked(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate,
                threads: work > parallelThreshold ? 2 : 1)
    }

    /// Small products (the 2-4-1 networks of the notebooks): row by row, adding
    /// `a[i,p] · b[p,:]` into `c[i,:]` for p in order, so each element is still one FMA chain
    /// in k order while the inner loop runs along contiguous rows of B, 8 lanes at a time.
    static func direct(
        m: Int, n: Int, k: Int, a: Operand, b: Operand,
        c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool
    ) {
        if b.columnStride != 1 {
            // Lay B out row-major first (a transposed weight matrix, for instance).
            let packed = UnsafeMutablePointer<Double>.allocate(capacity: k * n)
            defer { packed.deallocate() }
            for p in 0..<k { for j in 0..<n { packed[p * n + j] = b.at(p, j) } }
            direct(m: m, n: n, k: k, a: a, b: Operand(base: packed, rowStride: n, columnStride: 1),
                   c: c, ldc: ldc, accumulate: accumulate)
            return
        }
        // Row by row, in the kernels of the instruction set the CPU has (see CKernels): columns
        // in blocks of 32 kept in registers across the whole k loop, then 8, then single
        // columns; the order of each chain is the same on every path.
        for i in 0..<m {
            ck_direct_row(Int64(k), Int64(n), a.base + i * a.rowStride, Int64(a.columnStride),
                          b.base, Int64(b.rowStride), c + i * ldc, accumulate ? 1 : 0)
        }
    }

    /// Threads split C by columns: each owns a range of B's panels for the whole product, so
    /// it packs only its own panels and never waits for the other between blocks of k.
    static func blocked(
        m: Int, n: Int, k: Int, a: Operand, b: Operand,
        c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool, threads: Int
    ) {
        let panelsN = (n + nr - 1) / nr
        let parts = threads > 1 && panelsN > 1 ? 2 : 1
        let target = SharedPointer(c)
        let run: @Sendable (Int) -> Void = { part in
            let c = target.pointer
            let firstPanel = part * panelsN / parts
            let lastPanel = (part + 1) * panelsN / parts
            let firstColumn = firstPanel * nr
            let columns = min(n, lastPanel * nr) - firstColumn
            let packedB = UnsafeMutablePointer<Double>.allocate(capacity: (lastPanel - firstPanel) * nr * min(kc, k))
            defer { packedB.deallocate() }
            let packedA = UnsafeMutablePointer<Double>.allocate(capacity: ((min(mc, m) + mr - 1) / mr) * mr * min(kc, k))
            defer { packedA.deallocate() }
            var pc = 0
            while pc < k {
                let depth = min(kc, k - pc)
                packB(b, rowStart: pc, depth: depth, columnStart: firstColumn, n: columns, into: packedB)
                let load = accumulate || pc > 0
                var ic = 0
                while ic < m {
                    let rows = min(mc, m - ic)
                    packA(a, rowStart: ic, rows: rows, columnStart: pc, depth: depth, into: packedA)
                    for panel in firstPanel..<lastPanel {
                        let jr = panel * nr
                        let width = min(nr, n - jr)
                        var ir = 0
                        while ir < rows {
                            let height = min(mr, rows - ir)
                            kernel(depth: depth, a: packedA + ir * depth, b: packedB + (panel - firstPanel) * nr * depth,
                                   c: c + (ic + ir) * ldc + jr, ldc: ldc, rows: height, columns: width, load: load)
                            ir += mr
                        }
                    }
                    ic += mc
                }
                pc += depth
            }
        }
        if parts > 1 {
            ProductWorker.runHalves(run)
        } else {
            run(0)
        }
    }

    /// B's rows `rowStart..<rowStart+depth`, columns `columnStart..<columnStart+n`, as
    /// column panels of width `nr`, each stored row by row and padded with zeros.
    static func packB(
        _ b: Operand, rowStart: Int, depth: Int, columnStart: Int, n: Int, into out: UnsafeMutablePointer<Double>
    ) {
        var panel = 0
        while panel * nr < n {
            let jr = panel * nr
            let columns = min(nr, n - jr)
            let base = out + panel * nr * depth
            if b.columnStride == 1 {
                for p in 0..<depth {
                    let row = base + p * nr
                    row.update(from: b.base + (rowStart + p) * b.rowStride + columnStart + jr, count: columns)
                    if columns < nr { (row + columns).update(repeating: 0, count: nr - columns) }
                }
            } else {
                // A transposed B (a weight matrix): read each column along its contiguous run
                // (the panel, at most kc·nr numbers, stays in L1 while it is written).
                for j in 0..<columns {
                    let offset: Int = rowStart &* b.rowStride &+ (columnStart &+ jr &+ j) &* b.columnStride
                    let source = b.base + offset
                    let target = base + j
                    if b.rowStride == 1 {
                        for p in 0..<depth { target[p &* nr] = source[p] }
                    } else {
                        for p in 0..<depth { target[p &* nr] = source[p &* b.rowStride] }
                    }
                }
                if columns < nr {
                    for p in 0..<depth { (base + p * nr + columns).update(repeating: 0, count: nr - columns) }
                }
            }
            panel += 1
        }
    }

    /// A's block as row panels of height `mr`, each stored column by column, zero-padded.
    static func packA(
        _ a: Operand, rowStart: Int, rows: Int, columnStart: Int, depth: Int,
        into out: UnsafeMutablePointer<Double>
    ) {
        var ir = 0
        while ir < rows {
            let height = min(mr, rows - ir)
            let base = out + ir * depth
            if a.columnStride == 1 {
                // Row-major A (a batch of inputs): read each row along its contiguous run.
                for i in 0..<height {
                    let offset: Int = (rowStart &+ ir &+ i) &* a.rowStride &+ columnStart
                    let source = a.base + offset
                    let target = base + i
                    for p in 0..<depth { target[p &* mr] = source[p] }
                }
                if height < mr {
                    for p in 0..<depth { (base + (p &* mr &+ height)).update(repeating: 0, count: mr - height) }
                }
            } else {
                for p in 0..<depth {
                    let column = base + p * mr
                    for i in 0..<height { column[i] = a.at(rowStart + ir + i, columnStart + p) }
                    if height < mr { (column + height).update(repeating: 0, count: mr - height) }
                }
            }
            ir += mr
        }
    }

    /// A pointer handed to worker threads that write disjoint parts of what it points to.
    struct SharedPointer: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Double>
        init(_ pointer: UnsafeMutablePointer<Double>) { self.pointer = pointer }
    }

    /// An 8x16 tile of C from packed panels; edge tiles go through a scratch tile.
    @inline(__always)
    static func kernel(
        depth: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
        c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, columns: Int, load: Bool
    ) {
        if rows == mr && columns == nr {
            ck_kernel8x16(Int64(depth), a, b, c, Int64(ldc), load ? 1 : 0)
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: mr * nr) { tile in
            let t = tile.baseAddress!
            if load {
                t.update(repeating: 0, count: mr * nr)   // no stray denormals in the unused lanes
                for i in 0..<rows { for j in 0..<columns { t[i * nr + j] = c[i * ldc + j] } }
            }
            ck_kernel8x16(Int64(depth), a, b, t, Int64(nr), load ? 1 : 0)
            for i in 0..<rows { for j in 0..<columns { c[i * ldc + j] = t[i * nr + j] } }
        }
    }

    /// The instruction set the kernels run on (for `make bench` and the tests that compare
    /// the paths): `avx512`, `avx2` or `baseline`.
    public static var instructionSet: String { ["baseline", "avx2", "avx512"][Int(ck_path()) - 1] }

    /// Runs the kernels on `name`'s instruction set from now on (nil: the best the CPU has),
    /// as `CHAINRULE_KERNEL` does at start; for tests that compare the paths' bits.
    static func selectInstructionSet(_ name: String?) {
        if let name { setenv("CHAINRULE_KERNEL", name, 1) } else { unsetenv("CHAINRULE_KERNEL") }
        ck_reselect()
    }
}
