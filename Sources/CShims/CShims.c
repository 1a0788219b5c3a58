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
