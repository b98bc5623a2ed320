/* flow.c - the order of execution: &IF, &GOTO, &SKIP, &LOOP, &EXIT and
 * &ERROR (VM/370 CMS Command and Macro Reference, EXEC control
 * statements). */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"
#include "arch370/ebcdic.h"

enum relation { REL_EQ, REL_NE, REL_LT, REL_LE, REL_GT, REL_GE };

static const struct {
    const char *word;
    enum relation rel;
} operators[] = {
    { "EQ", REL_EQ }, { "=", REL_EQ },
    { "NE", REL_NE }, { "\xAC=", REL_NE }, { "\xC2\xAC=", REL_NE }, { "^=", REL_NE },
    { "LT", REL_LT }, { "<", REL_LT },
    { "LE", REL_LE }, { "<=", REL_LE },
    { "GT", REL_GT }, { ">", REL_GT },
    { "GE", REL_GE }, { ">=", REL_GE },
};

static bool find_relation(const char *tok, enum relation *rel)
{
    for (unsigned i = 0; i < ARRAY_SIZE(operators); i++)
        if (cms_strcasecmp(tok, operators[i].word) == 0) {
            *rel = operators[i].rel;
            return true;
        }
    return false;
}

/* Two numbers compare as numbers; anything else as 8-byte EBCDIC fields
 * padded with blanks, which is how CMS collates: blank before letters,
 * letters before digits. */
static int compare(const char *a, const char *b)
{
    long na, nb;

    if (exec_number(a, &na) && exec_number(b, &nb))
        return (na > nb) - (na < nb);
    for (unsigned i = 0; i < EXEC_TOKLEN; i++) {
        u8 ca = *a ? ascii_to_ebc[(u8)*a++] : EBC_BLANK;
        u8 cb = *b ? ascii_to_ebc[(u8)*b++] : EBC_BLANK;
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return 0;
}

static bool holds(const char *a, enum relation rel, const char *b)
{
    int c = compare(a, b);

    switch (rel) {
    case REL_EQ: return c == 0;
    case REL_NE: return c != 0;
    case REL_LT: return c < 0;
    case REL_LE: return c <= 0;
    case REL_GT: return c > 0;
    default:     return c >= 0;
    }
}

/* &* (all arguments) or &$ (any argument) in place of a token */
static int collective(const struct stmt *st)
{
    const char *t = st->pos < st->raw->n ? st->raw->t[st->pos] : "";

    return tok_is(t, "&*") ? 1 : tok_is(t, "&$") ? 2 : 0;
}

static int operand(struct exec *x, struct stmt *st, exec_tok out, int *coll)
{
    int got;

    if ((*coll = collective(st)) != 0) {
        st->pos++;
        return 0;
    }
    got = stmt_next(x, st, out);
    if (got < 0)
        return -got;
    return got ? 0 : exec_fail(x, E_COMPARE, "the end of the statement");
}

/* token operator token, either token may be &* or &$; with no arguments
 * at all such a test makes the whole statement null (*skip) */
int eval_condition(struct exec *x, struct stmt *st, bool *result, bool *skip)
{
    exec_tok left, op, right;
    int lcoll, rcoll, err, got;
    enum relation rel;
    bool any = false, all = true;

    *result = *skip = false;
    if ((err = operand(x, st, left, &lcoll)) != 0)
        return err;
    got = stmt_next(x, st, op);
    if (got <= 0)
        return got < 0 ? -got : exec_fail(x, E_COMPARE, "the end of the statement");
    if (!find_relation(op, &rel))
        return exec_fail(x, E_COMPARE, op);
    if ((err = operand(x, st, right, &rcoll)) != 0)
        return err;
    if (lcoll && rcoll)
        return exec_fail(x, E_COMPARE, "&* or &$ on both sides");
    if (!lcoll && !rcoll) {
        *result = holds(left, rel, right);
        return 0;
    }
    if (x->nargs == 0) {
        *skip = true;
        return 0;
    }
    for (unsigned i = 1; i <= x->nargs; i++) {
        bool h = lcoll ? holds(x->args[i], rel, right) : holds(left, rel, x->args[i]);
        any |= h;
        all &= h;
    }
    *result = (lcoll ? lcoll : rcoll) == 1 ? all : any;
    return 0;
}

int ctl_if(struct exec *x, struct stmt *st, const struct control *c)
{
    bool result, skip;
    int err = eval_condition(x, st, &result, &skip);

    if (err || !result || skip)
        return err;
    return exec_statement(x, st->raw, st->pos);
}

/* labels compare as tokens: cut to 8 characters, in either case */
int find_label(struct exec *x, const char *label, unsigned from, unsigned to, unsigned *at)
{
    exec_tok first;

    for (unsigned i = from; i < to; i++) {
        first_token(x->lines[i], first);
        if (cms_strcasecmp(first, label) == 0) {
            *at = i;
            return 0;
        }
    }
    return exec_fail(x, E_NOLABEL, label);
}

/* an optional whole-number operand */
static int number_operand(struct exec *x, struct stmt *st, long dflt, long *out)
{
    exec_tok t;
    int got = stmt_next(x, st, t);

    *out = dflt;
    if (got < 0)
        return -got;
    if (got && !exec_number(t, out))
        return exec_fail(x, E_NUMBER, t);
    return 0;
}

/* the search for a label starts below the &GOTO, wraps at the end of the
 * file and stops above it */
int ctl_goto(struct exec *x, struct stmt *st, const struct control *c)
{
    exec_tok t;
    long n;
    int got = stmt_next(x, st, t);

    if (got <= 0)
        return got < 0 ? -got : exec_fail(x, E_MISSING, c->name);
    x->jumped = true;
    if (tok_is(t, "TOP")) {
        x->next = 0;
    } else if (t[0] == '-') {
        if (find_label(x, t, x->cur + 1, x->nlines, &x->next) != 0 &&
            find_label(x, t, 0, x->cur, &x->next) != 0)
            return E_NOLABEL;
    } else if (exec_number(t, &n)) {
        if (n < 1 || n > (long)x->nlines)
            return exec_fail(x, E_LINE, t);
        x->next = (unsigned)n - 1;
    } else {
        return exec_fail(x, E_OPERAND, t);
    }
    return 0;
}

/* &SKIP n passes over n lines; &SKIP -n goes back to n lines above this
 * one; skipping past the end ends the EXEC */
int ctl_skip(struct exec *x, struct stmt *st, const struct control *c)
{
    long n, target;
    int err = number_operand(x, st, 1, &n);

    if (err)
        return err;
    target = n >= 0 ? (long)x->cur + 1 + n : (long)x->cur + n;
    if (target < 0)
        return exec_fail_num(x, E_SKIP, n);
    x->next = target > (long)x->nlines ? x->nlines : (unsigned)target;
    x->jumped = true;
    return 0;
}

int ctl_exit(struct exec *x, struct stmt *st, const struct control *c)
{
    long rc;
    int err = number_operand(x, st, 0, &rc);

    if (err)
        return err;
    x->exit_rc = (int)rc;
    x->done = true;
    return 0;
}

/* The action is kept unscanned and runs only when a command fails.  It
 * is built apart first: an action may itself be an &ERROR statement. */
int ctl_error(struct exec *x, struct stmt *st, const struct control *c)
{
    struct toklist a = { 0 };

    if (!(stmt_left(st) && tok_is(st->raw->t[st->pos], "&CONTINUE")))
        for (unsigned i = st->pos; i < st->raw->n; i++)
            cms_strlcpy(a.t[a.n++], st->raw->t[i], sizeof(exec_tok));
    x->error_action = a;
    return 0;
}

int ctl_continue(struct exec *x, struct stmt *st, const struct control *c)
{
    return 0;
}
