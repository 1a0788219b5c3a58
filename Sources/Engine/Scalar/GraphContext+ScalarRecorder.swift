/// What only `ScalarRecorder` asks of the thread's context: the open tape lent without a
/// counted reference, and how much room it has before a cut.
extension GraphContext {
    /// The open tape for an operation whose result gets no handle yet (`ScalarRecorder`):
    /// as `tapeForNewOperation`, but lent rather than counted. A tape cut here goes into
    /// `cut`, for the caller to keep alive while it still holds entries of it: a new tape
    /// could otherwise be allocated at the freed one's address and be taken for it.
    @inline(__always)
    func lendTapeForOperation(cut: inout [Tape]?) -> Unmanaged<Tape> {
        if let openTape, openTape._withUnsafeGuaranteedRef({ $0.count < maxOperations }) { return openTape }
        return cutAndStartTape(cut: &cut)
    }

    /// The open tape, lent, when recording is on and the tape can take `entries` more
    /// without reaching `maxOperations`, so that none of the operations that append them
    /// would cut it (see `ScalarRecorder.evaluate`); otherwise nil. With no graph open, one
    /// is started if `starting` and there is an entry to append (the first operation that
    /// records would start it).
    @inline(__always)
    func tapeWithRoom(for entries: Int, starting: @autoclosure () -> Bool) -> Unmanaged<Tape>? {
        guard recording else { return nil }
        guard let (tape, room) = openTapeWithRoom() else {
            return entries > 0 && entries <= maxOperations && starting() ? Unmanaged.passUnretained(startTape()) : nil
        }
        return entries <= room ? tape : nil
    }

    /// The open tape, lent, and how many more entries it takes before reaching
    /// `maxOperations`; nil when recording is off or no graph is open.
    @inline(__always)
    func openTapeWithRoom() -> (tape: Unmanaged<Tape>, room: Int)? {
        guard recording, let openTape else { return nil }
        return (openTape, Swift.max(0, maxOperations - openTape._withUnsafeGuaranteedRef { $0.count }))
    }

    @inline(never)
    private func cutAndStartTape(cut: inout [Tape]?) -> Unmanaged<Tape> {
        if let tape {
            cut = (cut ?? []) + [tape]
            truncate()
        }
        return Unmanaged.passUnretained(startTape())
    }

    /// Whether the tape at `address` is the open one, which this context holds.
    @inline(__always)
    func isOpen(_ address: UnsafeMutableRawPointer) -> Bool { openTape?.toOpaque() == address }
}
