/* The row-key fold of liftwatch.rowkey in one pass: every key column of a row read where it lies, its value
 * taken by the column's rule, and folded into the row's key with SplitMix64.
 *
 * Why hand-written C: the NumPy fold is exact but walks each of the 13 key columns ~9 times (fill, fix -0.0
 * and NaN, view, xor, add, three shift-xor-multiply rounds), ~0.09 µs a row, a tenth of what storing a point
 * may cost; here each value is read once and the key stays in a register. Text columns are not hashed here:
 * BLAKE2b of each distinct value stays in Python (liftwatch.rowkey), which hands over one uint64 a row.
 *
 * The rules must be exactly liftwatch.rowkey's (tests/test_rowkey_native.py compares both on hostile values):
 *   null                 -> the tag 0x6A09E667F3BCC908
 *   uint64 (precomputed) -> as given; int64 (timestamps, microseconds) -> its bits
 *   float64              -> its bits, -0.0 as 0.0, every NaN as 0x7FF8000000000000
 *   float32              -> its 32 bits widened, -0.0 as 0.0, every NaN as 0x7FC00000
 *   bool                 -> 1 for true, 2 for false
 *   constant             -> the one value given, for every row
 * then h = SEED; for column j: h ^= v; h += GOLDEN * (j + 1); h = splitmix64_finaliser(h).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define NULL_TAG UINT64_C(0x6A09E667F3BCC908)
#define SEED UINT64_C(0xCBF29CE484222325)
#define GOLDEN UINT64_C(0x9E3779B97F4A7C15)
#define MAX_COLUMNS 64

enum { K_U64 = 0, K_F64 = 1, K_F32 = 2, K_BOOL = 3, K_CONST = 4 };

typedef struct {
    int kind;
    const uint8_t *data;     /* values (bits for K_BOOL); NULL for K_CONST */
    const uint8_t *validity; /* Arrow validity bitmap, or NULL when no value is null */
    Py_ssize_t offset;       /* of the array into its buffers, in elements */
    uint64_t constant;
} Column;

static inline uint64_t finalise(uint64_t z) {
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static inline int bit(const uint8_t *bits, Py_ssize_t i) { return (bits[i >> 3] >> (i & 7)) & 1; }

static inline uint64_t value(const Column *c, Py_ssize_t row) {
    if (c->kind == K_CONST) return c->constant;
    Py_ssize_t i = row + c->offset;
    if (c->validity != NULL && !bit(c->validity, i)) return NULL_TAG;
    switch (c->kind) {
    case K_U64: {
        uint64_t v;
        memcpy(&v, c->data + 8 * i, 8);
        return v;
    }
    case K_F64: {
        double d;
        memcpy(&d, c->data + 8 * i, 8);
        if (d == 0.0) return 0;
        if (d != d) return UINT64_C(0x7FF8000000000000);
        uint64_t v;
        memcpy(&v, &d, 8);
        return v;
    }
    case K_F32: {
        float f;
        memcpy(&f, c->data + 4 * i, 4);
        if (f == 0.0f) return 0;
        if (f != f) return UINT64_C(0x7FC00000);
        uint32_t v;
        memcpy(&v, &f, 4);
        return v;
    }
    default: /* K_BOOL */
        return bit(c->data, i) ? 1 : 2;
    }
}

/* The fold over blocks of rows, one column at a time within a block: the rows' chains of dependent
 * multiplications are independent, so the CPU overlaps them, and the column's kind is decided once a block. */
#define ROWS 256
static void fold_rows(const Column *spec, Py_ssize_t m, Py_ssize_t n, uint64_t *keys) {
    uint64_t h[ROWS];
    for (Py_ssize_t base = 0; base < n; base += ROWS) {
        Py_ssize_t b = n - base < ROWS ? n - base : ROWS;
        for (Py_ssize_t r = 0; r < b; r++) h[r] = SEED;
        for (Py_ssize_t j = 0; j < m; j++) {
            const Column *c = &spec[j];
            uint64_t step = GOLDEN * (uint64_t)(j + 1);
            if (c->kind == K_CONST) {
                for (Py_ssize_t r = 0; r < b; r++) h[r] = finalise((h[r] ^ c->constant) + step);
            } else if (c->kind == K_U64 && c->validity == NULL) {
                const uint8_t *d = c->data + 8 * (base + c->offset);
                for (Py_ssize_t r = 0; r < b; r++) {
                    uint64_t v;
                    memcpy(&v, d + 8 * r, 8);
                    h[r] = finalise((h[r] ^ v) + step);
                }
            } else {
                for (Py_ssize_t r = 0; r < b; r++) h[r] = finalise((h[r] ^ value(c, base + r)) + step);
            }
        }
        memcpy(keys + base, h, 8 * (size_t)b);
    }
}

static void release_all(Py_buffer *views, int *held, int n) {
    for (int j = 0; j < n; j++) {
        if (held[2 * j]) PyBuffer_Release(&views[2 * j]);
        if (held[2 * j + 1]) PyBuffer_Release(&views[2 * j + 1]);
    }
}

/* fold(n, columns) -> bytearray of n uint64 keys; columns: (kind, data, validity, offset, constant) tuples. */
static PyObject *fold(PyObject *self, PyObject *args) {
    (void)self;
    Py_ssize_t n;
    PyObject *seq;
    if (!PyArg_ParseTuple(args, "nO", &n, &seq)) return NULL;
    PyObject *cols = PySequence_Fast(seq, "columns must be a sequence");
    if (cols == NULL) return NULL;
    Py_ssize_t m = PySequence_Fast_GET_SIZE(cols);
    if (m > MAX_COLUMNS || n < 0) {
        Py_DECREF(cols);
        PyErr_SetString(PyExc_ValueError, "at most 64 key columns and a row count >= 0");
        return NULL;
    }
    Column spec[MAX_COLUMNS];
    Py_buffer views[2 * MAX_COLUMNS];
    int held[2 * MAX_COLUMNS] = {0};
    for (Py_ssize_t j = 0; j < m; j++) {
        PyObject *data, *validity;
        unsigned long long constant;
        Column *c = &spec[j];
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(cols, j), "iOOnK", &c->kind, &data, &validity, &c->offset,
                              &constant))
            goto fail;
        c->constant = (uint64_t)constant;
        c->data = NULL;
        c->validity = NULL;
        if (c->kind < K_U64 || c->kind > K_CONST || c->offset < 0) {
            PyErr_SetString(PyExc_ValueError, "unknown column kind or negative offset");
            goto fail;
        }
        Py_ssize_t width = c->kind == K_F32 ? 4 : 8;
        if (c->kind != K_CONST) {
            if (PyObject_GetBuffer(data, &views[2 * j], PyBUF_SIMPLE) < 0) goto fail;
            held[2 * j] = 1;
            Py_ssize_t need = c->kind == K_BOOL ? (c->offset + n + 7) / 8 : (c->offset + n) * width;
            if (views[2 * j].len < need) {
                PyErr_SetString(PyExc_ValueError, "a column's buffer is shorter than its rows");
                goto fail;
            }
            c->data = (const uint8_t *)views[2 * j].buf;
        }
        if (validity != Py_None) {
            if (PyObject_GetBuffer(validity, &views[2 * j + 1], PyBUF_SIMPLE) < 0) goto fail;
            held[2 * j + 1] = 1;
            if (views[2 * j + 1].len < (c->offset + n + 7) / 8) {
                PyErr_SetString(PyExc_ValueError, "a column's validity bitmap is shorter than its rows");
                goto fail;
            }
            c->validity = (const uint8_t *)views[2 * j + 1].buf;
        }
    }
    PyObject *out = PyByteArray_FromStringAndSize(NULL, n * 8);
    if (out == NULL) goto fail;
    uint64_t *keys = (uint64_t *)PyByteArray_AS_STRING(out);
    Py_BEGIN_ALLOW_THREADS;
    fold_rows(spec, m, n, keys);
    Py_END_ALLOW_THREADS;
    release_all(views, held, (int)m);
    Py_DECREF(cols);
    return out;
fail:
    release_all(views, held, (int)m);
    Py_DECREF(cols);
    return NULL;
}

static PyMethodDef methods[] = {
    {"fold", fold, METH_VARARGS,
     "fold(n, columns) -> bytearray of n uint64 row keys; columns: (kind, data, validity, offset, constant)."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_rowkey", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__rowkey(void) { return PyModule_Create(&module); }
