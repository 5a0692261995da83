/* The JSON walk of one aircraft.json document: a strict subset of JSON, each aircraft into a Raw, handed to
 * the rules (aircraft_rows.c) as soon as it is complete. Anything outside the subset is NOT_HANDLED and the
 * whole document goes to the pure-Python path. The subset:
 *   - top level: one object, keys without backslash escapes, exactly one "aircraft" key whose value is an
 *     array of objects; nothing but JSON whitespace after the object. Other members are validated as strict
 *     JSON and skipped (the caller parses them with orjson, with the aircraft array left empty).
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
 *     disagree on int vs float); values within Clinger's exact fast path are converted here (jsonscan.h),
 *     others are recorded (Slow) and converted after the scan by CPython's correctly rounded strtod.
 */
#include <math.h>
#include <string.h>

#include "aircraft_native.h"
#include "jsonstrict.h"

typedef Lex P; /* user: the DocData filled */
#define DOC(p) ((DocData *)(p)->user)

enum { K_STR, K_NUM, K_ALT, K_LIST, K_LASTPOS };

typedef struct {
    uint8_t kind, slot;
} Field;

enum { FD_HEX, FD_TYPE, FD_FLIGHT, FD_R, FD_T, FD_SQUAWK, FD_ALT_BARO, FD_ALTITUDE, FD_ALT_GEOM, FD_GS, FD_TRACK,
       FD_BARO_RATE, FD_GEOM_RATE, FD_LAT, FD_LON, FD_SEEN_POS, FD_SEEN, FD_TRUE_HEADING, FD_MAG_HEADING, FD_SPEED,
       FD_VERT_RATE, FD_MLAT, FD_TISB, FD_LASTPOS };

static const Field FIELDS[] = {
    [FD_HEX] = {K_STR, S_HEX},          [FD_TYPE] = {K_STR, S_TYPE},         [FD_FLIGHT] = {K_STR, S_FLIGHT},
    [FD_R] = {K_STR, S_REG},            [FD_T] = {K_STR, S_TYP},             [FD_SQUAWK] = {K_STR, S_SQUAWK},
    [FD_ALT_BARO] = {K_ALT, ALT},       [FD_ALTITUDE] = {K_ALT, OLD_ALT},    [FD_ALT_GEOM] = {K_NUM, GALT},
    [FD_GS] = {K_NUM, GS},              [FD_TRACK] = {K_NUM, TRK},           [FD_BARO_RATE] = {K_NUM, BRATE},
    [FD_GEOM_RATE] = {K_NUM, GRATE},    [FD_LAT] = {K_NUM, LAT},             [FD_LON] = {K_NUM, LON},
    [FD_SEEN_POS] = {K_NUM, SEEN_POS},  [FD_SEEN] = {K_NUM, SEEN},           [FD_TRUE_HEADING] = {K_NUM, THDG},
    [FD_MAG_HEADING] = {K_NUM, MHDG},   [FD_SPEED] = {K_NUM, OLD_GS},        [FD_VERT_RATE] = {K_NUM, OLD_BRATE},
    [FD_MLAT] = {K_LIST, F_MLAT_LAT},   [FD_TISB] = {K_LIST, F_TISB_LAT},    [FD_LASTPOS] = {K_LASTPOS, 0},
};

void acn_scan_init(void) {
    lex_init();
}

/* A JSON number at p->s into *out; slot >= 0: Raw slot it fills, left to CPython when beyond the fast path
 * (the aircraft then waits as Pending); slot < 0: validated and skipped. */
static int number(P *p, double *out, int slot) {
    Num n;
    if (scan_number(p->s, p->end, &n)) return fail(p, NOT_HANDLED);
    p->s = n.stop;
    if (!delimiter(p)) return fail(p, NOT_HANDLED);
    if (n.is_int && n.slow) return fail(p, NOT_HANDLED); /* > 19 digits: int or float depends on the parser */
    if (slot < 0 || fast_value(&n, out)) return 0;
    size_t len = (size_t)(n.stop - n.start);
    if (len >= 512) return fail(p, NOT_HANDLED);
    if (buf_grow(&DOC(p)->slow, sizeof(Slow))) return fail(p, NO_MEMORY);
    Slow rec = {(size_t)(n.start - p->base), len, DOC(p)->pend.len / sizeof(Pending), slot};
    memcpy(DOC(p)->slow.p + DOC(p)->slow.len, &rec, sizeof rec);
    DOC(p)->slow.len += sizeof rec;
    *out = NAN; /* filled in after the scan */
    return 0;
}

#define IS(lit) (memcmp(k, lit, sizeof(lit) - 1) == 0)

/* The field an aircraft key names, or -1. */
static inline int field_of(const unsigned char *k, size_t len) {
    switch (len) {
    case 1: return k[0] == 'r' ? FD_R : k[0] == 't' ? FD_T : -1;
    case 2: return IS("gs") ? FD_GS : -1;
    case 3: return IS("lat") ? FD_LAT : IS("lon") ? FD_LON : IS("hex") ? FD_HEX : -1;
    case 4: return IS("seen") ? FD_SEEN : IS("type") ? FD_TYPE : IS("mlat") ? FD_MLAT : IS("tisb") ? FD_TISB : -1;
    case 5: return IS("track") ? FD_TRACK : IS("speed") ? FD_SPEED : -1;
    case 6: return IS("flight") ? FD_FLIGHT : IS("squawk") ? FD_SQUAWK : -1;
    case 8:
        return IS("alt_baro") ? FD_ALT_BARO : IS("alt_geom") ? FD_ALT_GEOM : IS("seen_pos") ? FD_SEEN_POS
             : IS("altitude") ? FD_ALTITUDE : -1;
    case 9: return IS("baro_rate") ? FD_BARO_RATE : IS("geom_rate") ? FD_GEOM_RATE : IS("vert_rate") ? FD_VERT_RATE : -1;
    case 11: return IS("mag_heading") ? FD_MAG_HEADING : -1;
    case 12: return IS("true_heading") ? FD_TRUE_HEADING : IS("lastPosition") ? FD_LASTPOS : -1;
    default: return -1;
    }
}

static inline int is_number_start(unsigned char c) {
    return c == '-' || (c >= '0' && c <= '9');
}

/* null or a number into v[slot] */
static int number_or_null(P *p, double *v, int slot) {
    if (p->s < p->end && *p->s == 'n') return literal(p, "null", 4);
    if (p->s < p->end && is_number_start(*p->s)) return number(p, &v[slot], slot);
    return fail(p, NOT_HANDLED);
}

static int last_position(P *p, double *v) {
    int seen = 0;
    if (opens_empty(p, '}')) return 0;
    for (;;) {
        const unsigned char *k;
        size_t len;
        if (key(p, &k, &len)) return -1;
        int which = len == 3 && IS("lat") ? 0 : len == 3 && IS("lon") ? 1 : len == 8 && IS("seen_pos") ? 2 : -1;
        if (which >= 0) {
            if (seen & (1 << which)) return fail(p, NOT_HANDLED);
            seen |= 1 << which;
            if (number_or_null(p, v, LP_LAT + which)) return -1;
        } else if (skip_value(p, 2)) {
            return -1;
        }
        int more = next_member(p, '}');
        if (more <= 0) return more;
    }
}

/* null or a plain string into raw's string slot */
static int string_field(P *p, Raw *raw, int slot) {
    const unsigned char *ptr;
    size_t len;
    int plain;
    if (string(p, &ptr, &len, &plain)) return -1;
    if (!plain || len >= NULL_LEN) return fail(p, NOT_HANDLED);
    raw->sp[slot] = ptr;
    raw->sl[slot] = (uint32_t)len;
    raw->spres |= (uint8_t)(1 << slot);
    return 0;
}

/* ["...", ...] of plain strings: whether one is "lat" */
static int field_list(P *p, Raw *raw, int bit) {
    if (opens_empty(p, ']')) return 0;
    for (;;) {
        const unsigned char *ptr;
        size_t len;
        int plain;
        if (p->s >= p->end || *p->s != '"') return fail(p, NOT_HANDLED);
        if (string(p, &ptr, &len, &plain)) return -1;
        if (!plain) return fail(p, NOT_HANDLED);
        if (len == 3 && memcmp(ptr, "lat", 3) == 0) raw->flags |= (uint8_t)bit;
        int more = next_member(p, ']');
        if (more <= 0) return more;
    }
}

static int member(P *p, Raw *raw, int f) {
    const Field fd = FIELDS[f];
    if (p->s >= p->end) return fail(p, NOT_HANDLED);
    unsigned char c = *p->s;
    if (c == 'n') return literal(p, "null", 4);
    switch (fd.kind) {
    case K_NUM:
        if (is_number_start(c)) return number(p, &raw->v[fd.slot], fd.slot);
        break;
    case K_STR:
        if (c == '"') return string_field(p, raw, fd.slot);
        break;
    case K_ALT: {
        int shift = fd.slot == ALT ? F_ALT_SHIFT : F_OLDALT_SHIFT;
        if (is_number_start(c)) {
            raw->flags |= (uint8_t)(A_NUM << shift);
            return number(p, &raw->v[fd.slot], fd.slot);
        }
        if (c == '"') {
            const unsigned char *ptr;
            size_t len;
            int plain;
            if (string(p, &ptr, &len, &plain)) return -1;
            if (!plain) return fail(p, NOT_HANDLED);
            int g = len == 6 && memcmp(ptr, "ground", 6) == 0;
            raw->flags |= (uint8_t)((g ? A_GROUND : A_OTHER) << shift);
            return 0;
        }
        break;
    }
    case K_LIST:
        if (c == '[') return field_list(p, raw, fd.slot);
        break;
    case K_LASTPOS:
        if (c == '{') {
            raw->flags |= F_LASTPOS;
            return last_position(p, raw->v);
        }
        break;
    }
    return fail(p, NOT_HANDLED);
}

/* One aircraft object -> its Row (now, or once its slow numbers are known). */
static int aircraft(P *p) {
    Raw raw;
    uint32_t seen = 0;
    DocData *d = DOC(p);
    size_t slow_before = d->slow.len;
    for (int i = 0; i < NNUM; i++) raw.v[i] = NAN;
    raw.spres = raw.flags = 0;
    if (p->s >= p->end || *p->s != '{') return fail(p, NOT_HANDLED);
    if (!opens_empty(p, '}')) {
        for (;;) {
            const unsigned char *k;
            size_t klen;
            if (key(p, &k, &klen)) return -1;
            int f = field_of(k, klen);
            if (f < 0) {
                if (skip_value(p, 1)) return -1;
            } else {
                if (seen & (UINT32_C(1) << f)) return fail(p, NOT_HANDLED); /* msgspec refuses repeats */
                seen |= UINT32_C(1) << f;
                if (member(p, &raw, f)) return -1;
            }
            int more = next_member(p, '}');
            if (more < 0) return -1;
            if (!more) break;
        }
    }
    if (buf_grow(&d->rows, sizeof(Row))) return fail(p, NO_MEMORY);
    Row *o = (Row *)(d->rows.p + d->rows.len);
    Marks m;
    if (acn_row_strings(&raw, d, o, &m)) return fail(p, NO_MEMORY);
    if (d->slow.len != slow_before) { /* finished after the scan, when its numbers are known */
        if (buf_grow(&d->pend, sizeof(Pending))) return fail(p, NO_MEMORY);
        Pending *w = (Pending *)(d->pend.p + d->pend.len);
        w->raw = raw;
        w->marks = m;
        w->row = d->n;
        d->pend.len += sizeof(Pending);
    } else {
        acn_row_values(&raw, &m, o);
    }
    d->rows.len += sizeof(Row);
    d->n++;
    return 0;
}

static int aircraft_list(P *p) {
    if (p->s >= p->end || *p->s != '[') return fail(p, NOT_HANDLED);
    if (opens_empty(p, ']')) return 0;
    for (;;) {
        if (aircraft(p)) return -1;
        int more = next_member(p, ']');
        if (more <= 0) return more;
    }
}

int acn_scan(const unsigned char *base, size_t size, DocData *d, size_t *as, size_t *ae, int *err) {
    P p = {base, base + size, base, d, 0};
    int found = 0;
    skip_ws(&p);
    if (p.s >= p.end || *p.s != '{') goto out;
    p.s++;
    skip_ws(&p);
    if (p.s < p.end && *p.s == '}') goto out; /* no aircraft */
    for (;;) {
        const unsigned char *k;
        size_t klen;
        if (key(&p, &k, &klen)) goto out;
        if (klen == 8 && memcmp(k, "aircraft", 8) == 0) {
            if (found) goto out; /* twice: not ours to decide which counts */
            found = 1;
            *as = (size_t)(p.s - base);
            if (aircraft_list(&p)) goto out;
            *ae = (size_t)(p.s - base);
        } else if (skip_value(&p, 0)) {
            goto out;
        }
        int more = next_member(&p, '}');
        if (more < 0) goto out;
        if (!more) break;
    }
    skip_ws(&p);
    if (p.s == p.end && found) return 0;
out:
    *err = p.err ? p.err : NOT_HANDLED;
    return -1;
}
