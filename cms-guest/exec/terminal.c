/* terminal.c - lines to and from the terminal and the console stack:
 * &TYPE, &SPACE, &EMSG, &BEGTYPE, &BEGEMSG, &BEGSTACK, &STACK, &READ. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

#define LINE_BUF  (EXEC_MAXTOK * (EXEC_TOKLEN + 1) + 1)

int ctl_type(struct exec *x, struct stmt *st, const struct control *c)
{
    char text[LINE_BUF];
    int err = stmt_text(x, st->raw, st->pos, text, sizeof text);

    if (!err)
        exec_say(x, text);
    return err;
}

static int count_operand(struct exec *x, struct stmt *st, long *n)
{
    exec_tok t;
    int got = stmt_next(x, st, t);

    *n = 1;
    if (got < 0)
        return -got;
    if (got && !exec_number(t, n))
        return exec_fail(x, E_NUMBER, t);
    if (*n < 0 || *n > EXEC_MAXCOUNT)
        return exec_fail(x, E_OPERAND, t);
    return 0;
}

int ctl_space(struct exec *x, struct stmt *st, const struct control *c)
{
    long n;
    int err = count_operand(x, st, &n);

    while (!err && n-- > 0)
        exec_say(x, "");
    return err;
}

/* a message id is mmmnnn and a severity; CMS shows it behind DMS */
static bool valid_id(const char *id)
{
    return cms_strlen(id) == 7 && cms_strchr("IEWR", cms_toupper((u8)id[6]));
}

int ctl_emsg(struct exec *x, struct stmt *st, const struct control *c)
{
    char text[LINE_BUF + 3] = "DMS";
    int err = stmt_text(x, st->raw, st->pos, text + 3, sizeof text - 3);
    exec_tok id;

    if (err)
        return err;
    first_token(text + 3, id);
    if (!id[0])
        return exec_fail(x, E_MISSING, c->name);
    if (!valid_id(id))
        return exec_fail(x, E_EMSGID, id);
    exec_say(x, text);
    return 0;
}

/* the operands of &BEGxxx: ALL always, FIFO/LIFO for &BEGSTACK */
static int block_options(struct exec *x, struct stmt *st, bool stack, int *fifo)
{
    exec_tok t;
    int got;

    *fifo = 1;
    while ((got = stmt_next(x, st, t)) > 0) {
        if (tok_is(t, "ALL"))
            continue;
        if (stack && (tok_is(t, "FIFO") || tok_is(t, "LIFO")))
            *fifo = tok_is(t, "FIFO");
        else
            return exec_fail(x, E_OPERAND, t);
    }
    return -got;
}

/* the &END that closes the block starting below this line; it must
 * begin in column 1 */
static int block_end(struct exec *x, const struct control *c, unsigned *end)
{
    for (unsigned i = x->cur + 1; i < x->nlines; i++) {
        const char *l = x->lines[i] ? x->lines[i] : "";
        if (cms_strncasecmp(l, "&END", 4) == 0 && (!l[4] || l[4] == ' ' || l[4] == '\t')) {
            *end = i;
            return 0;
        }
    }
    return exec_fail(x, E_NOEND, c->name);
}

enum block_kind { BLOCK_TYPE, BLOCK_EMSG, BLOCK_STACK };

/* the lines of a block go out as they are written, not scanned */
static int block(struct exec *x, struct stmt *st, const struct control *c, enum block_kind k)
{
    unsigned end = 0;
    int fifo, err = block_options(x, st, k == BLOCK_STACK, &fifo);

    if (err || (err = block_end(x, c, &end)) != 0)
        return err;
    if (k == BLOCK_STACK && !x->env->stack)
        return exec_fail(x, E_UNAVAILABLE, "the console stack");
    for (unsigned i = x->cur + 1; i < end; i++) {
        const char *l = x->lines[i] ? x->lines[i] : "";
        char text[EXEC_LINE_MAX + 4] = "DMS";
        if (k == BLOCK_STACK)
            x->env->stack(x->env->ctx, *l ? l : " ", fifo);   /* a null line is a blank one */
        else if (k == BLOCK_EMSG) {
            cms_strlcat(text, l, sizeof text);
            exec_say(x, text);
        } else
            exec_say(x, l);
    }
    x->next = end + 1;
    x->ended = end;
    return 0;
}

int ctl_begtype(struct exec *x, struct stmt *st, const struct control *c)
{
    return block(x, st, c, BLOCK_TYPE);
}

int ctl_begemsg(struct exec *x, struct stmt *st, const struct control *c)
{
    return block(x, st, c, BLOCK_EMSG);
}

int ctl_begstack(struct exec *x, struct stmt *st, const struct control *c)
{
    return block(x, st, c, BLOCK_STACK);
}

int ctl_end(struct exec *x, struct stmt *st, const struct control *c)
{
    return exec_fail(x, E_END, "");
}

/* &STACK [FIFO|LIFO] [tokens|HT|RT]: HT and RT halt and resume typing */
int ctl_stack(struct exec *x, struct stmt *st, const struct control *c)
{
    char text[LINE_BUF];
    int fifo = 1, err;

    if (stmt_left(st) && (tok_is(st->raw->t[st->pos], "FIFO") || tok_is(st->raw->t[st->pos], "LIFO")))
        fifo = tok_is(st->raw->t[st->pos++], "FIFO");
    if ((err = stmt_text(x, st->raw, st->pos, text, sizeof text)) != 0)
        return err;
    if (cms_strcasecmp(text, "HT") == 0 || cms_strcasecmp(text, "RT") == 0) {
        x->halted = cms_toupper((u8)text[0]) == 'H';
        return 0;
    }
    if (!x->env->stack)
        return exec_fail(x, E_UNAVAILABLE, "the console stack");
    x->env->stack(x->env->ctx, text, fifo);
    return 0;
}
