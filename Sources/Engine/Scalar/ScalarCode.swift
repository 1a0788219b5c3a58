/// Programs lowered for running: three-address instructions over one table of
/// temporaries, which holds the inputs, then the constants, then each instruction's result.
///
/// The postfix steps of a `ScalarProgram` pushed every input and constant onto a stack and
/// popped them again, one dispatch per step; here each operand is one read from the table,
/// the same for an input, a constant or an earlier result, and only operations are
/// dispatched. `3.7 * x * (1 - x)` is three instructions instead of seven steps: 328 to 315
/// instructions a node in the "scalar graphs (nodes/s)" row (`make bench-instructions`).
struct ScalarCode: Sendable {
    struct Instruction: Sendable {
        let operation: ScalarOperation
        /// Where the operands are in the table (`b` is `a` for `.negate`); the result goes to
        /// `resultBase + n` for instruction `n`.
        let a: Int32
        let b: Int32
    }

    let instructions: [Instruction]
    /// The numbers of temporaries `inputCount..<resultBase`.
    let constants: [Double]
    let inputCount: Int
    /// Where in the table each program's result is (an input or a constant for a program
    /// with no operation), and the end of its instructions.
    let results: [Int32]
    let ends: [Int]

    var resultBase: Int { inputCount + constants.count }
    var temporaryCount: Int { resultBase + instructions.count }

    /// Lowers `programs` (postfix steps whose `.input(k)` is temporary `k`), one after another.
    init(inputCount: Int, _ programs: [[ScalarProgram.Step]]) {
        enum Source: Hashable {
            case input(Int)
            /// By bit pattern, so that 0 and -0 stay apart.
            case constant(UInt64)
            case result(Int)
        }
        var lowered: [(operation: ScalarOperation, a: Source, b: Source)] = []
        var constants: [UInt64] = [], results: [Source] = [], ends: [Int] = []
        for steps in programs {
            var stack: [Source] = []
            for step in steps {
                switch step {
                case .input(let k):
                    stack.append(.input(k))
                case .constant(let x):
                    if !constants.contains(x.bitPattern) { constants.append(x.bitPattern) }
                    stack.append(.constant(x.bitPattern))
                case .apply(.negate):
                    let a = stack.removeLast()
                    lowered.append((.negate, a, a))
                    stack.append(.result(lowered.count - 1))
                case .apply(let operation):
                    let b = stack.removeLast(), a = stack.removeLast()
                    lowered.append((operation, a, b))
                    stack.append(.result(lowered.count - 1))
                }
            }
            results.append(stack[0])
            ends.append(lowered.count)
        }
        let resultBase = inputCount + constants.count
        func index(_ source: Source) -> Int32 {
            switch source {
            case .input(let k): return Int32(k)
            case .constant(let bits): return Int32(inputCount + constants.firstIndex(of: bits)!)
            case .result(let n): return Int32(resultBase + n)
            }
        }
        instructions = lowered.map { Instruction(operation: $0.operation, a: index($0.a), b: index($0.b)) }
        self.constants = constants.map(Double.init(bitPattern:))
        self.inputCount = inputCount
        self.results = results.map(index)
        self.ends = ends
    }
}

/// A temporary while code runs onto a tape: a number and where it stands, in 16 bytes. The
/// code is an entry of the tape (0 and up), no history (-1), or an operand given from
/// outside, `externals[-2 - code]` (a variable, or a node of another graph), which is
/// entered (imported, or as a constant) where an operation uses it.
struct ScalarTemporary {
    var number: Double
    var code: Int32

    static let noHistory: Int32 = -1

    /// The temporary for `operand`, given from outside as `externals[k]`.
    @inline(__always)
    init(_ operand: ScalarOperand, external k: Int, on tape: UnsafeMutableRawPointer) {
        number = operand.number
        switch operand.kind {
        case .scalar: code = Self.noHistory
        case .scalarNode where operand.object?.toOpaque() == tape: code = operand.index
        default: code = -2 - Int32(truncatingIfNeeded: k)
        }
    }

    @inline(__always)
    init(number: Double, code: Int32) {
        self.number = number
        self.code = code
    }
}

// SPI like the operands it enters: Embedded Swift (the WebAssembly build, docs/wasm.md)
// allows the SPI conformance `ScalarOperand: TapeOperand` only in SPI code.
@_spi(Runtime) extension Tape {
    /// Runs `instructions[start..<end]` of code whose results begin at `resultBase`, on
    /// `temporaries`, appending to this tape exactly what `ScalarRecorder.record` would for
    /// each operation. False at a zero divisor, before that division is recorded. The caller
    /// has made sure the tape has room for every entry.
    @inline(__always)
    func run(_ instructions: UnsafeBufferPointer<ScalarCode.Instruction>, _ start: Int, _ end: Int, resultBase: Int,
             _ temporaries: UnsafeMutablePointer<ScalarTemporary>, externals: UnsafePointer<ScalarOperand>) -> Bool {
        var n = start
        while n < end {
            let instruction = instructions[n]
            let x = temporaries[Int(instruction.a)], y = temporaries[Int(instruction.b)]
            let result = temporaries + (resultBase &+ n)
            n &+= 1
            if instruction.operation == .negate {
                let value = instruction.operation.value(x.number, x.number)
                result.pointee = ScalarTemporary(
                    number: value, code: x.code == ScalarTemporary.noHistory ? x.code : append(.negate, entry(x, externals), -1, scalar: value))
                continue
            }
            if instruction.operation == .divide && y.number == 0 { return false }
            let value = instruction.operation.value(x.number, y.number)
            guard x.code != ScalarTemporary.noHistory || y.code != ScalarTemporary.noHistory else {
                result.pointee = ScalarTemporary(number: value, code: ScalarTemporary.noHistory)
                continue
            }
            // The inputs are entered in the order `Tensor.record` enters them.
            let first = entry(x, externals)
            let second = entry(y, externals)
            result.pointee = ScalarTemporary(number: value, code: append(instruction.operation.op, first, second, scalar: value))
        }
        return true
    }

    /// The entry for a temporary: its own when it is on this tape already, else as
    /// `entry(for:)` enters the operand it stands for. Transparent, because the compiler
    /// kept it out of line when it was only `@inline(__always)`, and the scalar graphs row
    /// took 400 instructions a node instead of 345 (`make bench-instructions`).
    @_transparent
    private func entry(_ temporary: ScalarTemporary, _ externals: UnsafePointer<ScalarOperand>) -> Int32 {
        if temporary.code >= 0 { return temporary.code }
        if temporary.code == ScalarTemporary.noHistory { return entry(for: ScalarRecorder.constant(temporary.number)) }
        return entry(for: externals[Int(-2 - temporary.code)])
    }
}
