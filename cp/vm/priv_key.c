/* priv_key.c - storage keys: SSK, ISK, RRB (GA22-7000, "Control
 * Instructions").  S/370 keys 2K blocks: each block's key is kept (cp/mm/
 * gspace.h says how the real 4K frame is keyed when two halves differ). */
#include "cp/vm/priv.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

/* the block address in R2 bits 8-20; bits 28-31 must be zero */
static int block_address(struct vm *vm, u8 r2, u32 *addr)
{
    u32 v = vm->cpu.ctx.gpr[r2];

    if (v & 0x0F)
        return PGM_SPECIFICATION;
    *addr = v & 0x00FFF800u;
    if (!gspace_addressable(&vm->mem, *addr))
        return PGM_ADDRESSING;
    return 0;
}

/* SSK: key, fetch-protection, reference and change bits from R1 bits 24-30 */
int priv_ssk(struct vm *vm, const struct insn *in)
{
    u32 addr;
    int rc = block_address(vm, in->r2, &addr);

    if (rc)
        return rc;
    gspace_set_key(&vm->mem, addr, (u8)(vm->cpu.ctx.gpr[in->r1] & 0xFE));
    return 0;
}

/* ISK: the key into R1 bits 24-30, bit 31 zero; in BC mode only the key
 * and fetch bit (24-28), bits 29-31 zero */
int priv_isk(struct vm *vm, const struct insn *in)
{
    u32 addr, *r1 = &vm->cpu.ctx.gpr[in->r1];
    int rc = block_address(vm, in->r2, &addr);
    u8 key;

    if (rc)
        return rc;
    key = gspace_get_key(&vm->mem, addr) & 0xFE;
    if (!psw370_is_ec(vm->cpu.psw))
        key &= 0xF8;
    *r1 = (*r1 & 0xFFFFFF00u) | key;
    return 0;
}

/* RRB: reset the reference bit; CC = old reference and change bits */
int priv_rrb(struct vm *vm, const struct insn *in)
{
    u32 addr = priv_ea(vm, in, 2);

    if (!gspace_addressable(&vm->mem, addr))
        return PGM_ADDRESSING;
    priv_set_cc(vm, (u8)gspace_reset_ref(&vm->mem, addr));
    return 0;
}
