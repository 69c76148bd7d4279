/*
 * nrt-assert.h - the one family of assertions of every test program.
 *
 * Each assertion evaluates its operands once, checks exactly what its name
 * says, and on failure hands CUnit a message with both expressions and both
 * values; CUnit's report adds the file and line:
 *
 *     NRT_EQ(fx_dial(&f), 651);
 *     1. tests/ras/test-ras-modem.c:262  - fx_dial(&f) == 651: fx_dial(&f) is 676 (0x2a4)
 *
 *     NRT_EQ_STR(f.res.reply, "CONNECT 33600");
 *     1. tests/ras/test-ras-modem.c:207  - f.res.reply == "CONNECT 33600":
 *           left  "CONNECT"
 *           right "CONNECT 33600"
 *
 * NRT_EQ, NRT_NE, NRT_LT, NRT_LE, NRT_GT, NRT_GE   integers, enums, pointers: the C operator
 *                                                 on the operands' own types
 * NRT_EQ_STR, NRT_NE_STR                          strcmp(); a NULL side fails
 * NRT_EQ_MEM(a, b, n)                             memcmp() of n bytes, shown in hex
 * NRT_EQ_PTR, NRT_NE_PTR                          pointers compared as const void *
 * NRT_NULL, NRT_NOT_NULL                          a pointer
 * NRT_TRUE, NRT_FALSE                             any scalar condition
 * NRT_CONTAINS, NRT_NOT_CONTAINS                  strstr(); NOT_CONTAINS holds for a NULL haystack
 * NRT_TRUE_MSG(cond, fmt, ...)                    a condition with a printf message of its own
 * NRT_FAIL(fmt, ...)                              a failure
 * NRT_EQ_DESCRIBED(type, describe, a, b)          NRT_EQ on values of one type, each also shown
 *                                                 as describe(value), e.g. an error code's text
 *
 * Every one of them but NRT_EQ_DESCRIBED has a _FATAL form that ends the
 * test at once (CUnit's longjmp) when it fails.
 */
#ifndef NR_TESTS_NRT_ASSERT_H
#define NR_TESTS_NRT_ASSERT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* A value as an assertion shows it: its kind and its bits, formatted only
 * when the assertion fails. */
typedef struct nrt_operand {
    enum { NRT_OPERAND_SIGNED, NRT_OPERAND_UNSIGNED, NRT_OPERAND_FLOAT, NRT_OPERAND_POINTER } kind;
    union {
        long long i;
        unsigned long long u;
        double f;
        const volatile void *p;
    } as;
    const char *text; /* what describe() said of it, or NULL */
} nrt_operand;

static inline nrt_operand nrt_operand_signed(long long v)
{
    return (nrt_operand){ .kind = NRT_OPERAND_SIGNED, .as.i = v };
}
static inline nrt_operand nrt_operand_unsigned(unsigned long long v)
{
    return (nrt_operand){ .kind = NRT_OPERAND_UNSIGNED, .as.u = v };
}
static inline nrt_operand nrt_operand_float(double v)
{
    return (nrt_operand){ .kind = NRT_OPERAND_FLOAT, .as.f = v };
}
static inline nrt_operand nrt_operand_pointer(const volatile void *v)
{
    return (nrt_operand){ .kind = NRT_OPERAND_POINTER, .as.p = v };
}
static inline nrt_operand nrt_operand_described(nrt_operand v, const char *text)
{
    v.text = text;
    return v;
}

/* The nrt_operand of x, by its type (an enum counts as its integer type). */
#define NRT_OPERAND(x)                                                                                         \
    _Generic((x),                                                                                            \
        _Bool: nrt_operand_unsigned, char: nrt_operand_signed, signed char: nrt_operand_signed,                    \
        unsigned char: nrt_operand_unsigned, short: nrt_operand_signed, unsigned short: nrt_operand_unsigned,      \
        int: nrt_operand_signed, unsigned int: nrt_operand_unsigned, long: nrt_operand_signed,                     \
        unsigned long: nrt_operand_unsigned, long long: nrt_operand_signed,                                      \
        unsigned long long: nrt_operand_unsigned, float: nrt_operand_float, double: nrt_operand_float,             \
        long double: nrt_operand_float, default: nrt_operand_pointer)(x)

/* The reporting side (cunit-main.c): each records one CUnit assertion,
 * passed or failed; fatal ends the test when it failed. */
void nrt_check_values(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *left,
                      const char *op, const char *right, nrt_operand lv, nrt_operand rv);
void nrt_check_strings(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *left,
                       const char *op, const char *right, const char *ls, const char *rs);
void nrt_check_memory(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *left,
                      const char *right, const void *lm, const void *rm, size_t n);
void nrt_check(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The public macros stringify their own arguments (ls, rs): an argument
 * handed on to an inner macro is macro-expanded first, and the message
 * shows the expression as written, ERROR_LINE_BUSY and not 676.
 *
 * Comparisons that mix signed and unsigned operands compare as the plain
 * operator on the original operands did: the copies keep their types, and
 * the warning, which the literal operand used to silence, is off. */
#define NRT_CMP_(l, op, r, fatal, ls, rs)                                                                    \
    do {                                                                                                     \
        __typeof__(l) nrt_l_ = (l);                                                                          \
        __typeof__(r) nrt_r_ = (r);                                                                          \
        _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wsign-compare\"")                  \
        bool nrt_ok_ = nrt_l_ op nrt_r_;                                                                     \
        _Pragma("GCC diagnostic pop")                                                                        \
        nrt_check_values(nrt_ok_, __FILE__, __LINE__, __func__, fatal, ls, #op, rs, NRT_OPERAND(nrt_l_),     \
                         NRT_OPERAND(nrt_r_));                                                               \
    } while (0)

#define NRT_EQ(l, r) NRT_CMP_(l, ==, r, false, #l, #r)
#define NRT_NE(l, r) NRT_CMP_(l, !=, r, false, #l, #r)
#define NRT_LT(l, r) NRT_CMP_(l, <, r, false, #l, #r)
#define NRT_LE(l, r) NRT_CMP_(l, <=, r, false, #l, #r)
#define NRT_GT(l, r) NRT_CMP_(l, >, r, false, #l, #r)
#define NRT_GE(l, r) NRT_CMP_(l, >=, r, false, #l, #r)
#define NRT_EQ_FATAL(l, r) NRT_CMP_(l, ==, r, true, #l, #r)
#define NRT_NE_FATAL(l, r) NRT_CMP_(l, !=, r, true, #l, #r)
#define NRT_LT_FATAL(l, r) NRT_CMP_(l, <, r, true, #l, #r)
#define NRT_LE_FATAL(l, r) NRT_CMP_(l, <=, r, true, #l, #r)
#define NRT_GT_FATAL(l, r) NRT_CMP_(l, >, r, true, #l, #r)
#define NRT_GE_FATAL(l, r) NRT_CMP_(l, >=, r, true, #l, #r)

#define NRT_PTR_(l, op, r, fatal, ls, rs)                                                                    \
    do {                                                                                                     \
        const void *nrt_l_ = (const void *)(l), *nrt_r_ = (const void *)(r);                                 \
        nrt_check_values(nrt_l_ op nrt_r_, __FILE__, __LINE__, __func__, fatal, ls, #op, rs,                 \
                         nrt_operand_pointer(nrt_l_), nrt_operand_pointer(nrt_r_));                          \
    } while (0)

#define NRT_EQ_PTR(l, r) NRT_PTR_(l, ==, r, false, #l, #r)
#define NRT_NE_PTR(l, r) NRT_PTR_(l, !=, r, false, #l, #r)
#define NRT_EQ_PTR_FATAL(l, r) NRT_PTR_(l, ==, r, true, #l, #r)
#define NRT_NE_PTR_FATAL(l, r) NRT_PTR_(l, !=, r, true, #l, #r)
#define NRT_NULL(p) NRT_PTR_(p, ==, NULL, false, #p, "NULL")
#define NRT_NOT_NULL(p) NRT_PTR_(p, !=, NULL, false, #p, "NULL")
#define NRT_NULL_FATAL(p) NRT_PTR_(p, ==, NULL, true, #p, "NULL")
#define NRT_NOT_NULL_FATAL(p) NRT_PTR_(p, !=, NULL, true, #p, "NULL")

#define NRT_STR_(l, op, r, fatal, ls, rs)                                                                    \
    do {                                                                                                     \
        const char *nrt_l_ = (l), *nrt_r_ = (r);                                                             \
        nrt_check_strings(nrt_l_ && nrt_r_ && (strcmp(nrt_l_, nrt_r_) op 0), __FILE__, __LINE__, __func__,   \
                          fatal, ls, #op, rs, nrt_l_, nrt_r_);                                               \
    } while (0)

#define NRT_EQ_STR(l, r) NRT_STR_(l, ==, r, false, #l, #r)
#define NRT_NE_STR(l, r) NRT_STR_(l, !=, r, false, #l, #r)
#define NRT_EQ_STR_FATAL(l, r) NRT_STR_(l, ==, r, true, #l, #r)
#define NRT_NE_STR_FATAL(l, r) NRT_STR_(l, !=, r, true, #l, #r)

#define NRT_MEM_(l, r, n, fatal, ls, rs)                                                                     \
    do {                                                                                                     \
        const void *nrt_l_ = (l), *nrt_r_ = (r);                                                             \
        size_t nrt_n_ = (n);                                                                                 \
        nrt_check_memory(memcmp(nrt_l_, nrt_r_, nrt_n_) == 0, __FILE__, __LINE__, __func__, fatal, ls, rs,   \
                         nrt_l_, nrt_r_, nrt_n_);                                                            \
    } while (0)

#define NRT_EQ_MEM(l, r, n) NRT_MEM_(l, r, n, false, #l, #r)
#define NRT_EQ_MEM_FATAL(l, r, n) NRT_MEM_(l, r, n, true, #l, #r)

#define NRT_TRUE(cond) nrt_check((cond) ? true : false, __FILE__, __LINE__, __func__, false, "%s is false", #cond)
#define NRT_FALSE(cond) nrt_check((cond) ? false : true, __FILE__, __LINE__, __func__, false, "%s is true", #cond)
#define NRT_TRUE_FATAL(cond)                                                                                 \
    nrt_check((cond) ? true : false, __FILE__, __LINE__, __func__, true, "%s is false", #cond)
#define NRT_FALSE_FATAL(cond)                                                                                \
    nrt_check((cond) ? false : true, __FILE__, __LINE__, __func__, true, "%s is true", #cond)

#define NRT_TRUE_MSG(cond, ...) nrt_check((cond) ? true : false, __FILE__, __LINE__, __func__, false, __VA_ARGS__)
#define NRT_TRUE_MSG_FATAL(cond, ...)                                                                        \
    nrt_check((cond) ? true : false, __FILE__, __LINE__, __func__, true, __VA_ARGS__)
#define NRT_FAIL(...) nrt_check(false, __FILE__, __LINE__, __func__, false, __VA_ARGS__)
#define NRT_FAIL_FATAL(...) nrt_check(false, __FILE__, __LINE__, __func__, true, __VA_ARGS__)

#define NRT_CONTAINS_(haystack, needle, fatal, hs)                                                           \
    do {                                                                                                     \
        const char *nrt_h_ = (haystack), *nrt_n_ = (needle);                                                 \
        nrt_check(nrt_h_ && strstr(nrt_h_, nrt_n_), __FILE__, __LINE__, __func__, fatal,                     \
                  "%s contains \"%s\": it is \"%s\"", hs, nrt_n_, nrt_h_ ? nrt_h_ : "(null)");               \
    } while (0)
#define NRT_NOT_CONTAINS_(haystack, needle, fatal, hs)                                                       \
    do {                                                                                                     \
        const char *nrt_h_ = (haystack), *nrt_n_ = (needle);                                                 \
        nrt_check(!nrt_h_ || !strstr(nrt_h_, nrt_n_), __FILE__, __LINE__, __func__, fatal,                   \
                  "%s does not contain \"%s\": it is \"%s\"", hs, nrt_n_, nrt_h_ ? nrt_h_ : "(null)");       \
    } while (0)

#define NRT_CONTAINS(haystack, needle) NRT_CONTAINS_(haystack, needle, false, #haystack)
#define NRT_NOT_CONTAINS(haystack, needle) NRT_NOT_CONTAINS_(haystack, needle, false, #haystack)
#define NRT_CONTAINS_FATAL(haystack, needle) NRT_CONTAINS_(haystack, needle, true, #haystack)
#define NRT_NOT_CONTAINS_FATAL(haystack, needle) NRT_NOT_CONTAINS_(haystack, needle, true, #haystack)

#define NRT_EQ_DESCRIBED(type, describe, l, r) NRT_EQ_DESCRIBED_(type, describe, l, r, #l, #r)
#define NRT_EQ_DESCRIBED_(type, describe, l, r, ls, rs)                                                      \
    do {                                                                                                     \
        type nrt_l_ = (l), nrt_r_ = (r);                                                                     \
        nrt_check_values(nrt_l_ == nrt_r_, __FILE__, __LINE__, __func__, false, ls, "==", rs,                \
                         nrt_operand_described(NRT_OPERAND(nrt_l_), describe(nrt_l_)),                       \
                         nrt_operand_described(NRT_OPERAND(nrt_r_), describe(nrt_r_)));                      \
    } while (0)

#endif
