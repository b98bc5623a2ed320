/* shutdown.c - SHUTDOWN, and ABEND (a deliberate CP abend for testing). */
#include "cp/cmd/cmd.h"
#include "cp/term/shutdown.h"
#include "cp/kern/abend.h"
#include "cp/vm/user.h"

/* SHUTDOWN [REIPL]: warn every user, end the system cleanly. */
int cmd_shutdown(struct cmdctx *ctx)
{
    if (ctx->argc > 1) {
        cmd_printf(ctx, "CPX003E SHUTDOWN takes no operands: %.20s", ctx->raw[1]);
        return RC_OPERAND;
    }
    system_shutdown(ctx->user->userid);
    return RC_OK;           /* not reached */
}

/* ABEND PGM | SOFT: stop CP through its own fault path, so the abend
 * message and wait code can be seen and tested.  Class A only. */
int cmd_abend_test(struct cmdctx *ctx)
{
    if (ctx->argc != 2) {
        cmd_printf(ctx, "CPX003E ABEND needs PGM or SOFT");
        return RC_OPERAND;
    }
    if (!cmd_abbrev(ctx->argv[1], "PGM", 3) && !cmd_abbrev(ctx->argv[1], "SOFT", 4)) {
        cmd_printf(ctx, "CPX004E Unknown ABEND operand: %.20s", ctx->raw[1]);
        return RC_OPERAND;
    }
    if (ctx->argv[1][0] == 'S')
        cp_abend(ABEND_OPERATOR, "ABEND command issued by the operator");
    /* an operation exception in CP itself: X'0000' is no instruction */
    asm volatile(".long 0x00000000" ::: "memory");
    return RC_OK;
}
