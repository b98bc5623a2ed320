/* assist.h - what the interruption stubs may do without CP's C code.
 *
 * ECPS:VM put the commonest simulations of VM/370 into the microcode:
 * LPSW, SSM, STNSM, STOSM, the SVC reflection.  Here the same step is
 * taken in the program and SVC interruption stubs (arch370/s390/assist.S):
 * when a guest run armed for it (struct guest_assist.on) ends in one of
 * the traps below, the stub simulates it on the registers it has just
 * saved and loads the guest again, without returning from enter_guest().
 *
 *   SSM, STNSM, STOSM, LPSW, SPKA, IPK, STPT, SPT, SCKC, STCKC,
 *   DIAGNOSE X'60'
 *                in the guest's supervisor state, operands in storage;
 *   ISK, SSK     the same, the keys themselves by CP's C code on CP's
 *                stack (fast_stub_isk/ssk: they live in CP's frame table)
 *   SVC          reflected: old PSW to X'20', new PSW from X'60'
 *   program      reflected, for the exceptions CP only reflects
 *                (execute, addressing, specification, X'08'-X'0F')
 *
 * Everything else, and every case above that is not its plain success
 * (an operand page not resident, a store into a shared page, a
 * specification exception, the program-check loop limit), leaves the
 * stub untouched
 * and CP's C code handles the exit as always: the stub decides before it
 * changes anything.  A case that succeeds but makes more enabled while
 * something may be pending (struct guest_assist.quiet is off), or loads
 * a PSW CP must look at (wait, DAT, an invalid one, the other format),
 * is done and then returns EXIT_ASSIST, for CP's round.
 *
 * The stub works with the guest's DAT off only (guest real addresses are
 * CP's page tables of the guest storage, read as gmem_fast() does) and
 * never sleeps.  It does not count the interval timer at X'50' down: CP
 * ends such a run where X'50' would go negative, and at least every
 * 1/300 second (trapassist_slice), and brings X'50' up to date then.
 * The block below is filled by CP before each entry and
 * read back after it (cp/vm/trapassist.c); the offsets are fixed so the
 * assembler and C agree without a generated header. */
#ifndef ARCH370_ASSIST_H
#define ARCH370_ASSIST_H

/* offsets in struct guest_ctx (arch370/interrupt.h) */
#define GA_BASE         168
#define GA_ON           (GA_BASE + 0)   /* nonzero: the stubs may handle traps */
#define GA_QUIET        (GA_BASE + 4)   /* nothing can be pending: enabling more is safe */
#define GA_VPSW         (GA_BASE + 8)   /* 8: the S/370 PSW (CC, IA folded at reflections) */
#define GA_CR0          (GA_BASE + 16)  /* the guest's CR0 */
#define GA_SIZE         (GA_BASE + 20)  /* bytes of guest storage the stub may address */
#define GA_PAGETAB      (GA_BASE + 24)  /* -> 16 page-table addresses, one per 1M segment */
#define GA_PGM_IA       (GA_BASE + 28)  /* the program new PSW's address of the last
                                           reflection, or X'FFFFFFFF' */
#define GA_CPT_OFF      (GA_BASE + 32)  /* 8: guest CPU timer = this + real CPU timer */
#define GA_CKC          (GA_BASE + 40)  /* 8: the guest's clock comparator */
#define GA_TIMER        (GA_BASE + 48)  /* 8: scratch for STPT */
#define GA_NTRAPS       (GA_BASE + 56)  /* traps the stubs handled */
#define GA_NPRIV        (GA_BASE + 60)  /* ... of them simulated instructions */
#define GA_NPGM         (GA_BASE + 64)  /* ... of them program interruptions reflected */
#define GA_VINSNS       (GA_BASE + 68)  /* instructions of the guest's runs that ended in them */
#define GA_SPT          (GA_BASE + 72)  /* nonzero: SPT changed GA_CPT_OFF */
#define GA_PGM_LOOP     (GA_BASE + 76)  /* program checks in a row at GA_PGM_IA */
#define GA_LOOP_NEXT    (GA_BASE + 80)  /* ... after the trap being done (scratch) */
#define GA_PAGE0        (GA_BASE + 84)  /* real address of page 0, resident and its own, or 0 */
#define GA_ITLB         (GA_BASE + 88)  /* the last instruction page: struct ga_tlb */
#define GA_DTLB         (GA_BASE + 100) /* the last operand page */
#define GA_CKC_SET      (GA_BASE + 112) /* nonzero: SCKC changed GA_CKC (CP's timer
                                           queue is brought up to date after the run) */
#define GA_VM           (GA_BASE + 116) /* -> CP's virtual machine, for the C it calls */
/* GA_BASE + 120: CP's own (what the last quiet test found, how useful
   the stub was lately) */
#define GA_END          (GA_BASE + 144)

/* a one-entry cache of the stub's own translations, good for one
 * enter_guest(): nothing that changes CP's page tables runs before the
 * stub returns to C, and CP empties it at every entry */
#define TLB_PAGE        0               /* guest page number, or -1 */
#define TLB_WPAGE       4               /* the same when a store may go there, or -1 */
#define TLB_FRAME       8               /* its real frame */

/* that many in a row stop the VM: CP's (cp/vm/fastpath.h PGM_LOOP_LIMIT) */
#define GA_PGM_LOOP_LIMIT 32

/* enter_guest's extra return code: a trap the stub did, for CP's round */
#define EXIT_ASSIST_CODE 6

#ifndef __ASSEMBLER__
#include "arch370/types.h"

struct guest_assist {
    u32 on;
    u32 quiet;
    u64 vpsw;
    u32 cr0;
    u32 size;
    u32 *const *pagetab;
    u32 pgm_ia;
    s64 cpt_off;
    u64 ckc;
    u64 timer;
    u32 ntraps, npriv, npgm, vinsns;
    u32 spt;
    u32 pgm_loop;
    u32 loop_next;
    u32 page0;
    struct ga_tlb { u32 page, wpage, frame; } itlb, dtlb;
    u32 ckc_set;
    void *vm;
    /* CP's alone: reflect_quiet() found nothing pending when vm->posted
     * and CR0 were these (cp/vm/trapassist.c) */
    u32 q_quiet, q_posted, q_cr0;
    /* armed runs in a row the stub did nothing in, runs left unarmed */
    u32 idle, skipped, q_pad;
};
#endif

#endif
