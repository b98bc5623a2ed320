/* assign.c - the assignment statement and the built-in functions.
 *
 *   &name = [token | number op number ... | function tokens]
 *
 * Symbols in the name are substituted except the leftmost (&X&1 = 5 sets
 * &X2 when &1 is 2).  Arithmetic is on whole numbers with + - * /,
 * worked from left to right; the result must fit in a token.  The
 * functions &CONCAT, &DATATYPE, &LENGTH and &SUBSTR stand first on the
 * right; &LITERAL may stand before any token. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

#define MAX_VALUE   99999999L       /* the widest numbers that fit in 8 */
#define MIN_VALUE   (-9999999L)

static int target_name(struct exec *x, const char *raw, exec_tok name)
{
    int err = subst_token(x, raw + 1, name);

    if (err)
        return err;
    for (char *p = name; *p; p++)
        *p = (char)cms_toupper((u8)*p);
    return 0;
}

/* the remaining tokens of the statement, substituted */
static int operands(struct exec *x, struct stmt *st, exec_tok *out, unsigned *n)
{
    int got;

    *n = 0;
    while ((got = stmt_next(x, st, out[*n])) > 0)
        (*n)++;
    return -got;
}

static int number(struct exec *x, const char *t, long *v)
{
    return exec_number(t, v) ? 0 : exec_fail(x, E_NUMBER, t);
}

static int apply(struct exec *x, long *acc, const char *op, long v)
{
    long long r = *acc;

    switch (op[1] ? 0 : op[0]) {
    case '+': r += v; break;
    case '-': r -= v; break;
    case '*': r *= v; break;
    case '/':
        if (v == 0)
            return exec_fail(x, E_DIVZERO, "");
        r /= v;
        break;
    default:
        return exec_fail(x, E_ASSIGN, op);
    }
    if (r > MAX_VALUE || r < MIN_VALUE)
        return exec_fail(x, E_OVERFLOW, r > 0 ? "above 99999999" : "below -9999999");
    *acc = (long)r;
    return 0;
}

static int arithmetic(struct exec *x, exec_tok *t, unsigned n, exec_tok value)
{
    long acc, v;
    int err;

    if (n % 2 == 0)
        return exec_fail(x, E_ASSIGN, t[n - 1]);
    if ((err = number(x, t[0], &acc)) != 0)
        return err;
    for (unsigned i = 1; i < n; i += 2) {
        if ((err = number(x, t[i + 1], &v)) != 0 || (err = apply(x, &acc, t[i], v)) != 0)
            return err;
    }
    cms_itoa(acc, value, sizeof(exec_tok));
    return 0;
}

static int fn_substr(struct exec *x, exec_tok *t, unsigned n, exec_tok value)
{
    long from, len = EXEC_TOKLEN;
    size_t have = cms_strlen(t[0]);
    int err;

    if (n < 2)
        return exec_fail(x, E_MISSING, "&SUBSTR");
    if (n > 3)
        return exec_fail(x, E_OPERAND, t[3]);
    if ((err = number(x, t[1], &from)) != 0 || (n == 3 && (err = number(x, t[2], &len)) != 0))
        return err;
    if (from < 1)
        return exec_fail(x, E_OPERAND, t[1]);
    if (len < 0)
        return exec_fail(x, E_OPERAND, t[2]);
    value[0] = 0;
    if ((size_t)from <= have)
        cms_strlcpy(value, t[0] + from - 1, (size_t)(len < EXEC_TOKLEN ? len : EXEC_TOKLEN) + 1);
    return 0;
}

/* the function named by raw, applied to the n tokens after it */
static int function(struct exec *x, const char *raw, exec_tok *t, unsigned n, exec_tok value)
{
    if (tok_is(raw, "&SUBSTR"))
        return fn_substr(x, t, n, value);
    if (n == 0)
        return exec_fail(x, E_MISSING, raw);
    if (tok_is(raw, "&CONCAT")) {
        value[0] = 0;
        for (unsigned i = 0; i < n; i++)
            cms_strlcat(value, t[i], sizeof(exec_tok));
        return 0;
    }
    if (n > 1)
        return exec_fail(x, E_OPERAND, t[1]);
    if (tok_is(raw, "&LENGTH")) {
        cms_itoa((long long)cms_strlen(t[0]), value, sizeof(exec_tok));
    } else {                            /* &DATATYPE */
        long v;
        cms_strlcpy(value, exec_number(t[0], &v) ? "NUM" : "ALPHA", sizeof(exec_tok));
    }
    return 0;
}

static bool is_function(const char *raw)
{
    return tok_is(raw, "&CONCAT") || tok_is(raw, "&DATATYPE") || tok_is(raw, "&LENGTH") ||
           tok_is(raw, "&SUBSTR");
}

int exec_assign(struct exec *x, const struct toklist *raw, unsigned pos)
{
    struct stmt st = { raw, pos + 2 };
    const char *fn = NULL;
    exec_tok name, value = "", t[EXEC_MAXTOK];
    unsigned n;
    int err;

    if ((err = target_name(x, raw->t[pos], name)) != 0)
        return err;
    if (st.pos < raw->n && is_function(raw->t[st.pos]))
        fn = raw->t[st.pos++];
    if ((err = operands(x, &st, t, &n)) != 0)
        return err;
    if (fn)
        err = function(x, fn, t, n, value);
    else if (n == 1)
        cms_strlcpy(value, t[0], sizeof value);
    else if (n > 1)
        err = arithmetic(x, t, n, value);
    return err ? err : var_assign(x, name, value);
}

/* outside an assignment a function name is a mistake, not a command */
int ctl_function(struct exec *x, struct stmt *st, const struct control *c)
{
    return exec_fail(x, E_FUNCTION, c->name);
}
