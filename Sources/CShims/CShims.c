#include "CShims.h"

#include <stdio.h>
#include <time.h>

int chainrule_format_double(char *buffer, size_t size, char conversion, int precision, double value) {
    switch (conversion) {
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        break;
    default:
        // Only the conversions of a double; anything else would read an argument that is not there.
        if (size > 0) buffer[0] = 0;
        return -1;
    }
    char spec[] = {'%', '.', '*', conversion, 0};
    return snprintf(buffer, size, spec, precision, value);
}

uint64_t chainrule_monotonic_nanoseconds(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (uint64_t)time.tv_sec * 1000000000u + (uint64_t)time.tv_nsec;
}

#ifdef __wasm__
#include <ctype.h>
#include <stdlib.h>

// Embedded Swift's `Double(String)` calls this, which the native Swift runtime defines (with
// strtod_l in the C locale): wasi-libc's strtod is in the C locale already. Like the
// runtime's, it returns where the number ended.
const char *_swift_stdlib_strtod_clocale(const char *nptr, double *outResult) {
    // Swift's Double("  1") is nil: white space before the number is not part of one.
    if (isspace((unsigned char)*nptr)) {
        *outResult = 0;
        return nptr;
    }
    char *end;
    *outResult = strtod(nptr, &end);
    return end;
}
#endif
