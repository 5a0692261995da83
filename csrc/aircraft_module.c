/* liftwatch.io._aircraft_native: readsb aircraft.json snapshots -> the canonical point columns, or None where
 * it is not sure (then the pure-Python path reads the document).
 *
 * Why hand-written C: the Python paths build a Python object per aircraft (msgspec structs, orjson dicts) and
 * then pull every field out of every object: ~2 us an aircraft before any conversion. Here the bytes are
 * walked once, each aircraft goes through the reader's rules as it is parsed, and a batch's columns come out
 * as Arrow buffers; the GIL is released for both.
 *
 *   scan(data: bytes) -> (doc, n, aircraft_start, aircraft_end) or None
 *       doc holds the n aircraft's Rows (aircraft_rows.c). Numbers beyond the exact fast path are converted
 *       here, with the GIL, by CPython's PyOS_string_to_double (David Gay's correctly rounded strtod), and
 *       their aircraft finished then; a value beyond float64 (1e400) -> None.
 *   assemble(docs: list, now: float64 buffer, one per doc) -> (kept, reasons, columns...) (see below)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <string.h>

#include "aircraft_native.h"

typedef struct {
    PyObject_HEAD DocData d;
} Doc;

/* Row and text buffers of freed documents, kept for the next ones: a fresh allocation per document (a few
 * hundred KiB, beyond malloc's mmap threshold) cost a page fault and a zeroed page every 4 KiB, ~15% of the
 * scan. Taken and given back with the GIL held; a pool keeps at most POOL buffers and POOL_BYTES in all. */
#define POOL 128
#define POOL_BYTES ((size_t)64 << 20)
typedef struct {
    Buf b[POOL];
    int n;
    size_t bytes;
} Pool;
static Pool row_pool, text_pool; /* one per kind: a row buffer is far larger than a text one */

static void take(Pool *pl, Buf *b) {
    if (pl->n > 0) {
        *b = pl->b[--pl->n];
        pl->bytes -= b->cap;
        b->len = 0;
    } else {
        memset(b, 0, sizeof *b);
    }
}

static void give(Pool *pl, Buf *b) {
    if (b->p != NULL && pl->n < POOL && pl->bytes + b->cap <= POOL_BYTES) {
        pl->b[pl->n++] = *b;
        pl->bytes += b->cap;
    } else {
        free(b->p);
    }
    memset(b, 0, sizeof *b);
}

static void docdata_free(DocData *d) {
    give(&row_pool, &d->rows);
    for (int t = 0; t < NTEXT; t++) give(&text_pool, &d->text[t]);
    free(d->slow.p);
    free(d->pend.p);
    memset(d, 0, sizeof *d);
}

static void doc_dealloc(PyObject *self) {
    docdata_free(&((Doc *)self)->d);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject DocType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "liftwatch.io._aircraft_native.Doc",
    .tp_basicsize = sizeof(Doc),
    .tp_dealloc = doc_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One snapshot's aircraft after the reader's rules, for assemble().",
};

/* The numbers left to CPython, then the aircraft that waited for them. */
static int finish_slow(DocData *d, const unsigned char *base) {
    const Slow *rec = (const Slow *)d->slow.p;
    Pending *pend = (Pending *)d->pend.p;
    size_t nslow = d->slow.len / sizeof(Slow), npend = d->pend.len / sizeof(Pending);
    for (size_t i = 0; i < nslow; i++) {
        char tmp[512];
        memcpy(tmp, base + rec[i].at, rec[i].len);
        tmp[rec[i].len] = 0;
        char *endp = NULL;
        double v = PyOS_string_to_double(tmp, &endp, NULL);
        if (v == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            return -1;
        }
        if (endp != tmp + rec[i].len || isinf(v) || isnan(v)) return -1;
        pend[rec[i].pend].raw.v[rec[i].slot] = v;
    }
    Row *rows = (Row *)d->rows.p;
    for (size_t i = 0; i < npend; i++) acn_row_values(&pend[i].raw, &pend[i].marks, &rows[pend[i].row]);
    return 0;
}

static PyObject *scan(PyObject *self, PyObject *arg) {
    (void)self;
    if (!PyBytes_Check(arg)) { /* immutable: safe to read with the GIL released */
        PyErr_SetString(PyExc_TypeError, "scan() takes bytes");
        return NULL;
    }
    Doc *doc = PyObject_New(Doc, &DocType);
    if (doc == NULL) return NULL;
    memset(&doc->d, 0, sizeof doc->d);
    take(&row_pool, &doc->d.rows);
    for (int t = 0; t < NTEXT; t++) take(&text_pool, &doc->d.text[t]);
    const unsigned char *base = (const unsigned char *)PyBytes_AS_STRING(arg);
    size_t size = (size_t)PyBytes_GET_SIZE(arg), as = 0, ae = 0;
    int err = 0, rc;
    Py_BEGIN_ALLOW_THREADS;
    if (buf_grow(&doc->d.rows, (size / 160 + 16) * sizeof(Row))) err = NO_MEMORY; /* ~160 bytes an aircraft */
    rc = err ? -1 : acn_scan(base, size, &doc->d, &as, &ae, &err);
    Py_END_ALLOW_THREADS;
    if (rc == 0 && finish_slow(&doc->d, base)) rc = -1, err = NOT_HANDLED;
    if (rc != 0) {
        Py_DECREF(doc);
        if (err == NO_MEMORY) return PyErr_NoMemory();
        Py_RETURN_NONE;
    }
    free(doc->d.slow.p);
    free(doc->d.pend.p);
    memset(&doc->d.slow, 0, sizeof(Buf));
    memset(&doc->d.pend, 0, sizeof(Buf));
    return Py_BuildValue("(Nnnn)", (PyObject *)doc, (Py_ssize_t)doc->d.n, (Py_ssize_t)as, (Py_ssize_t)ae);
}

/* The memory of one assembled batch, handed to Arrow zero-copy (pa.py_buffer + slices). Freed blocks are kept
 * for the next batches (at most BLOCKS, BLOCK_BYTES in all): fresh memory per batch cost a page fault
 * and a zeroed page every 4 KiB, about half of the assembly. Taken and given back with the GIL held. */
#define BLOCKS 8
#define BLOCK_BYTES ((size_t)128 << 20) /* in all */
typedef struct {
    PyObject_HEAD char *mem;
    size_t cap, used;
} Block;
static struct {
    char *mem;
    size_t cap;
} spare[BLOCKS];
static int nspare;
static size_t spare_bytes;

static void block_dealloc(PyObject *self) {
    Block *b = (Block *)self;
    if (b->mem != NULL && nspare < BLOCKS && spare_bytes + b->cap <= BLOCK_BYTES) {
        spare[nspare].mem = b->mem;
        spare[nspare++].cap = b->cap;
        spare_bytes += b->cap;
    } else {
        free(b->mem);
    }
    Py_TYPE(self)->tp_free(self);
}

static int block_getbuffer(PyObject *self, Py_buffer *view, int flags) {
    Block *b = (Block *)self;
    return PyBuffer_FillInfo(view, self, b->mem, (Py_ssize_t)b->used, 1, flags);
}

static PyBufferProcs block_as_buffer = {block_getbuffer, NULL};

static PyTypeObject BlockType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "liftwatch.io._aircraft_native.Block",
    .tp_basicsize = sizeof(Block),
    .tp_dealloc = block_dealloc,
    .tp_as_buffer = &block_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The memory of one assembled batch (read-only buffer).",
};

static Block *block_new(size_t size) {
    Block *b = PyObject_New(Block, &BlockType);
    if (b == NULL) return NULL;
    b->mem = NULL;
    b->used = size;
    for (int i = 0; i < nspare; i++)
        if (spare[i].cap >= size) {
            b->mem = spare[i].mem;
            b->cap = spare[i].cap;
            spare_bytes -= b->cap;
            spare[i] = spare[--nspare];
            return b;
        }
    b->cap = size + (size >> 3) + 4096; /* room for a slightly larger next batch */
    b->mem = malloc(b->cap);
    if (b->mem == NULL) {
        Py_DECREF(b);
        return (Block *)PyErr_NoMemory();
    }
    return b;
}

#define NSPAN (11 + 2 + 2 * (2 + NTEXT) + NVALID)
#define ALIGN(x) (((x) + 63) & ~(size_t)63)

/* assemble(docs, now) -> (kept, reasons, block, spans, nulls): block holds every column's buffers, spans their
 * (offset, size) in it: age, code, ts, lat, lon, f32 x 6 (alt_baro_ft ... heading_deg), flags, on_ground
 * values, then (offsets, bytes) of asset_id, squawk, callsign, registration, type_code, then the validity
 * bitmaps (lat, lon, f32 x 6, on_ground, callsign, registration, type_code, squawk); nulls: their null counts.
 * None when a string column outgrows 32-bit offsets (the caller splits the list). */
static PyObject *assemble(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *list, *result = NULL, *keep = NULL, *reasons = NULL;
    DocData **docs = NULL;
    Py_buffer nowv;
    if (!PyArg_ParseTuple(args, "O!y*", &PyList_Type, &list, &nowv)) return NULL;
    Py_ssize_t ndocs = PyList_GET_SIZE(list);
    if (nowv.len != ndocs * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "assemble(): one float64 'now' per document");
        goto done;
    }
    keep = PyList_GetSlice(list, 0, ndocs); /* the docs stay alive while the GIL is released */
    docs = PyMem_Malloc(sizeof(DocData *) * (size_t)(ndocs ? ndocs : 1));
    if (keep == NULL || docs == NULL) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    size_t total = 0;
    for (Py_ssize_t i = 0; i < ndocs; i++) {
        PyObject *o = PyList_GET_ITEM(keep, i);
        if (!PyObject_TypeCheck(o, &DocType)) {
            PyErr_SetString(PyExc_TypeError, "assemble() takes a list of scan() documents");
            goto done;
        }
        docs[i] = &((Doc *)o)->d;
        total += docs[i]->n;
    }
    const double *now = (const double *)nowv.buf;
    reasons = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)total);
    if (reasons == NULL) goto done;
    uint8_t *rp = (uint8_t *)PyBytes_AS_STRING(reasons);
    BatchSize sz;
    Py_BEGIN_ALLOW_THREADS;
    acn_batch_size(docs, now, (size_t)ndocs, rp, &sz);
    Py_END_ALLOW_THREADS;
    int too_big = sz.asset > INT32_MAX || sz.squawk > INT32_MAX;
    for (int t = 0; t < NTEXT; t++) too_big |= sz.text[t] > INT32_MAX;
    if (too_big) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    size_t n = sz.kept, nb = (n + 7) / 8, size[NSPAN], at[NSPAN], end = 0;
    static const size_t widths[11] = {8, 4, 8, 8, 8, 4, 4, 4, 4, 4, 4};
    int k = 0;
    for (int i = 0; i < 11; i++) size[k++] = n * widths[i];
    size[k++] = 2 * n; /* flags */
    size[k++] = nb;    /* on_ground values */
    size_t strings[2 + NTEXT] = {sz.asset, sz.squawk, sz.text[0], sz.text[1], sz.text[2]};
    for (int i = 0; i < 2 + NTEXT; i++) {
        size[k++] = 4 * (n + 1);
        size[k++] = strings[i];
    }
    for (int v = 0; v < NVALID; v++) size[k++] = nb;
    for (int i = 0; i < NSPAN; i++) {
        at[i] = end;
        end += ALIGN(size[i]);
    }
    Block *blk = block_new(end ? end : 64);
    if (blk == NULL) goto done;
    char *m = blk->mem;
    Batch b;
    b.age = (double *)(m + at[0]);
    b.code = (uint32_t *)(m + at[1]);
    b.ts = (int64_t *)(m + at[2]);
    b.lat = (double *)(m + at[3]);
    b.lon = (double *)(m + at[4]);
    for (int c = 0; c < 6; c++) b.f[c] = (float *)(m + at[5 + c]);
    b.flags = (uint16_t *)(m + at[11]);
    b.ground = (uint8_t *)(m + at[12]);
    char **offs[2 + NTEXT] = {&b.asset_off, &b.squawk_off, &b.text_off[0], &b.text_off[1], &b.text_off[2]};
    char **datas[2 + NTEXT] = {&b.asset_data, &b.squawk_data, &b.text_data[0], &b.text_data[1], &b.text_data[2]};
    for (int i = 0; i < 2 + NTEXT; i++) {
        *offs[i] = m + at[13 + 2 * i];
        *datas[i] = m + at[14 + 2 * i];
    }
    for (int v = 0; v < NVALID; v++) b.valid[v] = (uint8_t *)(m + at[13 + 2 * (2 + NTEXT) + v]);
    Py_BEGIN_ALLOW_THREADS;
    acn_batch_fill(docs, now, (size_t)ndocs, rp, &sz, &b);
    Py_END_ALLOW_THREADS;
    PyObject *spans = PyTuple_New(NSPAN), *nulls = PyTuple_New(NVALID);
    int ok = spans != NULL && nulls != NULL;
    for (int i = 0; i < NSPAN && ok; i++) {
        PyObject *t = Py_BuildValue("(nn)", (Py_ssize_t)at[i], (Py_ssize_t)size[i]);
        ok = t != NULL;
        if (ok) PyTuple_SET_ITEM(spans, i, t);
    }
    for (int v = 0; v < NVALID && ok; v++) {
        PyObject *c = PyLong_FromSize_t(b.nulls[v]);
        ok = c != NULL;
        if (ok) PyTuple_SET_ITEM(nulls, v, c);
    }
    if (ok) {
        result = Py_BuildValue("(nONNN)", (Py_ssize_t)n, reasons, (PyObject *)blk, spans, nulls);
    } else {
        Py_DECREF(blk);
        Py_XDECREF(spans);
        Py_XDECREF(nulls);
    }
done:
    Py_XDECREF(reasons);
    PyMem_Free(docs);
    Py_XDECREF(keep);
    PyBuffer_Release(&nowv);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_O,
     "scan(data: bytes) -> (doc, n, aircraft_start, aircraft_end), or None when the document is outside the "
     "subset this parser is exact on."},
    {"assemble", assemble, METH_VARARGS,
     "assemble(docs: list, now: float64 buffer) -> (kept, reasons, block, spans, null_counts): the kept rows of "
     "the documents as Arrow buffers in one block (see liftwatch.io.aircraft_native), or None when a string "
     "column outgrows 32-bit offsets."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_aircraft_native", NULL, -1, methods, NULL, NULL, NULL,
                                    NULL};

PyMODINIT_FUNC PyInit__aircraft_native(void) {
    acn_scan_init();
    if (PyType_Ready(&DocType) < 0 || PyType_Ready(&BlockType) < 0) return NULL;
    return PyModule_Create(&module);
}
