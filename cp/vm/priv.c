/* priv.c - the privileged-instruction table and its dispatcher. */
#include "cp/vm/priv.h"
#include "cp/vm/reflect.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

/* One row per opcode, keyed by the architected first byte; the B2xx
 * group by its second byte.  S/370 I/O instructions 9C-9F carry their
 * variant (SIO/SIOF, TIO/CLRIO, HIO/HDV) in bit 15, which the handler
 * reads. */
static const priv_fn priv_table[256] = {
    [0x08] = priv_ssk,
    [0x09] = priv_isk,
    [0x80] = priv_ssm,
    [0x82] = priv_lpsw,
    [0x83] = diag_dispatch,
    [0x9C] = vio_sio,
    [0x9D] = vio_tio,
    [0x9E] = vio_hio,
    [0x9F] = vio_tch,
    [0xAC] = priv_stnsm,
    [0xAD] = priv_stosm,
    [0xAE] = priv_sigp,
    [0xB1] = priv_lra,
    [0xB6] = priv_stctl,
    [0xB7] = priv_lctl,
};

static const priv_fn priv_b2_table[256] = {
    [0x02] = priv_stidp,
    [0x03] = priv_stidc,
    [0x04] = priv_sck,
    [0x06] = priv_sckc,
    [0x07] = priv_stckc,
    [0x08] = priv_spt,
    [0x09] = priv_stpt,
    [0x0A] = priv_spka,
    [0x0B] = priv_ipk,
    [0x0D] = priv_ptlb,
    [0x12] = priv_stap,
    [0x13] = priv_rrb,
};

static priv_fn lookup(const struct insn *in)
{
    if (in->bytes[0] == 0xB2)
        return priv_b2_table[in->bytes[1]];
    return priv_table[in->bytes[0]];
}

u32 priv_ea(struct vm *vm, const struct insn *in, int operand)
{
    return insn_ea(in, operand, vm->cpu.ctx.gpr, GADDR_MASK);
}

void priv_set_cc(struct vm *vm, u8 cc)
{
    vm->cpu.psw = psw370_set_cc(vm->cpu.psw, cc);
}

#define OP_EXECUTE  0x44

/* EXECUTE: the trapped instruction is EX's target, at the second-operand
 * address, with its second byte ORed with R1 bits 24-31 (R1 != 0). */
static int execute_target(struct vm *vm, struct insn *ex, u8 *bytes)
{
    u32 target = insn_ea(ex, 2, vm->cpu.ctx.gpr, GADDR_MASK);
    int rc;

    if (target & 1)
        return PGM_SPECIFICATION;
    rc = gmem_read(&vm->mem, target, bytes, 2);
    if (!rc && insn_length(bytes[0]) > 2)
        rc = gmem_read(&vm->mem, target, bytes, insn_length(bytes[0]));
    if (rc)
        return rc;
    if (bytes[0] == OP_EXECUTE)
        return PGM_EXECUTE;
    if (ex->r1)
        bytes[1] |= (u8)vm->cpu.ctx.gpr[ex->r1];
    return 0;
}

int priv_simulate(struct vm *vm, u16 pic, u8 ilc)
{
    u32 ia = psw370_ia(vm->cpu.psw);
    u8 bytes[6] = { 0 };
    struct insn in;
    priv_fn fn;
    int rc;

    /* the instruction is ilc bytes before the PSW (suppressed) */
    rc = gmem_read(&vm->mem, (ia - ilc) & GADDR_MASK, bytes, ilc ? ilc : 2);
    if (rc)
        return reflect_program(vm, (u16)rc, ilc);
    insn_decode(bytes, &in);
    if (bytes[0] == OP_EXECUTE) {
        rc = execute_target(vm, &in, bytes);
        if (rc)
            return reflect_program(vm, (u16)rc, ilc);
        insn_decode(bytes, &in);
    }
    /* not a S/370 instruction at all (an ESA/390 one): a S/370 has none */
    if (!in.info || !(in.info->flags & INSN_S370))
        return reflect_program(vm, PGM_OPERATION, ilc);
    fn = lookup(&in);
    /* a S/370 instruction CP does not simulate belongs to a facility the
     * virtual machine does not offer (dual address space, ...): as on a
     * S/370 without it, an operation exception */
    if (!fn)
        return reflect_program(vm, PGM_OPERATION, ilc);
    /* privilege is checked here, once, for every handler */
    if ((in.info->flags & INSN_PRIV370) && psw_problem(vm->cpu.psw))
        return reflect_program(vm, PGM_PRIVILEGED, ilc);
    vm->priv_ops++;
    rc = fn(vm, &in);
    if (rc > 0)
        return reflect_program(vm, (u16)rc, ilc);
    return rc;
}
