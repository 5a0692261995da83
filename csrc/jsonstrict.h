/* Strict JSON, the pieces every walk needs: whitespace, strings (validated: escapes, UTF-8 without surrogates or
 * overlongs, no surrogate escapes at all), literals, object keys, member separators, and any value validated
 * and skipped (at most MAXDEPTH levels deep). Anything else sets err = NOT_HANDLED and returns -1, and the
 * caller steps aside. Static inline: included by the one scan that uses it, so the hot loops inline.
 */
#ifndef LIFTWATCH_JSONSTRICT_H
#define LIFTWATCH_JSONSTRICT_H

#include <string.h>

#include "jsonscan.h"

#ifndef NOT_HANDLED
#define NOT_HANDLED 1
#endif
#define MAXDEPTH 32

typedef struct {
    const unsigned char *s, *end, *base; /* where the walk is, the end and the start of the document */
    void *user;                          /* what the walk fills */
    int err;
} Lex;

/* 1 for every byte a string cannot simply continue with: '"', '\\', controls, DEL and non-ASCII. */
static uint8_t STOP[256]; /* set by lex_init */

static void lex_init(void) {
    for (int c = 0; c < 256; c++) STOP[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\';
}

static inline void skip_ws(Lex *p) {
    while (p->s < p->end && WS(*p->s)) p->s++;
}

static int fail(Lex *p, int kind) {
    if (!p->err) p->err = kind;
    return -1;
}

static inline int delimiter(const Lex *p) {
    unsigned char c;
    return p->s >= p->end || WS(c = *p->s) || c == ',' || c == '}' || c == ']';
}

/* A JSON number at p->s, validated and skipped (an integer over 19 digits is refused: the Python parsers
 * disagree on int vs float there). */
static int skip_number(Lex *p) {
    Num n;
    if (scan_number(p->s, p->end, &n)) return fail(p, NOT_HANDLED);
    p->s = n.stop;
    if (!delimiter(p) || (n.is_int && n.slow)) return fail(p, NOT_HANDLED);
    return 0;
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The byte at s needs a closer look (an escape or a UTF-8 sequence): its length, or -1 when invalid. */
static int special(const unsigned char *s, const unsigned char *end) {
    unsigned char c = *s;
    if (c < 0x20) return -1;
    if (c == 0x7f) return 1;
    if (c == '\\') {
        if (s + 1 >= end) return -1;
        unsigned char e = s[1];
        if (e == 'u') {
            if (s + 6 > end) return -1;
            int v = 0;
            for (int i = 2; i < 6; i++) {
                int h = hexval(s[i]);
                if (h < 0) return -1;
                v = v * 16 + h;
            }
            return v >= 0xd800 && v <= 0xdfff ? -1 : 6;
        }
        return e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't' ? 2 : -1;
    }
    int need;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        cp = c & 0x07;
    } else {
        return -1;
    }
    if (end - s <= need) return -1;
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xc0) != 0x80) return -1;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
        return -1;
    return need + 1;
}

/* Any JSON string, validated (escapes, UTF-8 without surrogates or overlongs; no surrogate escapes at all);
 * p->s at the opening quote. *plain: printable ASCII without escapes (then ptr/len are its bytes). */
static int string(Lex *p, const unsigned char **ptr, size_t *len, int *plain) {
    const unsigned char *s = p->s + 1, *end = p->end;
    int pl = 1;
    *ptr = s;
    for (;;) {
        while (s + 4 <= end && !(STOP[s[0]] | STOP[s[1]] | STOP[s[2]] | STOP[s[3]])) s += 4;
        while (s < end && !STOP[*s]) s++;
        if (s >= end) return fail(p, NOT_HANDLED);
        if (*s == '"') break;
        pl = 0;
        int k = special(s, end);
        if (k < 0) return fail(p, NOT_HANDLED);
        s += k;
    }
    *len = (size_t)(s - *ptr);
    *plain = pl;
    p->s = s + 1;
    return 0;
}

static int literal(Lex *p, const char *word, size_t n) {
    if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0) return fail(p, NOT_HANDLED);
    p->s += n;
    return delimiter(p) ? 0 : fail(p, NOT_HANDLED);
}

/* At an opening '{' or '[': steps past it; 1 when the container is empty (its closing byte consumed too), 0
   when a member follows. */
static inline int opens_empty(Lex *p, unsigned char close) {
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == close) {
        p->s++;
        return 1;
    }
    return 0;
}

/* After a member: ',' (1: another member follows) or the closing byte (0). */
static inline int next_member(Lex *p, unsigned char close) {
    skip_ws(p);
    if (p->s >= p->end) return fail(p, NOT_HANDLED);
    if (*p->s == ',') {
        p->s++;
        skip_ws(p);
        return 1;
    }
    if (*p->s == close) {
        p->s++;
        return 0;
    }
    return fail(p, NOT_HANDLED);
}

/* An object key without escapes; p->s at the quote, left after the ':' and whitespace. The common key (plain
 * ASCII, ':' right after) is read inline; anything else takes string(). */
static inline int key(Lex *p, const unsigned char **ptr, size_t *len) {
    const unsigned char *s = p->s, *end = p->end;
    if (s >= end || *s != '"') return fail(p, NOT_HANDLED);
    const unsigned char *k = ++s;
    while (s < end && !STOP[*s]) s++;
    if (s < end && *s == '"') {
        *ptr = k;
        *len = (size_t)(s - k);
        s++;
        if (s < end && *s == ':') {
            s++;
            p->s = s;
            if (s < end && WS(*s)) skip_ws(p);
            return 0;
        }
        p->s = s;
    } else {
        int plain;
        if (string(p, ptr, len, &plain)) return -1;
        if (!plain && memchr(*ptr, '\\', *len) != NULL) return fail(p, NOT_HANDLED); /* escaped: could spell ours */
    }
    skip_ws(p);
    if (p->s >= p->end || *p->s != ':') return fail(p, NOT_HANDLED);
    p->s++;
    skip_ws(p);
    return 0;
}

/* Any strict JSON value, validated and skipped; p->s at its first byte. */
static int skip_value(Lex *p, int depth) {
    if (p->s >= p->end) return fail(p, NOT_HANDLED);
    unsigned char c = *p->s;
    const unsigned char *ptr;
    size_t len;
    int plain;
    if (c == '"') return string(p, &ptr, &len, &plain);
    if (c == 'n') return literal(p, "null", 4);
    if (c == 't') return literal(p, "true", 4);
    if (c == 'f') return literal(p, "false", 5);
    if (c == '-' || (c >= '0' && c <= '9')) return skip_number(p);
    if (c != '{' && c != '[') return fail(p, NOT_HANDLED);
    if (depth >= MAXDEPTH) return fail(p, NOT_HANDLED);
    unsigned char close = c == '{' ? '}' : ']';
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == close) {
        p->s++;
        return 0;
    }
    for (;;) {
        if (close == '}' && key(p, &ptr, &len)) return -1;
        if (skip_value(p, depth + 1)) return -1;
        int more = next_member(p, close);
        if (more <= 0) return more;
    }
}

#endif
