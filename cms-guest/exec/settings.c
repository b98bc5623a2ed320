/* settings.c - statements that set how the EXEC runs: &CONTROL, &TIME,
 * &HEX, &ARGS, and the ones this system does not offer. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

struct control_word {
    const char *word;
    int group;                  /* words of a group exclude each other */
    int value;
};

enum { G_ECHO, G_TIME, G_MSG, G_PACK, G_COUNT };

static const struct control_word control_words[] = {
    { "OFF",    G_ECHO, ECHO_OFF },  { "ERROR",  G_ECHO, ECHO_ERROR },
    { "CMS",    G_ECHO, ECHO_CMS },  { "ALL",    G_ECHO, ECHO_ALL },
    { "TIME",   G_TIME, 1 },         { "NOTIME", G_TIME, 0 },
    { "MSG",    G_MSG, 1 },          { "NOMSG",  G_MSG, 0 },
    { "PACK",   G_PACK, 1 },         { "NOPACK", G_PACK, 0 },
};

/* Without operands every setting returns to its default; otherwise only
 * the settings named change, and none does if an operand is wrong. */
int ctl_control(struct exec *x, struct stmt *st, const struct control *c)
{
    int v[G_COUNT] = { ECHO_CMS, 0, 1, 1 };
    bool given = stmt_left(st) > 0;
    exec_tok t;
    int got;

    if (given) {
        v[G_ECHO] = (int)x->echo;
        v[G_TIME] = x->echo_time;
        v[G_MSG] = x->msg;
        v[G_PACK] = x->pack;
    }
    while ((got = stmt_next(x, st, t)) > 0) {
        unsigned i;
        for (i = 0; i < ARRAY_SIZE(control_words) && !tok_is(t, control_words[i].word); i++)
            ;
        if (i == ARRAY_SIZE(control_words))
            return exec_fail(x, E_OPERAND, t);
        v[control_words[i].group] = control_words[i].value;
    }
    if (got < 0)
        return -got;
    if (x->env->msg && (bool)v[G_MSG] != x->msg)
        x->env->msg(x->env->ctx, v[G_MSG]);
    x->echo = (enum echo_mode)v[G_ECHO];
    x->echo_time = v[G_TIME];
    x->msg = v[G_MSG];
    x->pack = v[G_PACK];
    return 0;
}

static int one_keyword(struct exec *x, struct stmt *st, const struct control *c,
                       const char *const *words, unsigned nwords, unsigned *which)
{
    exec_tok t;
    int got = stmt_next(x, st, t);

    if (got <= 0)
        return got < 0 ? -got : exec_fail(x, E_MISSING, c->name);
    for (*which = 0; *which < nwords; (*which)++)
        if (tok_is(t, words[*which]))
            return 0;
    return exec_fail(x, E_OPERAND, t);
}

/* &TIME ON shows the time of day after every command; TYPE shows it now */
int ctl_time(struct exec *x, struct stmt *st, const struct control *c)
{
    static const char *const words[] = { "ON", "OFF", "RESET", "TYPE" };
    unsigned w;
    int err = one_keyword(x, st, c, words, ARRAY_SIZE(words), &w);

    if (err)
        return err;
    if (w == 3)
        exec_show_time(x);
    else
        x->timing = w == 0;
    return 0;
}

int ctl_hex(struct exec *x, struct stmt *st, const struct control *c)
{
    static const char *const words[] = { "ON", "OFF" };
    unsigned w;
    int err = one_keyword(x, st, c, words, ARRAY_SIZE(words), &w);

    if (!err)
        x->hex = w == 0;
    return err;
}

/* &ARGS sets &1 .. &30 and &INDEX anew from its substituted operands */
int ctl_args(struct exec *x, struct stmt *st, const struct control *c)
{
    struct toklist t;
    int got = 0;

    t.n = 0;
    while (t.n < EXEC_MAXTOK && (got = stmt_next(x, st, t.t[t.n])) > 0)
        t.n++;
    if (got < 0)
        return -got;
    return set_args(x, &t, 0);
}

/* &PUNCH and &BEGPUNCH: the guest's EXEC has no punch to write to */
int ctl_unavailable(struct exec *x, struct stmt *st, const struct control *c)
{
    return exec_fail(x, E_UNAVAILABLE, c->name);
}
