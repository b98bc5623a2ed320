/* priv.c - the privileged-instruction table and its dispatcher. */
#include "cp/vm/priv.h"
#include "cp/vm/vmem.h"
#include "cp/vm/reflect.h"
#include "cp/vm/trace.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

/* One row per instruction CP simulates, from priv.def, by the key
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

/* The handler of an instruction-table row, by the row's index: built
 * from priv_table on first use, so a trap finds its handler with the row
 * insn_decode() already found, not by another search.  Built with it:
 * the rows a trap can find by its first opcode byte alone (or, for B2,
 * its second), which is every simulated instruction but the I/O ones
 * (9C-9F, told apart by their second byte) - the common traps are decoded
 * from these without looking at the instruction table at all. */
static priv_fn by_row[INSN_TABLE_MAX];
static const struct insn_info *by_op[256], *by_b2[256];
static bool by_row_built;

static void build_by_row(void)
{
    for (unsigned i = 0; i < ARRAY_SIZE(priv_table); i++) {
        u16 key = priv_table[i].key;
        const struct insn_info *e = insn_lookup(key);

        if (!e || (unsigned)(e - insn_table) >= INSN_TABLE_MAX)
            continue;
        by_row[e - insn_table] = priv_table[i].fn;
        if ((key >> 8) == 0xB2)
            by_b2[key & 0xFF] = e;
        else if ((key & 0xFF) == 0 && (key >> 8) < 0x9C)
            by_op[key >> 8] = e;
        else if ((key & 0xFF) == 0 && (key >> 8) > 0x9F)
            by_op[key >> 8] = e;
    }
    by_row_built = true;
}

static priv_fn lookup(const struct insn_info *e)
{
    unsigned row = (unsigned)(e - insn_table);

    if (!by_row_built)
        build_by_row();
    return row < INSN_TABLE_MAX ? by_row[row] : NULL;
}

/* the row of a common trap from its bytes, or NULL (see above) */
static const struct insn_info *common_row(const u8 *b)
{
    if (!by_row_built)
        build_by_row();
    return b[0] == 0xB2 ? by_b2[b[1]] : by_op[b[0]];
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

/* Privilege is checked here, once, for every handler; a semiprivileged
 * one (SPKA, IPK) asks the guest's control registers in its handler. */
static int run_handler(struct vm *vm, priv_fn fn, const struct insn *in, u8 ilc)
{
    u32 ia = psw370_ia(vm->cpu.psw);
    int rc;

    if ((in->info->flags & (INSN_PRIV370 | INSN_SEMI370)) == INSN_PRIV370 &&
        psw_problem(vm->cpu.psw))
        return reflect_program(vm, PGM_PRIVILEGED, ilc);
    vm->priv_ops++;
    rc = fn(vm, in);
    trace_simulated(vm, in, (ia - ilc) & GADDR_MASK, rc);
    if (rc > 0)
        return reflect_access(vm, rc, ilc);
    return rc;
}

int priv_simulate(struct vm *vm, u16 pic, u8 ilc)
{
    u32 ia = psw370_ia(vm->cpu.psw);
    u8 bytes[6] = { 0 };
    struct insn in;
    priv_fn fn;
    int rc;

    /* the instruction is ilc bytes before the PSW (suppressed): through
     * the guest's own tables with DAT on, otherwise usually in a resident
     * page, read in place */
    u32 at = (ia - ilc) & GADDR_MASK, len = ilc ? ilc : 2;
    const u8 *p = vmem_dat_on(vm) ? 0 : gmem_fast(&vm->mem, at, len, false);

    if (p) {
        for (u32 i = 0; i < len; i++)
            bytes[i] = p[i];
    } else {
        rc = vmem_read(vm, at, bytes, len);
        if (rc)
            return reflect_access(vm, rc, ilc);
    }
    /* the common traps: the row straight from the opcode */
    in.info = common_row(bytes);
    if (in.info) {
        if (in.info->fmt == FMT_RS)
            insn_decode_rs(bytes, &in);
        else
            insn_decode_fmt(bytes, in.info->fmt, &in);
        in.opkey = in.info->opcode;
        return run_handler(vm, lookup(in.info), &in, ilc);
    }
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
    fn = lookup(in.info);
    /* a S/370 instruction CP does not simulate belongs to a facility the
     * virtual machine does not offer (dual address space, ...): as on a
     * S/370 without it, an operation exception */
    if (!fn)
        return reflect_program(vm, PGM_OPERATION, ilc);
    return run_handler(vm, fn, &in, ilc);
}
