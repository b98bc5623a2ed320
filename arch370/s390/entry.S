# entry.S - interrupt entry, guest entry, wait, task switch.
#
# See arch370/interrupt.h for the contract.  Every new PSW leads here
# disabled, in supervisor state, DAT off.  An interruption taken while a
# guest ran (old PSW in problem state) or while CP waited is turned into
# a return from enter_guest / cpu_wait; anything else is a CP fault.

#include "arch370/lowcore.h"
#include "arch370/assist.h"

#define EXIT_EXT        1
#define EXIT_SVC        2
#define EXIT_PGM        3
#define EXIT_IO         5
#define FAULT_PGM       1
#define FAULT_MCK       2
#define FAULT_SVC       3
#define FAULT_RESTART   4

        .text

# int enter_guest(struct guest_ctx *g)
        .globl  enter_guest
enter_guest:
        stm     %r0,%r15,LC_CPREGS
        st      %r2,LC_GUEST
        ld      %f0,72(%r2)
        ld      %f2,80(%r2)
        ld      %f4,88(%r2)
        ld      %f6,96(%r2)
        lam     %a0,%a15,104(%r2)
        mvc     LC_RUNPSW(8),64(%r2)
        lhi     %r1,0
        diag    %r1,0,0xf08                     # Hercules' instruction count
        st      %r1,LC_ENTRY_IC
        lm      %r0,%r15,0(%r2)
        lpsw    LC_RUNPSW

# int cpu_wait(void) - the wait PSW at LC_WAITPSW was set up by C
        .globl  cpu_wait
cpu_wait:
        stm     %r0,%r15,LC_CPREGS
        xc      LC_GUEST(4),LC_GUEST
        lpsw    LC_WAITPSW

# ---- interruption stubs -------------------------------------------------
# Each first notes Hercules' instruction count, so the guest run that
# ended here is counted (LC_EXIT_IC - LC_ENTRY_IC: its instructions and
# about six of CP's around it: st, lm, lpsw, stm, lhi, diag): the
# virtual time of the bench's T/V ratio, in instructions.
        .macro  exit_count
        lhi     %r1,0
        diag    %r1,0,0xf08
        st      %r1,LC_EXIT_IC
        .endm

        .globl  ext_entry
ext_entry:
        stm     %r0,%r15,LC_INTREGS
        exit_count
        lhi     %r1,EXIT_EXT
        tm      LC390_EXT_OLD+1,0x01            # problem state?
        jnz     guest_exit
        j       wait_exit

        .globl  io_entry
io_entry:
        stm     %r0,%r15,LC_INTREGS
        exit_count
        lhi     %r1,EXIT_IO
        tm      LC390_IO_OLD+1,0x01
        jnz     guest_exit
        j       wait_exit

        .globl  svc_entry
svc_entry:
        stm     %r0,%r15,LC_INTREGS
        exit_count
        lhi     %r1,EXIT_SVC
        tm      LC390_SVC_OLD+1,0x01
        jz      1f
        l       %r2,LC_GUEST
        icm     %r0,15,GA_ON(%r2)               # armed: assist.S may do it
        jgnz    assist_svc
        j       guest_exit
1:      mvc     LC_FAULTPSW(8),LC390_SVC_OLD
        lhi     %r1,FAULT_SVC
        j       cp_fault_common

        .globl  pgm_entry
pgm_entry:
        stm     %r0,%r15,LC_INTREGS
        exit_count
        lhi     %r1,EXIT_PGM
        tm      LC390_PGM_OLD+1,0x01
        jz      2f
        l       %r2,LC_GUEST
        icm     %r0,15,GA_ON(%r2)
        jgnz    assist_pgm
        j       guest_exit
2:      icm     %r1,15,LC_PROBE                 # storage probe in progress?
        jz      1f
        lhi     %r2,1
        st      %r2,LC_PROBE_HIT
        st      %r1,LC390_PGM_OLD+4             # resume after the probe
        lm      %r0,%r15,LC_INTREGS
        lpsw    LC390_PGM_OLD
1:      mvc     LC_FAULTPSW(8),LC390_PGM_OLD
        lhi     %r1,FAULT_PGM
        j       cp_fault_common

        .globl  mck_entry
mck_entry:
        stm     %r0,%r15,LC_MCKREGS
        mvc     LC_INTREGS(64),LC_MCKREGS
        mvc     LC_FAULTPSW(8),LC390_MCK_OLD
        lhi     %r1,FAULT_MCK
        j       cp_fault_common

        .globl  restart_entry
restart_entry:
        stm     %r0,%r15,LC_INTREGS
        mvc     LC_FAULTPSW(8),LC390_RESTART_OLD
        lhi     %r1,FAULT_RESTART
        j       cp_fault_common

# r1 = exit code, interrupted guest GPRs in LC_INTREGS
        .globl  guest_exit
guest_exit:
        l       %r2,LC_GUEST
        mvc     0(64,%r2),LC_INTREGS
        std     %f0,72(%r2)
        std     %f2,80(%r2)
        std     %f4,88(%r2)
        std     %f6,96(%r2)
        stam    %a0,%a15,104(%r2)
wait_exit:
        st      %r1,LC_EXITCODE
        lm      %r0,%r15,LC_CPREGS
        l       %r2,LC_EXITCODE
        br      %r14

# r1 = fault class; registers in LC_INTREGS, old PSW in LC_FAULTPSW
cp_fault_common:
        st      %r1,LC_FAULTCLASS
        mvc     LC_FAULTREGS(64),LC_INTREGS
        l       %r15,LC_ABEND_STACK
        ahi     %r15,-96
        xc      0(4,%r15),0(%r15)
        lr      %r2,%r1
        larl    %r1,cp_fault
        basr    %r14,%r1
        j       .                               # cp_fault never returns

# ---- storage probe: int mem_probe(u32 addr) -----------------------------
        .globl  mem_probe
mem_probe:
        larl    %r1,2f
        larl    %r3,.Lamode31
        o       %r1,0(%r3)
        xc      LC_PROBE_HIT(4),LC_PROBE_HIT
        st      %r1,LC_PROBE
        l       %r0,0(%r2)                      # addressing exception if absent
2:      xc      LC_PROBE(4),LC_PROBE
        l       %r2,LC_PROBE_HIT
        br      %r14

# ---- void disabled_wait(u32 code) ---------------------------------------
        .globl  disabled_wait
disabled_wait:
        larl    %r3,.Ldwait
        mvc     LC_WAITPSW(4),0(%r3)
        st      %r2,LC_WAITPSW+4
        lpsw    LC_WAITPSW

# ---- void install_new_psws(void) ----------------------------------------
        .globl  install_new_psws
install_new_psws:
        larl    %r1,.Lnewpsw
        larl    %r3,.Lentries
        la      %r4,LC390_EXT_NEW
        lhi     %r5,5                           # ext, svc, pgm, mck, io
1:      l       %r0,0(%r3)
        o       %r0,.Lamode31-.Lnewpsw(%r1)
        mvc     0(4,%r4),0(%r1)
        st      %r0,4(%r4)
        la      %r3,4(%r3)
        la      %r4,8(%r4)
        brct    %r5,1b
        l       %r0,0(%r3)                      # restart new PSW at 0
        o       %r0,.Lamode31-.Lnewpsw(%r1)
        mvc     LC390_RESTART_NEW(4),0(%r1)
        st      %r0,LC390_RESTART_NEW+4
        br      %r14

# ---- cooperative task switch ---------------------------------------------
        .globl  task_switch
task_switch:
        stm     %r6,%r15,0(%r2)
        lm      %r6,%r15,0(%r3)
        br      %r14

        .globl  task_trampoline
task_trampoline:
        lr      %r2,%r7
        basr    %r14,%r6
        larl    %r1,task_exit
        basr    %r14,%r1
        j       .

        .align  8
.Lnewpsw:       .long   0x00080000      # ESA/390, disabled, supervisor
.Lamode31:      .long   0x80000000
.Ldwait:        .long   0x000A0000      # disabled wait
.Lentries:      .long   ext_entry, svc_entry, pgm_entry, mck_entry, io_entry
                .long   restart_entry
        .section .note.GNU-stack,"",@progbits
