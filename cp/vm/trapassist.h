/* trapassist.h - arming the interruption stubs' own simulations.
 *
 * The stubs (arch370/s390/assist.S, rules in arch370/assist.h) simulate
 * the commonest traps of a run without returning to C.  Before each
 * entry CP fills what they read (the S/370 PSW, CR0, the storage, the
 * timers, whether anything could be pending); after it, CP takes back
 * what they changed and counted, before it looks at the exit. */
#ifndef CP_VM_TRAPASSIST_H
#define CP_VM_TRAPASSIST_H

#include "cp/vm/vm.h"

/* The stubs do not count the interval timer down: a run whose traps
 * they may do ends where X'50' would go negative, and at the latest after
 * 1/300 second; the run's length, at most slice. */
s64 trapassist_slice(struct vm *vm, s64 slice);

/* The round is done (assist_begin): nothing is pending that a PSW
 * enabling more would make deliverable during a run of at most `run`?
 * What the round saw holds until the short path ends (the same rules as
 * assist_go_on: nothing posted, no other task ran, CR0 the same). */
void trapassist_begin(struct vm *vm, s64 run);

/* Fill vm->cpu.ctx.a for a run of at most `run` TOD units on the real
 * CPU timer; `fast` says whether this run's traps may be done without
 * the general path at all (fast_allowed). */
void trapassist_arm(struct vm *vm, bool fast, s64 run);

/* The run is over: the S/370 PSW, the counts, the CPU timer and the
 * program-check loop state the stubs changed become the VM's. */
void trapassist_collect(struct vm *vm, s64 run);

#endif
