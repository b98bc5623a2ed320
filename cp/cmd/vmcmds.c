/* vmcmds.c - commands that act on the user's virtual machine:
 * IPL, BEGIN, SYSTEM, EXTERNAL, DEFINE STORAGE. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/cmdutil.h"
#include "cp/vm/vm.h"
#include "cp/vdev/ipl.h"
#include "cp/vm/user.h"
#include "cp/vm/vdev.h"
#include "cp/lib/string.h"
#include "arch370/psw.h"
#include "arch370/ccw.h"

static struct vm *need_vm(struct cmdctx *ctx)
{
    if (!ctx->user->vm)
        cmd_printf(ctx, "CPX030E You have no virtual machine");
    return ctx->user->vm;
}

/* why an IPL channel program failed, from its ending status */
static void ipl_failed(struct cmdctx *ctx, u16 dev, const struct vdev_ipl *r)
{
    if (r->endless)
        cmd_printf(ctx, "CPX038E IPL from %03X failed: its channel program does not end "
                   "(stopped at CCW %06X)", dev, r->ccw);
    else if (r->chan & CHAN_PGM)
        cmd_printf(ctx, "CPX038E IPL from %03X failed: channel program check at CCW %06X "
                   "(a bad CCW, or an address outside storage)", dev, r->ccw);
    else if (r->chan & CHAN_PROT)
        cmd_printf(ctx, "CPX038E IPL from %03X failed: protection check at CCW %06X", dev, r->ccw);
    else if (r->chan)
        cmd_printf(ctx, "CPX038E IPL from %03X failed: channel status %02X at CCW %06X",
                   dev, r->chan, r->ccw);
    else if ((r->unit & UNIT_UC) && r->ccw == 0 && (r->sense0 & 0x40))
        cmd_printf(ctx, "CPX038E IPL from %03X failed: nothing to read (intervention required)", dev);
    else if ((r->unit & UNIT_UC) && r->ccw == 0)
        cmd_printf(ctx, "CPX038E IPL from %03X failed: no IPL record", dev);
    else if (r->unit & UNIT_UC)
        cmd_printf(ctx, "CPX038E IPL from %03X failed: unit check at CCW %06X, sense %02X",
                   dev, r->ccw, r->sense0);
    else
        cmd_printf(ctx, "CPX038E IPL from %03X failed: unit exception (end of file) at CCW %06X",
                   dev, r->ccw);
}

static int ipl_device(struct cmdctx *ctx, struct vm *vm, u16 dev)
{
    struct vdev_ipl r;

    switch (ipl_by_device(vm, dev, &r)) {
    case IPL_OK:
        return RC_OK;
    case IPL_NOTDASD:
        cmd_printf(ctx, "CPX037E Device %03X cannot be IPLed: not a minidisk or reader", dev);
        return RC_ERROR;
    case IPL_FAILED:
        ipl_failed(ctx, dev, &r);
        return RC_ERROR;
    default:
        cmd_printf(ctx, "CPX038E IPL from %03X failed: I/O error", dev);
        return RC_ERROR;
    }
}

/* IPL name|cuu [CLEAR] [NOSHARE] [PARM text] */
int cmd_ipl(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);
    const char *parm = NULL;
    bool share = true;
    int rc;

    if (!vm)
        return RC_ERROR;
    if (ctx->argc < 2) {
        cmd_printf(ctx, "CPX003E IPL needs a system name or device address");
        return RC_OPERAND;
    }
    if (strlen(ctx->argv[1]) > 8) {
        cmd_printf(ctx, "CPX004E Invalid IPL operand: %.20s", ctx->raw[1]);
        return RC_OPERAND;
    }
    for (int i = 2; i < ctx->argc; i++) {
        if (cmd_abbrev(ctx->argv[i], "PARM", 4)) {
            parm = i + 1 < ctx->argc ? ctx->rest[i + 1] : "";
            break;
        }
        if (cmd_abbrev(ctx->argv[i], "NOSHARE", 5)) {
            share = false;              /* a copy of its own of every page */
            continue;
        }
        if (!cmd_abbrev(ctx->argv[i], "CLEAR", 5)) {
            cmd_printf(ctx, "CPX004E Invalid IPL operand: %.20s", ctx->raw[i]);
            return RC_OPERAND;
        }
    }
    {
        u32 dev;
        if (parse_hex(ctx->argv[1], &dev) && dev <= 0xFFFF && vdev_find(vm, (u16)dev))
            return ipl_device(ctx, vm, (u16)dev);
    }
    rc = ipl_by_name_share(vm, ctx->argv[1], parm, share);
    switch (rc) {
    case IPL_OK:
        return RC_OK;
    case IPL_NOTFOUND:
        cmd_printf(ctx, "CPX031E System %s does not exist", ctx->argv[1]);
        return RC_NOTFOUND;
    case IPL_TOOBIG:
        cmd_printf(ctx, "CPX032E System %s does not fit your storage (%uK)",
                   ctx->argv[1], (unsigned)(vm->mem.size >> 10));
        return RC_ERROR;
    case IPL_NOSTORAGE:
        cmd_printf(ctx, "CPX612E No real storage or paging space to load system %s", ctx->argv[1]);
        return RC_ERROR;
    default:
        cmd_printf(ctx, "CPX033E I/O error reading system %s", ctx->argv[1]);
        return RC_ERROR;
    }
}

/* BEGIN [hexloc]: resume the VM, optionally at another address */
int cmd_begin(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);
    u32 addr;

    if (!vm)
        return RC_ERROR;
    if (ctx->argc > 2) {
        cmd_printf(ctx, "CPX003E BEGIN takes at most one address");
        return RC_OPERAND;
    }
    if (ctx->argc == 2) {
        if (!parse_hex(ctx->argv[1], &addr) || addr > 0x00FFFFFF || (addr & 1)) {
            cmd_printf(ctx, "CPX004E Invalid address: %.20s", ctx->raw[1]);
            return RC_OPERAND;
        }
        vm->cpu.psw = psw370_set_ia(vm->cpu.psw, addr);
    }
    vm_start(vm);
    return RC_OK;
}

/* SYSTEM RESET | CLEAR | RESTART */
int cmd_system(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);

    if (!vm)
        return RC_ERROR;
    if (ctx->argc != 2) {
        cmd_printf(ctx, "CPX003E SYSTEM needs RESET, CLEAR or RESTART");
        return RC_OPERAND;
    }
    if (cmd_abbrev(ctx->argv[1], "RESET", 5) || cmd_abbrev(ctx->argv[1], "CLEAR", 5)) {
        bool clear = ctx->argv[1][0] == 'C';
        vm_stop(vm);
        vm_reset(vm, clear);
        cmd_printf(ctx, "SYSTEM %s", clear ? "CLEARED" : "RESET");
        return RC_OK;
    }
    if (cmd_abbrev(ctx->argv[1], "RESTART", 7)) {
        vm_restart(vm);
        vm_start(vm);
        return RC_OK;
    }
    cmd_printf(ctx, "CPX004E Unknown SYSTEM operand: %.20s", ctx->raw[1]);
    return RC_OPERAND;
}

/* EXTERNAL: the interrupt key of the virtual machine */
int cmd_external(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);

    if (!vm)
        return RC_ERROR;
    vm->cpu.ext_pending |= VEXT_KEY;
    vm_kick(vm);
    return RC_OK;
}

/* DEFINE STORAGE nnnK|nnM: new size, storage cleared, VM reset */
int cmd_define(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);
    u32 size;

    if (!vm)
        return RC_ERROR;
    if (ctx->argc != 3 || !cmd_abbrev(ctx->argv[1], "STORAGE", 4)) {
        cmd_printf(ctx, "CPX003E Use DEFINE STORAGE nnnK or nnM");
        return RC_OPERAND;
    }
    if (!parse_storage(ctx->argv[2], &size) || size < 64 * 1024 || size > 16u << 20) {
        cmd_printf(ctx, "CPX004E Invalid storage size: %.20s (64K to 16M)", ctx->raw[2]);
        return RC_OPERAND;
    }
    if (ctx->user->max_storage && size > ctx->user->max_storage) {
        cmd_printf(ctx, "CPX034E Storage exceeds your maximum of %uK",
                   (unsigned)(ctx->user->max_storage >> 10));
        return RC_OPERAND;
    }
    vm_stop(vm);
    if (gspace_resize(&vm->mem, size) != 0) {
        cmd_printf(ctx, "CPX035E Not enough real storage for the new tables");
        return RC_ERROR;
    }
    vm_reset(vm, true);                 /* new storage: nothing is loaded in it */
    cmd_printf(ctx, "STORAGE = %05uK", (unsigned)(size >> 10));
    return RC_OK;
}
