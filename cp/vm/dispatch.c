/* dispatch.c - each virtual machine's task: run the guest, handle exits.
 *
 * The task runs the guest with enter_guest for at most one time slice
 * (CP's CPU timer), then looks at why it came back:
 *   program interruption  a page to give or bring in, a store into a
 *                         shared page (cp/vm/pgfault.c), a privileged or
 *                         I/O instruction to simulate, or the guest's own
 *                         exception to reflect;
 *   SVC                   the guest's own, reflected;
 *   external, I/O         CP's (timers, real devices): handled, go on.
 * Before each run it delivers the pending interruptions the guest is
 * enabled for; a guest in an enabled wait state sleeps, using no CPU,
 * until something is pending; a disabled wait or a program-interruption
 * loop stops the VM with a message to its user. */
#include "cp/vm/dispatch.h"
#include "cp/vm/reflect.h"
#include "cp/vm/priv.h"
#include "cp/vm/assist.h"
#include "cp/vm/fastpath.h"
#include "cp/vm/trapassist.h"
#include "cp/vm/vdev.h"
#include "cp/kern/task.h"
#include "cp/kern/intr.h"
#include "cp/vm/pgfault.h"
#include "cp/vm/shadow.h"
#include "cp/vm/vmdebug.h"
#include "cp/vm/trace.h"
#include "cp/vm/user.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"
#include "arch370/prefix.h"
#include "arch370/lowcore.h"
#include "arch370/be.h"

/* PGM_LOOP_LIMIT: cp/vm/fastpath.h */

bool dispatch_slice_over;
static void (*logoff_fn)(struct user *u);

void dispatch_logoff_register(void (*logoff)(struct user *u))
{
    logoff_fn = logoff;
}

void dispatch_stop(struct vm *vm, const char *fmt, u64 psw)
{
    vm->state = VM_STOPPED;
    user_tell(vm->user, fmt, (u32)(psw >> 32), (u32)psw);
}

/* Can the PSW be run as it is?  Reflects or stops if not. */
static bool psw_runnable(struct vm *vm)
{
    u64 psw = vm->cpu.psw;

    if (!psw370_valid(psw)) {
        /* early exception recognition: ILC 0, the bad PSW is the old PSW */
        if (++vm->pgm_loop > PGM_LOOP_LIMIT) {
            dispatch_stop(vm, "CPX401E Program check loop, PSW %08X %08X; VM stopped", psw);
            return false;
        }
        reflect_program(vm, PGM_SPECIFICATION, 0);
        return false;
    }
    return true;
}

static bool enabled_for_anything(u64 psw)
{
    if (psw_ext_enabled(psw))
        return true;
    if (psw370_is_ec(psw))
        return (psw & PSW_IO) != 0;
    return (psw & PSW_BC_CHANMASKS) != 0;
}

/* The interval timer at X'50' counts down in units of 1/(300 * 256)
 * second (bit 31): 53,333 1/3 TOD units, so a run of `used` TOD units
 * is used * 3 / 160000 units, in 32-bit arithmetic for any run shorter
 * than IT_RUN_MAX (every run but a whole slice).  What is less than one
 * unit carries over to the next run (vm->itimer_rem, in thirds of a TOD
 * unit): a guest that traps at every instruction (TRACE INSTRUCT) would
 * otherwise never see its timer counted down. */
/* IT_UNIT_THIRDS and IT_RUN_MAX: cp/vm/fastpath.h */

static u32 interval_units(struct vm *vm, u64 used)
{
    u64 big;
    u32 thirds;

    if (used >= IT_RUN_MAX) {
        big = used * 3 + vm->itimer_rem;
        vm->itimer_rem = big % IT_UNIT_THIRDS;
        return (u32)(big / IT_UNIT_THIRDS);
    }
    /* < 3 * 2**30 + 160000: fits in 32 bits */
    thirds = (u32)used * 3 + (u32)vm->itimer_rem;
    vm->itimer_rem = thirds % IT_UNIT_THIRDS;
    return thirds / IT_UNIT_THIRDS;
}

/* Take what is due off the interval timer at X'50', if page 0 is in
 * storage: right after an exit (may_sleep false) only when it is resident,
 * since nothing there may sleep before the exit's handlers are done;
 * from the round (may_sleep true) it is brought in.  A page 0 that holds
 * nothing (never touched) has no timer to count down. */
static void itimer_apply(struct vm *vm, bool may_sleep)
{
    u8 *p = gmem_fast(&vm->mem, LC370_TIMER, 4, true);
    u32 it, nv;

    if (!p) {
        if (!may_sleep)
            return;                             /* stays due */
        if (!gspace_has_data(&vm->mem, LC370_TIMER) ||
            !gspace_frame(&vm->mem, LC370_TIMER, true)) {
            vm->itimer_due = 0;
            return;
        }
        p = gmem_fast(&vm->mem, LC370_TIMER, 4, true);
        if (!p)
            return;                             /* taken again meanwhile: next round */
    }
    it = get_be32(p);
    nv = it - vm->itimer_due;
    vm->itimer_due = 0;
    put_be32(p, nv);
    if ((s32)it >= 0 && (s32)nv < 0) {
        vm->cpu.ext_pending |= VEXT_INTERVAL;
        vm->posted++;
    }
}

/* Virtual CPU time passes: the user's virtual time, the CPU timer, the
 * interval timer.  Called right after an exit, before its handlers have
 * read what it left in the real low core, so it never sleeps: a page 0
 * that is not in storage keeps the units due for the round
 * (itimer_apply).  CP's own time is charged by the task's clock instead
 * (charge_cp). */
static void account(struct vm *vm, u64 used)
{
    struct vcpu *c = &vm->cpu;
    u32 dec;

    vm->user->virt_tod += used;
    c->cpu_timer -= (s64)used;
    dec = interval_units(vm, used);
    if (!dec && !vm->itimer_due)
        return;                 /* most runs between two traps */
    vm->itimer_due += dec;
    itimer_apply(vm, false);
}

/* Charge the user what CP did for him since the last charge: the VM
 * task's own CPU time (cp/kern/task.c), which holds the guest's runs,
 * every simulation, the dispatcher's rounds, page faults taken in this
 * task and the real interruptions handled while it ran, and never the
 * time other tasks ran while it slept. */
static void charge_cp(struct vm *vm)
{
    u64 t = task_cpu_tod_of(vm->task), n = task_insns_of(vm->task);

    vm->user->total_tod += t - vm->acct_mark;
    vm->acct_mark = t;
    vm->user->total_insns += n - vm->insn_mark;
    vm->insn_mark = n;
}

/* The charge brought up to date from outside the round (cp/vm/acct.h):
 * the short path lets a guest run for a whole slice, and a handler sleep
 * for as long as it waits (VM READ), without a round, so what the task
 * did since the last round is added before anyone reads the total. */
void dispatch_charge(struct vm *vm)
{
    if (vm && vm->task)
        charge_cp(vm);
}

/* A program interruption at the first instruction of the guest's own
 * program-interruption handler, again and again, is a loop no guest can
 * leave: stop the VM instead of spinning. */
static bool program_loop(struct vm *vm, u16 code, u8 ilc)
{
    u32 at = psw370_ia(vm->cpu.psw);

    if (code != PGM_SEGMENT_TRANS && code != PGM_PAGE_TRANS)
        at = (at - ilc) & GADDR_MASK;
    if (at == vm->pgm_new_ia && vm->pgm_reflected)
        vm->pgm_loop++;
    else
        vm->pgm_loop = 0;
    if (vm->pgm_loop < PGM_LOOP_LIMIT)
        return false;
    dispatch_stop(vm, "CPX401E Program check loop, PSW %08X %08X; VM stopped", vm->cpu.psw);
    return true;
}

/* MONITOR CALL: the real CR8 enables every class, so each MC traps; the
 * guest gets the monitor-event interruption only for the classes its own
 * CR8 enables, otherwise MC is a no-operation, as on S/370. */
static void monitor_event(struct vm *vm, u8 ilc)
{
    u8 cls = vm->exit.mon_class;

    if (!(vm->cpu.cr[8] & (0x8000u >> cls)))
        return;
    gmem_store16(&vm->mem, LC370_MON_CLASS, cls);
    gmem_store32(&vm->mem, LC370_MON_CODE, vm->exit.mon_code);
    reflect_program(vm, PGM_MONITOR, ilc);
}

static void handle_program(struct vm *vm)
{
    u16 code = vm->exit.pgm_code & 0xFF;
    u8 ilc = vm->exit.ilc;

    if (code & PGM_PER) {               /* TRACE BRANCH/INSTRUCT: CP's, not the guest's */
        trace_per_event(vm, vm->exit.per_code, vm->exit.per_addr);
        code &= (u16)~PGM_PER;
        if (!code)
            return;
    }
    if (program_loop(vm, code, ilc))
        return;

    switch (code) {
    case PGM_SEGMENT_TRANS:
    case PGM_PAGE_TRANS:
        /* with DAT on the TEA is the guest's virtual address */
        if (psw370_dat(vm->cpu.psw))
            shadow_translation(vm, ilc);
        else
            pgfault_translation(vm, ilc);
        return;
    case PGM_PROTECTION:
        if (psw370_dat(vm->cpu.psw) ? !shadow_protection(vm, ilc) : !pgfault_protection(vm, ilc))
            reflect_program(vm, code, ilc);
        return;
    case PGM_OPERATION:
        if (adstop_hit(vm, ilc))
            return;
        /* fall through */
    case PGM_PRIVILEGED:
    case PGM_SPECIAL_OPERATION:
        if (priv_simulate(vm, code, ilc) < 0)
            dispatch_stop(vm, "CPX404E CP could not complete an instruction, PSW %08X %08X; VM stopped",
                      vm->cpu.psw);
        return;
    case PGM_DATA:
        /* AFP-register (DXC 1) and BFP (DXC 2) data exceptions come from
         * ESA/390 floating point a S/370 does not have */
        if (vm->exit.dxc == 1)
            code = PGM_SPECIFICATION;
        else if (vm->exit.dxc == 2)
            code = PGM_OPERATION;
        reflect_program(vm, code, ilc);
        return;
    case PGM_MONITOR:
        monitor_event(vm, ilc);
        return;
    case PGM_TRANS_SPEC:
        dispatch_stop(vm, "CPX405E Translation specification at PSW %08X %08X; VM stopped", vm->cpu.psw);
        return;
    default:
        reflect_program(vm, code, ilc);
        return;
    }
}

/* Take back the real PSW of an exit.  What the guest set natively in the
 * ESA/390 PSW (31-bit addressing, secondary-space mode) stays set across
 * exits it does not see; LPSW or a reflected interruption replaces the
 * PSW and ends it.  An instruction address beyond 16 MB, which only a
 * branch in 31-bit mode reaches and no S/370 PSW can hold, is beyond any
 * guest's storage too: the guest gets an addressing exception (ILC 0, as
 * for an instruction fetch), with the 24 bits of the address its old PSW
 * has room for, and the exit itself is not the guest's any more. */
static bool fold_real_psw(struct vm *vm, u64 rpsw)
{
    struct vcpu *c = &vm->cpu;

    c->esa_mode = rpsw & PSW_ESA_MODE;
    c->psw = psw370_after_run(c->psw, rpsw);
    if (psw390_ia_fits(rpsw))
        return true;
    reflect_program(vm, PGM_ADDRESSING, 0);
    return false;
}

/* A real I/O or external interruption taken while this guest ran is
 * CP's: what it does (the completion of whoever's I/O it was, CP's own
 * timers) is not work for this user, so its time and instructions are
 * left out of his charge (charge_cp counts from the marks).  It never
 * sleeps: interruption handlers may not. */
static void dispatch_interruption(struct vm *vm, int code)
{
    u64 t = task_cpu_tod(), n = task_insns();

    intr_dispatch(code);
    vm->acct_mark += task_cpu_tod() - t;
    vm->insn_mark += task_insns() - n;
}

/* Handle one exit the general way. */
static void handle_exit(struct vm *vm, int code, s64 left)
{
    bool folded;

    if (code != EXIT_PGM && code != EXIT_SVC) {
        /* CP's own interruption, first: fold_real_psw may sleep, and its
         * details are only in the real low core */
        dispatch_interruption(vm, code);
        vm->pgm_loop = 0;
        if (left <= 0)
            dispatch_slice_over = true;
        fold_real_psw(vm, vm->exit.psw);
        return;
    }
    folded = fold_real_psw(vm, vm->exit.psw);
    if (code == EXIT_PGM) {
        if (folded)
            handle_program(vm);
        return;
    }
    vm->pgm_loop = 0;
    if (folded)
        reflect_svc(vm, vm->exit.svc_code, vm->exit.ilc);
}

/* Copy what the real machine stored for this exit before anything can
 * sleep (struct vexit); a program interruption's extra fields only when
 * its code says they were stored. */
static void capture_exit(struct vm *vm, int code)
{
    struct vexit *x = &vm->exit;
    u16 pic;

    switch (code) {
    case EXIT_PGM:
        x->psw = lc_pgm_old_psw();
        x->pgm_code = pic = lc_pgm_code();
        x->ilc = lc_pgm_ilc();
        x->tea = lc_tea();
        if (pic & PGM_PER) {
            x->per_code = lc_per_code();
            x->per_addr = lc_per_addr();
        }
        if ((pic & 0x7F) == PGM_DATA)
            x->dxc = lc_dxc();
        if ((pic & 0x7F) == PGM_MONITOR) {
            x->mon_class = lc_mon_class();
            x->mon_code = lc_mon_code();
        }
        break;
    case EXIT_SVC:
        x->psw = lc_svc_old_psw();
        x->svc_code = lc_svc_code();
        x->ilc = lc_svc_ilc();
        break;
    case EXIT_EXT:
        x->psw = lc_ext_old_psw();
        break;
    case EXIT_IO:
        x->psw = lc_io_old_psw();
        break;
    default:
        x->psw = 0;
        break;
    }
}

/* A run whose traps the interruption stub may do ends for the interval
 * timer (trapassist_slice), at least a microsecond from now: how long it
 * may be of the `run` left, and in *beyond what is left of the slice
 * after it (ending there is not the end of the slice). */
static s64 itimer_cut(struct vm *vm, s64 run, s64 *beyond)
{
    s64 cut = trapassist_slice(vm, run);

    if (cut < (s64)TOD_USEC)
        cut = (s64)TOD_USEC;
    *beyond = run - cut;
    return cut;
}

/* Run the guest for at most what is left of its time slice.  After an
 * exit CP handled, the short path (cp/vm/assist.c, SET ASSIST ON) may
 * let it go on at once, without the round of vm_task. */
static void run_guest(struct vm *vm, s64 slice)
{
    struct vcpu *c = &vm->cpu;
    struct assist_mark mark;
    s64 run, left, beyond = 0;
    u64 used;
    u32 slept;
    int code;
    u32 per, per_start, per_end, std;
    bool fast;

    /* guest real = CP virtual; with the guest's DAT on, its shadow tables
     * (first: making them may sleep, and other runs load the CRs meanwhile) */
    std = psw370_dat(c->psw) ? shadow_std(vm) : gspace_std(&vm->mem);
    if (!std) {
        dispatch_stop(vm, "CPX409E No real storage for the shadow tables of your virtual storage, "
                      "PSW %08X %08X; VM stopped", c->psw);
        return;
    }
    if (slice < (s64)TOD_USEC)
        slice = (s64)TOD_USEC;
    if ((c->cr[0] & 0x00000400u) && psw_ext_enabled(c->psw) && c->cpu_timer >= 0 &&
        c->cpu_timer < slice)
        slice = c->cpu_timer + 1;               /* stop when its CPU timer runs out */
    c->ctx.psw = psw390_for_guest(c->psw) | c->esa_mode;
    if ((per = trace_per_arm(vm, &per_start, &per_end)) != 0) {
        c->ctx.psw |= PSW_PER;          /* TRACE BRANCH/INSTRUCT: this run only */
        lctl(9, per);
        lctl(10, per_start);
        lctl(11, per_end);
    }
    lctl(1, std);
    lctl(7, std);                       /* secondary space = the same space */
    intr_arm_clock();
    dispatch_slice_over = false;
    assist_begin(vm, &mark);
    fast = fast_allowed(vm, per != 0);
    if (fast)
        slice = itimer_cut(vm, slice, &beyond);
    spt(slice);
    run = slice;
    if (fast)
        trapassist_begin(vm, run);
    for (;;) {
        trapassist_arm(vm, fast, run);
        code = enter_guest(&c->ctx);
        left = stpt();
        trapassist_collect(vm, run);
        vm->user->virt_insns += lc_run_insns();
        used = left < run ? (u64)(run - (left > 0 ? left : 0)) : 0;
        /* the stub did a trap that needs the round (arch370/assist.h):
         * the PSW it left is the real one to fold back */
        if (code == EXIT_ASSIST) {
            account(vm, used);
            fold_real_psw(vm, c->ctx.psw);
            break;
        }
        /* the common traps first (cp/vm/fastpath.c): done on the saved
         * state and the guest entered again, or left untouched (apart
         * from the run's virtual time, then already counted).  Not when
         * the stub was armed: what it left the fast path leaves too. */
        if (fast && !c->ctx.a.on && fast_account(vm, used)) {
            enum fast_result r = fast_exit(vm, code, left, &mark);

            if (r == FAST_ROUND)
                break;
            if (r == FAST_RESUME) {
                run = stpt();
                if (run < (s64)TOD_USEC)
                    break;
                continue;
            }
            used = 0;
        }
        /* from here to intr_dispatch() nothing may sleep: a real external
         * or I/O interruption's details are still only in the real low
         * core (a program or SVC exit's are copied at once) */
        capture_exit(vm, code);
        vm->exits++;
        account(vm, used);
        handle_exit(vm, code, left + beyond);
        /* a traced run (PER armed for TRACE BRANCH/INSTRUCT) always goes
         * back through the round, which arms PER again for the next
         * instruction: no event may run past the trace */
        slept = mark.dispatches;
        if (per || !assist_resume(vm, code, &mark, left))
            break;
        /* CP's work since the exit counts against the slice too: when
         * that ends it, the round must run (an expired CPU timer would
         * also make the next exit's run look negative) */
        run = stpt();
        if (run < (s64)TOD_USEC)
            break;
        if (fast && mark.dispatches != slept) {
            /* it slept, and its CPU timer was set to what is left of the
             * slice: the interval timer's end again */
            s64 cut = itimer_cut(vm, run, &beyond);
            if (cut < run) {
                run = cut;
                spt(run);
            }
        }
        c->ctx.psw = psw390_for_guest(c->psw) | c->esa_mode;
        intr_arm_clock();
    }
    spt(0x7FFFFFFFFFFFFFFFll);
}

static void service_devices(struct vm *vm)
{
    for (struct vdev *d = vm->devs; d; d = d->next)
        if (d->ops && d->ops->service)
            d->ops->service(vm, d);
}

static void vm_task(void *arg)
{
    struct vm *vm = arg;
    u64 slice_start = tod_now();

    vm->acct_mark = task_cpu_tod();
    vm->insn_mark = task_insns();
    while (!vm->kill_request) {
        u64 used = tod_now() - slice_start;
        charge_cp(vm);
        if (used >= TIME_SLICE_TOD || dispatch_slice_over) {
            /* its turn is over: let every other task run first */
            dispatch_slice_over = false;
            task_yield();
            slice_start = tod_now();
            used = 0;
        }
        service_devices(vm);
        if (vm->itimer_due)
            itimer_apply(vm, true);             /* page 0 was out at the exit */
        if (vm->state == VM_STOPPED) {
            task_sleep(vm);
            continue;
        }
        if (reflect_pending(vm))
            continue;                           /* the new PSW may enable more */
        if (psw_wait(vm->cpu.psw)) {
            if (!enabled_for_anything(vm->cpu.psw)) {
                dispatch_stop(vm, "CPX400W Disabled wait state, PSW %08X %08X; VM stopped", vm->cpu.psw);
                continue;
            }
            vm->state = VM_WAITING;
            task_sleep(vm);
            if (vm->state == VM_WAITING)
                vm->state = VM_RUNNING;
            slice_start = tod_now();
            continue;
        }
        if (!psw_runnable(vm))
            continue;
        vm->slice_end = slice_start + TIME_SLICE_TOD;
        run_guest(vm, (s64)(TIME_SLICE_TOD - used));
    }
    charge_cp(vm);
    vm->task = NULL;
    task_wakeup(&vm->task);
    if (vm->logoff_pending && logoff_fn)
        logoff_fn(vm->user);                    /* LOGOFF from inside: now */
    task_exit();
}

int dispatch_start(struct vm *vm)
{
    vm->acct_mark = vm->insn_mark = 0;         /* the new task's clocks start at 0 */
    vm->task = task_create("VM", vm_task, vm);
    return vm->task ? 0 : -1;
}

void dispatch_end(struct vm *vm)
{
    vm->kill_request = true;
    vm_kick(vm);
    while (vm->task && vm->task != current)
        task_sleep(&vm->task);
}
