#ifndef CHAINRULE_CSHIMS_H
#define CHAINRULE_CSHIMS_H

#include <stddef.h>
#include <stdint.h>

// What Swift cannot call directly in both builds, native and WebAssembly: the same C code in
// each.

/// Writes `value` as C's printf writes it with the conversion `%.<precision><conversion>`
/// (conversion one of f F e E g G) into `buffer`, NUL-terminated, and returns the length
/// printf gives (which may exceed `size` - 1, as snprintf's does).
///
/// Swift cannot call a variadic C function, and Foundation's `String(format:)` is not
/// there in the WebAssembly build; this one function is the same C code in both builds.
int chainrule_format_double(char *buffer, size_t size, char conversion, int precision, double value);

/// Nanoseconds on the C library's `CLOCK_MONOTONIC` (in WebAssembly, the host's clock through
/// WASI's `clock_time_get`; wasi-libc's `CLOCK_MONOTONIC` is a macro Swift cannot import).
uint64_t chainrule_monotonic_nanoseconds(void);

#endif
