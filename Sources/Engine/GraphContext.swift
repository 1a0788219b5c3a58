#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WASILibc)
import WASILibc
#endif

/// Per-thread recording state: the open graph, whether to record, and resource limits.
///
/// Thread-local so that notebooks running on separate cores never share a graph; a graph
/// belongs to the thread that recorded it.
final class GraphContext {
    /// The graph new operations are appended to, while open.
    var tape: Tape? {
        get { openTape?.takeUnretainedValue() }
        set {
            if let openTape { swiftReleaseN(openTape.toOpaque(), 1 + prepaid) }
            prepaid = 0
            openTape = newValue.map { Unmanaged.passRetained($0) }
        }
    }

    /// The open tape, owned by the context: one reference, plus `prepaid` more taken ahead.
    ///
    /// Every recorded operation returns a handle that holds the tape, and an atomic
    /// increment of its reference count cost more than recording the operation (about 10 ns
    /// each here, against 2 to 3 ns for the append). So the context takes references in
    /// batches of `Self.batch`, in one atomic operation, and hands one to each new handle;
    /// whatever is left over is given back in one operation when the tape stops being the
    /// open one. Handles release theirs one by one as usual. The `make bench` row "scalar
    /// graphs, tensor operators" is the path that pays for a handle per result.
    private(set) var openTape: Unmanaged<Tape>?
    private var prepaid: UInt32 = 0
    private static let batch: UInt32 = 64
    /// False inside `Graph.withoutRecording`: operations compute values only.
    var recording = true
    /// How many `Graph.isolated` scopes we are inside (derivative-of-function calls).
    var isolationDepth = 0
    /// Inside `Graph.isolated(differentiating:)`: the one variable new graphs track.
    var differentiating: ObjectIdentifier?
    var maxElements = Limits.defaultMaxElements
    /// The most operations one graph holds before its history is cut (see `Graph.truncations`).
    var maxOperations = Limits.defaultMaxOperations
    /// How many times a graph has been cut for growing past `maxOperations`.
    var truncations = 0
    /// The last small tape this thread closed. If nothing refers to it any more when the
    /// next graph starts, that graph reuses it (and its buffers) instead of allocating.
    var spare: Tape?
    /// The entry buffer of the largest tape this thread has freed, for the next tape that
    /// outgrows its own. A loop whose graph is cut every `maxOperations` (or rebuilt, too large
    /// to be `spare`) would otherwise have the kernel fault in and zero fresh pages for every
    /// graph: a sixth of the time of a long scalar loop. Held until a larger one comes or the
    /// thread ends, no longer than memory of that size was in use anyway.
    private var spareEntries: (pointer: UnsafeMutableRawPointer, capacity: Int)?

    deinit {
        tape = nil
        spare = nil
        if let spareEntries { free(spareEntries.pointer) }
    }

    func keepSpareEntries(_ pointer: UnsafeMutableRawPointer, capacity: Int) {
        if let spareEntries {
            guard capacity > spareEntries.capacity else { return free(pointer) }
            free(spareEntries.pointer)
        }
        spareEntries = (pointer, capacity)
    }

    /// The spare entry buffer, if it holds at least `capacity` entries.
    func takeSpareEntries(atLeast capacity: Int) -> (pointer: UnsafeMutableRawPointer, capacity: Int)? {
        guard let spareEntries, spareEntries.capacity >= capacity else { return nil }
        self.spareEntries = nil
        return spareEntries
    }

    /// The open tape for a new operation: as `tapeForNewHandle`, except that a graph grown to
    /// `maxOperations` is closed first, so a long loop that never runs `backward` keeps at
    /// most that much history (its older values become constants, as after a backward pass;
    /// truncated backpropagation, in the language of recurrent networks).
    @inline(__always)
    func tapeForNewOperation() -> Tape {
        if let openTape, openTape.takeUnretainedValue().count >= maxOperations {
            truncate()
        }
        return tapeForNewHandle()
    }

    @inline(never)
    func truncate() {
        guard let tape else { return }
        truncations += 1
        close(tape)
    }

    /// A reference to the open tape for a new handle (starting a tape if the last was closed).
    @inline(__always)
    func tapeForNewHandle() -> Tape {
        guard let openTape else { return startTape() }
        if prepaid == 0 {
            swiftRetainN(openTape.toOpaque(), Self.batch)
            prepaid = Self.batch
        }
        prepaid -= 1
        return openTape.takeRetainedValue()
    }

    @inline(never)
    func startTape() -> Tape {
        let tape: Tape
        if spare != nil, isKnownUniquelyReferenced(&spare!) {
            tape = spare.take()!
            tape.reset()
        } else {
            // Still in use (or none): leave it to its users rather than keep it alive here.
            spare = nil
            tape = Tape()
        }
        tape.onlyVariable = differentiating
        self.tape = tape
        return tape
    }

    /// Lets go of the values held by the spare tape when nothing else refers to it (it would
    /// drop them anyway when reused). Its entries share storage with the variables they
    /// imported, so an optimizer calls this before updating parameters in place, which would
    /// otherwise copy each one on write.
    func releaseUnreachableSpare() {
        if spare != nil, isKnownUniquelyReferenced(&spare!) { spare!.reset() }
    }

    /// Ends the open graph: later operations start a new one.
    func close(_ tape: Tape) {
        tape.isOpen = false
        if self.tape === tape {
            self.tape = nil
            if tape.isWorthReusing { spare = tape }
        }
    }

    static var current: GraphContext {
        if let pointer = threadContext() {
            return Unmanaged<GraphContext>.fromOpaque(pointer).takeUnretainedValue()
        }
        return makeCurrent()
    }

    /// This thread's context, if it has one.
    static var existing: GraphContext? {
        threadContext().map { Unmanaged<GraphContext>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Runs `body` with this thread's context, borrowed: the thread keeps it alive, so the
    /// hot path neither retains nor releases it.
    @inline(__always)
    static func withCurrent<R>(_ body: (GraphContext) -> R) -> R {
        if let pointer = threadContext() {
            return Unmanaged<GraphContext>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
        }
        return body(makeCurrent())
    }

    @inline(never)
    private static func makeCurrent() -> GraphContext {
        let context = GraphContext()
        setThreadContext(Unmanaged.passRetained(context).toOpaque())
        return context
    }
}

/// The Swift runtime's own entry points for taking and giving back several strong references
/// in one atomic operation. libswiftCore exports them on every platform, but the standard
/// library only offers `Unmanaged.retain()`, one at a time, and the compiler reserves their
/// names, so they are looked up once, by name, and called as C functions (which they are).
/// When the lookup fails, references are taken one at a time.
private struct BatchReferenceCounting: @unchecked Sendable {
    typealias Retain = @convention(c) (UnsafeMutableRawPointer, UInt32) -> UnsafeMutableRawPointer
    typealias Release = @convention(c) (UnsafeMutableRawPointer, UInt32) -> Void
    let retain: Retain?
    let release: Release?

    static let runtime: BatchReferenceCounting = {
        #if hasFeature(Embedded)
        // No dynamic lookup in the embedded build (WebAssembly, one thread: docs/wasm.md).
        return BatchReferenceCounting(retain: nil, release: nil)
        #else
        #if canImport(Darwin)
        let handle = UnsafeMutableRawPointer(bitPattern: -2)   // RTLD_DEFAULT
        #else
        let handle: UnsafeMutableRawPointer? = nil   // RTLD_DEFAULT
        #endif
        guard let retain = dlsym(handle, "swift_retain_n"), let release = dlsym(handle, "swift_release_n") else {
            return BatchReferenceCounting(retain: nil, release: nil)
        }
        return BatchReferenceCounting(retain: unsafeBitCast(retain, to: Retain.self),
                                      release: unsafeBitCast(release, to: Release.self))
        #endif
    }()
}

@inline(__always)
private func swiftRetainN(_ object: UnsafeMutableRawPointer, _ n: UInt32) {
    if let retain = BatchReferenceCounting.runtime.retain {
        _ = retain(object, n)
    } else {
        let unmanaged = Unmanaged<AnyObject>.fromOpaque(object)
        for _ in 0..<n { _ = unmanaged.retain() }
    }
}

@inline(__always)
private func swiftReleaseN(_ object: UnsafeMutableRawPointer, _ n: UInt32) {
    if let release = BatchReferenceCounting.runtime.release {
        release(object, n)
    } else {
        let unmanaged = Unmanaged<AnyObject>.fromOpaque(object)
        for _ in 0..<n { unmanaged.release() }
    }
}

#if hasFeature(Embedded)
// The embedded build for WebAssembly runs one thread and has no pthreads: its one context is
// a global (docs/wasm.md).
nonisolated(unsafe) private var singleContext: UnsafeMutableRawPointer?

@inline(__always)
private func threadContext() -> UnsafeMutableRawPointer? { singleContext }

private func setThreadContext(_ pointer: UnsafeMutableRawPointer) { singleContext = pointer }
#else
#if canImport(Darwin)
private func releaseContext(_ pointer: UnsafeMutableRawPointer) {
    Unmanaged<GraphContext>.fromOpaque(pointer).release()
}
#else
private func releaseContext(_ pointer: UnsafeMutableRawPointer?) {
    if let pointer { Unmanaged<GraphContext>.fromOpaque(pointer).release() }
}
#endif

private let contextKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key, releaseContext)
    precondition(status == 0, "pthread_key_create failed")
    return key
}()

/// This thread's context, retained by the key (released when the thread ends).
@inline(__always)
private func threadContext() -> UnsafeMutableRawPointer? { pthread_getspecific(contextKey) }

private func setThreadContext(_ pointer: UnsafeMutableRawPointer) { pthread_setspecific(contextKey, pointer) }
#endif

/// Controls over recording, for code that must not disturb the caller's graph.
public enum Graph {
    /// Runs `body` on a fresh graph of its own, then restores the caller's open graph.
    /// `derivative`, `train` and `gradcheck` use it so their work never joins the user's graph.
    public static func isolated<R, Failure: Error>(_ body: () throws(Failure) -> R) throws(Failure) -> R {
        try isolated(differentiating: nil, body)
    }

    /// Like `isolated`, but the graphs of `body` track only `variable`: every other variable
    /// comes in as a constant, so differentiating a function that uses, say, a network's
    /// weights leaves their gradients alone.
    public static func isolated<R, Failure: Error>(
        differentiating variable: Variable?, _ body: () throws(Failure) -> R
    ) throws(Failure) -> R {
        let context = GraphContext.current
        let saved = (context.tape, context.recording, context.differentiating)
        context.tape = nil
        context.recording = true
        context.isolationDepth += 1
        context.differentiating = variable.map(ObjectIdentifier.init)
        defer {
            if let tape = context.tape { context.close(tape) }
            context.tape = saved.0
            context.recording = saved.1
            context.differentiating = saved.2
            context.isolationDepth -= 1
        }
        return try body()
    }

    /// Runs `body` without recording: results are constants (PyTorch's `no_grad`).
    public static func withoutRecording<R, Failure: Error>(_ body: () throws(Failure) -> R) throws(Failure) -> R {
        let context = GraphContext.current
        let saved = context.recording
        context.recording = false
        defer { context.recording = saved }
        return try body()
    }

    /// Ends the current graph, unless inside an isolated scope (where the graph is a
    /// function being differentiated and must stay whole). Values computed so far become
    /// constants for whatever is computed next, so loops that update a value from its
    /// gradient keep no history: their memory stays flat.
    public static func closeCurrent() {
        let context = GraphContext.current
        guard context.isolationDepth == 0, let tape = context.tape else { return }
        context.close(tape)
    }

    /// How many times a graph on this thread has been cut for growing past
    /// `Limits.maxOperations` without a backward pass.
    public static var truncations: Int { GraphContext.current.truncations }

    /// Whether this thread is inside `Graph.isolated` (differentiating a function).
    public static var isIsolated: Bool { GraphContext.current.isolationDepth > 0 }

    /// Whether operations are being recorded on this thread.
    public static var isRecording: Bool { GraphContext.current.recording }
}
