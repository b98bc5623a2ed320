/* display.c - DISPLAY: look at the virtual machine (VM/370's operands,
 * cp/cmd/dsparse.c).  Every operand is checked before anything is shown,
 * so a bad one gives its message alone; several may be given at once:
 *
 *   DISPLAY T3000.40 G0-3 PSW CSW
 */
#include "cp/cmd/cmd.h"
#include "cp/cmd/dsparse.h"
#include "cp/cmd/stgfmt.h"
#include "cp/vm/vm.h"
#include "cp/vm/user.h"
#include "cp/vm/vmdebug.h"
#include "cp/mm/gmem.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"
#include "arch370/lowcore.h"

#define KEY_BLOCK       2048u           /* S/370 keys 2K blocks */
#define KEYS_PER_LINE   16u

static struct vm *need_vm(struct cmdctx *ctx)
{
    if (!ctx->user->vm)
        cmd_printf(ctx, "CPX030E You have no virtual machine");
    return ctx->user->vm;
}

static void show_regs(struct cmdctx *ctx, const char *kind, const u32 *r, u32 f, u32 l)
{
    for (u32 i = f; i <= l; i += 4) {
        char line[80];
        int n = fmt_snprintf(line, sizeof line, "%s %2u =", kind, i);
        for (u32 j = i; j <= l && j < i + 4; j++)
            n += fmt_snprintf(line + n, sizeof line - (size_t)n, " %08X", r[j]);
        cmd_printf(ctx, "%s", line);
    }
}

static void show_fprs(struct cmdctx *ctx, const u64 *fpr, u32 f, u32 l)
{
    for (u32 i = f; i <= l; i += 2)
        cmd_printf(ctx, "FPR %2u = %08X %08X", i, (u32)(fpr[i / 2] >> 32), (u32)fpr[i / 2]);
}

/* fullwords first..last (rounded out to words; T: lines from X'..0') */
static void show_storage(struct cmdctx *ctx, struct vm *vm, const struct ds_operand *op)
{
    u32 start = op->first & ~3u, end = op->last | 3u;

    for (u32 block = start & ~15u; block <= end; block += 16) {
        u8 b[16];
        char line[STG_LINE_MAX];
        unsigned w0 = block < start ? (start - block) / 4 : 0;
        unsigned w1 = end - block < 16 ? (end - block + 1) / 4 : 4;
        gmem_read(&vm->mem, block, b, 16);
        adstop_unmask(vm, block, b, 16);
        stg_line(line, block, b, w0, w1, op->translate);
        cmd_printf(ctx, "%s", line);
        if (block + 16 < block)
            break;
    }
}

/* the key of each 2K block, 16 blocks (32K) to a line */
static void show_keys(struct cmdctx *ctx, struct vm *vm, const struct ds_operand *op)
{
    u32 blk = op->first / KEY_BLOCK, last = op->last / KEY_BLOCK;

    while (blk <= last) {
        char line[100];
        int n = fmt_snprintf(line, sizeof line, "%06X  KEY", blk * KEY_BLOCK);
        do {
            n += fmt_snprintf(line + n, sizeof line - (size_t)n, " %02X",
                              gspace_get_key(&vm->mem, blk * KEY_BLOCK) & 0xFE);
            blk++;
        } while (blk <= last && blk % KEYS_PER_LINE);
        cmd_printf(ctx, "%s", line);
    }
}

static void show(struct cmdctx *ctx, struct vm *vm, const struct ds_operand *op)
{
    u32 w0 = 0, w1 = 0;

    switch (op->what) {
    case DS_STORAGE: show_storage(ctx, vm, op); break;
    case DS_KEYS:    show_keys(ctx, vm, op); break;
    case DS_GPR:     show_regs(ctx, "GPR", vm->cpu.ctx.gpr, op->first, op->last); break;
    case DS_CR:      show_regs(ctx, "CR ", vm->cpu.cr, op->first, op->last); break;
    case DS_FPR:     show_fprs(ctx, vm->cpu.ctx.fpr, op->first, op->last); break;
    case DS_PSW:
        cmd_printf(ctx, "PSW = %08X %08X", (u32)(vm->cpu.psw >> 32), (u32)vm->cpu.psw);
        break;
    case DS_CAW:
        gmem_fetch32(&vm->mem, LC370_CAW, &w0);
        cmd_printf(ctx, "CAW = %08X", w0);
        break;
    case DS_CSW:
        gmem_fetch32(&vm->mem, LC370_CSW, &w0);
        gmem_fetch32(&vm->mem, LC370_CSW + 4, &w1);
        cmd_printf(ctx, "CSW = %08X %08X", w0, w1);
        break;
    default:
        break;
    }
}

/* Storage operands must lie in the machine's storage; END and open
 * ranges stop at its end. */
static bool in_storage(struct cmdctx *ctx, struct vm *vm, struct ds_operand *op)
{
    if (op->what != DS_STORAGE && op->what != DS_KEYS)
        return true;
    if (op->to_end)
        op->last = vm->mem.size - 1;
    if (op->first < vm->mem.size && op->last < vm->mem.size)
        return true;
    cmd_printf(ctx, "CPX036E Address %06X is beyond your storage (%uK)",
               op->first >= vm->mem.size ? op->first : op->last,
               (unsigned)(vm->mem.size >> 10));
    return false;
}

int cmd_display(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);
    struct ds_operand ops[CMD_MAXARGS];
    int nops = ctx->argc > 1 ? ctx->argc - 1 : 1;

    if (!vm)
        return RC_ERROR;
    for (int i = 0; i < nops; i++) {
        /* DISPLAY alone is all of storage, as L */
        enum ds_error e = ds_parse_display(ctx->argc > 1 ? ctx->argv[i + 1] : "L", &ops[i]);
        if (e != DS_OK) {
            cmd_printf(ctx, "CPX004E Invalid DISPLAY operand %.20s: %s", ctx->raw[i + 1],
                       ds_error_text(e));
            return RC_OPERAND;
        }
        if (!in_storage(ctx, vm, &ops[i]))
            return RC_OPERAND;
    }
    for (int i = 0; i < nops; i++)
        show(ctx, vm, &ops[i]);
    return RC_OK;
}
