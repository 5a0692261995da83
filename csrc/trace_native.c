/* liftwatch.io._trace_native: a readsb trace document -> column buffers, or None where it is not sure.
 *
 * Why hand-written C: the Python paths turn every point into Python objects (orjson) or into CSV text that
 * Arrow parses again (liftwatch.io.readsb_text); both cost ~0.5 us a point before any conversion. This
 * parser walks the bytes once and writes doubles straight into column buffers (~0.05 us a point), with the GIL
 * released while it scans (the storing thread appends meanwhile; liftwatch.ingest_workers.ParseThread).
 *
 * The contract is exactness: it accepts a strict subset of JSON and returns None ("not handled") for
 * anything outside it, so the caller takes the existing path and the answer cannot differ:
 *   - top level: one object; keys without backslash escapes; exactly one "trace" key; nothing but JSON
 *     whitespace after it. Members other than "trace" are only skipped here (the caller parses them with
 *     orjson, which validates them).
 *   - "trace": an array of arrays. Element k of a point (k = 0..11 as in readsb's compact layout):
 *       numeric fields (0-2, 4-7, 10, 11): a number or null;
 *       3 (altitude): a number, null or "ground";
 *       8 (aircraft): null or an object (nested at most 32 deep), copied verbatim for orjson;
 *       9 (source type): null or a printable-ASCII string without escapes;
 *       12+: a number, null or a printable-ASCII string without escapes (validated, not stored).
 *     Booleans, nested arrays, other strings, strings with escapes or non-ASCII bytes: None.
 *   - numbers: JSON grammar exactly (no leading zeros, digits after '.' and 'e'); values rounded correctly
 *     to float64: Clinger's exact fast path (<= 2^53 mantissa, |exp10| <= 22: one IEEE operation on exact
 *     operands), else recorded and converted after the scan, with the GIL, by CPython's PyOS_string_to_double
 *     (David Gay's correctly rounded strtod), so every value
 *     equals float() / orjson's. An integer literal is an integer (-0 gives +0.0, as float(int("-0"))).
 *     A value beyond float64 (1e400) -> None: orjson refuses the document, the salvage path decides.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonscan.h"

#define NNUM 10     /* stored numeric slots: dt lat lon alt gs trk flags vrate geom_alt geom_rate */
#define MAXSRC 64   /* distinct source-type strings per document */
#define NOT_HANDLED 1
#define PY_ERROR 2

static const int SLOT[12] = {0, 1, 2, 3, 4, 5, 6, 7, -1, -1, 8, 9};
typedef struct { /* a number left for PyOS_string_to_double: its text and where its value goes */
    size_t at, len, dest;
} Slow;

typedef struct {
    const unsigned char *s, *end, *base;
    Buf nums, lens, ground, isobj, codes, objs, slow;
    const unsigned char *src_ptr[MAXSRC];
    size_t src_len[MAXSRC];
    int nsrc;
    Py_ssize_t n, nobj;
    int err;
} P;

static inline void skip_ws(P *p) {
    while (p->s < p->end && WS(*p->s)) p->s++;
}

static int fail(P *p, int kind) {
    if (!p->err) p->err = kind;
    return -1;
}

/* A JSON number at p->s -> *out (see the header comment). dest: where its value goes in p->nums (SIZE_MAX:
 * validated only). A number off the exact fast path is recorded and converted after the scan, with the GIL. */
static int parse_number(P *p, double *out, size_t dest) {
    Num n;
    if (scan_number(p->s, p->end, &n)) return fail(p, NOT_HANDLED);
    p->s = n.stop;
    if (fast_value(&n, out)) return 0;
    size_t len = (size_t)(n.stop - n.start);
    if (len >= 512) return fail(p, NOT_HANDLED);
    if (buf_grow(&p->slow, sizeof(Slow))) return fail(p, PY_ERROR);
    Slow rec = {(size_t)(n.start - p->base), len, dest};
    memcpy(p->slow.p + p->slow.len, &rec, sizeof rec);
    p->slow.len += sizeof rec;
    *out = NAN; /* filled in after the scan */
    return 0;
}

/* The recorded numbers, by CPython's correctly rounded strtod (with the GIL): 0, or -1 when one is not a
 * finite float64 (1e400: orjson refuses the document, the salvage path decides). */
static int convert_slow(P *p) {
    const Slow *rec = (const Slow *)p->slow.p;
    size_t k = p->slow.len / sizeof(Slow);
    double *nums = (double *)p->nums.p;
    for (size_t i = 0; i < k; i++) {
        char tmp[512];
        memcpy(tmp, p->base + rec[i].at, rec[i].len);
        tmp[rec[i].len] = 0;
        char *endp = NULL;
        double v = PyOS_string_to_double(tmp, &endp, NULL);
        if (v == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            return fail(p, NOT_HANDLED);
        }
        if (endp != tmp + rec[i].len || isinf(v) || isnan(v)) return fail(p, NOT_HANDLED);
        if (rec[i].dest != SIZE_MAX) nums[rec[i].dest] = v;
    }
    return 0;
}

/* A string of printable ASCII without escapes; p->s at the opening quote. */
static int plain_string(P *p, const unsigned char **ptr, size_t *len) {
    const unsigned char *s = ++p->s;
    while (s < p->end && *s != '"') {
        if (*s < 0x20 || *s >= 0x7f || *s == '\\') return fail(p, NOT_HANDLED);
        s++;
    }
    if (s >= p->end) return fail(p, NOT_HANDLED);
    *ptr = p->s;
    *len = (size_t)(s - p->s);
    p->s = s + 1;
    return 0;
}

/* Skip any string (escapes skipped, not checked: orjson checks what is kept); p->s at the quote. */
static int skip_string(P *p) {
    const unsigned char *s = p->s + 1;
    while (s < p->end && *s != '"') {
        if (*s < 0x20) return fail(p, NOT_HANDLED);
        s += (*s == '\\') ? 2 : 1;
    }
    if (s >= p->end) return fail(p, NOT_HANDLED);
    p->s = s + 1;
    return 0;
}

/* An aircraft object copied verbatim to the objects buffer (orjson parses and validates it later); p->s at
 * '{'. Nesting inside it (readsb's "mlat":[], "tisb":[]) is followed by bracket depth, at most MAXDEPTH
 * deep, far below orjson's recursion limit, so the object parses alone exactly when it parses in place. */
#define MAXDEPTH 32
static int aircraft_object(P *p) {
    const unsigned char *start = p->s;
    int depth = 0;
    for (;;) {
        if (p->s >= p->end) return fail(p, NOT_HANDLED);
        unsigned char c = *p->s;
        if (c == '"') {
            if (skip_string(p)) return -1;
            continue;
        }
        if (c == '{' || c == '[') {
            if (++depth > MAXDEPTH) return fail(p, NOT_HANDLED);
        } else if (c == '}' || c == ']') {
            depth--;
        }
        p->s++;
        if (depth == 0) break;
    }
    size_t len = (size_t)(p->s - start);
    if (buf_grow(&p->objs, len + 1)) return fail(p, PY_ERROR);
    p->objs.p[p->objs.len++] = p->nobj ? ',' : '[';
    memcpy(p->objs.p + p->objs.len, start, len);
    p->objs.len += len;
    p->nobj++;
    return 0;
}

/* Any JSON value skipped by its structure (header members: orjson validates them). */
static int skip_value(P *p) {
    skip_ws(p);
    if (p->s >= p->end) return fail(p, NOT_HANDLED);
    unsigned char c = *p->s;
    if (c == '"') return skip_string(p);
    if (c == '{' || c == '[') {
        long depth = 0;
        while (p->s < p->end) {
            c = *p->s;
            if (c == '"') {
                if (skip_string(p)) return -1;
                continue;
            }
            if (c == '{' || c == '[') depth++;
            if (c == '}' || c == ']') depth--;
            p->s++;
            if (depth == 0) return 0;
        }
        return fail(p, NOT_HANDLED);
    }
    const unsigned char *s = p->s;
    while (s < p->end && *s != ',' && *s != '}' && *s != ']' && !WS(*s)) s++;
    if (s == p->s) return fail(p, NOT_HANDLED);
    p->s = s;
    return 0;
}

static int source_code(P *p, const unsigned char *ptr, size_t len, int32_t *code) {
    for (int i = 0; i < p->nsrc; i++) {
        if (p->src_len[i] == len && memcmp(p->src_ptr[i], ptr, len) == 0) {
            *code = i;
            return 0;
        }
    }
    if (p->nsrc == MAXSRC) return fail(p, NOT_HANDLED);
    p->src_ptr[p->nsrc] = ptr;
    p->src_len[p->nsrc] = len;
    *code = p->nsrc++;
    return 0;
}

static int parse_point(P *p) {
    double row[NNUM];
    int64_t k = 0;
    uint8_t ground = 0, isobj = 0;
    int32_t code = -1;
    for (int i = 0; i < NNUM; i++) row[i] = NAN;
    p->s++; /* '[' */
    skip_ws(p);
    if (p->s < p->end && *p->s == ']') {
        p->s++;
    } else {
        for (;;) {
            skip_ws(p);
            if (p->s >= p->end) return fail(p, NOT_HANDLED);
            unsigned char c = *p->s;
            if (c == 'n') {
                if (p->end - p->s < 4 || memcmp(p->s, "null", 4) != 0) return fail(p, NOT_HANDLED);
                p->s += 4;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                double v;
                if (k == 8 || k == 9) return fail(p, NOT_HANDLED);
                if (parse_number(p, &v, k < 12 ? (size_t)p->n * NNUM + (size_t)SLOT[k] : SIZE_MAX)) return -1;
                if (k < 12) row[SLOT[k]] = v;
            } else if (c == '"') {
                const unsigned char *ptr;
                size_t len;
                if (plain_string(p, &ptr, &len)) return -1;
                if (k == 3) {
                    if (len != 6 || memcmp(ptr, "ground", 6) != 0) return fail(p, NOT_HANDLED);
                    ground = 1;
                } else if (k == 9) {
                    if (source_code(p, ptr, len, &code)) return -1;
                } else if (k < 12) {
                    return fail(p, NOT_HANDLED);
                }
            } else if (c == '{') {
                if (k != 8) return fail(p, NOT_HANDLED);
                if (aircraft_object(p)) return -1;
                isobj = 1;
            } else {
                return fail(p, NOT_HANDLED); /* booleans, nested arrays, anything else */
            }
            k++;
            skip_ws(p);
            if (p->s >= p->end) return fail(p, NOT_HANDLED);
            if (*p->s == ',') {
                p->s++;
                continue;
            }
            if (*p->s == ']') {
                p->s++;
                break;
            }
            return fail(p, NOT_HANDLED);
        }
    }
    if (buf_grow(&p->nums, sizeof row) || buf_grow(&p->lens, 8) || buf_grow(&p->ground, 1) ||
        buf_grow(&p->isobj, 1) || buf_grow(&p->codes, 4))
        return fail(p, PY_ERROR);
    memcpy(p->nums.p + p->nums.len, row, sizeof row);
    p->nums.len += sizeof row;
    memcpy(p->lens.p + p->lens.len, &k, 8);
    p->lens.len += 8;
    p->ground.p[p->ground.len++] = (char)ground;
    p->isobj.p[p->isobj.len++] = (char)isobj;
    memcpy(p->codes.p + p->codes.len, &code, 4);
    p->codes.len += 4;
    p->n++;
    return 0;
}

static int parse_trace(P *p) {
    if (p->s >= p->end || *p->s != '[') return fail(p, NOT_HANDLED);
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == ']') {
        p->s++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (p->s >= p->end || *p->s != '[') return fail(p, NOT_HANDLED);
        if (parse_point(p)) return -1;
        skip_ws(p);
        if (p->s >= p->end) return fail(p, NOT_HANDLED);
        if (*p->s == ',') {
            p->s++;
            continue;
        }
        if (*p->s == ']') {
            p->s++;
            return 0;
        }
        return fail(p, NOT_HANDLED);
    }
}

/* Scratch buffers kept from one call to the next: a fresh multi-MiB allocation per document cost as much in
 * page faults as the parse itself. A call takes them (a re-entrant call, if any, starts with empty ones)
 * and gives them back, freed instead when they grew beyond SCRATCH_KEEP bytes. */
#define NSCRATCH 6
#define SCRATCH_KEEP ((size_t)64 << 20)
static Buf scratch[NSCRATCH];

static void take_scratch(P *p) {
    Buf *mine[NSCRATCH] = {&p->nums, &p->lens, &p->ground, &p->isobj, &p->codes, &p->objs};
    for (int i = 0; i < NSCRATCH; i++) {
        *mine[i] = scratch[i];
        mine[i]->len = 0;
        scratch[i].p = NULL;
        scratch[i].cap = scratch[i].len = 0;
    }
}

static void give_scratch(P *p) {
    Buf *mine[NSCRATCH] = {&p->nums, &p->lens, &p->ground, &p->isobj, &p->codes, &p->objs};
    for (int i = 0; i < NSCRATCH; i++) {
        if (scratch[i].p == NULL && mine[i]->cap <= SCRATCH_KEEP) {
            scratch[i] = *mine[i];
        } else {
            free(mine[i]->p);
        }
    }
}

static PyObject *bytearray_of(Buf *b) { return PyByteArray_FromStringAndSize(b->len ? b->p : "", (Py_ssize_t)b->len); }

/* The document's structure, its points into p's buffers (no Python object is touched: the caller releases
 * the GIL around it); *ts, *te: where the trace array starts and ends. 0, or -1 with p->err set. */
static int scan_document(P *p, Py_ssize_t *ts, Py_ssize_t *te) {
    skip_ws(p);
    if (p->s >= p->end || *p->s != '{') {
        fail(p, NOT_HANDLED);
        return -1;
    }
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') {
        fail(p, NOT_HANDLED); /* no trace */
        return -1;
    }
    for (;;) {
        skip_ws(p);
        if (p->s >= p->end || *p->s != '"') {
            fail(p, NOT_HANDLED);
            return -1;
        }
        const unsigned char *key = p->s + 1;
        if (skip_string(p)) return -1;
        size_t klen = (size_t)(p->s - key - 1);
        if (memchr(key, '\\', klen) != NULL) {
            fail(p, NOT_HANDLED); /* an escaped key could spell "trace" */
            return -1;
        }
        skip_ws(p);
        if (p->s >= p->end || *p->s != ':') {
            fail(p, NOT_HANDLED);
            return -1;
        }
        p->s++;
        skip_ws(p);
        if (klen == 5 && memcmp(key, "trace", 5) == 0) {
            if (*ts >= 0) {
                fail(p, NOT_HANDLED); /* duplicate keys: the last wins in orjson; not ours to decide */
                return -1;
            }
            *ts = p->s - p->base;
            if (parse_trace(p)) return -1;
            *te = p->s - p->base;
        } else if (skip_value(p)) {
            return -1;
        }
        skip_ws(p);
        if (p->s < p->end && *p->s == ',') {
            p->s++;
            continue;
        }
        if (p->s < p->end && *p->s == '}') {
            p->s++;
            break;
        }
        fail(p, NOT_HANDLED);
        return -1;
    }
    skip_ws(p);
    if (p->s != p->end || *ts < 0) {
        fail(p, NOT_HANDLED);
        return -1;
    }
    return 0;
}

static PyObject *trace_columns(PyObject *self, PyObject *arg) {
    (void)self;
    Py_buffer view;
    PyObject *result = NULL;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) return NULL;
    P p;
    memset(&p, 0, sizeof p);
    take_scratch(&p);
    p.s = (const unsigned char *)view.buf;
    p.end = p.s + view.len;
    Py_ssize_t ts = -1, te = -1;

    p.base = p.s;
    int bad;
    Py_BEGIN_ALLOW_THREADS;
    bad = scan_document(&p, &ts, &te);
    Py_END_ALLOW_THREADS;
    if (bad || convert_slow(&p)) goto done;
    {
        Py_ssize_t n = p.n;
        PyObject *cols = PyByteArray_FromStringAndSize(NULL, n * NNUM * (Py_ssize_t)sizeof(double));
        if (cols == NULL) goto done;
        double *dst = (double *)PyByteArray_AS_STRING(cols);
        const double *src = (const double *)p.nums.p;
        for (Py_ssize_t i = 0; i < n; i++)
            for (int j = 0; j < NNUM; j++) dst[(Py_ssize_t)j * n + i] = src[i * NNUM + j];
        PyObject *srcs = PyList_New(p.nsrc);
        if (srcs == NULL) {
            Py_DECREF(cols);
            goto done;
        }
        for (int i = 0; i < p.nsrc; i++) {
            PyObject *s = PyUnicode_DecodeASCII((const char *)p.src_ptr[i], (Py_ssize_t)p.src_len[i], NULL);
            if (s == NULL) {
                Py_DECREF(cols);
                Py_DECREF(srcs);
                goto done;
            }
            PyList_SET_ITEM(srcs, i, s);
        }
        PyObject *objs;
        if (p.nobj) {
            if (buf_grow(&p.objs, 1)) {
                Py_DECREF(cols);
                Py_DECREF(srcs);
                PyErr_NoMemory();
                goto done;
            }
            p.objs.p[p.objs.len++] = ']';
            objs = PyBytes_FromStringAndSize(p.objs.p, (Py_ssize_t)p.objs.len);
        } else {
            objs = Py_NewRef(Py_None);
        }
        result = Py_BuildValue("(nnnNNNNNNN)", ts, te, n, cols, bytearray_of(&p.lens), bytearray_of(&p.ground),
                               bytearray_of(&p.isobj), bytearray_of(&p.codes), srcs, objs);
    }
done:
    free(p.slow.p);
    if (result == NULL && p.err == PY_ERROR && !PyErr_Occurred()) PyErr_NoMemory();
    if (result == NULL && !PyErr_Occurred()) result = Py_NewRef(Py_None);
    give_scratch(&p);
    PyBuffer_Release(&view);
    return result;
}

static PyMethodDef methods[] = {
    {"trace_columns", trace_columns, METH_O,
     "trace_columns(data) -> (trace_start, trace_end, n, columns, lens, ground, is_obj, src_codes, src_values, "
     "objects_json) or None when the document is outside the subset this parser is exact on."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_trace_native", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__trace_native(void) { return PyModule_Create(&module); }
