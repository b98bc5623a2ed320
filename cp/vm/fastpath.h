/* fastpath.h - the exit path for the common traps (SET ASSIST ON).
 *
 * Most exits of a guest are the same dozen instructions (SSM, STNSM,
 * STOSM, LPSW, the keys, the timers, DIAGNOSE X'60') and its own SVCs and
 * program checks.  VM/370 met them with fast paths in CP and then
 * ECPS:VM's microcode.  Here, right after enter_guest() returns, before
 * the general exit handling (capture_exit, account, handle_exit, the
 * handler tables), fast_exit() looks at the saved state and either does
 * the whole thing on it and lets the guest go on at once, or leaves the
 * exit untouched for the general path.
 *
 * The invariants that make this safe:
 *   - nothing here sleeps, so the real low core still holds this exit's
 *     details while they are read, and no other task runs;
 *   - every condition in which the general path would do anything but
 *     the plain success case (an exception to reflect, a page not in
 *     storage, a shared page to copy, a privilege or specification check
 *     that fails, an interval-timer unit falling due, TRACE, guest DAT)
 *     is tested before anything is changed, and the exit is then left
 *     to the general path, which gives the guest the same result it
 *     always did;
 *   - after the simulation the guest goes on only when assist_go_on()
 *     (cp/vm/assist.c) finds nothing the dispatcher's round would have
 *     acted on; otherwise the round runs, as after any other exit. */
#ifndef CP_VM_FASTPATH_H
#define CP_VM_FASTPATH_H

#include "cp/vm/vm.h"
#include "cp/vm/user.h"
#include "cp/vm/assist.h"

enum fast_result {
    FAST_NOT_MINE,      /* untouched: the general path handles the exit */
    FAST_RESUME,        /* done: enter the guest again at once */
    FAST_ROUND,         /* done: but the dispatcher's round must run first */
};

/* The interval timer at X'50' counts in units of 1/(300 * 256) second,
 * 53,333 1/3 TOD units: a run is counted in thirds of a TOD unit (the
 * rest below one unit carries in vm->itimer_rem).  A run of IT_RUN_MAX
 * TOD units or more needs 64-bit arithmetic. */
#define IT_UNIT_THIRDS  160000u
#define IT_RUN_MAX      0x40000000u

/* program checks at the guest's own handler's first instruction, in a
 * row, that stop the VM (CPX401E; dispatch.c) */
#define PGM_LOOP_LIMIT  32

/* Virtual time passes for a run of `used` TOD units, when that takes no
 * interval-timer unit off X'50' (the common case: a few instructions
 * between two traps).  False, and nothing done, when a unit falls due:
 * account() in dispatch.c does that one. */
static inline bool fast_account(struct vm *vm, u64 used)
{
    u32 thirds;

    if (used >= IT_RUN_MAX || vm->itimer_due)
        return false;
    thirds = (u32)used * 3 + (u32)vm->itimer_rem;
    if (thirds >= IT_UNIT_THIRDS)
        return false;
    vm->itimer_rem = thirds;
    vm->user->virt_tod += used;
    vm->cpu.cpu_timer -= (s64)used;
    return true;
}

/* May this run's exits take the fast path at all?  Not with SET ASSIST
 * OFF, a traced run (TRACE of any class: its hooks are in the general
 * path) or the guest's own DAT (the instruction and its operands are
 * then virtual addresses). */
bool fast_allowed(struct vm *vm, bool per);

/* After enter_guest() returned code, with `left` on the real CPU timer
 * and the run already accounted (fast_account).  FAST_RESUME also sets
 * the real PSW for the next entry (vm->cpu.ctx.psw). */
enum fast_result fast_exit(struct vm *vm, int code, s64 left, struct assist_mark *m);

/* ISK and SSK for the interruption stub (arch370/assist.h), on the
 * guest's registers gpr (regs: the instruction's second byte; psw_hi:
 * the left half of the guest's PSW): 0 not done, 1 done */
int fast_stub_isk(struct vm *vm, u32 regs, u32 *gpr, u32 psw_hi);
int fast_stub_ssk(struct vm *vm, u32 regs, u32 *gpr);

#endif
