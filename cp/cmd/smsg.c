/* smsg.c - SMSG userid text: a line to another virtual machine's program,
 * not to its user.  It arrives through VMCF (cp/vm/vmcf.c) as an external
 * interruption X'4001', the data the sender's userid and the text, so a
 * service machine can take commands; the target must have authorized
 * VMCF and either said SET SMSG ON or authorized with the SMSG flag. */
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/vm/vmcf.h"
#include "cp/lib/string.h"

#define SMSG_TEXT   120         /* what fits in a line of MSG, too */

int cmd_smsg(struct cmdctx *ctx)
{
    struct user *to;

    if (ctx->argc < 3) {
        cmd_printf(ctx, "CPX003E SMSG needs a userid and a text");
        return RC_OPERAND;
    }
    to = !strcmp(ctx->argv[1], "*") ? ctx->user : user_find(ctx->argv[1]);
    if (!to) {
        cmd_printf(ctx, "CPX045E %s not logged on", ctx->argv[1]);
        return RC_NOTFOUND;
    }
    if (strlen(ctx->rest[2]) > SMSG_TEXT) {
        cmd_printf(ctx, "CPX003E SMSG text is longer than %d characters", SMSG_TEXT);
        return RC_OPERAND;
    }
    switch (vmcf_smsg(to->vm, ctx->user->userid, ctx->rest[2])) {
    case VMCF_OK:
        break;
    case VMCF_SMSG_BACKLOG:
        cmd_printf(ctx, "CPX058I %s not receiving; too many messages waiting", to->userid);
        return RC_ERROR;
    default:
        cmd_printf(ctx, "CPX057I %s not receiving; SMSG OFF or not authorized", to->userid);
        return RC_ERROR;
    }
    return RC_OK;
}
