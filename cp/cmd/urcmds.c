/* urcmds.c - START and DRAIN: the operator's real unit-record devices
 * (cp/spool/urdev.h), and START SPOOL COLD, the explicit cold start of
 * the spool. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/query.h"
#include "cp/cmd/cmdutil.h"
#include "cp/spool/urdev.h"
#include "cp/spool/conspool.h"
#include "cp/spool/vur.h"
#include "cp/spool/area.h"
#include "cp/dir/directory.h"
#include "cp/io/rio.h"
#include "cp/kern/task.h"
#include "cp/lib/string.h"

static struct urdev *device_operand(struct cmdctx *ctx, const char *cmd, int i)
{
    struct urdev *u = NULL;
    u32 devno;

    if (i < ctx->argc && parse_hex(ctx->argv[i], &devno) && devno <= 0xFFFF)
        u = urdev_find((u16)devno);
    if (!u)
        cmd_printf(ctx, "CPX460E %s: %.20s is not a real reader, punch or printer", cmd,
                   i < ctx->argc ? ctx->raw[i] : "(no device)");
    return u;
}

/* START SPOOL COLD: erase every spool file, only with none in use */
static int cold_start(struct cmdctx *ctx)
{
    struct spool_init_report rep;
    int rc;

    if (ctx->argc != 3 || strcmp(ctx->argv[2], "COLD")) {
        cmd_printf(ctx, "CPX003E START SPOOL needs COLD: it erases every spool file");
        return RC_OPERAND;
    }
    for (struct urdev *u = urdevs; u; u = u->next) {
        if (u->working || u->started) {
            cmd_printf(ctx, "CPX461E START SPOOL COLD refused: %s %04X is started; DRAIN it first",
                       urdev_name(u), u->rd->devno);
            return RC_ERROR;
        }
    }
    if (vur_open_files() + conspool_open_files()) {
        cmd_printf(ctx, "CPX461E START SPOOL COLD refused: %u spool files are open on "
                   "virtual devices or spooled consoles",
                   vur_open_files() + conspool_open_files());
        return RC_ERROR;
    }
    rc = spool_start(true, &rep);
    vur_set_ready(rc == SPOOL_OK);
    if (rc != SPOOL_OK) {
        cmd_printf(ctx, "CPX462E Spool cold start failed: %s", spool_strerror(rc));
        return RC_ERROR;
    }
    cmd_printf(ctx, "CPX463I Spool cold started: every spool file is erased, %u pages free",
               (unsigned)rep.pages_total);
    return RC_OK;
}

/* START devno [CLASS c] (printer, punch) | START devno [TO userid] (reader) */
int cmd_start(struct cmdctx *ctx)
{
    struct urdev *u;

    if (ctx->argc >= 2 && !strcmp(ctx->argv[1], "SPOOL"))
        return cold_start(ctx);
    if (!(u = device_operand(ctx, "START", 1)))
        return RC_OPERAND;
    for (int i = 2; i < ctx->argc; i += 2) {
        const char *val = i + 1 < ctx->argc ? ctx->argv[i + 1] : "";
        if (u->kind != SPOOL_RDR && cmd_abbrev(ctx->argv[i], "CLASS", 2) && strlen(val) == 1) {
            u->cls = val[0];
        } else if (u->kind == SPOOL_RDR && !strcmp(ctx->argv[i], "TO") && val[0]) {
            if (strcmp(val, "OFF") && !dir_find(val)) {
                cmd_printf(ctx, "CPX109E %s is not in the CP directory", val);
                return RC_NOTFOUND;
            }
            strlcpy(u->to, strcmp(val, "OFF") ? val : "", sizeof u->to);
        } else {
            cmd_printf(ctx, "CPX004E START: invalid operand: %.20s", ctx->raw[i]);
            return RC_OPERAND;
        }
    }
    u->draining = false;
    u->started = true;
    u->loaded = true;                   /* try the reader again */
    task_wakeup(u);
    urdev_kick();
    if (u->kind == SPOOL_RDR)
        cmd_printf(ctx, "RDR %04X STARTED TO %s", u->rd->devno, u->to[0] ? u->to : "ID CARD");
    else
        cmd_printf(ctx, "%s %04X STARTED CLASS %c", urdev_name(u), u->rd->devno, u->cls);
    return RC_OK;
}

/* DRAIN devno: stop after the file in hand */
int cmd_drain(struct cmdctx *ctx)
{
    struct urdev *u;

    if (!(u = device_operand(ctx, "DRAIN", 1)))
        return RC_OPERAND;
    if (!u->started) {
        cmd_printf(ctx, "%s %04X DRAINED", urdev_name(u), u->rd->devno);
        return RC_OK;
    }
    u->draining = true;
    task_wakeup(u);
    urdev_kick();
    cmd_printf(ctx, "%s %04X DRAINING", urdev_name(u), u->rd->devno);
    return RC_OK;
}

/* QUERY UR: each real reader, punch and printer, its state and work */
int q_unitrec(struct cmdctx *ctx)
{
    if (!urdevs)
        cmd_printf(ctx, "CPX464I No real readers, punches or printers");
    for (struct urdev *u = urdevs; u; u = u->next) {
        const char *state = !u->started ? "DRAINED" : u->draining ? "DRAINING" : "STARTED";
        if (u->kind == SPOOL_RDR)
            cmd_printf(ctx, "RDR %04X %-8s TO %-8s %u FILES %u CARDS", u->rd->devno, state,
                       u->to[0] ? u->to : "ID CARD", (unsigned)u->files, (unsigned)u->records);
        else
            cmd_printf(ctx, "%s %04X %-8s CLASS %c %u FILES %u RECORDS%s", urdev_name(u),
                       u->rd->devno, state, u->cls, (unsigned)u->files, (unsigned)u->records,
                       u->working ? " (WRITING)" : "");
    }
    return RC_OK;
}
