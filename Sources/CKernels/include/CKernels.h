#ifndef CHAINRULE_CKERNELS_H
#define CHAINRULE_CKERNELS_H

#include <stdint.h>

/// The matrix product's inner kernels and the elementary functions over arrays, compiled for several instruction sets and chosen once
/// at run time (`ck_path`), so one binary runs on any x86-64 CPU and uses AVX-512 or AVX2
/// where the CPU has them. Every path computes every element of C as the same chain of
/// correctly rounded fused multiply-adds in the same order (`fma`, a single instruction where
/// the CPU has FMA and the C library's exact routine where it has not), so the results are
/// the same bits on every path.

/// An 8x16 tile of C from packed panels: A as `depth` columns of 8, B as `depth` rows of 16;
/// C row-major with leading dimension `ldc`, added to when `load` is set.
void ck_kernel8x16(int64_t depth, const double *a, const double *b, double *c, int64_t ldc, int load);

/// One row of C for the small products: c[j] (+)= Σ_p a[p * a_stride] * b[p * b_stride + j],
/// each element one fma chain over p in order.
void ck_direct_row(int64_t k, int64_t n, const double *a, int64_t a_stride, const double *b, int64_t b_stride,
                   double *c, int accumulate);

/// exp, tanh and the logistic function of each of `count` elements: the same bits as
/// Engine's ElementaryFunctions on each element, on every path.
void ck_exp(const double *input, double *output, int64_t count);
void ck_tanh(const double *input, double *output, int64_t count);
void ck_sigmoid(const double *input, double *output, int64_t count);

/// The instruction set in use: 3 AVX-512, 2 AVX2 with FMA, 1 the x86-64 baseline (or the
/// only path of another architecture). The environment variable CHAINRULE_KERNEL (avx512,
/// avx2 or baseline) forces a path the CPU supports, for tests that compare paths.
int ck_path(void);

/// Chooses the path again from the environment, as at start (for tests).
void ck_reselect(void);

#endif
