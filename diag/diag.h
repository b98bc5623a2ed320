/* diag.h - the DIAGNOSE interface: guests asking CP for services.
 *
 * DIAGNOSE (X'83', RS format: 83 Rx Ry B2 D2) is privileged: a guest in
 * virtual problem state gets a privileged-operation exception (checked
 * once, in cp/vm/priv.c).  The function code is the low 16 bits of the
 * second-operand address, never used as an address.  Codes are listed
 * once in diag/diag.def; diag/table.c maps each to its handler.  A
 * handler returns 0 (done; it set registers and condition code), > 0 a
 * program-interruption code to reflect, < 0 a CP error. */
#ifndef DIAG_DIAG_H
#define DIAG_DIAG_H

#include "cp/vm/vm.h"
#include "cp/vm/priv.h"
#include "cp/mm/gmem.h"
#include "arch370/insn.h"

struct diag_args {
    struct vm *vm;
    u16 code;
    u8 rx, ry;                  /* register numbers */
    u32 *gpr;                   /* the guest's registers */
};

typedef int (*diag_fn)(struct diag_args *a);

struct diag_entry {
    u16 code;
    const char *name;
    diag_fn fn;
};

/* A parameter list or CCW copied out of guest storage: straight from its
 * frame when it lies in one resident page (the usual case, a fraction of
 * gmem_read's cost), else by gmem_read.  0 or a program-interruption code. */
static inline int diag_read(struct vm *vm, u32 addr, void *dst, u32 len)
{
    const u8 *p = gmem_fast(&vm->mem, addr, len, false);

    if (!p)
        return gmem_read(&vm->mem, addr, dst, len);
    __builtin_memcpy(dst, p, len);      /* len is a constant: one MVC */
    return 0;
}

const struct diag_entry *diag_lookup(u16 code);
/* DIAGNOSE from a guest: decode the code, run its handler; cp/boot/main.c
 * registers it with the privileged-instruction table (priv_diag_register) */
int diag_dispatch(struct vm *vm, const struct insn *in);

#endif
