/* priv_ctl.c - control registers, translation and CPU identification:
 * LCTL, STCTL, PTLB, LRA, STIDP, STIDC, SIGP, STAP (GA22-7000). */
#include "cp/vm/priv.h"
#include "cp/vm/vdev.h"
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
        int rc = store ? gmem_store32(&vm->mem, ea, vm->cpu.cr[r])
                       : gmem_fetch32(&vm->mem, ea, &vm->cpu.cr[r]);
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

/* PTLB: CP keeps no translation of the guest's own tables, nothing to purge */
int priv_ptlb(struct vm *vm, const struct insn *in)
{
    (void)vm;
    (void)in;
    return 0;
}

/* LRA: translate the operand address through the guest's own S/370
 * tables (CR0 page and segment size, CR1 segment table), whatever the
 * PSW's DAT bit.  CC 0 real address in R1; CC 1 segment invalid, CC 2
 * page invalid, CC 3 table length exceeded (R1 = the entry's address). */
int priv_lra(struct vm *vm, const struct insn *in)
{
    u32 cr0 = vm->cpu.cr[0], cr1 = vm->cpu.cr[1];
    u32 va = priv_ea(vm, in, 2);
    u32 *r1 = &vm->cpu.ctx.gpr[in->r1];
    unsigned page_sz = (cr0 >> 22) & 3, seg_sz = (cr0 >> 19) & 3;
    unsigned seg_bits, page_bits;
    u32 sx, px, ste_addr, ste, pte_addr, pto, ptl;
    u16 pte;
    int rc;

    if ((page_sz != 1 && page_sz != 2) || (seg_sz != 0 && seg_sz != 2))
        return PGM_TRANS_SPEC;
    seg_bits = seg_sz == 0 ? 16 : 20;           /* 64K or 1M segments */
    page_bits = page_sz == 1 ? 11 : 12;         /* 2K or 4K pages */
    sx = va >> seg_bits;
    px = (va & ((1u << seg_bits) - 1)) >> page_bits;
    ste_addr = ((cr1 & 0x00FFFFC0u) + sx * 4) & GADDR_MASK;
    if (sx > ((cr1 >> 24) + 1) * 16 - 1) {
        *r1 = ste_addr;
        priv_set_cc(vm, 3);
        return 0;
    }
    rc = gmem_fetch32(&vm->mem, ste_addr, &ste);
    if (rc)
        return rc;
    if (ste & 1) {
        *r1 = ste_addr;
        priv_set_cc(vm, 1);
        return 0;
    }
    pto = ste & 0x00FFFFF8u;
    ptl = ste >> 28;
    pte_addr = (pto + px * 2) & GADDR_MASK;
    if ((px >> (seg_bits - page_bits - 4)) > ptl) {
        *r1 = pte_addr;
        priv_set_cc(vm, 3);
        return 0;
    }
    rc = gmem_fetch16(&vm->mem, pte_addr, &pte);
    if (rc)
        return rc;
    if (pte & (page_bits == 12 ? 0x0008 : 0x0004)) {
        *r1 = pte_addr;
        priv_set_cc(vm, 2);
        return 0;
    }
    *r1 = ((u32)(pte & (page_bits == 12 ? 0xFFF0 : 0xFFF8)) << 8) | (va & ((1u << page_bits) - 1));
    priv_set_cc(vm, 0);
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
    return gmem_store64(&vm->mem, ea, id & 0xFFFFFFFFFFFF0000ull);
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
    return gmem_store16(&vm->mem, ea, 0);
}
