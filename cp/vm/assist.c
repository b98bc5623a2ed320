/* assist.c - may the guest go on at once?  (see assist.h) */
#include "cp/vm/assist.h"
#include "cp/vm/reflect.h"
#include "cp/vm/user.h"
#include "cp/kern/task.h"
#include "cp/kern/timer.h"
#include "cp/mm/gspace.h"
#include "cpu.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

#define CR0_CPU_TIMER   0x00000400u     /* bit 21: CPU-timer subclass */
/* the PSW bits that decide which interruptions are taken, and the
 * format they are read in */
#define PSW_ENABLES     (PSW_BC_CHANMASKS | PSW_IO | PSW_EXT | PSW_EC)
#define MIN_RUN         ((s64)TOD_USEC)

static bool fault_code(u16 code)
{
    return code == PGM_SEGMENT_TRANS || code == PGM_PAGE_TRANS || code == PGM_PROTECTION;
}

void assist_begin(struct vm *vm, struct assist_mark *m)
{
    m->posted = vm->posted;
    m->resets = vm->resets;
    m->dispatches = task_dispatches;
    m->enables = vm->cpu.psw & PSW_ENABLES;
    m->cr0 = vm->cpu.cr[0];
    m->cr2 = vm->cpu.cr[2];
}

/* the PSW as vm_task would find it runnable: not waiting, valid, no
 * guest DAT (those go through the round, which reflects or stops) */
static bool psw_plain(u64 psw)
{
    return !psw_wait(psw) && psw370_valid(psw) && !psw370_dat(psw);
}

/* Does the PSW enable more than the round saw?  Then what was pending
 * and disabled may be deliverable now: ask, as the round would. */
static bool newly_enabled_pending(struct vm *vm, struct assist_mark *m)
{
    u64 e = vm->cpu.psw & PSW_ENABLES;

    if ((e & PSW_EC) != (m->enables & PSW_EC))
        return true;                            /* another format: the round */
    if (!(e & ~m->enables))
        return false;
    if (reflect_enabled_pending(vm))
        return true;
    m->enables = e;
    return false;
}

/* The exit is handled and nothing slept: may the guest go on without
 * the round?  (Shared by assist_resume and the fast path.) */
bool assist_go_on(struct vm *vm, struct assist_mark *m, s64 left)
{
    struct vcpu *c = &vm->cpu;

    /* something was posted for it, or its user or CP wants it stopped */
    if (vm->posted != m->posted || vm->state != VM_RUNNING || vm->stop_request ||
        vm->kill_request || vm->logoff_pending || vm->resets != m->resets)
        return false;
    /* the slice is over, or nearly */
    if (left < MIN_RUN)
        return false;
    if (!psw_plain(c->psw) || newly_enabled_pending(vm, m))
        return false;
    /* LCTL changed the external subclass or channel masks: what was
     * pending and masked may be enabled now (the round looks) */
    if (c->cr[0] != m->cr0 || c->cr[2] != m->cr2)
        return false;
    /* the CPU timer would run out within what is left: the round makes
     * the slice end there (and reflects it when it already has) */
    if ((c->cr[0] & CR0_CPU_TIMER) && psw_ext_enabled(c->psw) && c->cpu_timer < left)
        return false;
    vm->assisted++;
    return true;
}

/* The handler slept (a block read waited for its I/O, a line for room
 * on the terminal) and other tasks ran: they loaded the real control
 * registers and CPU timer for their own runs.  What is left of the
 * slice is what the round would find (the slice is wall-clock time
 * from its start, vm->slice_end, sleeps included); if the guest may go
 * on in it, the address space and the CPU timer are loaded again, as
 * the round would load them (a plain PSW: no DAT, no PER).  While it
 * slept, its user's CP commands ran: one that set TRACE or ADSTOP must
 * reach the next run, which only the round arms (so a machine that has
 * any, vm->debug, takes the round). */
static bool resume_after_sleep(struct vm *vm, struct assist_mark *m)
{
    s64 left = (s64)(vm->slice_end - tod_now());
    u32 std;

    if (vm->debug || left < MIN_RUN || !assist_go_on(vm, m, left))
        return false;
    std = gspace_std(&vm->mem);
    lctl(1, std);
    lctl(7, std);
    spt(left);
    m->dispatches = task_dispatches;
    return true;
}

bool assist_resume(struct vm *vm, int code, struct assist_mark *m, s64 left)
{
    if (!vm->user->assist_on)
        return false;
    /* page faults are the round's: resolving one may have moved this or
     * another machine's pages, and their cost is the page's, not the trap's */
    if (code == EXIT_PGM && fault_code(vm->exit.pgm_code & 0xFF))
        return false;
    /* the interval timer could not be counted down (page 0 was not in
     * storage): the round brings it in */
    if (vm->itimer_due)
        return false;
    /* CP's own interruptions (real I/O, timers) go on like the rest:
     * what one did for this machine it posted (vm->posted), and a task
     * it woke gets the CPU when the slice ends, as after the round */
    if (task_dispatches != m->dispatches)
        return resume_after_sleep(vm, m);
    return assist_go_on(vm, m, left);
}
