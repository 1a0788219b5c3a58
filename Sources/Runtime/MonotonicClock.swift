import CShims

/// Nanoseconds on a clock that only moves forward, for the time budget: the C library's
/// `CLOCK_MONOTONIC`, which in WebAssembly is the host's (the page's or node's clock).
public enum MonotonicClock {
    public static var nanoseconds: UInt64 { chainrule_monotonic_nanoseconds() }
}
