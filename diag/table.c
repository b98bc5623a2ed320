/* table.c - the DIAGNOSE code table and dispatcher. */
#include "diag/diag.h"
#include "cp/vm/priv.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

#define DIAG(code, name, summary) int diag_##code##_##name(struct diag_args *a);
#include "diag/diag.def"
#undef DIAG

/* one row per code, from diag.def; sorted by code there */
static const struct diag_entry diag_table[] = {
#define DIAG(code, name, summary) { 0x##code, #name, diag_##code##_##name },
#include "diag/diag.def"
#undef DIAG
};

const struct diag_entry *diag_lookup(u16 code)
{
    for (unsigned i = 0; i < ARRAY_SIZE(diag_table); i++)
        if (diag_table[i].code == code)
            return &diag_table[i];
    return NULL;
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
