/* read.c - &READ: lines from the terminal (or the console stack).
 *
 *   &READ [n]            read n lines (1) and run each as a statement
 *   &READ ARGS           read a line into &1 .. &30 and &INDEX
 *   &READ VARS &a &b...  read a line into the named variables
 *
 * A read that finds no line gets a null line.  Lines run by &READ n may
 * transfer control in the file, but may not start a block or a loop, or
 * read again, because those work on the lines of the file around them. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

static int read_line(struct exec *x, struct toklist *t)
{
    char buf[EXEC_LINE_MAX + 2];
    int n = x->env->read ? x->env->read(x->env->ctx, buf, sizeof buf) : -1;

    if (n < 0)
        buf[0] = 0;
    buf[sizeof buf - 1] = 0;
    return scan_line(x, buf, t);
}

static int read_and_run(struct exec *x, long n)
{
    bool was = x->restricted;
    int err = 0;

    x->restricted = true;
    for (; n > 0 && !err && !x->jumped && !x->done; n--) {
        struct toklist t;
        if (++x->steps > x->max_steps)
            err = exec_fail_num(x, E_STEPS, (long)x->max_steps);
        else if ((err = read_line(x, &t)) == 0)
            err = exec_statement(x, &t, t.n && t.t[0][0] == '-' ? 1 : 0);
    }
    x->restricted = was;
    return err;
}

/* names are taken as written, checked before the line is read */
static int read_vars(struct exec *x, struct stmt *st)
{
    struct toklist t;
    unsigned first = st->pos, k;
    int err;

    for (k = first; k < st->raw->n; k++) {
        const char *v = st->raw->t[k];
        if (v[0] != '&')
            return exec_fail(x, E_NAME, v);
        if ((err = var_check_name(x, v + 1)) != 0)
            return err;
    }
    if ((err = read_line(x, &t)) != 0)
        return err;
    for (k = first; k < st->raw->n && !err; k++)
        err = var_assign(x, st->raw->t[k] + 1, k - first < t.n ? t.t[k - first] : "");
    return err;
}

int ctl_read(struct exec *x, struct stmt *st, const struct control *c)
{
    struct toklist t;
    exec_tok op;
    long n = 1;
    int got, err;

    if (x->restricted)
        return exec_fail(x, E_CONTEXT, c->name);
    if (stmt_left(st) && tok_is(st->raw->t[st->pos], "VARS")) {
        st->pos++;
        return read_vars(x, st);
    }
    got = stmt_next(x, st, op);
    if (got < 0)
        return -got;
    if (got && tok_is(op, "ARGS"))
        return (err = read_line(x, &t)) != 0 ? err : set_args(x, &t, 0);
    if (got && (!exec_number(op, &n) || n < 0 || n > EXEC_MAXCOUNT))
        return exec_fail(x, E_OPERAND, op);
    return read_and_run(x, n);
}
