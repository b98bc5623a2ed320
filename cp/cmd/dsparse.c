/* dsparse.c - the operand grammar of DISPLAY and STORE (VM/370 Release 6).
 *
 *   storage    [L|T|K]hexloc1[-hexloc2 | :hexloc2 | -END | - | .count | .END]
 *              L, T or K alone: all of storage; "-5FF": from 0
 *   registers  G|Y|X[reg1[-reg2 | :reg2 | -END | - | .count | .END]]
 *              reg: decimal 0-15 or one hex digit A-F; Y only 0, 2, 4, 6
 *   words      PSW (P, PS), CAW, CSW
 *
 * DCP and STCP (real storage) take the storage forms with addresses of up
 * to 8 hex digits.
 *
 * cp370 also reads C with a decimal register number (C, C5, C0-3) as the
 * control registers, as its DISPLAY always did; VM/370 would read "C5" as
 * the storage word at X'C4', which is "0C5" or "LC5" here. */
#include "cp/cmd/dsparse.h"
#include "cp/lib/string.h"

static u32 hexval(char c)
{
    return (u32)(c <= '9' ? c - '0' : c - 'A' + 10);
}

/* hex digits at *p into v; the number of digits (more than max: error) */
static enum ds_error hexnum(const char **p, u32 *v, unsigned max)
{
    unsigned n = 0;

    *v = 0;
    while (is_xdigit(**p)) {
        if (++n > max)
            return DS_BAD_ADDRESS;
        *v = *v << 4 | hexval(to_upper(**p));
        (*p)++;
    }
    return n ? DS_OK : DS_BAD_OPERAND;
}

/* a register number: decimal 0 to max, or one hex digit A-F (strict:
 * decimal only, no leading zero, for cp370's C form) */
static enum ds_error regnum(const char **p, u32 *v, u32 max, bool strict)
{
    const char *s = *p;

    if (is_digit(s[0])) {
        *v = (u32)(s[0] - '0');
        s++;
        if (is_digit(s[0])) {
            if (strict && *v == 0)
                return DS_BAD_OPERAND;
            *v = *v * 10 + (u32)(s[0] - '0');
            s++;
        }
    } else if (!strict && s[0] >= 'A' && s[0] <= 'F' && strncmp(s, "END", 3) != 0) {
        *v = hexval(s[0]);
        s++;
    } else {
        return DS_BAD_OPERAND;
    }
    if (is_digit(s[0]) || (!strict && is_xdigit(s[0])))
        return DS_BAD_REGISTER;         /* G123, G1F */
    *p = s;
    return *v <= max ? DS_OK : DS_BAD_REGISTER;
}

static bool is_range(char c)
{
    return c == '-' || c == ':';
}

/* "END" (or nothing, after a range sign) stands for the last unit there is */
static bool to_end(const char *s, bool empty_too, u32 max, struct ds_operand *op)
{
    if (strcmp(s, "END") && !(empty_too && !*s))
        return false;
    op->last = max;
    op->to_end = true;
    return true;
}

/* registers of one kind: 0..max in steps of step (Y: 0, 2, 4, 6) */
static enum ds_error regs(const char *s, enum ds_what what, u32 max, u32 step, bool strict,
                          struct ds_operand *op)
{
    enum ds_error e;
    u32 n;

    op->what = what;
    op->first = 0;
    op->last = max;
    if (!*s)
        return DS_OK;
    if (!is_range(*s)) {
        if ((e = regnum(&s, &op->first, max, strict)) != DS_OK)
            return e;
        if (op->first % step)
            return DS_BAD_REGISTER;
        op->last = op->first;
        if (!*s)
            return DS_OK;
    }
    if (is_range(*s)) {
        if (to_end(++s, true, max, op))
            return DS_OK;
        if ((e = regnum(&s, &op->last, max, strict)) != DS_OK)
            return e;
        if (*s)
            return DS_BAD_OPERAND;
        if (op->last % step)
            return DS_BAD_REGISTER;
        return op->last < op->first ? DS_BAD_RANGE : DS_OK;
    }
    if (*s != '.')
        return DS_BAD_OPERAND;
    if (to_end(++s, false, max, op))
        return DS_OK;
    if ((e = regnum(&s, &n, 16, strict)) != DS_OK || *s)
        return e != DS_OK ? e : DS_BAD_OPERAND;
    if (n == 0)
        return DS_BAD_RANGE;
    op->last = op->first + step * (n - 1);
    return op->last <= max ? DS_OK : DS_BAD_REGISTER;
}

/* the largest address of digits hex digits: 6 for a virtual machine's
 * storage, 8 for real storage (31 bits) */
static u32 max_addr(unsigned digits)
{
    return digits == 6 ? DS_MAX_ADDR : DS_MAX_REAL;
}

/* storage: s follows the prefix letter (prefixed) or is the operand */
static enum ds_error storage(const char *s, enum ds_what what, bool prefixed, unsigned digits,
                             struct ds_operand *op)
{
    enum ds_error e;
    u32 n, max = max_addr(digits);

    op->what = what;
    op->first = 0;
    op->last = max;
    if (!*s) {
        op->to_end = true;
        return prefixed ? DS_OK : DS_BAD_OPERAND;
    }
    if (!is_range(*s)) {
        if ((e = hexnum(&s, &op->first, digits)) != DS_OK)
            return e;
        if (op->first > max)
            return DS_BAD_ADDRESS;
        op->last = op->first;
        if (!*s)
            return DS_OK;
    }
    if (is_range(*s)) {
        if (to_end(++s, true, max, op))
            return DS_OK;
        if ((e = hexnum(&s, &op->last, digits)) != DS_OK || *s)
            return e != DS_OK ? e : DS_BAD_OPERAND;
        if (op->last > max)
            return DS_BAD_ADDRESS;
        return op->last < op->first ? DS_BAD_RANGE : DS_OK;
    }
    if (*s != '.')
        return DS_BAD_OPERAND;
    if (to_end(++s, false, max, op))
        return DS_OK;
    if ((e = hexnum(&s, &n, digits)) != DS_OK || *s)
        return e != DS_OK ? e : DS_BAD_OPERAND;
    if (n == 0)
        return DS_BAD_RANGE;
    if (n - 1 > max - op->first)
        return DS_BAD_ADDRESS;
    op->last = op->first + n - 1;
    return DS_OK;
}

static bool psw_word(const char *w)
{
    return !strcmp(w, "P") || !strcmp(w, "PS") || !strcmp(w, "PSW");
}

/* cp370's C form: C alone, or C and a strict register operand */
static bool c_form(const char *w, struct ds_operand *op)
{
    return w[0] == 'C' && regs(w + 1, DS_CR, 15, 1, true, op) == DS_OK;
}

enum ds_error ds_parse_display(const char *w, struct ds_operand *op)
{
    memset(op, 0, sizeof *op);
    if (psw_word(w)) {
        op->what = DS_PSW;
        return DS_OK;
    }
    if (!strcmp(w, "CAW") || !strcmp(w, "CSW")) {
        op->what = w[1] == 'A' ? DS_CAW : DS_CSW;
        return DS_OK;
    }
    if (c_form(w, op))
        return DS_OK;
    memset(op, 0, sizeof *op);
    switch (w[0]) {
    case 'G': return regs(w + 1, DS_GPR, 15, 1, false, op);
    case 'Y': return regs(w + 1, DS_FPR, 6, 2, false, op);
    case 'X': return regs(w + 1, DS_CR, 15, 1, false, op);
    case 'L': return storage(w + 1, DS_STORAGE, true, 6, op);
    case 'K': return storage(w + 1, DS_KEYS, true, 6, op);
    case 'T':
        op->translate = true;
        return storage(w + 1, DS_STORAGE, true, 6, op);
    default:
        return storage(w, DS_STORAGE, false, 6, op);
    }
}

/* one register, nothing after it */
static enum ds_error one_reg(const char *s, enum ds_what what, u32 max, u32 step, bool strict,
                             struct ds_operand *op)
{
    enum ds_error e;

    op->what = what;
    if ((e = regnum(&s, &op->first, max, strict)) != DS_OK)
        return e;
    if (*s)
        return DS_BAD_OPERAND;
    op->last = op->first;
    return op->first % step ? DS_BAD_REGISTER : DS_OK;
}

/* one storage address, nothing after it */
static enum ds_error one_addr(const char *s, enum ds_what what, unsigned digits,
                              struct ds_operand *op)
{
    enum ds_error e;

    op->what = what;
    if ((e = hexnum(&s, &op->first, digits)) != DS_OK)
        return e;
    op->last = op->first;
    if (op->first > max_addr(digits))
        return DS_BAD_ADDRESS;
    return *s ? DS_BAD_OPERAND : DS_OK;
}

enum ds_error ds_parse_store(const char *w, struct ds_operand *op)
{
    memset(op, 0, sizeof *op);
    if (psw_word(w)) {
        op->what = DS_PSW;
        return DS_OK;
    }
    if (!strcmp(w, "STATUS")) {
        op->what = DS_STATUS;
        return DS_OK;
    }
    if (w[0] == 'C' && one_reg(w + 1, DS_CR, 15, 1, true, op) == DS_OK)
        return DS_OK;
    memset(op, 0, sizeof *op);
    switch (w[0]) {
    case 'G': return one_reg(w + 1, DS_GPR, 15, 1, false, op);
    case 'Y': return one_reg(w + 1, DS_FPR, 6, 2, false, op);
    case 'X': return one_reg(w + 1, DS_CR, 15, 1, false, op);
    case 'L': return one_addr(w + 1, DS_STORAGE, 6, op);
    case 'S': return one_addr(w + 1, DS_STRING, 6, op);
    default:  return one_addr(w, DS_STORAGE, 6, op);
    }
}

enum ds_error ds_parse_real(const char *w, struct ds_operand *op)
{
    memset(op, 0, sizeof *op);
    switch (w[0]) {
    case 'L': return storage(w + 1, DS_STORAGE, true, 8, op);
    case 'K': return storage(w + 1, DS_KEYS, true, 8, op);
    case 'T':
        op->translate = true;
        return storage(w + 1, DS_STORAGE, true, 8, op);
    default:
        return storage(w, DS_STORAGE, false, 8, op);
    }
}

enum ds_error ds_parse_real_store(const char *w, struct ds_operand *op)
{
    memset(op, 0, sizeof *op);
    switch (w[0]) {
    case 'L': return one_addr(w + 1, DS_STORAGE, 8, op);
    case 'S': return one_addr(w + 1, DS_STRING, 8, op);
    default:  return one_addr(w, DS_STORAGE, 8, op);
    }
}

unsigned ds_hexword(const char *s, u32 words[2])
{
    size_t n = strlen(s);

    if (n == 0 || n > 16)
        return 0;
    words[0] = words[1] = 0;
    for (size_t i = 0; i < n; i++) {
        char c = to_upper(s[i]);
        if (!is_xdigit(c))
            return 0;
        /* digits fill from the right: the last 8 are the low word */
        if (n - i > 8)
            words[0] = words[0] << 4 | hexval(c);
        else
            words[1] = words[1] << 4 | hexval(c);
    }
    if (n <= 8) {
        words[0] = words[1];
        return 1;
    }
    return 2;
}

u32 ds_hexbytes(const char *s, u8 *out, u32 max)
{
    size_t n = strlen(s);

    if (n == 0 || n % 2 || n / 2 > max)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_xdigit(to_upper(s[i])))
            return 0;
    for (size_t i = 0; i < n; i += 2)
        out[i / 2] = (u8)(hexval(to_upper(s[i])) << 4 | hexval(to_upper(s[i + 1])));
    return (u32)(n / 2);
}

const char *ds_error_text(enum ds_error e)
{
    switch (e) {
    case DS_BAD_REGISTER: return "no such register";
    case DS_BAD_RANGE:    return "the range ends before it starts, or is empty";
    case DS_BAD_ADDRESS:  return "an address is 1 to 6 hexadecimal digits, at most FFFFFF";
    default:              return "not a DISPLAY or STORE operand";
    }
}
