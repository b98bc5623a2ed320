/* scan.c - records into tokens, and variable substitution.
 *
 * EXEC reads a statement as words delimited by blanks and parentheses, a
 * parenthesis being a word of its own, and cuts every word to eight
 * characters: "&TYPE THIS IS AN EXAGGERATED (MESSAGE" runs as "&TYPE THIS
 * IS AN EXAGGERA ( MESSAGE".  Symbols are then replaced by their values,
 * the rightmost first and again until none is left, so that &X&1 with
 * &1 = 2 means &X2.  A symbol without a value is a null token: it
 * vanishes from the statement. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_paren(char c)
{
    return c == '(' || c == ')';
}

/* copy one word starting at p into out (cut to 8); return its end */
static const char *take_word(const char *p, exec_tok out)
{
    size_t n = 0;

    if (is_paren(*p)) {
        out[0] = *p;
        out[1] = 0;
        return p + 1;
    }
    for (; *p && !is_blank(*p) && !is_paren(*p); p++)
        if (n < EXEC_TOKLEN)
            out[n++] = *p;
    out[n] = 0;
    return p;
}

int scan_line(struct exec *x, const char *line, struct toklist *out)
{
    const char *p = line ? line : "";

    out->n = 0;
    if (cms_strlen(p) > x->max_line)
        return exec_fail_num(x, E_LONGLINE, (long)x->max_line);
    for (;;) {
        while (is_blank(*p))
            p++;
        if (!*p)
            return 0;
        if (out->n == EXEC_MAXTOK)
            return exec_fail_num(x, E_TOKENS, EXEC_MAXTOK);
        p = take_word(p, out->t[out->n++]);
    }
}

void first_token(const char *line, exec_tok out)
{
    const char *p = line ? line : "";

    while (is_blank(*p))
        p++;
    take_word(p, out);
}

/* Control words and keywords are recognised as EXEC sees them: cut to
 * eight characters (&BEGSTACK is "&BEGSTAC") and in either case. */
bool tok_is(const char *tok, const char *word)
{
    size_t n = cms_strnlen(word, EXEC_TOKLEN);

    return cms_strlen(tok) == n && cms_strncasecmp(tok, word, n) == 0;
}

/* With &HEX ON, X'hhhhhh is a hexadecimal number shown in decimal and
 * X'&sym the value of a decimal symbol shown in hexadecimal. */
static int hex_token(struct exec *x, const char *raw, exec_tok out)
{
    const char *rest = raw + 2;
    long v;

    if (cms_strchr(rest, '&')) {
        exec_tok val;
        int err = subst_token(x, rest, val);
        if (err)
            return err;
        if (!exec_number(val, &v) || v < 0)
            return exec_fail(x, E_NUMBER, val);
        cms_utoa((unsigned long)v, 16, true, out, sizeof(exec_tok));
        return 0;
    }
    if (!*rest || cms_strlen(rest) > 6)
        return exec_fail(x, E_NUMBER, raw);
    for (const char *p = rest; *p; p++)
        if (!cms_isxdigit((u8)*p))
            return exec_fail(x, E_NUMBER, raw);
    cms_itoa(cms_strtol(rest, NULL, 16), out, sizeof(exec_tok));
    return 0;
}

/* the rightmost & that has a name after it, or NULL */
static char *last_symbol(char *s)
{
    char *found = NULL;

    for (; *s; s++)
        if (*s == '&' && s[1])
            found = s;
    return found;
}

int subst_token(struct exec *x, const char *raw, exec_tok out)
{
    exec_tok buf;

    if (x->hex && (raw[0] == 'X' || raw[0] == 'x') && raw[1] == '\'')
        return hex_token(x, raw, out);
    cms_strlcpy(buf, raw, sizeof buf);
    for (unsigned i = 0; i < EXEC_SUBSTMAX; i++) {
        exec_tok value;
        char *amp = last_symbol(buf);
        if (!amp) {
            cms_strlcpy(out, buf, sizeof(exec_tok));
            return 0;
        }
        var_lookup(x, amp + 1, value);
        *amp = 0;
        cms_strlcat(buf, value, sizeof buf);
    }
    return exec_fail(x, E_SUBST, raw);
}

int stmt_next(struct exec *x, struct stmt *st, exec_tok out)
{
    while (st->pos < st->raw->n) {
        const char *raw = st->raw->t[st->pos++];
        int err;
        if (tok_is(raw, "&LITERAL")) {          /* the next token as written */
            if (st->pos >= st->raw->n)
                return -exec_fail(x, E_MISSING, "&LITERAL");
            cms_strlcpy(out, st->raw->t[st->pos++], sizeof(exec_tok));
            return 1;
        }
        err = subst_token(x, raw, out);
        if (err)
            return -err;
        if (out[0])
            return 1;
    }
    return 0;
}

unsigned stmt_left(const struct stmt *st)
{
    return st->raw->n - st->pos;
}

/* the statement as it runs: substituted tokens, one blank apart */
int stmt_text(struct exec *x, const struct toklist *raw, unsigned pos, char *buf, size_t size)
{
    struct stmt st = { raw, pos };
    exec_tok t;
    int got;

    buf[0] = 0;
    while ((got = stmt_next(x, &st, t)) > 0) {
        if (buf[0])
            cms_strlcat(buf, " ", size);
        cms_strlcat(buf, t, size);
    }
    return -got;
}
