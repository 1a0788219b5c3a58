#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much of the current thread's stack is left, so deep recursion in a notebook becomes
/// an error instead of a crash.
///
/// `max_recursion` counts calls, but what a call costs on the stack depends on the
/// expressions between one call and the next (`f(n - 1)` under 200 parentheses costs 200
/// frames of `evaluate`) and on the build (a debug frame is several times a release one).
/// So calls also check the stack itself: when less than a reserve is left (32 MiB, or a
/// quarter of a small stack), the call is refused. The reserve covers what one function body
/// can use without calling again (the parser bounds the height of every syntax tree) and the
/// engine's own work.
struct StackGuard {
    /// Bytes kept free below the last call allowed, on a large stack.
    static let reserve = 32 << 20

    /// The lowest address the stack may reach before calls are refused (0: unknown, no check).
    let floor: UInt

    /// The guard for the calling thread.
    init() {
        guard let (bottom, size) = Self.stack() else {
            floor = 0
            return
        }
        floor = bottom + UInt(min(Self.reserve, size / 4))
    }

    /// Whether a call may go one level deeper.
    @inline(__always)
    var hasRoom: Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } > floor
    }

    /// The lowest address and the size of the calling thread's stack, if the system says.
    private static func stack() -> (bottom: UInt, size: Int)? {
        #if canImport(Glibc)
        // A GNU extension the Glibc module does not import; glibc has had it since 2.2.3.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return (UInt(bitPattern: address), size)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = pthread_get_stacksize_np(pthread_self())
        return (top - UInt(size), size)
        #else
        return nil
        #endif
    }
}
