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

#define ASSIST_IDLE_RUNS 16u    /* armed runs in a row with no trap done */
#define ASSIST_PROBE    16u     /* ... then only one run in this many armed */

void trapassist_arm_run(struct vm *vm, s64 run);
void trapassist_collect_run(struct vm *vm, s64 run);

/* Fill vm->cpu.ctx.a for a run of at most `run` TOD units on the real
 * CPU timer, when this run's traps may be done without the general path
 * at all (`fast`: fast_allowed) and no interval-timer unit is due.  A
 * stub that found nothing to do in a row of runs (a guest whose traps
 * are DIAGNOSEs and I/O) is armed for one run in ASSIST_PROBE only, to
 * see whether that changed; the others take the fast exit path in C.
 * Inline: it is on the way of every exit. */
static inline void trapassist_arm(struct vm *vm, bool fast, s64 run)
{
    struct guest_assist *a = &vm->cpu.ctx.a;

    a->on = 0;
    if (fast && !vm->itimer_due && (a->idle < ASSIST_IDLE_RUNS || !(++a->skipped % ASSIST_PROBE)))
        trapassist_arm_run(vm, run);
}

/* The run is over: the S/370 PSW, the counts, the CPU timer, the clock
 * comparator and the program-check loop state the stubs changed become
 * the VM's. */
static inline void trapassist_collect(struct vm *vm, s64 run)
{
    if (vm->cpu.ctx.a.on)
        trapassist_collect_run(vm, run);
}

#endif
