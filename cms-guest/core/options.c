/* options.c - small helpers every command uses: option words, numbers,
 * device addresses, and the messages for operands that are wrong. */
#include "cms-guest/core/cms.h"

bool cms_opt_is(const char *w, const char *name, size_t min)
{
    size_t n = cms_strlen(w);

    return n >= min && n <= cms_strlen(name) && !cms_strncmp(w, name, n);
}

int cms_bad_option(const char *mod, const char *w)
{
    char id[12];

    cms_msg(cms_msgid(id, mod, "003E"), "INVALID OPTION '%s'", w);
    return RC_PARM;
}

int cms_bad_operand(const char *mod, const char *w)
{
    char id[12];

    cms_msg(cms_msgid(id, mod, "070E"), "INVALID PARAMETER '%s'", w);
    return RC_PARM;
}

int cms_missing_operand(const char *mod, const char *what)
{
    char id[12];

    cms_msg(cms_msgid(id, mod, "054E"), "INCOMPLETE %s SPECIFIED", what);
    return RC_PARM;
}

bool cms_parse_u32(const char *w, u32 *out)
{
    char *end;
    unsigned long v;

    if (!cms_isdigit((unsigned char)w[0]) || cms_strlen(w) > 9)
        return false;
    v = cms_strtoul(w, &end, 10);
    if (*end)
        return false;
    *out = (u32)v;
    return true;
}

bool cms_parse_cuu(const char *w, u16 *cuu)
{
    char *end;
    unsigned long v;
    size_t n = cms_strlen(w);

    if (n == 0 || n > 4 || !cms_isxdigit((unsigned char)w[0]))
        return false;
    v = cms_strtoul(w, &end, 16);
    if (*end)
        return false;
    *cuu = (u16)v;
    return true;
}

/* a mode letter A-Z, given as one letter */
bool cms_parse_mode(const char *w, char *mode)
{
    if (w[0] < 'A' || w[0] > 'Z' || w[1])
        return false;
    *mode = w[0];
    return true;
}
