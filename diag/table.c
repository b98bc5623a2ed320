/* table.c - the DIAGNOSE code table and dispatcher. */
#include "diag/diag.h"
#include "cp/vm/priv.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

#define DIAG(code, name, summary) int diag_##code##_##name(struct diag_args *a);
#include "diag/diag.def"
#undef DIAG

/* one row per code, from diag.def, at the index of its code, so the code
 * a guest gives finds its row at once (the codes run to X'258': a few
 * hundred rows, most of them empty) */
static const struct diag_entry diag_table[] = {
#define DIAG(code, name, summary) [0x##code] = { 0x##code, #name, diag_##code##_##name },
#include "diag/diag.def"
#undef DIAG
};

const struct diag_entry *diag_lookup(u16 code)
{
    if (code >= ARRAY_SIZE(diag_table) || !diag_table[code].fn)
        return NULL;
    return &diag_table[code];
}

/* The code is the low 16 bits of the base-displacement address; an
 * unknown code is a specification exception, as on VM/370. */
int diag_dispatch(struct vm *vm, const struct insn *in)
{
    u32 *gpr = vm->cpu.ctx.gpr;
    struct diag_args a = {
        .vm = vm,
        .code = (u16)((in->b2 ? gpr[in->b2] : 0) + in->d2),
        .rx = in->r1,
        .ry = in->r3,
        .gpr = gpr,
    };
    const struct diag_entry *e = diag_lookup(a.code);

    vm->diags++;
    if (!e)
        return PGM_SPECIFICATION;
    return e->fn(&a);
}
