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

#define MAXDEPTH 32

typedef struct {
    const unsigned char *s, *end, *base;
    DocData *d;
    int err;
} P;

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

/* 1 for every byte a string cannot simply continue with: '"', '\\', controls, DEL and non-ASCII. */
static uint8_t STOP[256];

void acn_scan_init(void) {
    for (int c = 0; c < 256; c++) STOP[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\';
}

static inline void skip_ws(P *p) {
    while (p->s < p->end && WS(*p->s)) p->s++;
}

static int fail(P *p, int kind) {
    if (!p->err) p->err = kind;
    return -1;
}

static inline int delimiter(const P *p) {
    unsigned char c;
    return p->s >= p->end || WS(c = *p->s) || c == ',' || c == '}' || c == ']';
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
    if (buf_grow(&p->d->slow, sizeof(Slow))) return fail(p, NO_MEMORY);
    Slow rec = {(size_t)(n.start - p->base), len, p->d->pend.len / sizeof(Pending), slot};
    memcpy(p->d->slow.p + p->d->slow.len, &rec, sizeof rec);
    p->d->slow.len += sizeof rec;
    *out = NAN; /* filled in after the scan */
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
static int string(P *p, const unsigned char **ptr, size_t *len, int *plain) {
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

static int literal(P *p, const char *word, size_t n) {
    if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0) return fail(p, NOT_HANDLED);
    p->s += n;
    return delimiter(p) ? 0 : fail(p, NOT_HANDLED);
}

/* After a member: ',' (1: another member follows) or the closing byte (0). */
static inline int next_member(P *p, unsigned char close) {
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
static inline int key(P *p, const unsigned char **ptr, size_t *len) {
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
static int skip_value(P *p, int depth) {
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
    if (c == '-' || (c >= '0' && c <= '9')) return number(p, &v, -1);
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
    p->s++; /* '{' */
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') {
        p->s++;
        return 0;
    }
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
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == ']') {
        p->s++;
        return 0;
    }
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
    DocData *d = p->d;
    size_t slow_before = d->slow.len;
    for (int i = 0; i < NNUM; i++) raw.v[i] = NAN;
    raw.spres = raw.flags = 0;
    if (p->s >= p->end || *p->s != '{') return fail(p, NOT_HANDLED);
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') {
        p->s++;
    } else {
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
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == ']') {
        p->s++;
        return 0;
    }
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
