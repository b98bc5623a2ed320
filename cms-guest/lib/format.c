/* format.c - printf-style formatting (see format.h). */
#include "cms-guest/lib/format.h"
#include "cms-guest/lib/numconv.h"
#include "cms-guest/lib/str.h"

struct out {
    char *buf;
    size_t size, len;
};

struct spec {
    bool left, plus, space, alt, zero;
    int width;
    int prec;                   /* -1: none given */
    int len;                    /* -2 hh, -1 h, 0, 1 l, 2 ll, 3 z */
    char conv;
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void put_n(struct out *o, char c, size_t n)
{
    while (n--)
        put(o, c);
}

static void put_s(struct out *o, const char *s, size_t n)
{
    while (n--)
        put(o, *s++);
}

static const char *parse_flags(const char *f, struct spec *sp)
{
    for (;; f++) {
        switch (*f) {
        case '-': sp->left = true; break;
        case '+': sp->plus = true; break;
        case ' ': sp->space = true; break;
        case '#': sp->alt = true; break;
        case '0': sp->zero = true; break;
        default: return f;
        }
    }
}

/* a negative '*' width means left alignment; a negative '*' precision none */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    *sp = (struct spec){ .prec = -1 };
    f = parse_flags(f, sp);
    if (*f == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->left = true;
            sp->width = -sp->width;
        }
        f++;
    }
    while (*f >= '0' && *f <= '9')
        sp->width = sp->width * 10 + (*f++ - '0');
    if (*f == '.') {
        f++;
        sp->prec = 0;
        if (*f == '*') {
            sp->prec = va_arg(*ap, int);
            if (sp->prec < 0)
                sp->prec = -1;
            f++;
        }
        while (*f >= '0' && *f <= '9')
            sp->prec = sp->prec * 10 + (*f++ - '0');
    }
    for (; *f == 'h'; f++)
        sp->len--;
    for (; *f == 'l'; f++)
        sp->len++;
    if (*f == 'z') {
        sp->len = 3;
        f++;
    }
    sp->conv = *f;
    return f;
}

/* sign or 0x prefix, zeros up to the precision or the width, the digits */
static void put_int(struct out *o, const struct spec *sp, unsigned long long mag,
                    char sign, unsigned base)
{
    char digits[24], prefix[3];
    size_t nd = cms_utoa(mag, base, sp->conv == 'X', digits, sizeof digits);
    size_t np = 0, zeros, body;

    if (sp->prec == 0 && mag == 0)
        nd = 0;
    if (sign)
        prefix[np++] = sign;
    if (sp->alt && base == 16 && mag) {
        prefix[np++] = '0';
        prefix[np++] = sp->conv;
    }
    zeros = sp->prec > (int)nd ? (size_t)sp->prec - nd : 0;
    if (sp->alt && base == 8 && !zeros && (nd == 0 || digits[0] != '0'))
        zeros = 1;
    body = np + zeros + nd;
    if (sp->zero && !sp->left && sp->prec < 0 && (size_t)sp->width > body) {
        zeros += (size_t)sp->width - body;
        body = (size_t)sp->width;
    }
    if (!sp->left && (size_t)sp->width > body)
        put_n(o, ' ', (size_t)sp->width - body);
    put_s(o, prefix, np);
    put_n(o, '0', zeros);
    put_s(o, digits, nd);
    if (sp->left && (size_t)sp->width > body)
        put_n(o, ' ', (size_t)sp->width - body);
}

static void put_padded(struct out *o, const struct spec *sp, const char *s, size_t n)
{
    size_t fill = (size_t)sp->width > n ? (size_t)sp->width - n : 0;

    if (!sp->left)
        put_n(o, ' ', fill);
    put_s(o, s, n);
    if (sp->left)
        put_n(o, ' ', fill);
}

static long long fetch_signed(const struct spec *sp, va_list *ap)
{
    switch (sp->len) {
    case -2: return (signed char)va_arg(*ap, int);
    case -1: return (short)va_arg(*ap, int);
    case 1:  return va_arg(*ap, long);
    case 2:  return va_arg(*ap, long long);
    case 3:  return (long long)va_arg(*ap, size_t);
    default: return va_arg(*ap, int);
    }
}

static unsigned long long fetch_unsigned(const struct spec *sp, va_list *ap)
{
    switch (sp->len) {
    case -2: return (unsigned char)va_arg(*ap, unsigned);
    case -1: return (unsigned short)va_arg(*ap, unsigned);
    case 1:  return va_arg(*ap, unsigned long);
    case 2:  return va_arg(*ap, unsigned long long);
    case 3:  return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned);
    }
}

static void convert(struct out *o, struct spec *sp, va_list *ap)
{
    switch (sp->conv) {
    case 'd':
    case 'i': {
        long long v = fetch_signed(sp, ap);
        unsigned long long mag = v < 0 ? (unsigned long long)-(v + 1) + 1 : (unsigned long long)v;
        char sign = v < 0 ? '-' : sp->plus ? '+' : sp->space ? ' ' : 0;
        put_int(o, sp, mag, sign, 10);
        break;
    }
    case 'u': put_int(o, sp, fetch_unsigned(sp, ap), 0, 10); break;
    case 'o': put_int(o, sp, fetch_unsigned(sp, ap), 0, 8); break;
    case 'x':
    case 'X': put_int(o, sp, fetch_unsigned(sp, ap), 0, 16); break;
    case 'p': {
        void *p = va_arg(*ap, void *);
        sp->alt = true;
        sp->conv = 'x';
        if (p)
            put_int(o, sp, (uintptr_t)p, 0, 16);
        else
            put_padded(o, sp, "(nil)", 5);
        break;
    }
    case 'c': {
        char c = (char)va_arg(*ap, int);
        put_padded(o, sp, &c, 1);
        break;
    }
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (!s)
            s = "(null)";
        put_padded(o, sp, s, sp->prec < 0 ? cms_strlen(s) : cms_strnlen(s, (size_t)sp->prec));
        break;
    }
    case '%': put(o, '%'); break;
    default:  put(o, '%'); put(o, sp->conv); break;
    }
}

int cms_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = { buf, size, 0 };
    struct spec sp;
    va_list args;

    va_copy(args, ap);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        fmt = parse_spec(fmt + 1, &sp, &args);
        if (!*fmt) {            /* a lone '%' at the end prints itself */
            put(&o, '%');
            break;
        }
        convert(&o, &sp, &args);
    }
    va_end(args);
    if (size)
        buf[o.len < size ? o.len : size - 1] = 0;
    return (int)o.len;
}

int cms_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = cms_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
