import Dispatch
import Foundation

/// Work spread over the cores: `map` hands out items one at a time to `jobs` workers and
/// returns the results in the items' order, whichever finishes first.
enum Parallel {
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let results = Results<T>(count: count)
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claim() {
                results.store(body(index), at: index)
            }
        }
        return results.all
    }

    /// The workers' shared state, behind one lock.
    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var values: [T?]

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < values.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: T, at index: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        var all: [T] {
            lock.lock()
            defer { lock.unlock() }
            return values.map { $0! }
        }
    }
}
