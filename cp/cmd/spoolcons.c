/* spoolcons.c - SPOOL CONSOLE and CLOSE CONSOLE, and their QUERY line.
 *
 * The operands are parsed here; console spooling itself
 * (cp/spool/conspool.c) is told what changed through conspool_set. */
#include "cp/cmd/spoolcmd.h"
#include "cp/spool/conspool.h"
#include "cp/spool/vur.h"
#include "cp/dir/directory.h"
#include "cp/vm/user.h"
#include "cp/vm/vdev.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

static bool parse_opts(struct cmdctx *ctx, struct conspool_opts *o)
{
    for (int i = 2; i < ctx->argc; i++) {
        const char *w = ctx->argv[i], *val = i + 1 < ctx->argc ? ctx->argv[i + 1] : NULL;
        int onoff = !strcmp(w, "START") ? 1 : !strcmp(w, "STOP") ? 0 : -1;
        if (onoff >= 0) {
            if (o->onoff >= 0 && o->onoff != onoff) {
                cmd_printf(ctx, "CPX004E SPOOL CONSOLE: START and STOP conflict");
                return false;
            }
            o->onoff = onoff;
        } else if (cmd_abbrev(w, "CLOSE", 2)) {
            o->close = true;
        } else if (!strcmp(w, "TO")) {
            if (!val) {
                cmd_printf(ctx, "CPX003E SPOOL: TO needs a userid, * or OFF");
                return false;
            }
            if (strcmp(val, "OFF") && strcmp(val, "*") && !dir_find(val)) {
                cmd_printf(ctx, "CPX109E %s is not in the CP directory", val);
                return false;
            }
            o->to_set = true;
            strlcpy(o->to, strcmp(val, "OFF") && strcmp(val, "*") ? val : "", sizeof o->to);
            i++;
        } else if (cmd_abbrev(w, "CLASS", 2)) {
            if (!val || strlen(val) != 1 || !((val[0] >= 'A' && val[0] <= 'Z') ||
                                              (val[0] >= '0' && val[0] <= '9'))) {
                cmd_printf(ctx, "CPX431E SPOOL: CLASS needs one letter or digit");
                return false;
            }
            o->cls = val[0];
            i++;
        } else {
            cmd_printf(ctx, "CPX004E SPOOL: invalid option for CONSOLE: %.20s", ctx->raw[i]);
            return false;
        }
    }
    return true;
}

/* SPOOL CONSOLE START|STOP [TO userid|*|OFF] [CLASS c] [CLOSE] */
int cmd_spool_console(struct cmdctx *ctx)
{
    struct conspool_opts o = { .onoff = -1 };

    if (ctx->argc < 3) {
        cmd_printf(ctx, "CPX003E SPOOL CONSOLE needs START, STOP, TO, CLASS or CLOSE");
        return RC_OPERAND;
    }
    if (!parse_opts(ctx, &o))
        return RC_OPERAND;
    if (o.onoff == 1 && !vur_spool_ready()) {
        cmd_printf(ctx, "CPX417E Spooling is not started");
        return RC_ERROR;
    }
    if (conspool_set(ctx->user->userid, &o) != CONSPOOL_OK) {
        cmd_printf(ctx, "CPX426E SPOOL CONSOLE: not enough CP storage");
        return RC_ERROR;
    }
    return RC_OK;
}

/* CLOSE CONSOLE */
int cmd_close_console(struct cmdctx *ctx)
{
    if (ctx->argc > 2) {
        cmd_printf(ctx, "CPX004E CLOSE: invalid option for CONSOLE: %.20s", ctx->raw[2]);
        return RC_OPERAND;
    }
    if (conspool_close(ctx->user->userid) != CONSPOOL_OK) {
        cmd_printf(ctx, "CPX434E CLOSE: your console is not spooled");
        return RC_ERROR;
    }
    return RC_OK;
}

/* QUERY VIRTUAL: the spooling line under the console device */
void q_console_spool(struct cmdctx *ctx, struct vdev *d)
{
    struct conspool_info c;
    char to[16] = "";

    if (!conspool_state(ctx->user->userid, &c))
        return;
    if (c.to[0])
        fmt_snprintf(to, sizeof to, " TO %s", c.to);
    cmd_printf(ctx, "     %03X CL %c %s%s%s", d->addr, c.cls, c.on ? "START" : "STOP", to,
               c.file_open ? " FILE OPEN" : "");
}
