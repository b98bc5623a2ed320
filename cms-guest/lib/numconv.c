/* numconv.c - number conversion (see numconv.h). */
#include "cms-guest/lib/numconv.h"
#include "cms-guest/lib/ctype.h"

/* the compiler's own limits: <limits.h> of the cross compiler reaches into
 * a C library the guest does not have */
#define LONG_MAX_    __LONG_MAX__
#define ULONG_MAX_   (__LONG_MAX__ * 2ul + 1ul)

struct parsed {
    unsigned long long mag;     /* magnitude, clamped at the limit */
    bool neg;
    bool overflow;
};

static int digit_value(int c)
{
    if (cms_isdigit(c))
        return c - '0';
    if (cms_isalpha(c))
        return cms_tolower(c) - 'a' + 10;
    return 99;
}

/* base 0 and base 16 accept a 0x prefix only when a hex digit follows */
static int pick_base(const char **sp, int base)
{
    const char *s = *sp;
    bool hexprefix = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value((u8)s[2]) < 16;

    if ((base == 0 || base == 16) && hexprefix) {
        *sp = s + 2;
        return 16;
    }
    if (base == 0)
        return s[0] == '0' ? 8 : 10;
    return base;
}

/* Parse the number at s; the magnitude limit depends on the sign, so the
 * caller gives one for each.  Returns the end pointer (s if no digits). */
static const char *parse(const char *s, int base, unsigned long long max_pos,
                         unsigned long long max_neg, struct parsed *out)
{
    const char *start = s, *digits;
    unsigned long long max;

    *out = (struct parsed){ 0, false, false };
    if (base < 0 || base == 1 || base > 36)
        return start;
    while (cms_isspace((u8)*s))
        s++;
    if (*s == '+' || *s == '-')
        out->neg = *s++ == '-';
    base = pick_base(&s, base);
    max = out->neg ? max_neg : max_pos;
    for (digits = s; digit_value((u8)*s) < base; s++) {
        unsigned d = (unsigned)digit_value((u8)*s);
        if (out->overflow || out->mag > (max - d) / (unsigned)base) {
            out->overflow = true;
            out->mag = max;
        } else {
            out->mag = out->mag * (unsigned)base + d;
        }
    }
    return s == digits ? start : s;
}

long cms_strtol(const char *s, char **end, int base)
{
    struct parsed p;
    const char *e = parse(s, base, LONG_MAX_, (unsigned long long)LONG_MAX_ + 1, &p);

    if (end)
        *end = (char *)e;
    if (!p.neg)
        return (long)p.mag;
    return p.mag ? -(long)(p.mag - 1) - 1 : 0;      /* LONG_MIN without overflow */
}

unsigned long cms_strtoul(const char *s, char **end, int base)
{
    struct parsed p;
    const char *e = parse(s, base, ULONG_MAX_, ULONG_MAX_, &p);

    if (end)
        *end = (char *)e;
    if (p.overflow)
        return ULONG_MAX_;
    return p.neg ? -(unsigned long)p.mag : (unsigned long)p.mag;
}

size_t cms_utoa(unsigned long long v, unsigned base, bool upper, char *buf, size_t size)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char rev[64];
    size_t n = 0, i;

    if (base < 2 || base > 16)
        base = 10;
    do {
        rev[n++] = digits[v % base];
        v /= base;
    } while (v);
    for (i = 0; i < n && i + 1 < size; i++)
        buf[i] = rev[n - 1 - i];
    if (size)
        buf[i] = 0;
    return n;
}

size_t cms_itoa(long long v, char *buf, size_t size)
{
    unsigned long long mag = v < 0 ? (unsigned long long)-(v + 1) + 1 : (unsigned long long)v;

    if (v >= 0)
        return cms_utoa(mag, 10, false, buf, size);
    if (size > 1) {
        buf[0] = '-';
        return 1 + cms_utoa(mag, 10, false, buf + 1, size - 1);
    }
    if (size)
        buf[0] = 0;
    return 1 + cms_utoa(mag, 10, false, NULL, 0);
}
