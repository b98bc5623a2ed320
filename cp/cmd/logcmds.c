/* logcmds.c - LOGOFF, DISCONNECT, FORCE, AUTOLOG. */
#include "cp/cmd/cmd.h"
#include "cp/term/logon.h"
#include "cp/kern/oplog.h"
#include "cp/term/session.h"
#include "cp/dir/directory.h"
#include "cp/vm/user.h"
#include "cp/vdev/ipl.h"
#include "cp/lib/string.h"

/* LOGOFF | LOGOUT */
int cmd_logoff(struct cmdctx *ctx)
{
    if (ctx->argc > 1 && !cmd_abbrev(ctx->argv[1], "HOLD", 4)) {
        cmd_printf(ctx, "CPX004E Unknown LOGOFF operand: %.20s", ctx->raw[1]);
        return RC_OPERAND;
    }
    user_logoff(ctx->user, NULL);
    return RC_OK;
}

/* DISCONNECT: the VM goes on without a terminal */
int cmd_disconnect(struct cmdctx *ctx)
{
    if (ctx->argc > 1 && !cmd_abbrev(ctx->argv[1], "HOLD", 4)) {
        cmd_printf(ctx, "CPX004E Unknown DISCONNECT operand: %.20s", ctx->raw[1]);
        return RC_OPERAND;
    }
    if (!ctx->user->sess) {
        cmd_printf(ctx, "CPX131E You are not connected");
        return RC_ERROR;
    }
    user_disconnect(ctx->user);
    return RC_OK;
}

/* FORCE userid: log another user off (class A) */
int cmd_force(struct cmdctx *ctx)
{
    struct user *u;

    if (ctx->argc != 2) {
        cmd_printf(ctx, "CPX003E FORCE needs one userid");
        return RC_OPERAND;
    }
    u = user_find(ctx->argv[1]);
    if (!u) {
        cmd_printf(ctx, "CPX045E %s is not logged on", ctx->argv[1]);
        return RC_NOTFOUND;
    }
    if (u == ctx->user || !strcmp(u->userid, OPERATOR_USERID)) {
        cmd_printf(ctx, "CPX132E %s cannot be forced", u->userid);
        return RC_ERROR;
    }
    cmd_printf(ctx, "CPX133I %s forced off", u->userid);
    user_logoff(u, ctx->user->userid);
    return RC_OK;
}

/* AUTOLOG userid password: log a user on without a terminal; its VM
 * starts the system named by the directory's IPL statement */
int cmd_autolog(struct cmdctx *ctx)
{
    const struct dir_user *d;
    struct user *u;

    if (ctx->argc != 3) {
        cmd_printf(ctx, "CPX003E AUTOLOG needs a userid and its password");
        return RC_OPERAND;
    }
    d = dir_find(ctx->argv[1]);
    if (!d) {
        cmd_printf(ctx, "CPX109E %s is not in the CP directory", ctx->argv[1]);
        return RC_NOTFOUND;
    }
    if (user_find(d->userid)) {
        cmd_printf(ctx, "CPX134E %s is already logged on", d->userid);
        return RC_ERROR;
    }
    if (!dir_password_ok(d, ctx->argv[2])) {
        cmd_printf(ctx, "CPX107E Password incorrect for %s", d->userid);
        return RC_ERROR;
    }
    u = logon_create(d, NULL);
    if (!u) {
        cmd_printf(ctx, "CPX126E Not enough storage to log %s on", d->userid);
        return RC_ERROR;
    }
    if (d->ipl.kind == DIR_IPL_NAME)
        ipl_by_name(u->vm, d->ipl.name, d->ipl.parm[0] ? d->ipl.parm : NULL);
    cmd_printf(ctx, "AUTO LOGON ***  %s USERS = %u", d->userid, user_count());
    op_msg("CPX127I %s AUTOLOGGED BY %s  USERS = %u", d->userid, ctx->user->userid, user_count());
    return RC_OK;
}
