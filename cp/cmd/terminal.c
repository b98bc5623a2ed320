/* terminal.c - TERMINAL and QUERY TERMINAL: how the user's terminal takes
 * lines (logical line editing, MODE) and, on a 3270, how long MORE...
 * waits.  As in VM/370 the settings belong to the logged-on user and start
 * afresh at LOGON; unlike VM/370 the four editing characters start OFF,
 * since telnet and tn3270 clients edit a line before they send it. */
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/term/session.h"
#include "cp/io/con3270.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include <stddef.h>

static const struct {
    const char *name;
    unsigned minlen;
    char dflt;                  /* the character ON gives */
    size_t off;                 /* where in struct termset */
} editchars[] = {
    { "LINEND",  5, '#', offsetof(struct termset, linend) },
    { "LINEDEL", 5, '[', offsetof(struct termset, linedel) },
    { "CHARDEL", 5, '@', offsetof(struct termset, chardel) },
    { "ESCAPE",  3, '"', offsetof(struct termset, escape) },
};

/* one operand pair; returns how many words it took, 0 if bad */
static int set_one(struct cmdctx *ctx, int i, struct termset *ts)
{
    const char *w = ctx->argv[i], *v = i + 1 < ctx->argc ? ctx->raw[i + 1] : NULL;

    for (unsigned k = 0; k < ARRAY_SIZE(editchars); k++) {
        char *c;
        if (!cmd_abbrev(w, editchars[k].name, editchars[k].minlen))
            continue;
        c = (char *)ts + editchars[k].off;
        if (!v || !str_casecmp(v, "ON"))
            *c = editchars[k].dflt;
        else if (!str_casecmp(v, "OFF"))
            *c = 0;
        else if (strlen(v) == 1 && v[0] != ' ')
            *c = v[0];
        else
            return 0;
        return v ? 2 : 1;
    }
    if (cmd_abbrev(w, "MODE", 4) && v && (!str_casecmp(v, "VM") || !str_casecmp(v, "CP"))) {
        ts->mode_cp = !str_casecmp(v, "CP");
        return 2;
    }
    if (cmd_abbrev(w, "MORE", 4) && v) {
        u32 sec = 0;
        for (const char *p = v; *p; p++) {
            if (*p < '0' || *p > '9' || sec > 3600)
                return 0;
            sec = sec * 10 + (u32)(*p - '0');
        }
        if (sec > 3600)
            return 0;
        if (ctx->sess && ctx->sess->term)
            con3270_set_more(ctx->sess->term, sec);
        return 2;
    }
    return 0;
}

/* TERMINAL option value [option value ...] */
int cmd_terminal(struct cmdctx *ctx)
{
    struct termset ts = ctx->user->term;

    if (ctx->argc < 2) {
        cmd_printf(ctx, "CPX003E TERMINAL needs an option: LINEND, LINEDEL, CHARDEL, ESCAPE, MODE or MORE");
        return RC_OPERAND;
    }
    for (int i = 1; i < ctx->argc;) {
        int used = set_one(ctx, i, &ts);
        if (!used) {
            cmd_printf(ctx, "CPX004E Invalid TERMINAL operand: %.20s%s%.20s", ctx->raw[i],
                       i + 1 < ctx->argc ? " " : "", i + 1 < ctx->argc ? ctx->raw[i + 1] : "");
            return RC_OPERAND;          /* nothing of the line takes effect */
        }
        i += used;
    }
    ctx->user->term = ts;
    return RC_OK;
}

static void show_char(char *buf, size_t n, const char *name, char c)
{
    if (c)
        fmt_snprintf(buf, n, "%s %c", name, c);
    else
        fmt_snprintf(buf, n, "%s OFF", name);
}

/* QUERY TERMINAL: the user's own terminal and its settings */
int cmd_query_terminal(struct cmdctx *ctx)
{
    const struct termset *ts = &ctx->user->term;
    char a[16], b[16], c[16], d[16];

    show_char(a, sizeof a, "LINEND", ts->linend);
    show_char(b, sizeof b, "LINEDEL", ts->linedel);
    show_char(c, sizeof c, "CHARDEL", ts->chardel);
    show_char(d, sizeof d, "ESCAPE", ts->escape);
    cmd_printf(ctx, "%s, %s, %s, %s", a, b, c, d);
    if (ctx->sess && ctx->sess->term && !strcmp(term_kind_name(ctx->sess->term), "3270"))
        cmd_printf(ctx, "MODE %s, RUN %s, MORE %u, TERMINAL %04X 3270", ts->mode_cp ? "CP" : "VM",
                   ts->run ? "ON" : "OFF", con3270_more(ctx->sess->term), ctx->sess->term->devno);
    else
        cmd_printf(ctx, "MODE %s, RUN %s, TERMINAL %s", ts->mode_cp ? "CP" : "VM",
                   ts->run ? "ON" : "OFF", ctx->sess && ctx->sess->term ? "3215" : "NONE");
    return RC_OK;
}
