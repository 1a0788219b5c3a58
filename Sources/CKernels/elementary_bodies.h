// exp, tanh and the logistic function over arrays, included once per instruction set with
// KERNEL_TARGET and ELEMENTARY_SUFFIX set. The same operations in the same order as
// Engine's ElementaryFunctions (a lone scalar runs that Swift code), with nothing fused
// (kernels.c turns contraction off), so every path and the scalar code give the same bits.
// Branch-free, so the loops vectorise as wide as the instruction set allows.

KERNEL_TARGET static inline double CK_CONCAT(ck_exp1_, ELEMENTARY_SUFFIX)(double input) {
    double x = input < CK_EXP_UNDERFLOW ? CK_EXP_UNDERFLOW : (input < CK_EXP_OVERFLOW ? input : CK_EXP_OVERFLOW);
    double shifted = x * CK_LOG2E + CK_SHIFTER;
    double n = shifted - CK_SHIFTER;
    double r = (x - n * CK_LN2_HIGH) - n * CK_LN2_LOW;
    double p = 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    double er = 1 + r + r * r * p;
    int64_t n2 = (int64_t)(ck_bits(shifted) - ck_bits(CK_SHIFTER));
    int64_t half = n2 >> 1;
    double result = er * ck_power_of_two(half) * ck_power_of_two(n2 - half);
    double high = input < CK_EXP_OVERFLOW ? result : INFINITY;
    double low = input < CK_EXP_UNDERFLOW ? 0 : high;
    return input != input ? input : low;
}

KERNEL_TARGET static void CK_CONCAT(ck_exp_, ELEMENTARY_SUFFIX)(const double *restrict input, double *restrict output, int64_t count) {
    for (int64_t i = 0; i < count; i++) output[i] = CK_CONCAT(ck_exp1_, ELEMENTARY_SUFFIX)(input[i]);
}

KERNEL_TARGET static void CK_CONCAT(ck_tanh_, ELEMENTARY_SUFFIX)(const double *restrict input, double *restrict output, int64_t count) {
    for (int64_t i = 0; i < count; i++) {
        double x = input[i];
        double a = fabs(x);
        double a2 = a * a;
        double p = 7.054636946400968e-08;
        p = p * a2 + -1.7406618963571648e-07;
        p = p * a2 + 4.294911078273806e-07;
        p = p * a2 + -1.0597268320104654e-06;
        p = p * a2 + 2.6147711512907546e-06;
        p = p * a2 + -6.451689215655431e-06;
        p = p * a2 + 1.5918905069328964e-05;
        p = p * a2 + -3.927832388331683e-05;
        p = p * a2 + 9.691537956929451e-05;
        p = p * a2 + -0.00023912911424355248;
        p = p * a2 + 0.000590027440945586;
        p = p * a2 + -0.0014558343870513183;
        p = p * a2 + 0.003592128036572481;
        p = p * a2 + -0.008863235529902197;
        p = p * a2 + 0.021869488536155203;
        p = p * a2 + -0.05396825396825397;
        p = p * a2 + 0.13333333333333333;
        p = p * a2 + -0.3333333333333333;
        double small = a + a * a2 * p;
        double large = 1 - 2 / (CK_CONCAT(ck_exp1_, ELEMENTARY_SUFFIX)(2 * a) + 1);
        double t = a < 0.55 ? small : large;
        output[i] = x < 0 ? -t : t;
    }
}

KERNEL_TARGET static void CK_CONCAT(ck_sigmoid_, ELEMENTARY_SUFFIX)(const double *restrict input, double *restrict output, int64_t count) {
    for (int64_t i = 0; i < count; i++) {
        double x = input[i];
        double e = CK_CONCAT(ck_exp1_, ELEMENTARY_SUFFIX)(-fabs(x));
        double positive = 1 / (1 + e);
        double negative = e / (1 + e);
        output[i] = x < 0 ? negative : positive;
    }
}
