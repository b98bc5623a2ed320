/* assist.h - the short path: a guest goes on after an exit without the
 * dispatcher's round.
 *
 * VM/370 learned that most traps are the same few instructions (SSM,
 * LPSW, SVC, the timers, DIAGNOSE) and answered with fast paths in CP
 * and then ECPS:VM's microcode assists.  Here the exit is handled by the
 * same handlers as always (so the guest sees exactly the same results),
 * and assist_resume() decides whether the guest may be entered again at
 * once, skipping what vm_task does between runs (device service, pending
 * interruptions, wait and PSW checks, loading the real control registers):
 * only when that round could not find anything new.  SET ASSIST OFF sends
 * every exit through the round, so both can be measured on one system. */
#ifndef CP_VM_ASSIST_H
#define CP_VM_ASSIST_H

#include "cp/vm/vm.h"

/* what the dispatcher's round saw last */
struct assist_mark {
    u32 posted;                 /* vm->posted */
    u32 resets;                 /* vm->resets */
    u32 dispatches;             /* task_dispatches: no other task ran */
    u64 enables;                /* the PSW's enabling bits and EC mode */
    u32 cr0, cr2;               /* the subclass and channel masks */
};

/* the round is done: the guest is about to be entered */
void assist_begin(struct vm *vm, struct assist_mark *m);
/* After exit code was handled, with left of the slice on the real CPU
 * timer: true if the guest may be entered again at once, the round
 * skipped.  A system mask that now enables more is checked against what
 * is pending here; anything else that could matter ends the short path. */
bool assist_resume(struct vm *vm, int code, struct assist_mark *m, s64 left);
/* The part of assist_resume that does not depend on how the exit was
 * handled, for a handler that never slept (cp/vm/fastpath.c): nothing
 * posted, the VM still running, enough slice left, a plain PSW that
 * enables nothing pending, the CPU timer not about to run out. */
bool assist_go_on(struct vm *vm, struct assist_mark *m, s64 left);

#endif
