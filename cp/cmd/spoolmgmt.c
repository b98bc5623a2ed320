/* spoolmgmt.c - PURGE, TRANSFER, ORDER and CHANGE: spool files in their
 * queues (cp/spool/spool.h).
 *
 * Each names a queue (READER, PRINTER, PUNCH) and files in it: spool
 * ids, CLASS c, or ALL.  Classes A and D may put a userid first and work
 * on that user's queues.  Every operand is checked before any file is
 * touched, so a command refused changes nothing. */
#include "cp/cmd/spoolcmd.h"
#include "cp/cmd/cmdutil.h"
#include "cp/spool/vur.h"
#include "cp/spool/urdev.h"
#include "cp/dir/directory.h"
#include "cp/vm/user.h"
#include "cp/term/usermsg.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"

#define SEL_MAX     SPOOL_MAX_ID

struct selection {
    const char *owner;
    u8 type;
    u16 *ids;
    unsigned n;
};

/* [userid] queue: the owner and queue; returns the next word or -1 */
static int owner_and_queue(struct cmdctx *ctx, const char *cmd, struct selection *s)
{
    int i = 1;

    s->owner = ctx->user->userid;
    if (i < ctx->argc && !spool_queue_word(ctx->argv[i]) && spool_operator(ctx)) {
        if (!dir_find(ctx->argv[i])) {
            cmd_printf(ctx, "CPX109E %s is not in the CP directory", ctx->argv[i]);
            return -1;
        }
        s->owner = ctx->argv[i++];
    }
    if (i >= ctx->argc || !(s->type = spool_queue_word(ctx->argv[i]))) {
        cmd_printf(ctx, "CPX003E %s needs READER, PRINTER or PUNCH", cmd);
        return -1;
    }
    return i + 1;
}

static bool in_queue(const struct selection *s, u16 spid)
{
    struct spool_attrs a;

    return spool_query(spid, &a) == SPOOL_OK && a.type == s->type &&
           !str_casecmp(a.owner, s->owner);
}

/* spoolid... | CLASS c | ALL, up to a word in stop (or the end);
 * returns the next word or -1 (message given) */
static int select_files(struct cmdctx *ctx, const char *cmd, struct selection *s, int i,
                        const char *stop)
{
    s->n = 0;
    if (!(s->ids = kmalloc(SEL_MAX * sizeof *s->ids, "SPSEL")))
        return -1;
    if (i < ctx->argc && !strcmp(ctx->argv[i], "ALL")) {
        s->n = spool_list(s->owner, s->type, s->ids, SEL_MAX);
        return i + 1;
    }
    if (i + 1 < ctx->argc && cmd_abbrev(ctx->argv[i], "CLASS", 2)) {
        char c = ctx->argv[i + 1][0];
        unsigned all = spool_list(s->owner, s->type, s->ids, SEL_MAX);
        struct spool_attrs a;
        for (unsigned k = 0; k < all; k++)
            if (spool_query(s->ids[k], &a) == SPOOL_OK && a.cls == c)
                s->ids[s->n++] = s->ids[k];
        return i + 2;
    }
    for (; i < ctx->argc && !(stop && cmd_abbrev(ctx->argv[i], stop, 2)); i++) {
        u16 spid;
        if (!spool_id_operand(ctx->argv[i], &spid)) {
            cmd_printf(ctx, "CPX004E %s: invalid spool id: %.20s", cmd, ctx->raw[i]);
            return -1;
        }
        if (!in_queue(s, spid)) {
            cmd_printf(ctx, "CPX440E %s: no %s file %04u for %s", cmd, spool_type_name(s->type),
                       spid, s->owner);
            return -1;
        }
        if (s->n < SEL_MAX)
            s->ids[s->n++] = spid;
    }
    if (s->n == 0) {
        cmd_printf(ctx, "CPX003E %s needs spool ids, CLASS c or ALL", cmd);
        return -1;
    }
    return i;
}

static int done(struct cmdctx *ctx, struct selection *s, int rc)
{
    if (s->ids)
        kfree(s->ids);
    return rc;
}

static void report_count(struct cmdctx *ctx, unsigned n, const char *what)
{
    if (n)
        cmd_printf(ctx, "%04u %s %s", n, n == 1 ? "FILE" : "FILES", what);
    else
        cmd_printf(ctx, "NO FILES %s", what);
}

/* PURGE [userid] READER|PRINTER|PUNCH spoolid...|CLASS c|ALL */
int cmd_purge(struct cmdctx *ctx)
{
    struct selection s = { 0 };
    unsigned purged = 0;
    int i;

    if ((i = owner_and_queue(ctx, "PURGE", &s)) < 0 ||
        (i = select_files(ctx, "PURGE", &s, i, NULL)) < 0)
        return done(ctx, &s, RC_OPERAND);
    if (i < ctx->argc) {
        cmd_printf(ctx, "CPX004E PURGE: invalid operand: %.20s", ctx->raw[i]);
        return done(ctx, &s, RC_OPERAND);
    }
    for (unsigned k = 0; k < s.n; k++) {
        int rc = spool_purge(s.ids[k]);
        if (rc == SPOOL_OK)
            purged++;
        else
            cmd_printf(ctx, "CPX441E PURGE: %s file %04u: %s", spool_type_name(s.type), s.ids[k],
                       spool_strerror(rc));
    }
    report_count(ctx, purged, "PURGED");
    return done(ctx, &s, RC_OK);
}

/* TRANSFER [userid] READER|PRINTER|PUNCH spoolid...|CLASS c|ALL TO userid [queue] */
int cmd_transfer(struct cmdctx *ctx)
{
    struct selection s = { 0 };
    const char *to;
    u8 to_type = SPOOL_RDR;
    unsigned moved = 0;
    int i;

    if ((i = owner_and_queue(ctx, "TRANSFER", &s)) < 0 ||
        (i = select_files(ctx, "TRANSFER", &s, i, "TO")) < 0)
        return done(ctx, &s, RC_OPERAND);
    if (i + 1 >= ctx->argc || strcmp(ctx->argv[i], "TO")) {
        cmd_printf(ctx, "CPX003E TRANSFER needs TO userid");
        return done(ctx, &s, RC_OPERAND);
    }
    to = !strcmp(ctx->argv[i + 1], "*") ? ctx->user->userid : ctx->argv[i + 1];
    if (!dir_find(to)) {
        cmd_printf(ctx, "CPX109E %s is not in the CP directory", to);
        return done(ctx, &s, RC_NOTFOUND);
    }
    if (i + 2 < ctx->argc && !(to_type = spool_queue_word(ctx->argv[i + 2]))) {
        cmd_printf(ctx, "CPX004E TRANSFER: invalid queue: %.20s", ctx->raw[i + 2]);
        return done(ctx, &s, RC_OPERAND);
    }
    if (i + 3 < ctx->argc) {
        cmd_printf(ctx, "CPX004E TRANSFER: invalid operand: %.20s", ctx->raw[i + 3]);
        return done(ctx, &s, RC_OPERAND);
    }
    for (unsigned k = 0; k < s.n; k++) {
        struct spool_attrs a;
        struct user *u;
        int rc = spool_transfer(s.ids[k], to, to_type);
        if (rc != SPOOL_OK) {
            cmd_printf(ctx, "CPX442E TRANSFER: %s file %04u: %s", spool_type_name(s.type),
                       s.ids[k], spool_strerror(rc));
            continue;
        }
        moved++;
        if ((u = user_find(to)) && spool_query(s.ids[k], &a) == SPOOL_OK)
            user_msg(u, "%s FILE %04u TRANSFERRED FROM %-8s %s RECS %06u CPY %03u %c %s",
                     spool_type_name(to_type), a.spid, ctx->user->userid,
                     spool_type_name(a.origin_type), (unsigned)a.records, a.copies, a.cls,
                     (a.flags & SPOOL_HOLD_MASK) ? "HOLD" : "NOHOLD");
    }
    report_count(ctx, moved, "TRANSFERRED");
    urdev_kick();
    return done(ctx, &s, RC_OK);
}

/* ORDER [userid] READER|PRINTER|PUNCH spoolid... */
int cmd_order(struct cmdctx *ctx)
{
    struct selection s = { 0 };
    int i, rc;

    if ((i = owner_and_queue(ctx, "ORDER", &s)) < 0)
        return done(ctx, &s, RC_OPERAND);
    if (i < ctx->argc && (!strcmp(ctx->argv[i], "ALL") || cmd_abbrev(ctx->argv[i], "CLASS", 2))) {
        cmd_printf(ctx, "CPX004E ORDER needs spool ids");
        return done(ctx, &s, RC_OPERAND);
    }
    if ((i = select_files(ctx, "ORDER", &s, i, NULL)) < 0)
        return done(ctx, &s, RC_OPERAND);
    rc = spool_order(s.owner, s.type, s.ids, s.n);
    if (rc != SPOOL_OK) {
        cmd_printf(ctx, "CPX443E ORDER: %s", spool_strerror(rc));
        return done(ctx, &s, RC_ERROR);
    }
    report_count(ctx, s.n, "ORDERED");
    urdev_kick();
    return done(ctx, &s, RC_OK);
}

/* the CHANGE options into c; returns false (message given) if one is bad */
static bool change_options(struct cmdctx *ctx, int i, struct spool_changes *c)
{
    memset(c, 0, sizeof *c);
    for (; i < ctx->argc; i++) {
        const char *w = ctx->argv[i], *val = i + 1 < ctx->argc ? ctx->argv[i + 1] : NULL;
        u32 n;
        if (!strcmp(w, "HOLD") || !strcmp(w, "NOHOLD")) {
            c->what |= SPC_FLAGS;
            c->flags = w[0] == 'H' ? SPOOL_HOLD : 0;
        } else if (cmd_abbrev(w, "CLASS", 2) && val && strlen(val) == 1 &&
                   ((val[0] >= 'A' && val[0] <= 'Z') || (val[0] >= '0' && val[0] <= '9'))) {
            c->what |= SPC_CLASS;
            c->cls = val[0];
            i++;
        } else if (cmd_abbrev(w, "COPY", 3) && val && parse_dec(val, &n) && n >= 1 &&
                   n <= SPOOL_MAX_COPIES) {
            c->what |= SPC_COPIES;
            c->copies = (u8)n;
            i++;
        } else if (!strcmp(w, "NAME") && val && i + 2 < ctx->argc &&
                   strlen(val) <= 8 && strlen(ctx->argv[i + 2]) <= 8) {
            c->what |= SPC_NAME;
            strlcpy(c->fname, val, sizeof c->fname);
            strlcpy(c->ftype, ctx->argv[i + 2], sizeof c->ftype);
            i += 2;
        } else if ((!strcmp(w, "DIST") || !strcmp(w, "FORM")) && val && strlen(val) <= 8) {
            c->what |= w[0] == 'D' ? SPC_DIST : SPC_FORM;
            strlcpy(w[0] == 'D' ? c->dist : c->form, val, 9);
            i++;
        } else {
            cmd_printf(ctx, "CPX004E CHANGE: invalid option: %.20s%s", ctx->raw[i],
                       val ? " (or its value)" : "");
            return false;
        }
    }
    if (!c->what) {
        cmd_printf(ctx, "CPX003E CHANGE needs an option: CLASS, COPY, HOLD, NOHOLD, NAME, DIST, FORM");
        return false;
    }
    return true;
}

static bool is_change_option(const char *w)
{
    return !strcmp(w, "HOLD") || !strcmp(w, "NOHOLD") || !strcmp(w, "NAME") ||
           !strcmp(w, "DIST") || !strcmp(w, "FORM") || cmd_abbrev(w, "COPY", 3);
}

/* HOLD and NOHOLD change one of the two holds: a user's own, or, when
 * the operator changes another user's file, the system hold, which the
 * user cannot release */
static u8 new_hold(struct cmdctx *ctx, const struct selection *s, u16 spid, u8 want)
{
    struct spool_attrs a;
    bool system = str_casecmp(s->owner, ctx->user->userid) != 0;
    u8 bit = system ? SPOOL_SYSHOLD : SPOOL_HOLD;

    if (spool_query(spid, &a) != SPOOL_OK)
        return want;
    if (system && !want)
        return 0;                       /* the operator releases both */
    return want ? (u8)(a.flags | bit) : (u8)(a.flags & ~bit);
}

/* CHANGE [userid] READER|PRINTER|PUNCH spoolid...|CLASS c|ALL options */
int cmd_change(struct cmdctx *ctx)
{
    struct selection s = { 0 };
    struct spool_changes c;
    unsigned changed = 0;
    int i, j;

    if ((i = owner_and_queue(ctx, "CHANGE", &s)) < 0)
        return done(ctx, &s, RC_OPERAND);
    /* the selection ends where the options begin */
    for (j = i; j < ctx->argc && !is_change_option(ctx->argv[j]); j++)
        if (cmd_abbrev(ctx->argv[j], "CLASS", 2) && j > i)
            break;
    {
        int argc = ctx->argc;
        ctx->argc = j;
        i = select_files(ctx, "CHANGE", &s, i, NULL);
        ctx->argc = argc;
    }
    if (i < 0 || !change_options(ctx, j, &c))
        return done(ctx, &s, RC_OPERAND);
    for (unsigned k = 0; k < s.n; k++) {
        struct spool_changes one = c;
        int rc;
        if (c.what & SPC_FLAGS)
            one.flags = new_hold(ctx, &s, s.ids[k], c.flags);
        rc = spool_change(s.ids[k], &one);
        if (rc == SPOOL_OK)
            changed++;
        else
            cmd_printf(ctx, "CPX444E CHANGE: %s file %04u: %s", spool_type_name(s.type),
                       s.ids[k], spool_strerror(rc));
    }
    report_count(ctx, changed, "CHANGED");
    urdev_kick();
    return done(ctx, &s, RC_OK);
}
