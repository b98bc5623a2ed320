/* priv.c - the privileged-instruction table and its dispatcher. */
#include "cp/vm/priv.h"
#include "cp/vm/vmem.h"
#include "cp/vm/reflect.h"
#include "cp/vm/trace.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

/* One row per instruction CP simulates, from priv.def, sorted by the key
 * insn_decode() computes (insn_opkey): 08 is 0800, SIOF 9C01, CLRIO 9D01.
 * The same list gives the audit in docs/history/sensitivity.md its "CP"
 * column. */
static const struct priv_entry {
    u16 key;
    priv_fn fn;
} priv_table[] = {
#define PRIV(key, mnemonic, handler, file, kind, note) { 0x##key, handler },
#include "cp/vm/priv.def"
#undef PRIV
};

static priv_fn lookup(u16 key)
{
    unsigned lo = 0, hi = ARRAY_SIZE(priv_table);

    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;

        if (priv_table[mid].key == key)
            return priv_table[mid].fn;
        if (priv_table[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

u32 priv_ea(struct vm *vm, const struct insn *in, int operand)
{
    return insn_ea(in, operand, vm->cpu.ctx.gpr, GADDR_MASK);
}

static priv_fn diag_dispatcher;

void priv_diag_register(priv_fn dispatch)
{
    diag_dispatcher = dispatch;
}

/* DIAGNOSE: the privilege check was made like any other; the service is
 * diag/'s.  Before it registered, no code is known: specification. */
int priv_diagnose(struct vm *vm, const struct insn *in)
{
    return diag_dispatcher ? diag_dispatcher(vm, in) : PGM_SPECIFICATION;
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
    rc = vmem_read(vm, target, bytes, 2);
    if (!rc && insn_length(bytes[0]) > 2)
        rc = vmem_read(vm, target, bytes, insn_length(bytes[0]));
    if (rc)
        return rc;
    if (bytes[0] == OP_EXECUTE)
        return PGM_EXECUTE;
    if (ex->r1)
        bytes[1] |= (u8)vm->cpu.ctx.gpr[ex->r1];
    return 0;
}

/* A segment- or page-translation exception of a DAT guest's operand
 * nullifies the instruction: the old PSW names it, not the next one (the
 * exit left the PSW past it).  Everything else is suppressed or
 * completed as it stands. */
static int reflect_access(struct vm *vm, int code, u8 ilc)
{
    if (code == PGM_SEGMENT_TRANS || code == PGM_PAGE_TRANS)
        vm->cpu.psw = psw370_set_ia(vm->cpu.psw, (psw370_ia(vm->cpu.psw) - ilc) & GADDR_MASK);
    return reflect_program(vm, (u16)code, ilc);
}

int priv_simulate(struct vm *vm, u16 pic, u8 ilc)
{
    u32 ia = psw370_ia(vm->cpu.psw);
    u8 bytes[6] = { 0 };
    struct insn in;
    priv_fn fn;
    int rc;

    /* the instruction is ilc bytes before the PSW (suppressed) */
    rc = vmem_read(vm, (ia - ilc) & GADDR_MASK, bytes, ilc ? ilc : 2);
    if (rc)
        return reflect_access(vm, rc, ilc);
    insn_decode(bytes, &in);
    if (bytes[0] == OP_EXECUTE) {
        rc = execute_target(vm, &in, bytes);
        if (rc)
            return reflect_access(vm, rc, ilc);
        insn_decode(bytes, &in);
    }
    /* not a S/370 instruction at all (an ESA/390 one): a S/370 has none */
    if (!in.info || !(in.info->flags & INSN_S370))
        return reflect_program(vm, PGM_OPERATION, ilc);
    fn = lookup(in.opkey);
    /* a S/370 instruction CP does not simulate belongs to a facility the
     * virtual machine does not offer (dual address space, ...): as on a
     * S/370 without it, an operation exception */
    if (!fn)
        return reflect_program(vm, PGM_OPERATION, ilc);
    /* privilege is checked here, once, for every handler; a
     * semiprivileged one (SPKA, IPK) asks the guest's control registers
     * in its handler */
    if ((in.info->flags & (INSN_PRIV370 | INSN_SEMI370)) == INSN_PRIV370 &&
        psw_problem(vm->cpu.psw))
        return reflect_program(vm, PGM_PRIVILEGED, ilc);
    vm->priv_ops++;
    rc = fn(vm, &in);
    trace_simulated(vm, &in, (ia - ilc) & GADDR_MASK, rc);
    if (rc > 0)
        return reflect_access(vm, rc, ilc);
    return rc;
}
