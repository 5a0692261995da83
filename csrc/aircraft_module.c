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
 * scan. Taken and given back with the GIL held; at most POOL buffers of at most POOL_KEEP bytes are kept. */
#define POOL 128
#define POOL_KEEP ((size_t)16 << 20)
typedef struct {
    Buf b[POOL];
    int n;
} Pool;
static Pool row_pool, text_pool; /* one per kind: a row buffer is far larger than a text one */

static void take(Pool *pl, Buf *b) {
    if (pl->n > 0) {
        *b = pl->b[--pl->n];
        b->len = 0;
    } else {
        memset(b, 0, sizeof *b);
    }
}

static void give(Pool *pl, Buf *b) {
    if (b->p != NULL && pl->n < POOL && b->cap <= POOL_KEEP)
        pl->b[pl->n++] = *b;
    else
        free(b->p);
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

static PyObject *bytes_of(size_t n, char **p) {
    PyObject *o = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n);
    if (o != NULL) *p = PyBytes_AS_STRING(o);
    return o;
}

/* assemble(docs, now) -> (kept, reasons, age, code, ts, lat, lon, (f32 x 6), flags, ground, (asset offsets,
 * bytes), (squawk offsets, bytes), ((offsets, bytes) x 3: callsign, registration, type_code), (validity x 13),
 * (null counts x 13)), or None when a string column outgrows 32-bit offsets (the caller splits the list). */
static PyObject *assemble(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *list, *result = NULL, *keep = NULL;
    Py_buffer nowv;
    if (!PyArg_ParseTuple(args, "O!y*", &PyList_Type, &list, &nowv)) return NULL;
    Py_ssize_t ndocs = PyList_GET_SIZE(list);
    if (nowv.len != ndocs * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "assemble(): one float64 'now' per document");
        goto done;
    }
    keep = PyList_GetSlice(list, 0, ndocs); /* the docs stay alive while the GIL is released */
    DocData **docs = PyMem_Malloc(sizeof(DocData *) * (size_t)(ndocs ? ndocs : 1));
    if (keep == NULL || docs == NULL) {
        PyMem_Free(docs);
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    size_t total = 0;
    for (Py_ssize_t i = 0; i < ndocs; i++) {
        PyObject *o = PyList_GET_ITEM(keep, i);
        if (!PyObject_TypeCheck(o, &DocType)) {
            PyErr_SetString(PyExc_TypeError, "assemble() takes a list of scan() documents");
            PyMem_Free(docs);
            goto done;
        }
        docs[i] = &((Doc *)o)->d;
        total += docs[i]->n;
    }
    const double *now = (const double *)nowv.buf;
    char *rp;
    PyObject *reasons = bytes_of(total, &rp);
    if (reasons == NULL) {
        PyMem_Free(docs);
        goto done;
    }
    BatchSize sz;
    Py_BEGIN_ALLOW_THREADS;
    acn_batch_size(docs, now, (size_t)ndocs, (uint8_t *)rp, &sz);
    Py_END_ALLOW_THREADS;
    int too_big = sz.asset > INT32_MAX || sz.squawk > INT32_MAX;
    for (int t = 0; t < NTEXT; t++) too_big |= sz.text[t] > INT32_MAX;
    if (too_big) {
        Py_DECREF(reasons);
        PyMem_Free(docs);
        result = Py_NewRef(Py_None);
        goto done;
    }
    size_t n = sz.kept, nb = (n + 7) / 8;
    Batch b;
    char *p[11];
    PyObject *o[11 + 2 * (2 + NTEXT) + NVALID] = {NULL};
    int m = 0, ok = 1;
    size_t widths[11] = {8, 4, 8, 8, 8, 4, 4, 4, 4, 4, 4};
    for (int i = 0; i < 11 && ok; i++) ok = (o[m++] = bytes_of(n * widths[i], &p[i])) != NULL;
    char *ground = NULL, *flags = NULL;
    PyObject *og = ok ? bytes_of(nb, &ground) : NULL, *of = ok ? bytes_of(2 * n, &flags) : NULL;
    ok = ok && og && of;
    b.age = (double *)p[0];
    b.code = (uint32_t *)p[1];
    b.ts = (int64_t *)p[2];
    b.lat = (double *)p[3];
    b.lon = (double *)p[4];
    for (int c = 0; c < 6; c++) b.f[c] = (float *)p[5 + c];
    b.ground = (uint8_t *)ground;
    b.flags = (uint16_t *)flags;
    size_t sizes[2 + NTEXT] = {sz.asset, sz.squawk, sz.text[0], sz.text[1], sz.text[2]};
    char **offs[2 + NTEXT] = {&b.asset_off, &b.squawk_off, &b.text_off[0], &b.text_off[1], &b.text_off[2]};
    char **datas[2 + NTEXT] = {&b.asset_data, &b.squawk_data, &b.text_data[0], &b.text_data[1], &b.text_data[2]};
    for (int s = 0; s < 2 + NTEXT && ok; s++) {
        ok = (o[m++] = bytes_of(4 * (n + 1), offs[s])) != NULL;
        ok = ok && (o[m++] = bytes_of(sizes[s], datas[s])) != NULL;
    }
    for (int v = 0; v < NVALID && ok; v++) {
        char *vp;
        ok = (o[m++] = bytes_of(nb, &vp)) != NULL;
        b.valid[v] = (uint8_t *)vp;
    }
    if (ok) {
        Py_BEGIN_ALLOW_THREADS;
        acn_batch_fill(docs, now, (size_t)ndocs, (const uint8_t *)rp, &sz, &b);
        Py_END_ALLOW_THREADS;
        result = Py_BuildValue(
            "(nNNNNNN(NNNNNN)NN(NN)(NN)((NN)(NN)(NN))(NNNNNNNNNNNNN)(nnnnnnnnnnnnn))", (Py_ssize_t)n, reasons, o[0],
            o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9], o[10], of, og, o[11], o[12], o[13], o[14], o[15],
            o[16], o[17], o[18], o[19], o[20], o[21], o[22], o[23], o[24], o[25], o[26], o[27], o[28], o[29], o[30],
            o[31], o[32], o[33], (Py_ssize_t)b.nulls[0], (Py_ssize_t)b.nulls[1], (Py_ssize_t)b.nulls[2],
            (Py_ssize_t)b.nulls[3], (Py_ssize_t)b.nulls[4], (Py_ssize_t)b.nulls[5], (Py_ssize_t)b.nulls[6],
            (Py_ssize_t)b.nulls[7], (Py_ssize_t)b.nulls[8], (Py_ssize_t)b.nulls[9], (Py_ssize_t)b.nulls[10],
            (Py_ssize_t)b.nulls[11], (Py_ssize_t)b.nulls[12]);
    } else {
        Py_DECREF(reasons);
        Py_XDECREF(og);
        Py_XDECREF(of);
        for (int i = 0; i < m; i++) Py_XDECREF(o[i]);
    }
    PyMem_Free(docs);
done:
    Py_XDECREF(keep);
    PyBuffer_Release(&nowv);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_O,
     "scan(data: bytes) -> (doc, n, aircraft_start, aircraft_end), or None when the document is outside the "
     "subset this parser is exact on."},
    {"assemble", assemble, METH_VARARGS,
     "assemble(docs: list, now: float64 buffer) -> the kept rows of the documents as Arrow buffers (see "
     "liftwatch.io.aircraft_native), or None when a string column outgrows 32-bit offsets."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_aircraft_native", NULL, -1, methods, NULL, NULL, NULL,
                                    NULL};

PyMODINIT_FUNC PyInit__aircraft_native(void) {
    acn_scan_init();
    if (PyType_Ready(&DocType) < 0) return NULL;
    return PyModule_Create(&module);
}
