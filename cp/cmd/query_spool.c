/* query_spool.c - QUERY READER, PRINTER, PUNCH and FILES: the spool
 * files in a user's queues, or (operand ALL, classes A and D) in every
 * user's, in queue order. */
#include "cp/cmd/query.h"
#include "cp/cmd/spoolcmd.h"
#include "cp/spool/spool.h"
#include "cp/spool/vur.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/kern/timer.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"

#define LIST_MAX    SPOOL_MAX_ID

static bool spool_up(struct cmdctx *ctx)
{
    if (vur_spool_ready())
        return true;
    cmd_printf(ctx, "CPX417E Spooling is not started; the operator can START SPOOL COLD");
    return false;
}

static int list_files(struct cmdctx *ctx, u8 type)
{
    bool all = ctx->argc > 2 && !strcmp(ctx->argv[2], "ALL");
    const char *owner = all ? NULL : ctx->user->userid;
    u16 *ids;
    unsigned n;

    if (ctx->argc > 2 && !all) {
        cmd_printf(ctx, "CPX004E Unknown QUERY operand: %.20s", ctx->raw[2]);
        return RC_OPERAND;
    }
    if (all && !spool_operator(ctx)) {
        cmd_printf(ctx, "CPX002E QUERY ... ALL is not authorized for your privilege class");
        return RC_CLASS;
    }
    if (!spool_up(ctx))
        return RC_ERROR;
    if (!(ids = kmalloc(LIST_MAX * sizeof *ids, "QSPOOL")))
        return RC_ERROR;
    n = spool_list(owner, type, ids, LIST_MAX);
    if (n > LIST_MAX)
        n = LIST_MAX;
    if (n == 0)
        cmd_printf(ctx, "NO %s FILES", spool_type_name(type));
    else
        cmd_printf(ctx, "%sORIGINID FILE CLASS RECORDS  CPY HOLD DATE  TIME     NAME     TYPE     DIST     FORM",
                   all ? "OWNERID  " : "");
    for (unsigned i = 0; i < n; i++) {
        struct spool_attrs a;
        struct civil c;
        char who[10] = "", row[120];
        if (spool_query(ids[i], &a) != SPOOL_OK)
            continue;
        tod_to_civil(a.created, &c);
        if (all)
            fmt_snprintf(who, sizeof who, "%-8s ", a.owner);
        fmt_snprintf(row, sizeof row, "%s%-8s %04u %c %s %08u %03u %-4s %02d/%02d %02d:%02d:%02d %-8s %-8s %-8s %s",
                     who, a.origin, a.spid, a.cls, spool_type_name(a.origin_type),
                     (unsigned)a.records, a.copies,
                     (a.flags & SPOOL_SYSHOLD) ? "SYS" : (a.flags & SPOOL_HOLD) ? "USER" : "NONE",
                     c.month, c.day, c.hour, c.min, c.sec, a.fname, a.ftype, a.dist, a.form);
        for (size_t e = strlen(row); e && row[e - 1] == ' '; )
            row[--e] = 0;               /* names not set leave no blanks */
        cmd_printf(ctx, "%s", row);
    }
    kfree(ids);
    return RC_OK;
}

int q_reader(struct cmdctx *ctx)  { return list_files(ctx, SPOOL_RDR); }
int q_printer(struct cmdctx *ctx) { return list_files(ctx, SPOOL_PRT); }
int q_punch(struct cmdctx *ctx)   { return list_files(ctx, SPOOL_PUN); }

static void count_word(char *buf, size_t n, unsigned count, u8 type)
{
    if (count)
        fmt_snprintf(buf, n, "%03u %s", count, spool_type_name(type));
    else
        fmt_snprintf(buf, n, "NO %s", spool_type_name(type));
}

/* QUERY FILES [ALL]: how many files in each queue */
int q_files(struct cmdctx *ctx)
{
    bool all = ctx->argc > 2 && !strcmp(ctx->argv[2], "ALL");
    const char *owner = all ? NULL : ctx->user->userid;
    char r[16], p[16], u[16];
    u32 total, used;

    if (all && !spool_operator(ctx)) {
        cmd_printf(ctx, "CPX002E QUERY FILES ALL is not authorized for your privilege class");
        return RC_CLASS;
    }
    if (!spool_up(ctx))
        return RC_ERROR;
    count_word(r, sizeof r, spool_count(owner, SPOOL_RDR), SPOOL_RDR);
    count_word(p, sizeof p, spool_count(owner, SPOOL_PRT), SPOOL_PRT);
    count_word(u, sizeof u, spool_count(owner, SPOOL_PUN), SPOOL_PUN);
    cmd_printf(ctx, "FILES: %s, %s, %s", r, p, u);
    if (all) {
        spool_space(&total, &used);
        cmd_printf(ctx, "SPOOL PAGES: %u IN USE OF %u", (unsigned)used, (unsigned)total);
    }
    return RC_OK;
}

/* QUERY VIRTUAL: a line with the spooling options under the device */
void q_spool_dev(struct cmdctx *ctx, struct vdev *d)
{
    struct vur *v = vur_of(d);
    char to[16] = "", names[32] = "";

    if (!v) {
        if (d->cls == VDEV_CONSOLE)
            q_console_spool(ctx, d);
        return;
    }
    if (v->to[0])
        fmt_snprintf(to, sizeof to, " TO %s", v->to);
    if (v->form[0] || v->dist[0])
        fmt_snprintf(names, sizeof names, "%s%s%s%s", v->form[0] ? " FORM " : "", v->form,
                     v->dist[0] ? " DIST " : "", v->dist);
    if (v->kind == SPOOL_RDR)
        cmd_printf(ctx, "     %03X CL %c %s %s%s", d->addr, v->cls, v->cont ? "CONT" : "NOCONT",
                   v->hold ? "HOLD" : "NOHOLD", v->in ? " FILE OPEN" : "");
    else
        cmd_printf(ctx, "     %03X CL %c %s %s COPY %03u%s%s%s", d->addr, v->cls,
                   v->cont ? "CONT" : "NOCONT", v->hold ? "HOLD" : "NOHOLD", v->copies, to,
                   names, v->out ? " FILE OPEN" : "");
}
