// Threads are the native build's: the WebAssembly module runs on the one thread it has, with
// the stack its linker gives it (wasm/build.sh).
#if !hasFeature(Embedded)
import Foundation

/// Runs work on a thread with a large stack, and waits for it.
///
/// The interpreter recurses with the notebook's expressions and function calls; the
/// default stack of a secondary thread (512 KiB) would overflow long before the language's
/// own recursion limit is reached. Only touched pages of the stack are ever committed.
public enum LargeStack {
    public static let size = 512 << 20

    public static func run<T>(_ body: @escaping @Sendable () -> T) -> T {
        run(timeout: nil, body)!
    }

    /// Like `run`, but gives up waiting after `timeout` seconds and returns nil. The thread
    /// is not stopped (threads cannot be): it finishes on its own, its result unused, and
    /// it ends with the process at the latest.
    public static func run<T>(timeout: Double?, _ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let value = body()
            box.set(value)
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        if let timeout {
            guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        } else {
            done.wait()
        }
        return box.get()
    }

    private final class ResultBox<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: T?

        func set(_ newValue: T) {
            lock.lock()
            value = newValue
            lock.unlock()
        }

        func get() -> T? {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
#endif
