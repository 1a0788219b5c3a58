import Diagnostics

/// The limits a notebook runs under, so no notebook can hang or exhaust the machine.
/// Defaults here; a notebook may change them in its front matter, within the hard caps.
public struct ExecutionLimits: Hashable, Sendable {
    /// Wall-clock seconds for the whole notebook.
    public var timeBudget: Double = 60
    /// Nested function calls.
    public var recursionDepth = 1_000
    /// Elements of one tensor.
    public var tensorElements = 1 << 27
    /// Characters one block may display.
    public var outputCharacters = 1_000_000
    /// Operations one computation graph holds without a backward pass before its history
    /// is cut (with a warning).
    public var graphOperations = 1_000_000

    public init() {}

    /// The highest value each limit may be raised to.
    public static let caps: ExecutionLimits = {
        var caps = ExecutionLimits()
        caps.timeBudget = 3_600
        caps.recursionDepth = 10_000
        caps.tensorElements = 1 << 30
        caps.outputCharacters = 20_000_000
        caps.graphOperations = 50_000_000
        return caps
    }()
}

/// Tracks a running notebook against its time budget and recursion limit.
final class ExecutionBudget {
    let limits: ExecutionLimits
    private var deadline: UInt64
    private var ticks = 0
    var depth = 0
    /// The stack of the thread running the current block.
    var stack = StackGuard()

    init(limits: ExecutionLimits) {
        self.limits = limits
        self.deadline = MonotonicClock.nanoseconds &+ UInt64(limits.timeBudget * 1e9)
    }

    /// The whole budget again, from now.
    func restart() {
        deadline = MonotonicClock.nanoseconds &+ UInt64(limits.timeBudget * 1e9)
    }

    /// Called on every loop iteration and function call; reads the clock every 1,024 ticks.
    @inline(__always)
    func tick(at range: SourceRange?) throws(RuntimeError) {
        try tick(1, at: range)
    }

    /// `count` ticks at once, for a loop that runs that many passes between two calls.
    @inline(__always)
    func tick(_ count: Int, at range: SourceRange?) throws(RuntimeError) {
        let before = ticks
        ticks &+= count
        if before >> 10 != ticks >> 10 { try checkClock(at: range) }
    }

    func checkClock(at range: SourceRange?) throws(RuntimeError) {
        if MonotonicClock.nanoseconds > deadline {
            throw RuntimeError(
                "the notebook ran past its time budget of \(Self.seconds(limits.timeBudget))", at: range,
                notes: [.init("set a larger budget in the front matter, e.g. 'timeout: 120' (at most \(Self.seconds(ExecutionLimits.caps.timeBudget)))")])
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
