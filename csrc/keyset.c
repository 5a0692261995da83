/* A growable set of uint64 row keys: the store's memory of what it holds, one set per day of points.
 *
 * Why hand-written C: the question asked for every stored row is "is this 64-bit key new?", a million times a
 * step. Python sets cost ~60 ns a key plus a Python int each; NumPy has no incremental hash set (np.isin sorts
 * both sides at every call, so the cost grows with what is stored); DuckDB's answer is a scan of the stored
 * keys of the step's time span, which for a day of global traffic is ~0.25-0.5 µs a probed key and grows with
 * the day. An open-addressing table answers in one or two cache lines, with the GIL released.
 *
 * Layout: linear probing over a table of any size (slot = high half of the 128-bit product of the mixed key
 * and the size, so sizes need not be powers of two and memory follows the keys), 0 marks an empty slot and
 * the key 0 is tracked apart. The table doubles when its load would pass 0.7, so the load stays between 0.35
 * and 0.7 (11-23 bytes a key) and each key is moved about once over the set's life. Keys are mixed with
 * MurmurHash3's finaliser so that structured keys spread. Each slot is prefetched 32 keys before it is probed,
 * because at tens of millions of keys nearly every probe misses the CPU caches.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LOAD_NUM 7 /* grow when count would pass 7/10 of the slots */
#define MAX_LOAD_DEN 10

typedef struct {
    PyObject_HEAD uint64_t *table;
    size_t size;
    size_t count; /* keys held, the key 0 included */
    int has_zero;
} KeySet;

static inline uint64_t mix(uint64_t k) {
    k ^= k >> 33;
    k *= UINT64_C(0xff51afd7ed558ccd);
    k ^= k >> 33;
    k *= UINT64_C(0xc4ceb9fe1a85ec53);
    k ^= k >> 33;
    return k;
}

static inline size_t slot_of(uint64_t k, size_t size) {
    return (size_t)(((__uint128_t)mix(k) * (__uint128_t)size) >> 64);
}

/* Insert k (non-zero); 1 when it was not there. */
static inline int insert(uint64_t *table, size_t size, size_t h, uint64_t k) {
    for (;;) {
        uint64_t cur = table[h];
        if (cur == 0) {
            table[h] = k;
            return 1;
        }
        if (cur == k) return 0;
        h = (h + 1 == size) ? 0 : h + 1;
    }
}

/* Insert every non-zero key of `src` (n keys) into `table`, prefetching each slot AHEAD keys before it is
 * probed; out[i] (when given) = 1 where key i was not held. Returns how many were added. */
#define AHEAD 32
static size_t insert_all(uint64_t *table, size_t size, const uint64_t *src, Py_ssize_t n, char *out, int *has_zero) {
    size_t ring[AHEAD];
    size_t added = 0;
    Py_ssize_t warm = n < AHEAD ? n : AHEAD;
    for (Py_ssize_t i = 0; i < warm; i++) {
        uint64_t k;
        memcpy(&k, src + i, 8);
        ring[i] = slot_of(k, size);
        __builtin_prefetch(table + ring[i], 1, 0);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t k;
        memcpy(&k, src + i, 8);
        size_t h = ring[i % AHEAD];
        if (i + AHEAD < n) {
            uint64_t ahead;
            memcpy(&ahead, src + i + AHEAD, 8);
            ring[i % AHEAD] = slot_of(ahead, size);
            __builtin_prefetch(table + ring[i % AHEAD], 1, 0);
        }
        int fresh;
        if (k == 0) {
            fresh = has_zero != NULL ? !*has_zero : 0;
            if (has_zero != NULL) *has_zero = 1;
        } else {
            fresh = insert(table, size, h, k);
        }
        added += (size_t)fresh;
        if (out != NULL) out[i] = (char)fresh;
    }
    return added;
}

/* Make room for `more` keys (at least doubling, so that each key is moved about once over the set's life:
 * growing by half moved each about twice and cost ~40 ns a key more); -1 (MemoryError set) when the memory
 * is not there. */
static int reserve(KeySet *self, size_t more) {
    size_t want = self->count + more;
    if (self->size && want * MAX_LOAD_DEN <= self->size * MAX_LOAD_NUM) return 0;
    size_t size = want * MAX_LOAD_DEN / MAX_LOAD_NUM + 16;
    if (size < 2 * self->size) size = 2 * self->size;
    uint64_t *table = calloc(size, sizeof(uint64_t));
    if (table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    uint64_t *old = self->table;
    size_t old_size = self->size;
    Py_BEGIN_ALLOW_THREADS;
    /* the old table's keys, compacted in place, then inserted with prefetching (0 marks an empty slot) */
    size_t kept = 0;
    for (size_t i = 0; i < old_size; i++)
        if (old[i] != 0) old[kept++] = old[i];
    insert_all(table, size, old, (Py_ssize_t)kept, NULL, NULL);
    Py_END_ALLOW_THREADS;
    free(old);
    self->table = table;
    self->size = size;
    return 0;
}

/* out[i] = 1 where key i was not held (it is now). */
static void add_keys(KeySet *self, const uint64_t *keys, Py_ssize_t n, char *out) {
    self->count += insert_all(self->table, self->size, keys, n, out, &self->has_zero);
}

static int get_keys(PyObject *arg, Py_buffer *view) {
    if (PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) < 0) return -1;
    if (view->len % 8 != 0) {
        PyBuffer_Release(view);
        PyErr_SetString(PyExc_ValueError, "keys must be a buffer of uint64 (its length a multiple of 8 bytes)");
        return -1;
    }
    return 0;
}

static PyObject *keyset_add_new(KeySet *self, PyObject *arg) {
    Py_buffer view;
    if (get_keys(arg, &view) < 0) return NULL;
    Py_ssize_t n = view.len / 8;
    PyObject *out = PyByteArray_FromStringAndSize(NULL, n);
    if (out == NULL || reserve(self, (size_t)n) < 0) {
        Py_XDECREF(out);
        PyBuffer_Release(&view);
        return NULL;
    }
    char *fresh = PyByteArray_AS_STRING(out);
    Py_BEGIN_ALLOW_THREADS;
    add_keys(self, (const uint64_t *)view.buf, n, fresh);
    Py_END_ALLOW_THREADS;
    PyBuffer_Release(&view);
    return out;
}

static PyObject *keyset_add(KeySet *self, PyObject *arg) {
    Py_buffer view;
    if (get_keys(arg, &view) < 0) return NULL;
    Py_ssize_t n = view.len / 8;
    if (reserve(self, (size_t)n) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS;
    add_keys(self, (const uint64_t *)view.buf, n, NULL);
    Py_END_ALLOW_THREADS;
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

static PyObject *keyset_nbytes(KeySet *self, void *closure) {
    (void)closure;
    return PyLong_FromSize_t(self->size * sizeof(uint64_t) + sizeof(KeySet));
}

static Py_ssize_t keyset_len(KeySet *self) { return (Py_ssize_t)self->count; }

static void keyset_dealloc(KeySet *self) {
    free(self->table);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef keyset_methods[] = {
    {"add_new", (PyCFunction)keyset_add_new, METH_O,
     "add_new(keys) -> bytearray: 1 where a uint64 key was not in the set (nor earlier in keys); all are added."},
    {"add", (PyCFunction)keyset_add, METH_O, "add(keys): add every uint64 key of the buffer."},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef keyset_getset[] = {
    {"nbytes", (getter)keyset_nbytes, NULL, "memory held by the set's table, in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PySequenceMethods keyset_seq = {.sq_length = (lenfunc)keyset_len};

static PyTypeObject KeySetType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "liftwatch._keyset.KeySet",
    .tp_doc = "A growable set of uint64 keys (see csrc/keyset.c).",
    .tp_basicsize = sizeof(KeySet),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)keyset_dealloc,
    .tp_methods = keyset_methods,
    .tp_getset = keyset_getset,
    .tp_as_sequence = &keyset_seq,
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_keyset", NULL, -1, NULL, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__keyset(void) {
    if (PyType_Ready(&KeySetType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) return NULL;
    Py_INCREF(&KeySetType);
    if (PyModule_AddObject(m, "KeySet", (PyObject *)&KeySetType) < 0) {
        Py_DECREF(&KeySetType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
