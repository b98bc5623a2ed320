/* store.c - STORE: change the virtual machine (VM/370's operands,
 * cp/cmd/dsparse.c).
 *
 *   STore [L]hexloc hexword...     fullwords from hexloc rounded down to a word
 *   STore Shexloc hexdata...       bytes, no alignment
 *   STore G|X|C|Yreg hexword...    registers from reg on
 *   STore PSW [hexword1] hexword2
 *   STore STATUS                   the S/370 store-status save area in page 0
 *
 * Everything is checked before anything is stored: a bad operand, a value
 * that runs past the last register or the end of storage changes nothing. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/dsparse.h"
#include "cp/vm/vm.h"
#include "cp/vm/user.h"
#include "cp/vm/vmdebug.h"
#include "cp/mm/gmem.h"
#include "cp/lib/string.h"

#define MAX_WORDS       (CMD_MAXARGS * 2)

/* the S/370 store-status save area (GA22-7000, "Store Status") */
#define SS_CPU_TIMER    0x0D8
#define SS_CLOCK_COMP   0x0E0
#define SS_PSW          0x100
#define SS_PREFIX       0x108
#define SS_FPR          0x160
#define SS_GPR          0x180
#define SS_CR           0x1C0

static struct vm *need_vm(struct cmdctx *ctx)
{
    if (!ctx->user->vm)
        cmd_printf(ctx, "CPX030E You have no virtual machine");
    return ctx->user->vm;
}

/* the hexwords from argv[2] on, as fullwords; 0 words if one is bad */
static unsigned words_of(struct cmdctx *ctx, u32 *w)
{
    unsigned n = 0;

    for (int i = 2; i < ctx->argc; i++) {
        u32 two[2];
        unsigned k = ds_hexword(ctx->argv[i], two);
        if (k == 0) {
            cmd_printf(ctx, "CPX004E Invalid hexadecimal data %.20s: 1 to 16 hexadecimal digits",
                       ctx->raw[i]);
            return 0;
        }
        for (unsigned j = 0; j < k; j++)
            w[n++] = two[j];
    }
    return n;
}

static int too_many(struct cmdctx *ctx, const char *what)
{
    cmd_printf(ctx, "CPX004E Too many values: they run past %s; nothing was stored", what);
    return RC_OPERAND;
}

static int beyond(struct cmdctx *ctx, struct vm *vm, u32 addr)
{
    cmd_printf(ctx, "CPX036E Address %06X is beyond your storage (%uK); nothing was stored",
               addr, (unsigned)(vm->mem.size >> 10));
    return RC_OPERAND;
}

static int store_psw(struct cmdctx *ctx, struct vm *vm, const u32 *w, unsigned n)
{
    if (n > 2)
        return too_many(ctx, "the PSW");
    if (n == 1)             /* one word: the second, the instruction address */
        vm->cpu.psw = (vm->cpu.psw & 0xFFFFFFFF00000000ull) | w[0];
    else
        vm->cpu.psw = (u64)w[0] << 32 | w[1];
    vm->cpu.esa_mode = 0;   /* a new S/370 PSW: 24-bit, primary */
    return RC_OK;
}

static int store_fprs(struct cmdctx *ctx, struct vm *vm, u32 reg, const u32 *w, unsigned n)
{
    u32 at = reg / 2 * 2;           /* word index: two per register */

    if (at + n > 8)
        return too_many(ctx, "floating-point register 6");
    for (unsigned i = 0; i < n; i++, at++) {
        u64 *f = &vm->cpu.ctx.fpr[at / 2];
        if (at % 2)
            *f = (*f & 0xFFFFFFFF00000000ull) | w[i];
        else
            *f = (*f & 0xFFFFFFFFull) | (u64)w[i] << 32;
    }
    return RC_OK;
}

static int store_status(struct cmdctx *ctx, struct vm *vm)
{
    struct gspace *gs = &vm->mem;
    struct vcpu *c = &vm->cpu;
    int rc = 0;

    rc |= gmem_store64(gs, SS_CPU_TIMER, (u64)c->cpu_timer);
    rc |= gmem_store64(gs, SS_CLOCK_COMP, c->clock_comparator);
    rc |= gmem_store64(gs, SS_PSW, c->psw);
    rc |= gmem_store32(gs, SS_PREFIX, 0);           /* a virtual uniprocessor */
    for (unsigned i = 0; i < 4; i++)
        rc |= gmem_store64(gs, SS_FPR + 8 * i, c->ctx.fpr[i]);
    for (unsigned i = 0; i < 16; i++) {
        rc |= gmem_store32(gs, SS_GPR + 4 * i, c->ctx.gpr[i]);
        rc |= gmem_store32(gs, SS_CR + 4 * i, c->cr[i]);
    }
    if (rc)
        return beyond(ctx, vm, SS_CR + 63);
    adstop_stored(vm, SS_CPU_TIMER, SS_CR + 64 - SS_CPU_TIMER);
    cmd_printf(ctx, "STORE COMPLETE");
    return RC_OK;
}

static int store_string(struct cmdctx *ctx, struct vm *vm, u32 addr)
{
    u8 data[CMD_MAXLINE];
    u32 total = 0;

    for (int i = 2; i < ctx->argc; i++) {
        u32 n = ds_hexbytes(ctx->argv[i], data + total, sizeof data - total);
        if (n == 0) {
            cmd_printf(ctx, "CPX004E Invalid hexadecimal data %.20s: an even number of "
                       "hexadecimal digits; nothing was stored", ctx->raw[i]);
            return RC_OPERAND;
        }
        total += n;
    }
    if (addr >= vm->mem.size || total > vm->mem.size - addr)
        return beyond(ctx, vm, addr >= vm->mem.size ? addr : vm->mem.size);
    if (gmem_write(&vm->mem, addr, data, total))
        return beyond(ctx, vm, addr);
    adstop_stored(vm, addr, total);
    return RC_OK;
}

int cmd_store(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);
    struct ds_operand op;
    enum ds_error e;
    u32 w[MAX_WORDS], addr;
    unsigned n;

    if (!vm)
        return RC_ERROR;
    if (ctx->argc < 2) {
        cmd_printf(ctx, "CPX003E STORE needs a location and a value");
        return RC_OPERAND;
    }
    if ((e = ds_parse_store(ctx->argv[1], &op)) != DS_OK) {
        cmd_printf(ctx, "CPX004E Invalid STORE operand %.20s: %s", ctx->raw[1], ds_error_text(e));
        return RC_OPERAND;
    }
    if (op.what == DS_STATUS) {
        if (ctx->argc > 2) {
            cmd_printf(ctx, "CPX003E STORE STATUS takes no value");
            return RC_OPERAND;
        }
        return store_status(ctx, vm);
    }
    if (ctx->argc < 3) {
        cmd_printf(ctx, "CPX003E STORE %.20s needs a value", ctx->raw[1]);
        return RC_OPERAND;
    }
    if (op.what == DS_STRING)
        return store_string(ctx, vm, op.first);
    if ((n = words_of(ctx, w)) == 0)
        return RC_OPERAND;
    switch (op.what) {
    case DS_PSW:
        return store_psw(ctx, vm, w, n);
    case DS_GPR:
    case DS_CR:
        if (op.first + n > 16)
            return too_many(ctx, "register 15");
        for (unsigned i = 0; i < n; i++)
            (op.what == DS_GPR ? vm->cpu.ctx.gpr : vm->cpu.cr)[op.first + i] = w[i];
        return RC_OK;
    case DS_FPR:
        return store_fprs(ctx, vm, op.first, w, n);
    default:
        addr = op.first & ~3u;
        if (addr >= vm->mem.size || n * 4 > vm->mem.size - addr)
            return beyond(ctx, vm, addr >= vm->mem.size ? addr : vm->mem.size);
        for (unsigned i = 0; i < n; i++)
            if (gmem_store32(&vm->mem, addr + 4 * i, w[i]))
                return beyond(ctx, vm, addr + 4 * i);
        adstop_stored(vm, addr, n * 4);
        return RC_OK;
    }
}
