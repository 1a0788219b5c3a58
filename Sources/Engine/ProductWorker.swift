#if !hasFeature(Embedded)
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization
#endif

/// Runs the two halves of a large matrix product at once: one on the calling thread, one on
/// a helper thread that lives as long as the process.
///
/// A training step hands over several products a millisecond, and waking a sleeping thread
/// (as `DispatchQueue.concurrentPerform` does for every call) cost tens of microseconds on
/// a virtual machine, a tenth of the run. So the helper spins for a while after each half,
/// ready for the next, and sleeps on a condition variable only when none comes. One caller
/// at a time: a thread that finds the helper busy (another notebook's product) runs both
/// halves itself, which gives the same numbers (see `MatrixMultiply`, "Determinism").
enum ProductWorker {
    /// Runs `body(0)` and `body(1)`, concurrently when the helper is free.
    static func runHalves(_ body: @escaping @Sendable (Int) -> Void) {
        #if hasFeature(Embedded)
        // The embedded build for WebAssembly runs one thread (docs/wasm.md).
        body(0)
        body(1)
        #else
        if #available(macOS 15, *) {
            guard Helper.shared.run(body) else {
                body(0)
                body(1)
                return
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: 2, execute: body)
        }
        #endif
    }
}

#if !hasFeature(Embedded)
@available(macOS 15, *)
private final class Helper: @unchecked Sendable {
    static let shared = Helper()

    /// How long the helper waits for the next half before going to sleep, in nanoseconds:
    /// longer than the gaps between the products of a training step, short enough that a
    /// finished computation leaves the core alone almost at once.
    static let spinNanoseconds: UInt64 = 2_000_000

    /// Counts halves handed over; the helper runs one each time it changes.
    private let requested = Atomic<Int>(0)
    /// The last `requested` count the helper has finished.
    private let finished = Atomic<Int>(0)
    /// Held by the caller using the helper.
    private let busy = Atomic<Bool>(false)
    /// Whether the helper is (about to be) waiting on `wake`.
    private let sleeping = Atomic<Bool>(false)
    /// The half to run, written before `requested` is increased and read after it is seen.
    private var job: (@Sendable (Int) -> Void)?
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
        let thread = Thread(self)
        thread.start()
    }

    /// Runs the two halves if the helper is free; false (having run nothing) if not.
    func run(_ body: @escaping @Sendable (Int) -> Void) -> Bool {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        defer { busy.store(false, ordering: .releasing) }
        job = body
        let ticket = requested.add(1, ordering: .sequentiallyConsistent).newValue
        if sleeping.load(ordering: .sequentiallyConsistent) {
            pthread_mutex_lock(mutex)
            pthread_cond_signal(wake)
            pthread_mutex_unlock(mutex)
        }
        body(0)
        while finished.load(ordering: .acquiring) != ticket {}
        job = nil
        return true
    }

    fileprivate func serve() -> Never {
        var seen = 0
        while true {
            var ticket = requested.load(ordering: .acquiring)
            if ticket == seen {
                let deadline = Self.now() &+ Self.spinNanoseconds
                var spins = 0
                while ticket == seen {
                    spins &+= 1
                    if spins & 1023 == 0, Self.now() > deadline {
                        ticket = sleep(seen: seen)
                        break
                    }
                    ticket = requested.load(ordering: .acquiring)
                }
            }
            seen = ticket
            job!(1)
            finished.store(ticket, ordering: .releasing)
        }
    }

    /// Waits on the condition variable until a new half is requested; the caller checks
    /// `sleeping` after publishing one, so either it signals or this sees the request.
    private func sleep(seen: Int) -> Int {
        pthread_mutex_lock(mutex)
        sleeping.store(true, ordering: .sequentiallyConsistent)
        var ticket = requested.load(ordering: .sequentiallyConsistent)
        while ticket == seen {
            pthread_cond_wait(wake, mutex)
            ticket = requested.load(ordering: .sequentiallyConsistent)
        }
        sleeping.store(false, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(mutex)
        return ticket
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The helper's thread: a plain pthread, detached, for the process's lifetime.
    private final class Thread {
        let helper: Helper
        init(_ helper: Helper) { self.helper = helper }

        func start() {
            #if canImport(Darwin)
            var thread: pthread_t? = nil
            #else
            var thread = pthread_t()
            #endif
            let context = Unmanaged.passRetained(self).toOpaque()
            let status = pthread_create(&thread, nil, { context in
                let thread = Unmanaged<Thread>.fromOpaque(context!).takeRetainedValue()
                thread.helper.serve()
            }, context)
            precondition(status == 0, "pthread_create failed")
            #if canImport(Darwin)
            pthread_detach(thread!)
            #else
            pthread_detach(thread)
            #endif
        }
    }
}
#endif
