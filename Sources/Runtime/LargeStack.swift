import Foundation

/// Runs work on a thread with a large stack, and waits for it.
///
/// The interpreter recurses with the notebook's expressions and function calls; the
/// default stack of a secondary thread (512 KiB) would overflow long before the language's
/// own recursion limit is reached. Only touched pages of the stack are ever committed.
public enum LargeStack {
    public static let size = 512 << 20

    public static func run<T>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value!
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
