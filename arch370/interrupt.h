/* interrupt.h - the contract between the interrupt entry code
 * (arch370/s390/entry.S) and CP.
 *
 * CP runs disabled for I/O and external interruptions everywhere except
 * at two points: while the real CPU runs a guest (enter_guest) and while
 * CP waits with nothing to do (cpu_wait).  Both return when the first
 * interruption arrives, with a code saying which class it was; the old
 * PSW and interruption details are then in the real low core.  There is
 * therefore never an interruption in the middle of CP code, so CP needs
 * no locks.  A program check, machine check, SVC or restart while CP
 * itself runs is a CP fault and ends in cp_fault() (cp/kern/abend.c). */
#ifndef ARCH370_INTERRUPT_H
#define ARCH370_INTERRUPT_H

#include "arch370/types.h"
#include "arch370/assist.h"

enum exit_code {
    EXIT_EXT = 1,       /* external interruption */
    EXIT_SVC = 2,       /* SVC (guest only) */
    EXIT_PGM = 3,       /* program interruption (guest only) */
    EXIT_IO  = 5,       /* I/O interruption */
    EXIT_ASSIST = EXIT_ASSIST_CODE, /* a trap the stub did; CP's round next
                                       (arch370/assist.h) */
};

enum fault_class {
    FAULT_PGM = 1,      /* program check in CP */
    FAULT_MCK = 2,      /* machine check */
    FAULT_SVC = 3,      /* SVC in CP */
    FAULT_RESTART = 4,  /* operator pressed restart */
    FAULT_SOFT = 5,     /* CP detected an impossible state (cp_abend) */
};

/* What enter_guest loads and saves; offsets are used by entry.S. */
struct guest_ctx {
    u32 gpr[16];        /* +0   */
    u64 psw;            /* +64  ESA/390 PSW to run, 8-byte aligned */
    u64 fpr[4];         /* +72  FPRs 0, 2, 4, 6 */
    u32 ar[16];         /* +104 access registers: problem-state SAR/LAM can
                           set them, so each guest has its own */
    struct guest_assist a;  /* +168 GA_BASE: what the stubs may do */
} __attribute__((aligned(8)));

#if defined(__s390__) && !defined(__s390x__)
_Static_assert(__builtin_offsetof(struct guest_ctx, a) == GA_BASE, "GA_BASE");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.pagetab) == GA_PAGETAB, "GA_PAGETAB");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.cpt_off) == GA_CPT_OFF, "GA_CPT_OFF");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.ntraps) == GA_NTRAPS, "GA_NTRAPS");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.spt) == GA_SPT, "GA_SPT");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.page0) == GA_PAGE0, "GA_PAGE0");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.dtlb) == GA_DTLB, "GA_DTLB");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.vm) == GA_VM, "GA_VM");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.quiet) == GA_QUIET, "GA_QUIET");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.ckc) == GA_CKC, "GA_CKC");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.timer) == GA_TIMER, "GA_TIMER");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.vinsns) == GA_VINSNS, "GA_VINSNS");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.pgm_loop) == GA_PGM_LOOP, "GA_PGM_LOOP");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.itlb) == GA_ITLB, "GA_ITLB");
_Static_assert(__builtin_offsetof(struct guest_ctx, a.ckc_set) == GA_CKC_SET, "GA_CKC_SET");
_Static_assert(sizeof(struct guest_ctx) == GA_END, "GA_END");
#endif

/* Run the guest until the next interruption; returns an exit_code. */
int enter_guest(struct guest_ctx *g);

/* Enabled wait for I/O, external and machine-check interruptions with the
 * PSW mask given; returns EXIT_IO or EXIT_EXT. */
int cpu_wait(void);

/* Install the new PSWs that lead to the entry stubs. */
void install_new_psws(void);

/* Is this real address backed by storage?  (addressing-exception probe) */
int mem_probe(u32 addr);

/* Load a disabled wait PSW whose address field is the wait code. */
void disabled_wait(u32 code) __attribute__((noreturn));

/* Cooperative task switch: save r6-r15 in from, load them from to. */
struct task_ctx { u32 r[10]; };         /* r6..r15 */
void task_switch(struct task_ctx *from, const struct task_ctx *to);
void task_trampoline(void);             /* r6 = fn, r7 = arg */

#endif
