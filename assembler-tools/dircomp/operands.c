/* operands.c - one checker per kind of operand, and the device table.
 *
 * Each checker takes a word as typed and either stores its value or
 * reports, at the word's line and column, what was expected and what was
 * found.  Operands are case-insensitive: values are kept in upper case. */
#include "dircomp.h"
#include "cp/lib/string.h"

#include <ctype.h>
#include <stdlib.h>

#define S370_MAX_STORAGE        (16u << 20)     /* 24-bit addresses */
#define PAGE                    4096u

bool dc_absent(struct dc_compile *dc, const struct dc_word *w)
{
    if (w->text)
        return false;
    dc_parse_error(dc, w->loc, "expected %s, found end of line", w->missing);
    return true;
}

bool dc_abbrev(const char *word, const char *name, unsigned minlen)
{
    size_t n = strlen(word);

    return n >= minlen && n <= strlen(name) && str_ncasecmp(word, name, n) == 0;
}

static void upper(char *dst, const char *src, size_t size)
{
    size_t i = 0;

    for (; src[i] && i + 1 < size; i++)
        dst[i] = to_upper(src[i]);
    dst[i] = 0;
}

static bool all_of(const char *s, const char *set)
{
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr(set, *s))
            return false;
    return true;
}

bool dc_userid(struct dc_compile *dc, const struct dc_word *w, char out[9])
{
    size_t n;

    if (dc_absent(dc, w))
        return false;
    n = strlen(w->text);
    if (n < 1 || n > 8 || !all_of(w->text, "$#@")) {
        dc_parse_error(dc, w->loc, "expected a userid of 1 to 8 letters, digits, $, # or @, found %s",
                       dc_found(w));
        return false;
    }
    upper(out, w->text, 9);
    return true;
}

bool dc_printable(const char *s)
{
    for (; *s; s++)
        if (!isgraph((unsigned char)*s))
            return false;
    return true;
}

bool dc_password(struct dc_compile *dc, const struct dc_word *w, const char *what, char out[9])
{
    size_t n;

    if (dc_absent(dc, w))
        return false;
    n = strlen(w->text);
    if (n < 1 || n > 8 || !dc_printable(w->text)) {
        dc_parse_error(dc, w->loc, "expected %s of 1 to 8 characters, found %s", what, dc_found(w));
        return false;
    }
    upper(out, w->text, 9);
    return true;
}

bool dc_name(struct dc_compile *dc, const struct dc_word *w, const char *what, char out[9])
{
    size_t n;

    if (dc_absent(dc, w))
        return false;
    n = strlen(w->text);
    if (n < 1 || n > 8 || !all_of(w->text, "$#@-_.")) {
        dc_parse_error(dc, w->loc, "expected %s of 1 to 8 letters or digits, found %s", what,
                       dc_found(w));
        return false;
    }
    upper(out, w->text, 9);
    return true;
}

/* nnnK or nnM; a multiple of a page, no more than a S/370 can address */
bool dc_storage(struct dc_compile *dc, const struct dc_word *w, u32 *bytes)
{
    const char *t = w->text;
    unsigned long v = 0;
    size_t n;
    char unit;

    if (dc_absent(dc, w))
        return false;
    n = strlen(t);
    unit = n ? to_upper(t[n - 1]) : 0;
    for (size_t i = 0; i + 1 < n && v <= S370_MAX_STORAGE; i++)
        v = is_digit(t[i]) ? v * 10 + (unsigned long)(t[i] - '0') : ~0ul;
    if (n < 2 || (unit != 'K' && unit != 'M') || v == ~0ul) {
        dc_parse_error(dc, w->loc, "expected a storage size such as 1M, found %s", dc_found(w));
        return false;
    }
    v *= unit == 'K' ? 1024ul : 1024ul * 1024ul;
    if (v > S370_MAX_STORAGE) {
        dc_parse_error(dc, w->loc, "storage %s is more than a S/370 virtual machine can address (16M)",
                       w->text);
        return false;
    }
    if (v == 0 || v % PAGE) {
        dc_parse_error(dc, w->loc, "storage %s is not a positive multiple of 4K", w->text);
        return false;
    }
    *bytes = (u32)v;
    return true;
}

/* VM/370 privilege classes A (operator) to G (general user), and H,
 * which VM/370 kept for IBM's use */
bool dc_classes(struct dc_compile *dc, const struct dc_word *w, u32 *mask)
{
    u32 m = 0;

    if (dc_absent(dc, w))
        return false;
    for (const char *p = w->text; *p; p++) {
        char c = to_upper(*p);
        if (c < 'A' || c > 'H') {
            dc_parse_error(dc, w->loc, "expected privilege classes, letters A to H such as G, found %s",
                           dc_found(w));
            return false;
        }
        m |= 1u << (c - 'A');
    }
    *mask = m;
    return true;
}

bool dc_is_cuu(const char *t)
{
    size_t n = strlen(t);

    if (n < 1 || n > 4)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_xdigit(t[i]))
            return false;
    return strtoul(t, NULL, 16) <= 0xFFF;
}

/* a S/370 device address: channel (one hex digit) and unit (two) */
bool dc_cuu(struct dc_compile *dc, const struct dc_word *w, u16 *cuu)
{
    if (dc_absent(dc, w))
        return false;
    if (!dc_is_cuu(w->text)) {
        dc_parse_error(dc, w->loc, "expected a virtual device address such as 191 "
                       "(hexadecimal, 000 to FFF), found %s", dc_found(w));
        return false;
    }
    *cuu = (u16)strtoul(w->text, NULL, 16);
    return true;
}

bool dc_decimal(struct dc_compile *dc, const struct dc_word *w, const char *what,
                unsigned min, unsigned max, unsigned *out)
{
    const char *t = w->text;
    unsigned long v = 0;
    size_t n;

    if (dc_absent(dc, w))
        return false;
    n = strlen(t);
    for (size_t i = 0; i < n && v <= max; i++)
        v = is_digit(t[i]) ? v * 10 + (unsigned long)(t[i] - '0') : ~0ul;
    if (n == 0 || v < min || v > max) {
        dc_parse_error(dc, w->loc, "expected %s, a decimal number from %u to %u, found %s", what,
                       min, max, dc_found(w));
        return false;
    }
    *out = (unsigned)v;
    return true;
}

bool dc_volser(struct dc_compile *dc, const struct dc_word *w, char out[7])
{
    size_t n;

    if (dc_absent(dc, w))
        return false;
    n = strlen(w->text);
    if (n < 1 || n > 6 || !all_of(w->text, "$#@-")) {
        dc_parse_error(dc, w->loc, "expected a volume serial of 1 to 6 letters or digits, found %s",
                       dc_found(w));
        return false;
    }
    upper(out, w->text, 7);
    return true;
}

/* the VM/370 access modes: the first letter is what the user gets (read,
 * write, multiple write), the second what he takes when it is not free */
bool dc_mode(struct dc_compile *dc, const struct dc_word *w, char out[3])
{
    static const char *const modes[] = { "R", "RR", "W", "WR", "M", "MR", "MW" };

    if (dc_absent(dc, w))
        return false;
    for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
        if (!str_casecmp(w->text, modes[i])) {
            strlcpy(out, modes[i], 3);
            return true;
        }
    }
    dc_parse_error(dc, w->loc, "expected an access mode (R, RR, W, WR, M, MR or MW), found %s",
                   dc_found(w));
    return false;
}

bool dc_spool_class(struct dc_compile *dc, const struct dc_word *w, char *out)
{
    char c;

    if (dc_absent(dc, w))
        return false;
    c = to_upper(w->text[0]);
    if (w->text[1] || !(isupper((unsigned char)c) || is_digit(c) || c == '*')) {
        dc_parse_error(dc, w->loc, "expected a spool class (A to Z, 0 to 9 or *), found %s",
                       dc_found(w));
        return false;
    }
    *out = c;
    return true;
}

#define KIND(k) (1u << (k))

static const struct dc_devtype devtypes[] = {
    { 0x3215, DC_CONSOLE, 0, 0 },
    { 0x3210, DC_CONSOLE, 0, 0 },
    { 0x1052, DC_CONSOLE, 0, 0 },
    { 0x2540, DC_SPOOL, KIND(DIR_SPOOL_READER) | KIND(DIR_SPOOL_PUNCH), 0 },
    { 0x3505, DC_SPOOL, KIND(DIR_SPOOL_READER), 0 },
    { 0x3525, DC_SPOOL, KIND(DIR_SPOOL_PUNCH), 0 },
    { 0x1403, DC_SPOOL, KIND(DIR_SPOOL_PRINTER), 0 },
    { 0x3211, DC_SPOOL, KIND(DIR_SPOOL_PRINTER), 0 },
    { 0x2305, DC_DASD, 0, 48 },
    { 0x2314, DC_DASD, 0, 203 },
    { 0x2319, DC_DASD, 0, 203 },
    { 0x3330, DC_DASD, 0, 808 },
    { 0x3340, DC_DASD, 0, 696 },
    { 0x3350, DC_DASD, 0, 555 },
};

static const char *const class_what[] = {
    [DC_CONSOLE] = "a console type (3215, 3210 or 1052)",
    [DC_SPOOL] = "a unit-record type (2540, 3505, 3525, 1403 or 3211)",
    [DC_DASD] = "a disk type (2305, 2314, 2319, 3330, 3340 or 3350)",
};

/* a device type is four decimal digits, kept as the hex number that
 * reads the same (3350 -> 0x3350), as SENSE ID reports it */
const struct dc_devtype *dc_devtype(struct dc_compile *dc, const struct dc_word *w,
                                    enum dc_devclass cls)
{
    const char *t = w->text;
    bool digits;
    u16 type = 0;

    if (dc_absent(dc, w))
        return NULL;
    digits = strlen(t) == 4;
    for (int i = 0; digits && i < 4; i++) {
        digits = is_digit(t[i]);
        type = (u16)(type << 4 | (t[i] - '0'));
    }
    if (digits) {
        for (size_t i = 0; i < ARRAY_SIZE(devtypes); i++)
            if (devtypes[i].type == type && devtypes[i].cls == cls)
                return &devtypes[i];
        dc_parse_error(dc, w->loc, "unknown device type %s here; expected %s", t, class_what[cls]);
        return NULL;
    }
    dc_parse_error(dc, w->loc, "expected %s, found %s", class_what[cls], dc_found(w));
    return NULL;
}

const char *dc_spool_kind_name(u8 kind)
{
    switch (kind) {
    case DIR_SPOOL_READER:  return "READER";
    case DIR_SPOOL_PUNCH:   return "PUNCH";
    case DIR_SPOOL_PRINTER: return "PRINTER";
    default:                return "?";
    }
}
