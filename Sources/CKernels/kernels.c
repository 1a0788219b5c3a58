#include "CKernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifndef __wasm__
#include <pthread.h>
#endif

#define CK_CONCAT2(a, b) a##b
#define CK_CONCAT(a, b) CK_CONCAT2(a, b)

// Nothing but the explicit fma() calls may be fused: every path must round as the others
// and as Engine's Swift code does.
#pragma clang fp contract(off)
#pragma STDC FP_CONTRACT OFF

// The constants of ElementaryFunctions.swift.
#define CK_LN2_HIGH 0.69314718036912381649
#define CK_LN2_LOW 1.90821492927058770002e-10
#define CK_LOG2E 1.44269504088896340736
#define CK_EXP_OVERFLOW 709.782712893383973096
#define CK_EXP_UNDERFLOW -745.133219101941108420
#define CK_SHIFTER 6755399441055744.0

static inline uint64_t ck_bits(double x) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

// 2^k for k in -1022...1023, from its bits.
static inline double ck_power_of_two(int64_t k) {
    uint64_t bits = (uint64_t)(k + 1023) << 52;
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define CK_X86 1
#endif

// The baseline: whatever the compiler targets by default (x86-64, or arm64's NEON).
#define KERNEL_TARGET
#define kernel8x16_SUFFIX kernel8x16_baseline
#define direct_row_SUFFIX direct_row_baseline
#define ELEMENTARY_SUFFIX baseline
#include "kernel_bodies.h"
#include "elementary_bodies.h"
#undef ELEMENTARY_SUFFIX
#undef KERNEL_TARGET
#undef kernel8x16_SUFFIX
#undef direct_row_SUFFIX

#ifdef CK_X86
#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define kernel8x16_SUFFIX kernel8x16_avx2
#define direct_row_SUFFIX direct_row_avx2
#define ELEMENTARY_SUFFIX avx2
#include "kernel_bodies.h"
#include "elementary_bodies.h"
#undef ELEMENTARY_SUFFIX
#undef KERNEL_TARGET
#undef kernel8x16_SUFFIX
#undef direct_row_SUFFIX

#define KERNEL_TARGET __attribute__((target("avx512f,avx2,fma")))
#define kernel8x16_SUFFIX kernel8x16_avx512
#define direct_row_SUFFIX direct_row_avx512
#define ELEMENTARY_SUFFIX avx512
#include "kernel_bodies.h"
#include "elementary_bodies.h"
#undef ELEMENTARY_SUFFIX
#undef KERNEL_TARGET
#undef kernel8x16_SUFFIX
#undef direct_row_SUFFIX
#endif

typedef void (*kernel_fn)(int64_t, const double *, const double *, double *, int64_t, int);
typedef void (*direct_fn)(int64_t, int64_t, const double *, int64_t, const double *, int64_t, double *, int);
typedef void (*elementary_fn)(const double *, double *, int64_t);

static kernel_fn kernel = kernel8x16_baseline;
static direct_fn direct = direct_row_baseline;
static elementary_fn exp_array = ck_exp_baseline, tanh_array = ck_tanh_baseline, sigmoid_array = ck_sigmoid_baseline;
static int path = 1;

static void choose(void);

#ifdef __wasm__
// WebAssembly (docs/wasm.md): one thread, and only the baseline path, which the pointers
// above start on; nothing to choose.
#define CK_CHOOSE() ((void)0)
#else
static pthread_once_t chosen = PTHREAD_ONCE_INIT;
#define CK_CHOOSE() pthread_once(&chosen, choose)
#endif

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
    exp_array = ck_exp_baseline;
    tanh_array = ck_tanh_baseline;
    sigmoid_array = ck_sigmoid_baseline;
#ifdef CK_X86
    if (want == 2) {
        kernel = kernel8x16_avx2;
        direct = direct_row_avx2;
        exp_array = ck_exp_avx2;
        tanh_array = ck_tanh_avx2;
        sigmoid_array = ck_sigmoid_avx2;
    }
    if (want == 3) {
        kernel = kernel8x16_avx512;
        direct = direct_row_avx512;
        exp_array = ck_exp_avx512;
        tanh_array = ck_tanh_avx512;
        sigmoid_array = ck_sigmoid_avx512;
    }
#endif
}

void ck_kernel8x16(int64_t depth, const double *a, const double *b, double *c, int64_t ldc, int load) {
    CK_CHOOSE();
    kernel(depth, a, b, c, ldc, load);
}

void ck_direct_row(int64_t k, int64_t n, const double *a, int64_t a_stride, const double *b, int64_t b_stride,
                   double *c, int accumulate) {
    CK_CHOOSE();
    direct(k, n, a, a_stride, b, b_stride, c, accumulate);
}

void ck_exp(const double *input, double *output, int64_t count) {
    CK_CHOOSE();
    exp_array(input, output, count);
}

void ck_tanh(const double *input, double *output, int64_t count) {
    CK_CHOOSE();
    tanh_array(input, output, count);
}

void ck_sigmoid(const double *input, double *output, int64_t count) {
    CK_CHOOSE();
    sigmoid_array(input, output, count);
}

int ck_path(void) {
    CK_CHOOSE();
    return path;
}

void ck_reselect(void) {
    CK_CHOOSE();
    choose();
}
