#if !hasFeature(Embedded)
import Foundation
#endif

/// Releases objects one after another rather than one inside another, so that releasing a
/// long chain (a closure holding a frame holding a closure ...) takes a loop, not the stack.
///
/// `release` keeps an object that a dying object held. It is released later, by the next
/// `release` or `drain` on this thread, when nothing else holds it: releasing it then may hand
/// more objects to the queue, which the same loop releases in turn. The interpreter drains
/// after every block and when it goes. One queue per thread, so objects are released on the
/// thread that dropped them.
enum ReleaseQueue {
    private final class Queue {
        var pending: [AnyObject] = []
        var draining = false
    }

    #if hasFeature(Embedded)
    /// The WebAssembly build has one thread.
    nonisolated(unsafe) private static let single = Queue()

    private static var current: Queue { single }
    #else
    private static let key = "chainrule.ReleaseQueue"

    private static var current: Queue {
        let dictionary = Thread.current.threadDictionary
        if let queue = dictionary[key] as? Queue { return queue }
        let queue = Queue()
        dictionary[key] = queue
        return queue
    }
    #endif

    /// Keeps `object`, which the caller (a `deinit`) still holds until it returns, to be
    /// released later; first releases what earlier calls kept, which nothing holds any more.
    static func release(_ object: AnyObject) {
        let queue = current
        drain(queue)
        queue.pending.append(object)
    }

    /// Releases everything kept so far, and everything that releasing it hands over.
    static func drain() {
        drain(current)
    }

    private static func drain(_ queue: Queue) {
        guard !queue.draining else { return }
        queue.draining = true
        while !queue.pending.isEmpty {
            _ = queue.pending.removeLast()
        }
        queue.draining = false
    }
}
