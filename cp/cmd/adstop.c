/* adstop.c - ADSTOP hexloc | OFF: stop the virtual machine when it
 * reaches an instruction (cp/vm/adstop.c does the stopping). */
#include "cp/cmd/cmd.h"
#include "cp/cmd/cmdutil.h"
#include "cp/cmd/debugout.h"
#include "cp/vm/vmdebug.h"
#include "cp/vm/user.h"
#include "cp/lib/string.h"

int cmd_adstop(struct cmdctx *ctx)
{
    struct vm *vm = ctx->user->vm;
    u32 addr;

    if (!vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return RC_ERROR;
    }
    if (ctx->argc != 2) {
        cmd_printf(ctx, "CPX003E ADSTOP needs one operand: an instruction address or OFF");
        return RC_OPERAND;
    }
    if (!strcmp(ctx->argv[1], "OFF")) {
        adstop_clear(vm);
        return RC_OK;
    }
    if (strlen(ctx->argv[1]) > 6 || !parse_hex(ctx->argv[1], &addr) || (addr & 1)) {
        cmd_printf(ctx, "CPX004E Invalid ADSTOP address %.20s: an even address of 1 to 6 "
                   "hexadecimal digits", ctx->raw[1]);
        return RC_OPERAND;
    }
    if (addr + 1 >= vm->mem.size) {
        cmd_printf(ctx, "CPX036E Address %06X is beyond your storage (%uK)", addr,
                   (unsigned)(vm->mem.size >> 10));
        return RC_OPERAND;
    }
    debugout_register();
    if (adstop_set(vm, addr) != 0) {
        cmd_printf(ctx, "CPX036E Address %06X is beyond your storage (%uK)", addr,
                   (unsigned)(vm->mem.size >> 10));
        return RC_OPERAND;
    }
    return RC_OK;
}
