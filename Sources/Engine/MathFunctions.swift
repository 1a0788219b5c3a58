#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WASILibc)
import WASILibc
#endif

/// The C library's log and pow (the engine computes exp, tanh and the sigmoid itself, in
/// ElementaryFunctions.swift), under names that do not clash with Tensor's methods or `Op`'s
/// cases of the same name. Natively they are glibc's (or Darwin's); in the WebAssembly build
/// (docs/wasm.md) wasi-libc's, which has no Foundation to go through.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
