/* priv_psw.c - PSW instructions: LPSW, SSM, STNSM, STOSM, SPKA, IPK.
 * (GA22-7000, "Control Instructions") */
#include "cp/vm/priv.h"
#include "cp/vm/vmem.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

#define CR0_SSM_SUPPRESS    0x40000000u     /* bit 1 */
#define CR0_EXTRACT_AUTH    0x08000000u     /* bit 4 */
#define EC_SYSMASK_MBZ      0xB8            /* bits 0, 2-4 of an EC system mask */

/* LPSW: the doubleword at the operand becomes the PSW.  A PSW with
 * invalid bits is loaded and then recognized at once (ILC 0), as S/370
 * does; the dispatcher checks every PSW before running it. */
int priv_lpsw(struct vm *vm, const struct insn *in)
{
    u32 ea = priv_ea(vm, in, 2);
    u64 psw;
    int rc;

    if (ea & 7)
        return PGM_SPECIFICATION;
    rc = vmem_fetch64(vm, ea, &psw);
    if (rc)
        return rc;
    vm->cpu.psw = psw;
    vm->cpu.esa_mode = 0;               /* a S/370 PSW: 24-bit, primary */
    return 0;
}

static int set_system_mask(struct vm *vm, u8 mask)
{
    if (psw370_is_ec(vm->cpu.psw) && (mask & EC_SYSMASK_MBZ))
        return PGM_SPECIFICATION;
    vm->cpu.psw = (vm->cpu.psw & ~((u64)0xFF << 56)) | (u64)mask << 56;
    return 0;
}

/* SSM: the byte at the operand replaces PSW bits 0-7. */
int priv_ssm(struct vm *vm, const struct insn *in)
{
    u8 mask;
    int rc;

    if (vm->cpu.cr[0] & CR0_SSM_SUPPRESS)
        return PGM_SPECIAL_OPERATION;
    rc = vmem_fetch8(vm, priv_ea(vm, in, 2), &mask);
    if (rc)
        return rc;
    return set_system_mask(vm, mask);
}

/* STNSM/STOSM: store PSW bits 0-7 at the first operand, then AND/OR the
 * immediate byte into them. */
static int store_then(struct vm *vm, const struct insn *in, bool or_op)
{
    u8 mask = (u8)(vm->cpu.psw >> 56);
    int rc = vmem_store8(vm, priv_ea(vm, in, 1), mask);

    if (rc)
        return rc;
    return set_system_mask(vm, or_op ? (u8)(mask | in->i8) : (u8)(mask & in->i8));
}

int priv_stnsm(struct vm *vm, const struct insn *in)
{
    return store_then(vm, in, false);
}

int priv_stosm(struct vm *vm, const struct insn *in)
{
    return store_then(vm, in, true);
}

/* SPKA: PSW key from bits 24-27 of the operand address.  In the problem
 * state the PSW-key mask in CR3 must allow the key. */
int priv_spka(struct vm *vm, const struct insn *in)
{
    u8 key = (u8)((priv_ea(vm, in, 2) >> 4) & 0xF);

    if (psw_problem(vm->cpu.psw) && !(vm->cpu.cr[3] & (0x80000000u >> key)))
        return PGM_PRIVILEGED;
    vm->cpu.psw = (vm->cpu.psw & ~PSW_KEY_MASK) | (u64)key << PSW_KEY_SHIFT;
    return 0;
}

/* IPK: the PSW key into bits 24-27 of GR2, bits 28-31 zero.  In the
 * problem state only with the extraction-authority control (CR0 bit 4). */
int priv_ipk(struct vm *vm, const struct insn *in)
{
    u32 *r2 = &vm->cpu.ctx.gpr[2];
    (void)in;

    if (psw_problem(vm->cpu.psw) && !(vm->cpu.cr[0] & CR0_EXTRACT_AUTH))
        return PGM_PRIVILEGED;
    *r2 = (*r2 & 0xFFFFFF00u) | (u32)psw_key(vm->cpu.psw) << 4;
    return 0;
}
