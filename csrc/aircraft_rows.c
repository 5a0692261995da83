/* The aircraft.json reader's rules on one aircraft, as liftwatch.io.aircraft_json.convert states them for
 * whole columns (that module is the reference; the tests compare both bit for bit):
 *   - strings (printable ASCII here, the scan refuses anything else): hex stripped and lower-cased, valid when
 *     it is "~" or nothing then six hex digits; callsign, registration and type stripped and upper-cased,
 *     empty -> null; squawk stripped, zero-padded to four digits, null unless four octal digits;
 *   - dump1090's old names (altitude, speed, vert_rate) where the current key is null or absent;
 *   - lastPosition (in range, at most a day old) where there is no current position: the other kinematic
 *     fields are then dropped, being current rather than of the position's time;
 *   - the position's age (seen_pos, else seen, else 0), then the checks in the reader's order, the first
 *     failing one naming the reason (the time check needs "now": aircraft_batch.c);
 *   - the canonical values: float32 kinematics, vertical rate barometric else geometric (flagged), heading
 *     true else magnetic, on_ground from the altitude, MLAT/TISB flags from type and the field lists.
 */
#include <math.h>
#include <string.h>

#include "aircraft_native.h"

#define FLAG_VRATE_GEOM 4
#define FLAG_MLAT 16
#define FLAG_TISB 32

/* ASCII spaces off both ends (the only whitespace a printable-ASCII string holds) */
static inline void strip(const unsigned char **s, uint32_t *n) {
    const unsigned char *a = *s;
    uint32_t len = *n;
    while (len && a[0] == ' ') {
        a++;
        len--;
    }
    while (len && a[len - 1] == ' ') len--;
    *s = a;
    *n = len;
}

/* A callsign-like value: stripped, upper-cased, empty -> null. Returns its length or NULL_LEN. */
static int text(const Raw *r, int slot, Buf *out, uint32_t *len) {
    if (!((r->spres >> slot) & 1)) {
        *len = NULL_LEN;
        return 0;
    }
    const unsigned char *s = r->sp[slot];
    uint32_t n = r->sl[slot];
    strip(&s, &n);
    if (n == 0) {
        *len = NULL_LEN;
        return 0;
    }
    if (buf_grow(out, n)) return -1;
    unsigned char *w = (unsigned char *)out->p + out->len;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        w[i] = (unsigned char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    out->len += n;
    *len = n;
    return 0;
}

static inline int hexdigit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10; /* lower-cased first by the rule */
    return -1;
}

int acn_row_strings(const Raw *r, DocData *d, Row *o, Marks *m) {
    m->hex_ok = 0;
    o->code = 0;
    if (r->spres & (1 << S_HEX)) {
        const unsigned char *s = r->sp[S_HEX];
        uint32_t n = r->sl[S_HEX];
        strip(&s, &n);
        uint32_t tilde = n == 7 && s[0] == '~';
        if (n == 6 + tilde) {
            uint32_t code = 0;
            int ok = 1;
            for (uint32_t i = tilde; i < n && ok; i++) {
                int h = hexdigit(s[i]);
                ok = h >= 0;
                code = code << 4 | (uint32_t)(ok ? h : 0);
            }
            if (ok) {
                m->hex_ok = 1;
                o->code = code | tilde << 24;
            }
        }
    }
    if (text(r, S_FLIGHT, &d->text[T_CALLSIGN], &o->tlen[T_CALLSIGN]) ||
        text(r, S_REG, &d->text[T_REG], &o->tlen[T_REG]) || text(r, S_TYP, &d->text[T_TYP], &o->tlen[T_TYP]))
        return -1;
    m->has_callsign = o->tlen[T_CALLSIGN] != NULL_LEN;
    o->squawk[0] = 0;
    if (r->spres & (1 << S_SQUAWK)) {
        const unsigned char *s = r->sp[S_SQUAWK];
        uint32_t n = r->sl[S_SQUAWK];
        strip(&s, &n);
        if (n >= 1 && n <= 4) {
            int ok = 1;
            for (uint32_t i = 0; i < n; i++) ok &= s[i] >= '0' && s[i] <= '7';
            if (ok) {
                memset(o->squawk, '0', 4 - n);
                memcpy(o->squawk + 4 - n, s, n);
            }
        }
    }
    m->mlat = m->tisb = 0;
    if (r->spres & (1 << S_TYPE)) {
        const unsigned char *s = r->sp[S_TYPE];
        uint32_t n = r->sl[S_TYPE];
        m->mlat = n == 4 && memcmp(s, "mlat", 4) == 0;
        m->tisb = n >= 4 && (memcmp(s, "tisb", 4) == 0 || memcmp(s, "adsr", 4) == 0);
    }
    return 0;
}

#define HAS(x) (!isnan(x))

void acn_row_values(const Raw *r, const Marks *m, Row *o) {
    const double *v = r->v;
    int kind = (r->flags >> F_ALT_SHIFT) & 3;
    double alt = kind ? v[ALT] : v[OLD_ALT];
    if (!kind) kind = (r->flags >> F_OLDALT_SHIFT) & 3;
    double gs = HAS(v[GS]) ? v[GS] : v[OLD_GS];
    double brate = HAS(v[BRATE]) ? v[BRATE] : v[OLD_BRATE];
    double lat = v[LAT], lon = v[LON], galt = v[GALT], trk = v[TRK], grate = v[GRATE];
    double thdg = v[THDG], mhdg = v[MHDG], seen_pos = v[SEEN_POS], seen = v[SEEN];
    int ground = kind == A_GROUND, other = kind == A_OTHER, alt_ok = kind == A_NUM;
    int lat_ok = HAS(lat), lon_ok = HAS(lon), galt_ok = HAS(galt), brate_ok = HAS(brate), thdg_ok = HAS(thdg);
    int seen_pos_ok = HAS(seen_pos), seen_ok = HAS(seen);
    double la = v[LP_LAT], lo = v[LP_LON], ag = v[LP_AGE];
    int lp = (r->flags & F_LASTPOS) && HAS(la) && HAS(lo) && HAS(ag) && fabs(la) <= 90 && fabs(lo) <= 180 &&
             ag >= 0 && ag <= 86400;
    if (lp && !lat_ok && !lon_ok) { /* the last known position, without the current fields */
        lat = la;
        lon = lo;
        seen_pos = ag;
        lat_ok = lon_ok = seen_pos_ok = 1;
        alt = galt = gs = trk = brate = grate = thdg = mhdg = NAN;
        alt_ok = galt_ok = brate_ok = thdg_ok = 0;
    }
    int has_pos = lat_ok || lon_ok;
    double age = has_pos && seen_pos_ok ? seen_pos : seen_ok ? seen : 0.0;
    int usable = has_pos || m->has_callsign || alt_ok || ground || galt_ok;
    uint8_t reason = R_KEPT;
    if (!m->hex_ok)
        reason = R_HEX;
    else if (lat_ok != lon_ok)
        reason = R_LATLON;
    else if (fabs(lat) > 90 || fabs(lon) > 180)
        reason = R_RANGE;
    else if (age < 0 || age > 86400)
        reason = R_AGE;
    else if (other)
        reason = R_ALT_STR;
    else if (alt < -2000 || alt > 150000 || galt < -2000 || galt > 150000)
        reason = R_ALT_RANGE;
    else if (gs < 0 || gs > 5000 || trk < 0 || trk > 360)
        reason = R_SPEED;
    else if (thdg < 0 || thdg > 360 || mhdg < 0 || mhdg > 360)
        reason = R_HEADING;
    else if (fabs(brate) > 100000 || fabs(grate) > 100000)
        reason = R_VRATE;
    else if (!usable)
        reason = R_NOTHING;
    o->reason = reason;
    o->lat = lat;
    o->lon = lon;
    o->age = age;
    o->f[0] = (float)alt;
    o->f[1] = (float)galt;
    o->f[2] = (float)gs;
    o->f[3] = (float)trk;
    o->f[4] = (float)(brate_ok ? brate : grate);
    o->f[5] = (float)(thdg_ok ? thdg : mhdg);
    o->ground = (uint8_t)(ground || alt_ok ? ground : 2);
    uint16_t flags = !brate_ok && HAS(grate) ? FLAG_VRATE_GEOM : 0;
    if (m->mlat || (r->flags & F_MLAT_LAT)) flags |= FLAG_MLAT;
    if (m->tisb || (r->flags & F_TISB_LAT)) flags |= FLAG_TISB;
    o->flags = flags;
}
