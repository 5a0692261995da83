/* Several documents' Rows -> the Arrow buffers of one batch of canonical points: the kept rows in order, each
 * column contiguous (validity bitmaps, int32 string offsets), so Python only wraps them (pa.Array.from_buffers)
 * with no copy. Two passes, both without the GIL: the sizes (and the time check, which needs each snapshot's
 * "now"), then the fill into memory the caller allocated from them.
 */
#include <math.h>
#include <string.h>

#include "aircraft_native.h"

#define HAS_VALUE(x) (!isnan(x))

static inline void set_bit(uint8_t *bm, size_t j) {
    bm[j >> 3] |= (uint8_t)(1u << (j & 7));
}

void acn_batch_size(DocData *const *docs, const double *now, size_t ndocs, uint8_t *reasons, BatchSize *sz) {
    size_t k = 0;
    memset(sz, 0, sizeof *sz);
    for (size_t j = 0; j < ndocs; j++) {
        const Row *rows = (const Row *)docs[j]->rows.p;
        for (size_t i = 0; i < docs[j]->n; i++) {
            const Row *o = &rows[i];
            uint8_t r = o->reason;
            if (r == R_KEPT || r > R_TIME) { /* the reader's time check comes after the age check */
                double ts = now[j] - o->age;
                if (!(ts > 0 && ts < TS_MAX_S)) r = R_TIME;
            }
            reasons[k++] = r;
            if (r != R_KEPT) continue;
            sz->kept++;
            sz->asset += 6 + (o->code >> 24);
            if (o->squawk[0]) sz->squawk += 4;
            for (int t = 0; t < NTEXT; t++)
                if (o->tlen[t] != NULL_LEN) sz->text[t] += o->tlen[t];
        }
    }
}

static const char HEXDIGITS[] = "0123456789abcdef";

void acn_batch_fill(DocData *const *docs, const double *now, size_t ndocs, const uint8_t *reasons, const BatchSize *sz,
                    Batch *b) {
    size_t nb = (sz->kept + 7) / 8, j = 0, k = 0;
    int32_t apos = 0, spos = 0, tpos[NTEXT] = {0};
    for (int v = 0; v < NVALID; v++) {
        memset(b->valid[v], 0, nb);
        b->nulls[v] = 0;
    }
    memset(b->ground, 0, nb);
    memcpy(b->asset_off, &apos, 4);
    memcpy(b->squawk_off, &spos, 4);
    for (int t = 0; t < NTEXT; t++) memcpy(b->text_off[t], &tpos[t], 4);
    for (size_t d = 0; d < ndocs; d++) {
        const Row *rows = (const Row *)docs[d]->rows.p;
        size_t at[NTEXT] = {0}; /* where the next value starts in this document's text buffers */
        for (size_t i = 0; i < docs[d]->n; i++, k++) {
            const Row *o = &rows[i];
            if (reasons[k] != R_KEPT) {
                for (int t = 0; t < NTEXT; t++)
                    if (o->tlen[t] != NULL_LEN) at[t] += o->tlen[t];
                continue;
            }
            b->lat[j] = HAS_VALUE(o->lat) ? o->lat : 0.0;
            b->lon[j] = HAS_VALUE(o->lon) ? o->lon : 0.0;
            if (HAS_VALUE(o->lat)) set_bit(b->valid[V_LAT], j); else b->nulls[V_LAT]++;
            if (HAS_VALUE(o->lon)) set_bit(b->valid[V_LON], j); else b->nulls[V_LON]++;
            b->age[j] = o->age;
            double ts = now[d] - o->age; /* rc.epoch_ms_to_us: to the millisecond, then microseconds */
            double safe = isfinite(ts) && fabs(ts) < TS_MAX_S ? ts : 0.0;
            b->ts[j] = (int64_t)rint(safe * 1000.0) * 1000;
            b->code[j] = o->code;
            for (int c = 0; c < 6; c++) {
                float f = o->f[c];
                if (f == f) {
                    b->f[c][j] = f;
                    set_bit(b->valid[V_F0 + c], j);
                } else {
                    b->f[c][j] = 0.0f;
                    b->nulls[V_F0 + c]++;
                }
            }
            b->flags[j] = o->flags;
            if (o->ground != 2) {
                set_bit(b->valid[V_GROUND], j);
                if (o->ground) set_bit(b->ground, j);
            } else {
                b->nulls[V_GROUND]++;
            }
            char *a = b->asset_data + apos;
            if (o->code >> 24) *a++ = '~';
            for (int s = 20; s >= 0; s -= 4) *a++ = HEXDIGITS[(o->code >> s) & 15];
            apos = (int32_t)(a - b->asset_data);
            memcpy(b->asset_off + 4 * (j + 1), &apos, 4);
            if (o->squawk[0]) {
                memcpy(b->squawk_data + spos, o->squawk, 4);
                spos += 4;
                set_bit(b->valid[V_SQUAWK], j);
            } else {
                b->nulls[V_SQUAWK]++;
            }
            memcpy(b->squawk_off + 4 * (j + 1), &spos, 4);
            for (int t = 0; t < NTEXT; t++) {
                uint32_t n = o->tlen[t];
                if (n != NULL_LEN) {
                    memcpy(b->text_data[t] + tpos[t], docs[d]->text[t].p + at[t], n);
                    at[t] += n;
                    tpos[t] += (int32_t)n;
                    set_bit(b->valid[V_CALLSIGN + t], j);
                } else {
                    b->nulls[V_CALLSIGN + t]++;
                }
                memcpy(b->text_off[t] + 4 * (j + 1), &tpos[t], 4);
            }
            j++;
        }
    }
}
