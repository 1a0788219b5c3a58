// The kernels' bodies, included once per instruction set with KERNEL_TARGET and SUFFIX set.
// Only explicit fma() calls: the compiler may not fuse or reorder anything else, so every
// path computes the same chains.

KERNEL_TARGET static void kernel8x16_SUFFIX(int64_t depth, const double *restrict a, const double *restrict b,
                                            double *restrict c, int64_t ldc, int load) {
    double acc[8][16];
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 16; j++) acc[i][j] = load ? c[i * ldc + j] : 0.0;
    for (int64_t p = 0; p < depth; p++) {
        const double *bp = b + p * 16;
        const double *ap = a + p * 8;
        for (int i = 0; i < 8; i++) {
            double x = ap[i];
            for (int j = 0; j < 16; j++) acc[i][j] = fma(x, bp[j], acc[i][j]);
        }
    }
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 16; j++) c[i * ldc + j] = acc[i][j];
}

KERNEL_TARGET static void direct_row_SUFFIX(int64_t k, int64_t n, const double *restrict a, int64_t a_stride,
                                            const double *restrict b, int64_t b_stride, double *restrict c, int accumulate) {
    int64_t j = 0;
    for (; j + 32 <= n; j += 32) {
        double acc[32];
        for (int l = 0; l < 32; l++) acc[l] = accumulate ? c[j + l] : 0.0;
        for (int64_t p = 0; p < k; p++) {
            double x = a[p * a_stride];
            const double *row = b + p * b_stride + j;
            for (int l = 0; l < 32; l++) acc[l] = fma(x, row[l], acc[l]);
        }
        for (int l = 0; l < 32; l++) c[j + l] = acc[l];
    }
    for (; j + 8 <= n; j += 8) {
        double acc[8];
        for (int l = 0; l < 8; l++) acc[l] = accumulate ? c[j + l] : 0.0;
        for (int64_t p = 0; p < k; p++) {
            double x = a[p * a_stride];
            const double *row = b + p * b_stride + j;
            for (int l = 0; l < 8; l++) acc[l] = fma(x, row[l], acc[l]);
        }
        for (int l = 0; l < 8; l++) c[j + l] = acc[l];
    }
    for (; j < n; j++) {
        double sum = accumulate ? c[j] : 0.0;
        for (int64_t p = 0; p < k; p++) sum = fma(a[p * a_stride], b[p * b_stride + j], sum);
        c[j] = sum;
    }
}
