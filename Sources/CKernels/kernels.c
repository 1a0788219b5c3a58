#include "CKernels.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define CK_CONCAT2(a, b) a##b
#define CK_CONCAT(a, b) CK_CONCAT2(a, b)

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define CK_X86 1
#endif

// The baseline: whatever the compiler targets by default (x86-64, or arm64's NEON).
#define KERNEL_TARGET
#define kernel8x16_SUFFIX kernel8x16_baseline
#define direct_row_SUFFIX direct_row_baseline
#include "kernel_bodies.h"
#undef KERNEL_TARGET
#undef kernel8x16_SUFFIX
#undef direct_row_SUFFIX

#ifdef CK_X86
#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define kernel8x16_SUFFIX kernel8x16_avx2
#define direct_row_SUFFIX direct_row_avx2
#include "kernel_bodies.h"
#undef KERNEL_TARGET
#undef kernel8x16_SUFFIX
#undef direct_row_SUFFIX

#define KERNEL_TARGET __attribute__((target("avx512f,avx2,fma")))
#define kernel8x16_SUFFIX kernel8x16_avx512
#define direct_row_SUFFIX direct_row_avx512
#include "kernel_bodies.h"
#undef KERNEL_TARGET
#undef kernel8x16_SUFFIX
#undef direct_row_SUFFIX
#endif

typedef void (*kernel_fn)(int64_t, const double *, const double *, double *, int64_t, int);
typedef void (*direct_fn)(int64_t, int64_t, const double *, int64_t, const double *, int64_t, double *, int);

static kernel_fn kernel = kernel8x16_baseline;
static direct_fn direct = direct_row_baseline;
static int path = 1;
static pthread_once_t chosen = PTHREAD_ONCE_INIT;

static void choose(void) {
    const char *forced = getenv("CHAINRULE_KERNEL");
    int best = 1;
#ifdef CK_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) best = 2;
    if (best == 2 && __builtin_cpu_supports("avx512f")) best = 3;
#endif
    int want = best;
    if (forced && strcmp(forced, "baseline") == 0) want = 1;
    if (forced && strcmp(forced, "avx2") == 0 && best >= 2) want = 2;
    if (forced && strcmp(forced, "avx512") == 0 && best >= 3) want = 3;
    path = want;
    kernel = kernel8x16_baseline;
    direct = direct_row_baseline;
#ifdef CK_X86
    if (want == 2) { kernel = kernel8x16_avx2; direct = direct_row_avx2; }
    if (want == 3) { kernel = kernel8x16_avx512; direct = direct_row_avx512; }
#endif
}

void ck_kernel8x16(int64_t depth, const double *a, const double *b, double *c, int64_t ldc, int load) {
    pthread_once(&chosen, choose);
    kernel(depth, a, b, c, ldc, load);
}

void ck_direct_row(int64_t k, int64_t n, const double *a, int64_t a_stride, const double *b, int64_t b_stride,
                   double *c, int accumulate) {
    pthread_once(&chosen, choose);
    direct(k, n, a, a_stride, b, b_stride, c, accumulate);
}

int ck_path(void) {
    pthread_once(&chosen, choose);
    return path;
}

void ck_reselect(void) {
    pthread_once(&chosen, choose);
    choose();
}
