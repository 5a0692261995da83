/* liftwatch.io._aircraft_native: a readsb aircraft.json snapshot -> column buffers, or None where it is not sure.
 *
 * Why hand-written C: the Python paths build a Python object per aircraft (msgspec structs, orjson dicts) and
 * then pull every field out of every object: ~2 us an aircraft before any conversion. This parser walks the
 * bytes once and writes doubles, flags and string bytes straight into column buffers (~0.2 us an aircraft),
 * with the GIL released while it scans.
 *
 * The contract is exactness: it accepts a strict subset of what the typed path (liftwatch.io.aircraft_typed,
 * msgspec) accepts and returns None ("not handled") for anything else, so the caller takes the existing path
 * and the answer cannot differ:
 *   - top level: one object, keys without backslash escapes, exactly one "aircraft" key whose value is an
 *     array of objects; nothing but JSON whitespace after the object. Other members are validated as strict
 *     JSON and skipped here (the caller parses them with orjson, with the aircraft array left empty).
 *   - an aircraft object: keys without backslash escapes, no field the reader uses given twice (msgspec
 *     refuses that), and per field
 *       hex, type, flight, r, t, squawk: null or a printable-ASCII string without escapes;
 *       alt_baro, altitude: null, a number or such a string ("ground" or another, told apart);
 *       alt_geom, gs, track, baro_rate, geom_rate, lat, lon, seen_pos, seen, true_heading, mag_heading,
 *       speed, vert_rate: null or a number;
 *       mlat, tisb: null or an array of such strings (whether one is "lat" is kept);
 *       lastPosition: null or an object whose lat, lon, seen_pos are null or a number (others skipped);
 *       any other field: any strict JSON value (valid UTF-8, valid escapes, no surrogate escapes, at most 32
 *       levels deep), skipped.
 *   - numbers: JSON grammar exactly; an integer literal has at most 19 digits (beyond that the Python paths
 *     disagree on int vs float); values rounded correctly to float64: Clinger's exact fast path (<= 2^53
 *     mantissa, |exp10| <= 22: one IEEE operation on exact operands; an integer of up to 19 digits converts
 *     exactly rounded), else recorded and converted after the scan, with the GIL, by CPython's
 *     PyOS_string_to_double (David Gay's correctly rounded strtod). A value beyond float64 (1e400) -> None.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonscan.h"

#define NNUM 18   /* numeric slots, see NUM_FIELDS */
#define NSTR 6    /* string slots: hex type flight r t squawk */
#define MAXDEPTH 32
#define NOT_HANDLED 1
#define NO_MEMORY 2

/* flag bits per aircraft */
#define F_ALT_SHIFT 0 /* 2 bits: alt_baro 0 null/absent, 1 number, 2 "ground", 3 another string */
#define F_OLDALT_SHIFT 2 /* 2 bits: the same for dump1090's "altitude" */
#define F_MLAT_LAT 16
#define F_TISB_LAT 32
#define F_LASTPOS 64

enum { K_STR, K_NUM, K_ALT, K_LIST, K_LASTPOS };

typedef struct {
    const char *name;
    int kind, slot;
} Field;

/* Numeric slots 0-14 here; 15-17 are lastPosition's lat, lon, seen_pos. */
static const Field FIELDS[] = {
    {"hex", K_STR, 0},          {"type", K_STR, 1},         {"flight", K_STR, 2},        {"r", K_STR, 3},
    {"t", K_STR, 4},            {"squawk", K_STR, 5},       {"alt_baro", K_ALT, 0},      {"altitude", K_ALT, 12},
    {"alt_geom", K_NUM, 1},     {"gs", K_NUM, 2},           {"track", K_NUM, 3},         {"baro_rate", K_NUM, 4},
    {"geom_rate", K_NUM, 5},    {"lat", K_NUM, 6},          {"lon", K_NUM, 7},           {"seen_pos", K_NUM, 8},
    {"seen", K_NUM, 9},         {"true_heading", K_NUM, 10}, {"mag_heading", K_NUM, 11}, {"speed", K_NUM, 13},
    {"vert_rate", K_NUM, 14},   {"mlat", K_LIST, F_MLAT_LAT}, {"tisb", K_LIST, F_TISB_LAT},
    {"lastPosition", K_LASTPOS, 0},
};
#define NFIELDS ((int)(sizeof FIELDS / sizeof FIELDS[0]))

typedef struct { /* a number left for PyOS_string_to_double: its text and where its value goes */
    size_t at, len, dest;
} Slow;

typedef struct {
    const unsigned char *s, *end;
    Buf nums, flags, spres, off[NSTR], data[NSTR], slow;
    Py_ssize_t n;
    int err;
} P;

static inline void skip_ws(P *p) {
    while (p->s < p->end && WS(*p->s)) p->s++;
}

static int fail(P *p, int kind) {
    if (!p->err) p->err = kind;
    return -1;
}

/* A JSON number at p->s. dest: where its value goes in p->nums (SIZE_MAX: validated and skipped). */
static int parse_number(P *p, const unsigned char *base, double *out, size_t dest) {
    Num n;
    if (scan_number(p->s, p->end, &n)) return fail(p, NOT_HANDLED);
    const unsigned char *s = n.stop, *end = p->end;
    if (s < end && !(WS(*s) || *s == ',' || *s == '}' || *s == ']')) return fail(p, NOT_HANDLED);
    p->s = s;
    if (n.is_int && n.slow) return fail(p, NOT_HANDLED); /* > 19 digits: int or float depends on the parser */
    if (dest == SIZE_MAX) return 0;
    if (fast_value(&n, out)) return 0;
    size_t len = (size_t)(s - n.start);
    if (len >= 512) return fail(p, NOT_HANDLED);
    if (buf_grow(&p->slow, sizeof(Slow))) return fail(p, NO_MEMORY);
    Slow rec = {(size_t)(n.start - base), len, dest};
    memcpy(p->slow.p + p->slow.len, &rec, sizeof rec);
    p->slow.len += sizeof rec;
    *out = NAN; /* filled in after the scan */
    return 0;
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Any JSON string, validated (escapes, UTF-8 without surrogates or overlongs; no surrogate escapes at all);
 * p->s at the opening quote. *plain: printable ASCII without escapes (then ptr/len are its bytes). */
static int string(P *p, const unsigned char **ptr, size_t *len, int *plain) {
    const unsigned char *s = p->s + 1, *end = p->end;
    int pl = 1;
    *ptr = s;
    while (s < end && *s != '"') {
        unsigned char c = *s;
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            s++;
            continue;
        }
        pl = 0;
        if (c < 0x20 || c == 0x7f) {
            if (c < 0x20) return fail(p, NOT_HANDLED);
            s++;
        } else if (c == '\\') {
            if (s + 1 >= end) return fail(p, NOT_HANDLED);
            unsigned char e = s[1];
            if (e == 'u') {
                if (s + 6 > end) return fail(p, NOT_HANDLED);
                int v = 0;
                for (int i = 2; i < 6; i++) {
                    int h = hexval(s[i]);
                    if (h < 0) return fail(p, NOT_HANDLED);
                    v = v * 16 + h;
                }
                if (v >= 0xd800 && v <= 0xdfff) return fail(p, NOT_HANDLED);
                s += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
                       e == 't') {
                s += 2;
            } else {
                return fail(p, NOT_HANDLED);
            }
        } else { /* UTF-8 lead byte */
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
                return fail(p, NOT_HANDLED);
            }
            if (end - s <= need) return fail(p, NOT_HANDLED);
            for (int i = 1; i <= need; i++) {
                if ((s[i] & 0xc0) != 0x80) return fail(p, NOT_HANDLED);
                cp = (cp << 6) | (s[i] & 0x3f);
            }
            if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
                (cp >= 0xd800 && cp <= 0xdfff))
                return fail(p, NOT_HANDLED);
            s += need + 1;
        }
    }
    if (s >= end) return fail(p, NOT_HANDLED);
    *len = (size_t)(s - *ptr);
    *plain = pl;
    p->s = s + 1;
    return 0;
}

static int literal(P *p, const char *word, size_t n) {
    if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0) return fail(p, NOT_HANDLED);
    p->s += n;
    if (p->s < p->end && !(WS(*p->s) || *p->s == ',' || *p->s == '}' || *p->s == ']'))
        return fail(p, NOT_HANDLED);
    return 0;
}

/* Any strict JSON value, validated and skipped; p->s at its first byte. */
static int skip_value(P *p, const unsigned char *base, int depth) {
    if (p->s >= p->end) return fail(p, NOT_HANDLED);
    unsigned char c = *p->s;
    const unsigned char *ptr;
    size_t len;
    int plain;
    double v;
    if (c == '"') return string(p, &ptr, &len, &plain);
    if (c == 'n') return literal(p, "null", 4);
    if (c == 't') return literal(p, "true", 4);
    if (c == 'f') return literal(p, "false", 5);
    if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p, base, &v, SIZE_MAX);
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
        skip_ws(p);
        if (close == '}') {
            if (p->s >= p->end || *p->s != '"') return fail(p, NOT_HANDLED);
            if (string(p, &ptr, &len, &plain)) return -1;
            skip_ws(p);
            if (p->s >= p->end || *p->s != ':') return fail(p, NOT_HANDLED);
            p->s++;
            skip_ws(p);
        }
        if (skip_value(p, base, depth + 1)) return -1;
        skip_ws(p);
        if (p->s >= p->end) return fail(p, NOT_HANDLED);
        if (*p->s == ',') {
            p->s++;
            continue;
        }
        if (*p->s == close) {
            p->s++;
            return 0;
        }
        return fail(p, NOT_HANDLED);
    }
}

/* An object key without escapes; p->s at the quote, left after the ':' and whitespace. */
static int key(P *p, const unsigned char **ptr, size_t *len) {
    int plain;
    if (p->s >= p->end || *p->s != '"') return fail(p, NOT_HANDLED);
    if (string(p, ptr, len, &plain)) return -1;
    if (!plain && memchr(*ptr, '\\', *len) != NULL) return fail(p, NOT_HANDLED); /* escaped: could spell ours */
    skip_ws(p);
    if (p->s >= p->end || *p->s != ':') return fail(p, NOT_HANDLED);
    p->s++;
    skip_ws(p);
    return 0;
}

/* After a member: ',' (1: another member follows) or the closing byte (0). */
static int next_member(P *p, unsigned char close) {
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

static size_t FLEN[NFIELDS]; /* strlen of each name, set at import */

static int field_of(const unsigned char *k, size_t len) {
    for (int i = 0; i < NFIELDS; i++) {
        if (FLEN[i] != len || (unsigned char)FIELDS[i].name[0] != k[0]) continue;
        size_t j = 1;
        while (j < len && (unsigned char)FIELDS[i].name[j] == k[j]) j++;
        if (j == len) return i;
    }
    return -1;
}

/* null or a number into row[slot] */
static int number_or_null(P *p, const unsigned char *base, double *row, int slot) {
    if (p->s < p->end && *p->s == 'n') return literal(p, "null", 4);
    if (p->s < p->end && (*p->s == '-' || (*p->s >= '0' && *p->s <= '9')))
        return parse_number(p, base, &row[slot], (size_t)p->n * NNUM + (size_t)slot);
    return fail(p, NOT_HANDLED);
}

static int last_position(P *p, const unsigned char *base, double *row) {
    static const char *names[3] = {"lat", "lon", "seen_pos"};
    int seen = 0;
    p->s++; /* '{' */
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') {
        p->s++;
        return 0;
    }
    for (;;) {
        const unsigned char *k;
        size_t klen;
        if (key(p, &k, &klen)) return -1;
        int which = -1;
        for (int i = 0; i < 3; i++)
            if (strlen(names[i]) == klen && memcmp(names[i], k, klen) == 0) which = i;
        if (which >= 0) {
            if (seen & (1 << which)) return fail(p, NOT_HANDLED);
            seen |= 1 << which;
            if (number_or_null(p, base, row, 15 + which)) return -1;
        } else if (skip_value(p, base, 2)) {
            return -1;
        }
        int more = next_member(p, '}');
        if (more < 0) return -1;
        if (!more) return 0;
    }
}

static int aircraft(P *p, const unsigned char *base) {
    double row[NNUM];
    const unsigned char *sptr[NSTR];
    size_t slen[NSTR];
    uint8_t flags = 0, spres = 0;
    uint32_t seen = 0;
    for (int i = 0; i < NNUM; i++) row[i] = NAN;
    if (p->s >= p->end || *p->s != '{') return fail(p, NOT_HANDLED);
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') {
        p->s++;
    } else {
        for (;;) {
            const unsigned char *k, *ptr;
            size_t klen, len;
            int plain;
            if (key(p, &k, &klen)) return -1;
            int f = field_of(k, klen);
            if (f < 0) {
                if (skip_value(p, base, 1)) return -1;
            } else {
                if (seen & (UINT32_C(1) << f)) return fail(p, NOT_HANDLED); /* msgspec refuses repeats */
                seen |= UINT32_C(1) << f;
                const Field *fd = &FIELDS[f];
                if (p->s >= p->end) return fail(p, NOT_HANDLED);
                unsigned char c = *p->s;
                if (c == 'n') {
                    if (literal(p, "null", 4)) return -1;
                } else if (fd->kind == K_NUM) {
                    if (number_or_null(p, base, row, fd->slot)) return -1;
                } else if (c == '"' && (fd->kind == K_STR || fd->kind == K_ALT)) {
                    if (string(p, &ptr, &len, &plain)) return -1;
                    if (!plain) return fail(p, NOT_HANDLED);
                    if (fd->kind == K_STR) {
                        sptr[fd->slot] = ptr;
                        slen[fd->slot] = len;
                        spres |= (uint8_t)(1 << fd->slot);
                    } else {
                        int g = len == 6 && memcmp(ptr, "ground", 6) == 0;
                        flags |= (uint8_t)((g ? 2 : 3) << (fd->slot ? F_OLDALT_SHIFT : F_ALT_SHIFT));
                    }
                } else if (fd->kind == K_ALT && (c == '-' || (c >= '0' && c <= '9'))) {
                    if (parse_number(p, base, &row[fd->slot], (size_t)p->n * NNUM + (size_t)fd->slot)) return -1;
                    flags |= (uint8_t)(1 << (fd->slot ? F_OLDALT_SHIFT : F_ALT_SHIFT));
                } else if (fd->kind == K_LIST && c == '[') {
                    p->s++;
                    skip_ws(p);
                    if (p->s < p->end && *p->s == ']') {
                        p->s++;
                    } else {
                        for (;;) {
                            if (p->s >= p->end || *p->s != '"') return fail(p, NOT_HANDLED);
                            if (string(p, &ptr, &len, &plain)) return -1;
                            if (!plain) return fail(p, NOT_HANDLED);
                            if (len == 3 && memcmp(ptr, "lat", 3) == 0) flags |= (uint8_t)fd->slot;
                            int more = next_member(p, ']');
                            if (more < 0) return -1;
                            if (!more) break;
                        }
                    }
                } else if (fd->kind == K_LASTPOS && c == '{') {
                    if (last_position(p, base, row)) return -1;
                    flags |= F_LASTPOS;
                } else {
                    return fail(p, NOT_HANDLED);
                }
            }
            int more = next_member(p, '}');
            if (more < 0) return -1;
            if (!more) break;
        }
    }
    if (buf_grow(&p->nums, sizeof row) || buf_grow(&p->flags, 1) || buf_grow(&p->spres, 1)) return fail(p, NO_MEMORY);
    memcpy(p->nums.p + p->nums.len, row, sizeof row);
    p->nums.len += sizeof row;
    p->flags.p[p->flags.len++] = (char)flags;
    p->spres.p[p->spres.len++] = (char)spres;
    for (int i = 0; i < NSTR; i++) {
        size_t len = (spres >> i) & 1 ? slen[i] : 0;
        if (buf_grow(&p->data[i], len) || buf_grow(&p->off[i], 4)) return fail(p, NO_MEMORY);
        if (len) memcpy(p->data[i].p + p->data[i].len, sptr[i], len);
        p->data[i].len += len;
        if (p->data[i].len > INT32_MAX) return fail(p, NOT_HANDLED);
        int32_t o = (int32_t)p->data[i].len;
        memcpy(p->off[i].p + p->off[i].len, &o, 4);
        p->off[i].len += 4;
    }
    p->n++;
    return 0;
}

static int aircraft_list(P *p, const unsigned char *base) {
    if (p->s >= p->end || *p->s != '[') return fail(p, NOT_HANDLED);
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == ']') {
        p->s++;
        return 0;
    }
    for (;;) {
        if (aircraft(p, base)) return -1;
        int more = next_member(p, ']');
        if (more < 0) return -1;
        if (!more) return 0;
    }
}

/* The whole document; as, ae: where the aircraft array starts and ends. */
static int document(P *p, const unsigned char *base, Py_ssize_t *as, Py_ssize_t *ae) {
    skip_ws(p);
    if (p->s >= p->end || *p->s != '{') return fail(p, NOT_HANDLED);
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') return fail(p, NOT_HANDLED); /* no aircraft */
    for (;;) {
        const unsigned char *k;
        size_t klen;
        if (key(p, &k, &klen)) return -1;
        if (klen == 8 && memcmp(k, "aircraft", 8) == 0) {
            if (*as >= 0) return fail(p, NOT_HANDLED); /* twice: not ours to decide which counts */
            *as = p->s - base;
            if (aircraft_list(p, base)) return -1;
            *ae = p->s - base;
        } else if (skip_value(p, base, 0)) {
            return -1;
        }
        int more = next_member(p, '}');
        if (more < 0) return -1;
        if (!more) break;
    }
    skip_ws(p);
    if (p->s != p->end || *as < 0) return fail(p, NOT_HANDLED);
    return 0;
}

/* Scratch buffers kept from one call to the next: a fresh allocation per document cost page faults on every
 * call. A call takes them with the GIL held (a concurrent call, if any, starts with empty ones) and gives them
 * back with the GIL held, freed instead when they grew beyond SCRATCH_KEEP bytes. */
#define NBUF (4 + 2 * NSTR)
#define SCRATCH_KEEP ((size_t)64 << 20)
static Buf scratch[NBUF];

static void bufs_of(P *p, Buf **mine) {
    mine[0] = &p->nums;
    mine[1] = &p->flags;
    mine[2] = &p->spres;
    mine[3] = &p->slow;
    for (int i = 0; i < NSTR; i++) {
        mine[4 + 2 * i] = &p->off[i];
        mine[5 + 2 * i] = &p->data[i];
    }
}

static void take_scratch(P *p) {
    Buf *mine[NBUF];
    bufs_of(p, mine);
    for (int i = 0; i < NBUF; i++) {
        *mine[i] = scratch[i];
        mine[i]->len = 0;
        scratch[i].p = NULL;
        scratch[i].cap = scratch[i].len = 0;
    }
}

static void give_scratch(P *p) {
    Buf *mine[NBUF];
    bufs_of(p, mine);
    for (int i = 0; i < NBUF; i++) {
        if (scratch[i].p == NULL && mine[i]->cap <= SCRATCH_KEEP) {
            scratch[i] = *mine[i];
        } else {
            free(mine[i]->p);
        }
    }
}

static PyObject *aircraft_columns(PyObject *self, PyObject *arg) {
    (void)self;
    if (!PyBytes_Check(arg)) { /* immutable: safe to read with the GIL released */
        PyErr_SetString(PyExc_TypeError, "aircraft_columns() takes bytes");
        return NULL;
    }
    P p;
    memset(&p, 0, sizeof p);
    take_scratch(&p);
    const unsigned char *base = (const unsigned char *)PyBytes_AS_STRING(arg);
    p.s = base;
    p.end = base + PyBytes_GET_SIZE(arg);
    Py_ssize_t as = -1, ae = -1;
    PyObject *result = NULL;
    int zero = 0;
    for (int i = 0; i < NSTR; i++) /* offsets start at 0 */
        if (buf_grow(&p.off[i], 4) == 0) {
            memcpy(p.off[i].p, &zero, 4);
            p.off[i].len = 4;
        } else {
            p.err = NO_MEMORY;
        }
    if (!p.err) {
        Py_BEGIN_ALLOW_THREADS;
        document(&p, base, &as, &ae);
        Py_END_ALLOW_THREADS;
    }
    if (!p.err) { /* numbers beyond the exact fast path: CPython's correctly rounded strtod */
        const Slow *rec = (const Slow *)p.slow.p;
        size_t nslow = p.slow.len / sizeof(Slow);
        double *nums = (double *)p.nums.p;
        for (size_t i = 0; i < nslow && !p.err; i++) {
            char tmp[512];
            memcpy(tmp, base + rec[i].at, rec[i].len);
            tmp[rec[i].len] = 0;
            char *endp = NULL;
            double v = PyOS_string_to_double(tmp, &endp, NULL);
            if (v == -1.0 && PyErr_Occurred()) {
                PyErr_Clear();
                p.err = NOT_HANDLED;
            } else if (endp != tmp + rec[i].len || isinf(v) || isnan(v)) {
                p.err = NOT_HANDLED;
            } else {
                nums[rec[i].dest] = v;
            }
        }
    }
    if (!p.err) {
        Py_ssize_t n = p.n;
        PyObject *cols = PyByteArray_FromStringAndSize(NULL, n * NNUM * (Py_ssize_t)sizeof(double));
        PyObject *strs = PyTuple_New(2 * NSTR);
        if (cols != NULL && strs != NULL) {
            double *dst = (double *)PyByteArray_AS_STRING(cols);
            const double *src = (const double *)p.nums.p;
            for (Py_ssize_t i = 0; i < n; i++)
                for (int j = 0; j < NNUM; j++) dst[(Py_ssize_t)j * n + i] = src[i * NNUM + j];
            int ok = 1;
            for (int i = 0; i < NSTR && ok; i++) {
                PyObject *o = PyBytes_FromStringAndSize(p.off[i].p, (Py_ssize_t)p.off[i].len);
                PyObject *d = PyBytes_FromStringAndSize(p.data[i].len ? p.data[i].p : "", (Py_ssize_t)p.data[i].len);
                if (o == NULL || d == NULL) {
                    Py_XDECREF(o);
                    Py_XDECREF(d);
                    ok = 0;
                    break;
                }
                PyTuple_SET_ITEM(strs, 2 * i, o);
                PyTuple_SET_ITEM(strs, 2 * i + 1, d);
            }
            if (ok) {
                PyObject *flags = PyBytes_FromStringAndSize(p.flags.len ? p.flags.p : "", (Py_ssize_t)p.flags.len);
                PyObject *spres = PyBytes_FromStringAndSize(p.spres.len ? p.spres.p : "", (Py_ssize_t)p.spres.len);
                if (flags != NULL && spres != NULL) {
                    result = Py_BuildValue("(nnnONNN)", as, ae, n, cols, flags, spres, strs);
                    strs = NULL; /* stolen by N */
                } else {
                    Py_XDECREF(flags);
                    Py_XDECREF(spres);
                }
            }
        }
        Py_XDECREF(cols);
        Py_XDECREF(strs);
    }
    if (result == NULL && p.err == NO_MEMORY && !PyErr_Occurred()) PyErr_NoMemory();
    if (result == NULL && !PyErr_Occurred()) result = Py_NewRef(Py_None);
    give_scratch(&p);
    return result;
}

static PyMethodDef methods[] = {
    {"aircraft_columns", aircraft_columns, METH_O,
     "aircraft_columns(data: bytes) -> (aircraft_start, aircraft_end, n, numbers, flags, strings_present, "
     "(offsets, bytes) * 6) or None when the document is outside the subset this parser is exact on."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_aircraft_native", NULL, -1, methods, NULL, NULL, NULL,
                                    NULL};

PyMODINIT_FUNC PyInit__aircraft_native(void) {
    for (int i = 0; i < NFIELDS; i++) FLEN[i] = strlen(FIELDS[i].name);
    return PyModule_Create(&module);
}
