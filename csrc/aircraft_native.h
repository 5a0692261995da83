/* liftwatch.io._aircraft_native, shared by its parts: what one aircraft is on its way from JSON bytes to the
 * canonical point row, and the per-document result the batch assembly reads.
 *
 *   aircraft_scan.c    the JSON walk of one document (strict subset, else "not handled") into Raw aircraft,
 *                      with the strict-JSON pieces of jsonstrict.h and the numbers of jsonscan.h
 *   aircraft_rows.c    the reader's rules on one aircraft: cleaning, dump1090's old names, lastPosition,
 *                      freshness, range checks -> one Row (the canonical values, or the reason it is rejected)
 *   aircraft_batch.c   the Rows of several documents -> Arrow buffers of one batch (kept rows, validity
 *                      bitmaps, string offsets, timestamps from each snapshot's "now")
 *   aircraft_module.c  the Python module: the Doc object, scan() and assemble(), numbers beyond the fast path
 */
#ifndef LIFTWATCH_AIRCRAFT_NATIVE_H
#define LIFTWATCH_AIRCRAFT_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#include "jsonscan.h"

#define NOT_HANDLED 1
#define NO_MEMORY 2

/* numeric slots of Raw.v (NAN = null or absent); 12-14 are dump1090's old names, 15-17 lastPosition's */
enum { ALT, GALT, GS, TRK, BRATE, GRATE, LAT, LON, SEEN_POS, SEEN, THDG, MHDG, OLD_ALT, OLD_GS, OLD_BRATE, LP_LAT,
       LP_LON, LP_AGE, NNUM };
/* string fields read: hex, type, flight, r, t, squawk */
enum { S_HEX, S_TYPE, S_FLIGHT, S_REG, S_TYP, S_SQUAWK, NSTR };
/* text columns a Doc keeps bytes for (asset_id is rebuilt from Row.code, squawk is Row.squawk) */
enum { T_CALLSIGN, T_REG, T_TYP, NTEXT };

/* Raw.flags */
#define F_ALT_SHIFT 0    /* 2 bits: alt_baro 0 null/absent, 1 number, 2 "ground", 3 another string */
#define F_OLDALT_SHIFT 2 /* 2 bits: the same for dump1090's "altitude" */
#define F_MLAT_LAT 16
#define F_TISB_LAT 32
#define F_LASTPOS 64
#define A_NUM 1
#define A_GROUND 2
#define A_OTHER 3

/* Reasons a row is rejected: the reader's checks, numbered in its order (0 = kept). */
enum { R_KEPT = 0, R_HEX = 2, R_LATLON = 3, R_RANGE = 4, R_AGE = 5, R_TIME = 6, R_ALT_STR = 7, R_ALT_RANGE = 8,
       R_SPEED = 10, R_HEADING = 11, R_VRATE = 12, R_NOTHING = 14 };

#define TS_MAX_S 4102444800.0 /* 2100-01-01 */
#define NULL_LEN UINT32_MAX

/* One aircraft as parsed: the fields read, before any rule. String pointers point into the document. */
typedef struct {
    double v[NNUM];
    const unsigned char *sp[NSTR];
    uint32_t sl[NSTR];
    uint8_t spres; /* bit k: string field k present (not null) */
    uint8_t flags;
} Raw;

/* What the string fields decide for the value rules (set by acn_row_strings). */
typedef struct {
    uint8_t hex_ok, has_callsign, mlat, tisb;
} Marks;

/* One aircraft as the reader leaves it: canonical values (NAN = null), or the reason it is rejected. */
typedef struct {
    double lat, lon, age;
    float f[6];          /* alt_baro_ft, alt_geom_ft, gs_kt, track_deg, vrate_fpm, heading_deg */
    uint32_t code;       /* asset: 24-bit address, | 1 << 24 for readsb's '~' (non-ICAO) */
    uint32_t tlen[NTEXT]; /* byte length of each text column's value in the Doc's text buffer, NULL_LEN = null */
    char squawk[4];      /* squawk[0] == 0: null */
    uint16_t flags;      /* PointFlag bits */
    uint8_t ground;      /* 0 false, 1 true, 2 null */
    uint8_t reason;
} Row;

/* A number left for CPython's correctly rounded strtod: its text and the pending aircraft slot it fills. */
typedef struct {
    size_t at, len, pend;
    int slot;
} Slow;

/* An aircraft waiting for such numbers, with its row index and what its strings decided. */
typedef struct {
    Raw raw;
    Marks marks;
    size_t row;
} Pending;

/* One document's aircraft: every Row in order (kept or not), the text bytes, what waits for slow numbers. */
typedef struct {
    Buf rows, text[NTEXT], slow, pend;
    size_t n;
} DocData;

/* aircraft_scan.c: 0, or -1 with *err set (NOT_HANDLED or NO_MEMORY); runs without the GIL.
 * *as, *ae: where the aircraft array starts and ends in the document. */
void acn_scan_init(void); /* once, at import */
int acn_scan(const unsigned char *base, size_t size, DocData *d, size_t *as, size_t *ae, int *err);

/* aircraft_rows.c */
int acn_row_strings(const Raw *r, DocData *d, Row *o, Marks *m); /* -1: no memory */
void acn_row_values(const Raw *r, const Marks *m, Row *o);

/* aircraft_batch.c: the kept rows of ndocs documents into one batch's buffers (see Batch); runs without
 * the GIL on memory the caller allocated from the counts acn_batch_size gives. */
typedef struct {
    size_t kept, asset, squawk, text[NTEXT]; /* rows kept; bytes of asset_id, squawk and each text column */
} BatchSize;

typedef struct {
    double *lat, *lon, *age;
    int64_t *ts;
    uint32_t *code;
    float *f[6];
    uint16_t *flags;
    char *asset_off, *asset_data;     /* int32 offsets, bytes */
    char *text_off[NTEXT], *text_data[NTEXT];
    char *squawk_off, *squawk_data;
    uint8_t *valid[13];               /* lat lon f[0..5] ground callsign reg typ squawk: validity bitmaps */
    uint8_t *ground;                  /* on_ground values bitmap */
    size_t nulls[13];
} Batch;

enum { V_LAT, V_LON, V_F0, V_GROUND = 8, V_CALLSIGN, V_REG, V_TYP, V_SQUAWK, NVALID };

/* Pass 1: every aircraft's final reason (the time check needs the snapshot's "now") and the sizes. */
void acn_batch_size(DocData *const *docs, const double *now, size_t ndocs, uint8_t *reasons, BatchSize *sz);
/* Pass 2: the kept rows into b (buffers of the sizes pass 1 gave, bitmaps zeroed). */
void acn_batch_fill(DocData *const *docs, const double *now, size_t ndocs, const uint8_t *reasons, const BatchSize *sz,
                    Batch *b);

#endif
