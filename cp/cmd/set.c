/* set.c - SET: the user's settings (MSG, WNG, IMSG, EMSG, SMSG, RUN, PFnn, ASSIST). */
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/lib/string.h"

static int on_off(struct cmdctx *ctx, bool *flag)
{
    if (ctx->argc != 3 || (strcmp(ctx->argv[2], "ON") && strcmp(ctx->argv[2], "OFF"))) {
        cmd_printf(ctx, "CPX003E SET %s needs ON or OFF", ctx->argv[1]);
        return RC_OPERAND;
    }
    *flag = !strcmp(ctx->argv[2], "ON");
    return RC_OK;
}

/* SET EMSG ON|OFF|CODE|TEXT: how DIAGNOSE X'5C' edits error messages */
static int set_emsg(struct cmdctx *ctx)
{
    static const struct { const char *word; char v; } forms[] = {
        { "ON", 'O' }, { "OFF", 'F' }, { "CODE", 'C' }, { "TEXT", 'T' },
    };
    for (unsigned i = 0; ctx->argc == 3 && i < ARRAY_SIZE(forms); i++) {
        if (!strcmp(ctx->argv[2], forms[i].word)) {
            ctx->user->emsg = forms[i].v;
            return RC_OK;
        }
    }
    cmd_printf(ctx, "CPX003E SET EMSG needs ON, OFF, CODE or TEXT");
    return RC_OPERAND;
}

/* SET SMSG ON|OFF: may SMSG reach the virtual machine's VMCF.  VM/SP's
 * third form, IUCV, needs IUCV, which cp370 does not have. */
static int set_smsg(struct cmdctx *ctx)
{
    if (ctx->argc == 3 && !strcmp(ctx->argv[2], "IUCV")) {
        cmd_printf(ctx, "CPX004E SET SMSG IUCV: cp370 has no IUCV; use SET SMSG ON (VMCF)");
        return RC_OPERAND;
    }
    return on_off(ctx, &ctx->user->smsg_on);
}

int cmd_set(struct cmdctx *ctx)
{
    if (ctx->argc < 2) {
        cmd_printf(ctx, "CPX003E SET needs an operand: MSG, WNG, IMSG, EMSG, SMSG, RUN, PFnn or ASSIST");
        return RC_OPERAND;
    }
    if (!strcmp(ctx->argv[1], "MSG"))
        return on_off(ctx, &ctx->user->msg_on);
    if (!strcmp(ctx->argv[1], "WNG"))
        return on_off(ctx, &ctx->user->wng_on);
    if (!strcmp(ctx->argv[1], "IMSG"))
        return on_off(ctx, &ctx->user->imsg_on);
    if (!strcmp(ctx->argv[1], "RUN"))
        return on_off(ctx, &ctx->user->term.run);
    if (!strcmp(ctx->argv[1], "EMSG"))
        return set_emsg(ctx);
    /* ASSIST: VM/370's name for the microcode assists a user could turn
     * off to compare; here the short path for common traps */
    if (!strcmp(ctx->argv[1], "ASSIST"))
        return on_off(ctx, &ctx->user->assist_on);
    if (cmd_is_pf(ctx->argv[1]))
        return cmd_set_pf(ctx);
    if (!strcmp(ctx->argv[1], "SMSG"))
        return set_smsg(ctx);
    cmd_printf(ctx, "CPX004E Unknown SET operand: %.20s", ctx->raw[1]);
    return RC_OPERAND;
}
