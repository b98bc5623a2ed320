/* loop.c - &LOOP: the lines below it, run a number of times or until a
 * condition holds.
 *
 *   &LOOP n|-label  m|condition
 *
 * The body is the next n lines, or the lines down to and including the
 * one with the label.  The condition is tested before every pass, the
 * first included, and is taken up again from the &LOOP record each time
 * so that it sees the variables as they are then.  A loop inside a loop
 * must end inside it; leaving the body by a transfer ends the loop. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

static struct exec_loop *top(struct exec *x)
{
    return x->nloops ? &x->loops[x->nloops - 1] : NULL;
}

static int body_end(struct exec *x, const exec_tok t, unsigned *last)
{
    long n;

    if (t[0] == '-')
        return find_label(x, t, x->cur + 1, x->nlines, last);
    if (!exec_number(t, &n))
        return exec_fail(x, E_NUMBER, t);
    if (n < 0 || n > EXEC_MAXCOUNT)
        return exec_fail(x, E_OPERAND, t);
    if (x->cur + (unsigned long)n >= x->nlines)
        return exec_fail(x, E_LOOPEOF, t);
    *last = x->cur + (unsigned)n;          /* n == 0: an empty body */
    return 0;
}

/* does the exit condition of loop l hold now? */
static int condition_met(struct exec *x, const struct exec_loop *l, bool *met)
{
    struct toklist raw;
    struct stmt st;
    bool skip;
    int err = scan_line(x, x->lines[l->head], &raw);

    if (err)
        return err;
    st.raw = &raw;
    st.pos = l->condpos;
    err = eval_condition(x, &st, met, &skip);
    if (!err && stmt_left(&st))
        err = exec_fail(x, E_OPERAND, st.raw->t[st.pos]);
    *met = *met || skip;                /* &* with no arguments: nothing to loop on */
    return err;
}

/* the number of passes, or -1 when the rest is a condition */
static int pass_count(struct exec *x, struct stmt *st, int *count)
{
    exec_tok t;
    long m;
    int got;

    if (stmt_left(st) != 1) {
        *count = -1;
        return stmt_left(st) ? 0 : exec_fail(x, E_MISSING, "&LOOP");
    }
    got = stmt_next(x, st, t);
    if (got <= 0)
        return got < 0 ? -got : exec_fail(x, E_MISSING, "&LOOP");
    if (!exec_number(t, &m))
        return exec_fail(x, E_NUMBER, t);
    if (m < 0 || m > EXEC_MAXCOUNT)
        return exec_fail(x, E_OPERAND, t);
    *count = (int)m;
    return 0;
}

int ctl_loop(struct exec *x, struct stmt *st, const struct control *c)
{
    struct exec_loop l = { .head = x->cur, .first = x->cur + 1 };
    struct exec_loop *outer = top(x);
    exec_tok t;
    bool met = false;
    int got = stmt_next(x, st, t), err;

    if (got <= 0)
        return got < 0 ? -got : exec_fail(x, E_MISSING, c->name);
    if ((err = body_end(x, t, &l.last)) != 0)
        return err;
    l.condpos = st->pos;
    if ((err = pass_count(x, st, &l.count)) != 0)
        return err;
    if (outer && l.last > outer->last)
        return exec_fail(x, E_LOOPNEST, "");
    if (l.count < 0 && (err = condition_met(x, &l, &met)) != 0)
        return err;
    if (l.last < l.first || l.count == 0 || met) {
        x->next = l.last + 1;           /* as if the body had just ended */
        x->ended = l.last;
        return 0;
    }
    if (x->nloops == EXEC_LOOPMAX)
        return exec_fail_num(x, E_LOOPDEPTH, EXEC_LOOPMAX);
    x->loops[x->nloops++] = l;
    return 0;
}

/* After the last line of a body: another pass, or on to the line after.
 * Loops that end on the same line finish from the inside out. */
int loop_end_of_line(struct exec *x)
{
    struct exec_loop *l;

    while ((l = top(x)) != NULL && x->ended == l->last) {
        bool again, met;
        if (l->count >= 0) {
            again = --l->count > 0;
        } else {
            int err;
            x->cur = l->head;           /* an error belongs to the &LOOP line */
            if ((err = condition_met(x, l, &met)) != 0)
                return err;
            again = !met;
        }
        if (again) {
            x->next = l->first;
            return 0;
        }
        x->nloops--;
    }
    return 0;
}

/* a transfer out of a body ends that loop and any inside it */
void loop_after_jump(struct exec *x)
{
    struct exec_loop *l;

    while ((l = top(x)) != NULL && (x->next < l->first || x->next > l->last))
        x->nloops--;
}
