// What the engine uses of the C library, from wasi-libc (Debian's wasi-libc package).
#include <math.h>
#include <stdlib.h>
#include <string.h>
