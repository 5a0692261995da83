/* Shared by liftwatch's C accelerators (trace_native.c, aircraft_native.c): growable byte buffers and the
 * scan of one JSON number with Clinger's exact fast path.
 *
 * A number is scanned by the JSON grammar exactly (optional '-', no leading zeros, digits after '.' and
 * after 'e'); its first 19 significant digits are kept as an integer mantissa. Its value is exact without
 * any rounding question when the mantissa fits 53 bits and |exp10| <= 22 (one IEEE multiplication or
 * division of exact operands, Clinger 1990), or when it is an integer of up to 19 digits (the conversion of
 * an integer is correctly rounded). Anything else is left to the caller, who hands the text to CPython's
 * correctly rounded PyOS_string_to_double, so every value equals float()'s.
 */
#ifndef LIFTWATCH_JSONSCAN_H
#define LIFTWATCH_JSONSCAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static inline int buf_grow(Buf *b, size_t extra) {
    if (b->len + extra <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra) cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL) return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

#define WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static const double P10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

typedef struct {
    const unsigned char *start, *stop; /* the number's text */
    uint64_t m;                        /* its first 19 significant digits */
    long ex;                           /* the written exponent (capped far beyond float64's range) */
    int neg, slow, frac, is_int;       /* slow: more than 19 significant digits */
} Num;

/* The JSON number at s (before end) -> *n; 0, or -1 when the text there is not one. The digits are
 * accumulated in locals and stored once: written through n inside the loop, they would be stored and
 * reloaded at every digit (an unsigned char pointer may alias anything). */
static inline int scan_number(const unsigned char *s, const unsigned char *end, Num *n) {
    const unsigned char *start = s;
    int nd = 0, neg = 0, slow = 0, frac = 0, is_int = 1;
    uint64_t m = 0;
    long ex = 0;
    if (s < end && *s == '-') {
        neg = 1;
        s++;
    }
    if (s >= end) return -1;
    if (*s == '0') {
        s++;
    } else if (*s >= '1' && *s <= '9') {
        while (s < end && *s >= '0' && *s <= '9') {
            if (nd < 19) {
                m = m * 10 + (uint64_t)(*s - '0');
                nd++;
            } else {
                slow = 1;
            }
            s++;
        }
    } else {
        return -1;
    }
    if (s < end && *s == '.') {
        is_int = 0;
        s++;
        if (s >= end || *s < '0' || *s > '9') return -1;
        while (s < end && *s >= '0' && *s <= '9') {
            unsigned d = *s - '0';
            if (m || d) {
                if (nd < 19) {
                    m = m * 10 + d;
                    nd++;
                } else {
                    slow = 1;
                }
            }
            frac++;
            s++;
        }
    }
    if (s < end && (*s == 'e' || *s == 'E')) {
        int eneg = 0;
        is_int = 0;
        s++;
        if (s < end && (*s == '+' || *s == '-')) {
            eneg = *s == '-';
            s++;
        }
        if (s >= end || *s < '0' || *s > '9') return -1;
        while (s < end && *s >= '0' && *s <= '9') {
            if (ex < 100000) ex = ex * 10 + (*s - '0');
            s++;
        }
        if (eneg) ex = -ex;
    }
    n->start = start;
    n->stop = s;
    n->m = m;
    n->ex = ex;
    n->neg = neg;
    n->slow = slow;
    n->frac = frac;
    n->is_int = is_int;
    return 0;
}

/* The value of a scanned number when it is exact without a correctly rounded strtod: 1 and *out, else 0.
 * An integer literal is an integer: -0 gives +0.0, as float(int("-0")) does. */
static inline int fast_value(const Num *n, double *out) {
    if (n->slow) return 0;
    long e10 = n->ex - n->frac;
    if (n->m == 0) {
        *out = (n->neg && !n->is_int) ? -0.0 : 0.0;
        return 1;
    }
    if (n->m <= (UINT64_C(1) << 53) && e10 >= -22 && e10 <= 22) {
        double v = (double)n->m;
        v = e10 < 0 ? v / P10[-e10] : v * P10[e10];
        *out = n->neg ? -v : v;
        return 1;
    }
    if (n->is_int) {
        double v = (double)n->m;
        *out = n->neg ? -v : v;
        return 1;
    }
    return 0;
}

#endif
