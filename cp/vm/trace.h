/* trace.h - TRACE: a line for each event of the classes a user traces,
 * from hooks where CP reflects an interruption (cp/vm/reflect.c) and
 * where it has simulated an instruction (cp/vm/priv.c).  The hooks only
 * read what the guest was given; with NORUN the machine stops after the
 * line, as if the user had pressed attention there. */
#ifndef CP_VM_TRACE_H
#define CP_VM_TRACE_H

#include "cp/vm/vmdebug.h"
#include "arch370/insn.h"

void trace_interruption_event(struct vm *vm, u32 old_loc, u16 code, u8 ilc, u64 old_psw);
void trace_simulated_event(struct vm *vm, const struct insn *in, u32 at, int rc);
void trace_per_event(struct vm *vm, u8 per_code, u32 per_addr);

u32 trace_per_controls(struct vm *vm, u32 *start, u32 *end);

/* TRACE BRANCH and INSTRUCT use the real machine's program-event
 * recording while the guest runs: the PER event mask for control
 * register 9 (0: none) and the range for CR10 and CR11, for one run */
static inline u32 trace_per_arm(struct vm *vm, u32 *start, u32 *end)
{
    if (!vm->debug || !(vm->debug->trace & (TRACE_BRANCH | TRACE_INSTRUCT)))
        return 0;
    return trace_per_controls(vm, start, end);
}

/* an interruption has been reflected: old_loc says which (X'18' external,
 * X'20' SVC, X'28' program, X'38' I/O), old_psw is what was stored */
static inline void trace_interruption(struct vm *vm, u32 old_loc, u16 code, u8 ilc, u64 old_psw)
{
    if (vm->debug && vm->debug->trace)
        trace_interruption_event(vm, old_loc, code, ilc, old_psw);
}

/* CP has simulated the instruction at "at" for the guest: rc as the
 * handler returned it (0, a program-interruption code, < 0 CP error) */
static inline void trace_simulated(struct vm *vm, const struct insn *in, u32 at, int rc)
{
    if (vm->debug && vm->debug->trace)
        trace_simulated_event(vm, in, at, rc);
}

#endif
