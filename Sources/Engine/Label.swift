#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A name shown for values in graph diagrams (the variable a value was bound to).
///
/// Names are interned once, so labelling a value costs a 4-byte store: an interpreter
/// labels every value it binds to a name, which in a loop is every iteration.
@_spi(Runtime) public struct Label: Hashable, Sendable {
    /// 0 means no label.
    let id: Int32

    public init(_ name: String) {
        id = LabelTable.shared.intern(name)
    }

    init(id: Int32) {
        self.id = id
    }

    public var name: String { LabelTable.shared.name(id) }
}

/// Every name interned so far, for all threads.
final class LabelTable: @unchecked Sendable {
    static let shared = LabelTable()

    private let lock = Lock()
    private var names: [String] = [""]
    private var ids: [String: Int32] = [:]

    func intern(_ name: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        names.append(name)
        let id = Int32(names.count - 1)
        ids[name] = id
        return id
    }

    func name(_ id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[Int(id)]
    }
}

/// A mutual-exclusion lock: a pthread mutex (what Foundation's NSLock wraps). The embedded
/// build for WebAssembly runs one thread and has no pthreads, so there it does nothing
/// (docs/wasm.md).
private final class Lock: @unchecked Sendable {
    #if hasFeature(Embedded)
    func lock() {}
    func unlock() {}
    #else
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    #endif
}
