/* trapassist.c - arming the interruption stubs (see trapassist.h). */
#include "cp/vm/trapassist.h"
#include "cp/vm/fastpath.h"
#include "cp/vm/reflect.h"
#include "cp/vm/user.h"
#include "cp/vm/priv.h"
#include "cp/kern/timer.h"
#include "cp/mm/gmem.h"
#include "arch370/lowcore.h"
#include "arch370/be.h"

/* X'50' is brought up to date at least every 1/300 second of the
 * guest's time (its bit 23: the coarsest interval timer a S/370 may
 * have), and as it goes negative. */
#define IT_STEP_TOD     ((s64)(TOD_SEC / 300))
#define IT_STEP_UNITS   256u
#define CR0_CPU_TIMER   0x00000400u     /* bit 21 */

s64 trapassist_slice(struct vm *vm, s64 slice)
{
    const u8 *p0 = gmem_fast(&vm->mem, 0, PAGE_SIZE, false);
    s64 t = IT_STEP_TOD;

    if (p0) {
        s32 it = (s32)get_be32(p0 + LC370_TIMER);
        /* fits in 32 bits: 256 units of 160,000 thirds of a TOD unit */
        if (it >= 0 && (u32)it < IT_STEP_UNITS)
            t = (s64)((((u32)it + 1) * IT_UNIT_THIRDS - (u32)vm->itimer_rem) / 3);
    }
    return t < slice ? t : slice;
}

_Static_assert(PGM_LOOP_LIMIT == GA_PGM_LOOP_LIMIT, "one program-check loop limit");

/* what holds for the whole short path (the rules of assist_go_on: it
 * ends when CR0 or the storage changes) */
void trapassist_begin(struct vm *vm, s64 run)
{
    struct guest_assist *a = &vm->cpu.ctx.a;

    /* "quiet" holds until something is posted or CR0 changes (a clock
     * comparator passing posts too); "not quiet" is looked at again */
    if (!a->q_quiet || vm->posted != a->q_posted || vm->cpu.cr[0] != a->q_cr0) {
        a->q_quiet = reflect_quiet(vm, run);
        a->q_posted = vm->posted;
        a->q_cr0 = vm->cpu.cr[0];
    }
    a->quiet = a->q_quiet;
    a->vm = vm;
    a->cr0 = vm->cpu.cr[0];
    a->size = vm->mem.size;
    a->pagetab = vm->mem.pagetab;
    a->ntraps = a->npriv = a->npgm = a->vinsns = a->spt = a->ckc_set = 0;
}

/* what may change between two entries (the C handlers of an exit) */
void trapassist_arm_run(struct vm *vm, s64 run)
{
    struct vcpu *c = &vm->cpu;
    struct guest_assist *a = &c->ctx.a;
    u8 *p0 = gmem_fast(&vm->mem, 0, PAGE_SIZE, true);

    if (!p0)
        return;                                 /* page 0 out or shared: C */
    a->vpsw = c->psw;
    a->page0 = (u32)(uintptr_t)p0;
    /* a CPU timer set since the round (SPT done in C) may run out now */
    if ((c->cr[0] & CR0_CPU_TIMER) && c->cpu_timer < run)
        a->quiet = 0;
    a->pgm_ia = vm->pgm_reflected ? vm->pgm_new_ia : 0xFFFFFFFFu;
    a->pgm_loop = vm->pgm_loop;
    a->cpt_off = c->cpu_timer - run;
    a->ckc = c->clock_comparator;
    a->itlb.page = a->itlb.wpage = a->dtlb.page = a->dtlb.wpage = 0xFFFFFFFFu;
    /* the counts are 0: collect took them (and begin set them so) */
    a->on = 1;
}

void trapassist_collect_run(struct vm *vm, s64 run)
{
    struct vcpu *c = &vm->cpu;
    struct guest_assist *a = &c->ctx.a;

    c->psw = a->vpsw;
    if (!a->ntraps) {
        a->idle++;
        return;
    }
    a->idle = 0;
    vm->exits += a->ntraps;
    vm->fast += a->ntraps;
    vm->priv_ops += a->npriv;
    vm->pgm_loop = a->pgm_loop;
    if (a->npgm) {
        vm->pgm_reflected += a->npgm;
        vm->pgm_new_ia = a->pgm_ia;
    }
    vm->user->virt_insns += a->vinsns;
    if (a->spt)
        c->cpu_timer = a->cpt_off + run;
    if (a->ckc_set) {
        /* the real clock comparator is set already; CP's queue follows
         * before any timer is looked at */
        c->clock_comparator = a->ckc;
        vtimer_arm_ckc(vm);
    }
    a->ntraps = a->npriv = a->npgm = a->vinsns = a->spt = a->ckc_set = 0;
}
