/* priv_ctl.c - control registers, translation and CPU identification:
 * LCTL, STCTL, PTLB, LRA, STIDP, STIDC, SIGP, STAP (GA22-7000). */
#include "cp/vm/priv.h"
#include "cp/vm/vmem.h"
#include "cp/vm/vdev.h"
#include "cp/vm/shadow.h"
#include "cp/mm/gmem.h"
#include "arch370/pgm.h"
#include "arch370/lowcore.h"
#include "cpu.h"

static int control_range(struct vm *vm, const struct insn *in, bool store)
{
    u32 ea = priv_ea(vm, in, 2);
    unsigned r = in->r1;

    if (ea & 3)
        return PGM_SPECIFICATION;
    for (;;) {
        int rc = store ? vmem_store32(vm, ea, vm->cpu.cr[r])
                       : vmem_fetch32(vm, ea, &vm->cpu.cr[r]);
        if (rc)
            return rc;
        if (r == in->r3)
            break;
        r = (r + 1) & 15;
        ea = (ea + 4) & GADDR_MASK;
    }
    return 0;
}

int priv_lctl(struct vm *vm, const struct insn *in)
{
    return control_range(vm, in, false);
}

int priv_stctl(struct vm *vm, const struct insn *in)
{
    return control_range(vm, in, true);
}

/* PTLB: the guest may have changed its tables; every shadow translation
 * CP made from them goes (cp/vm/shadow.h) */
int priv_ptlb(struct vm *vm, const struct insn *in)
{
    (void)in;
    shadow_purge(vm);
    return 0;
}

/* LRA: translate the operand address through the guest's own S/370
 * tables (arch370/dat370.h), whatever the PSW's DAT bit.  CC 0 real
 * address in R1; CC 1 segment invalid, CC 2 page invalid (R1 = the
 * entry's address); CC 3 a table length exceeded (R1 = the address the
 * entry would have had).  A bad format or entry is a translation
 * specification, an entry beyond storage an addressing exception. */
int priv_lra(struct vm *vm, const struct insn *in)
{
    static const u8 cc[] = {
        [DAT370_OK] = 0, [DAT370_SEG_INVALID] = 1, [DAT370_PAGE_INVALID] = 2,
        [DAT370_SEG_LENGTH] = 3, [DAT370_PAGE_LENGTH] = 3,
    };
    struct dat370_walk w;
    enum dat370_rc rc = vmem_walk(vm, priv_ea(vm, in, 2), &w);

    if (rc == DAT370_SPEC || rc == DAT370_ADDRESSING)
        return dat370_pgm(rc);
    vm->cpu.ctx.gpr[in->r1] = rc == DAT370_OK ? w.real : w.entry;
    priv_set_cc(vm, cc[rc]);
    return 0;
}

/* STIDP: version X'FF' says "a virtual machine", as VM/370 does */
int priv_stidp(struct vm *vm, const struct insn *in)
{
    u32 ea = priv_ea(vm, in, 2);
    u64 id = stidp();

    if (ea & 7)
        return PGM_SPECIFICATION;
    id = (id & 0x00FFFFFFFFFFFFFFull) | 0xFF00000000000000ull;
    return vmem_store64(vm, ea, id & 0xFFFFFFFFFFFF0000ull);
}

static bool channel_has_devices(struct vm *vm, u8 channel)
{
    for (struct vdev *d = vm->devs; d; d = d->next)
        if ((d->addr >> 8) == channel)
            return true;
    return false;
}

/* STIDC: channel 0 is a byte multiplexer, the others block multiplexers */
int priv_stidc(struct vm *vm, const struct insn *in)
{
    u8 channel = (u8)(priv_ea(vm, in, 2) >> 8);
    int rc;

    if (!channel_has_devices(vm, channel)) {
        priv_set_cc(vm, 3);
        return 0;
    }
    rc = gmem_store32(&vm->mem, LC370_CHAN_ID, channel == 0 ? 0x10000000u : 0x20000000u);
    if (!rc)
        priv_set_cc(vm, 0);
    return rc;
}

/* SIGP: a virtual uniprocessor; CPU address 0 is itself.  Any other
 * address is not operational (CC 3); SENSE of itself is accepted (CC 0);
 * other orders to itself are refused with "invalid order" (CC 1). */
#define SIGP_SENSE          0x01
#define SIGP_INVALID_ORDER  0x00000002u

int priv_sigp(struct vm *vm, const struct insn *in)
{
    u8 order = (u8)priv_ea(vm, in, 2);
    u16 cpu = (u16)vm->cpu.ctx.gpr[in->r3];

    if (cpu != 0) {
        priv_set_cc(vm, 3);
        return 0;
    }
    if (order == SIGP_SENSE) {
        priv_set_cc(vm, 0);
        return 0;
    }
    vm->cpu.ctx.gpr[in->r1] = SIGP_INVALID_ORDER;
    priv_set_cc(vm, 1);
    return 0;
}

int priv_stap(struct vm *vm, const struct insn *in)
{
    u32 ea = priv_ea(vm, in, 2);

    if (ea & 1)
        return PGM_SPECIFICATION;
    return vmem_store16(vm, ea, 0);
}
