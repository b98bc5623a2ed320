# assist.S - the traps the interruption stubs simulate themselves.
#
# See arch370/assist.h for what is done here and the rules.  entry.S
# comes here from pgm_entry or svc_entry when the run is armed
# (GA_ON), with the guest's GPRs in LC_INTREGS and the exit's
# instruction count in LC_EXIT_IC.  Each case first decides, changing
# nothing, whether it can finish; if not it goes back to the general exit
# (to_cp, r1 = the exit code), which is then exactly as if this file did
# not exist.  Once it has changed something it ends in resume (the guest
# again, at once) or round (enter_guest returns EXIT_ASSIST).
#
# Registers: r1 the exit code for to_cp, r2 the guest context, r3 the
# interruption code, r4 the ILC in bytes, r6/r7 the real old PSW, r8 the
# instruction (or the old-PSW location), r9/r10 a new S/370 PSW, r11
# page 0, r12 the constants below, r13 a translation cache, r14 the
# link, r0/r5/r15 scratch.

#include "arch370/lowcore.h"
#include "arch370/assist.h"

#define EXIT_SVC        2
#define EXIT_PGM        3
#define PTE_INVALID     0x400
#define PTE_FETCH       PTE_INVALID             # refuse for a fetch
#define PTE_STORE       0x600                   # ... for a store: also protected
#define PGM_OPERATION   0x01
#define PGM_PRIVILEGED  0x02
#define PGM_SPECIAL_OP  0x13
#define DIAG_STORAGE    0x60
# the program exceptions CP only reflects, as bits 0-15 (bit n = code n):
# execute 3, addressing 5, specification 6, X'08'-X'0F'
#define PGM_PLAIN       0xFF68

        .text

# ---- guest real address -> real address ---------------------------------
# r5: a guest real address (24 bits) of an operand inside one page; r13:
# the cache to use (GA_ITLB or GA_DTLB of r2).  Returns r5 = its real
# address, or 0 (beyond the storage, not resident, or protected for a
# store): the same walk as gmem_fast() in cp/mm/gmem.h, remembered.
# Uses r0, r11, r15.
gfetch:
        lr      %r15,%r5
        srl     %r15,12
        c       %r15,TLB_PAGE(%r13)
        jne     1f
0:      sll     %r5,20                          # the offset in the page
        srl     %r5,20
        a       %r5,TLB_FRAME(%r13)
        br      %r14
1:      lhi     %r0,PTE_FETCH
        j       walk
gstore:
        lr      %r15,%r5
        srl     %r15,12
        c       %r15,TLB_WPAGE(%r13)
        je      0b
        lhi     %r0,PTE_STORE
walk:
        cl      %r5,GA_SIZE(%r2)
        jnl     9f
        srl     %r15,8
        sll     %r15,2                          # 1M segment * 4
        l       %r11,GA_PAGETAB(%r2)
        l       %r11,0(%r15,%r11)               # its page table
        lr      %r15,%r5
        srl     %r15,12
        sll     %r15,24
        srl     %r15,22                         # page in the segment * 4
        l       %r15,0(%r15,%r11)               # the page-table entry
        nr      %r0,%r15
        jnz     9f
        lr      %r11,%r5
        srl     %r11,12
        st      %r11,TLB_PAGE(%r13)
        tml     %r15,PTE_STORE-PTE_INVALID      # protected: fetches only
        jz      2f
        lhi     %r11,-1
2:      st      %r11,TLB_WPAGE(%r13)
        srl     %r15,12
        sll     %r15,12                         # the frame
        st      %r15,TLB_FRAME(%r13)
        j       0b
9:      lhi     %r5,0
        br      %r14

# ---- an operand -------------------------------------------------------------
# r5 its guest address, r13 the cache: r5 its real address, or back to CP
# as if untouched (`dword=1`: also when not on a doubleword boundary, a
# specification exception)
        .macro  operand how, dword=0
        .if     \dword
        tml     %r5,7
        jnz     to_cp
        .endif
        bras    %r14,\how
        ltr     %r5,%r5
        jz      to_cp
        .endm

# ---- SVC -------------------------------------------------------------------
        .globl  assist_svc
assist_svc:
        larl    %r12,.Lk                        # r1: EXIT_SVC (entry.S)
        lm      %r6,%r7,LC390_SVC_OLD
        tmh     %r7,0x7f00                      # an address beyond 24 bits
        jnz     to_cp
        lh      %r3,LC390_SVC_CODE
        lhi     %r4,6                           # the ILC in bytes: the word
        n       %r4,LC390_SVC_ILC-3             # whose last byte it is
        xc      GA_LOOP_NEXT(4,%r2),GA_LOOP_NEXT(%r2)   # an SVC ends a loop
        lhi     %r8,0x20                        # old PSW X'20', new X'60'
        icm     %r11,15,GA_PAGE0(%r2)           # page 0, resident, its own
        jz      to_cp
        lhi     %r13,0x89                       # EC: ILC X'89', code X'8A'
        j       reflect

# ---- program interruption ----------------------------------------------------
        .globl  assist_pgm
assist_pgm:
        larl    %r12,.Lk                        # r1: EXIT_PGM (entry.S)
        lm      %r6,%r7,LC390_PGM_OLD
        tmh     %r7,0x7f00
        jnz     to_cp
        lh      %r3,LC390_PGM_CODE
        lhi     %r4,6
        n       %r4,LC390_PGM_ILC-3
        lr      %r5,%r7                         # the instruction: IA - ILC
        sr      %r5,%r4
        n       %r5,.Lia-.Lk(%r12)
        lhi     %r0,0                           # the program-check loop:
        c       %r5,GA_PGM_IA(%r2)              # at the guest's own handler
        jne     1f                              # one more in a row (CP stops
        l       %r0,GA_PGM_LOOP(%r2)            # the VM at the limit)
        ahi     %r0,1
        chi     %r0,GA_PGM_LOOP_LIMIT
        jnl     to_cp
1:      st      %r0,GA_LOOP_NEXT(%r2)
        chi     %r3,PGM_PRIVILEGED
        je      priv
        chi     %r3,PGM_SPECIAL_OP
        je      priv
        chi     %r3,PGM_OPERATION
        je      opx
        chi     %r3,15
        jh      to_cp
        lhi     %r0,1
        sll     %r0,0(%r3)
        n       %r0,.Lplain-.Lk(%r12)
        jz      to_cp
        lhi     %r8,0x28                        # old PSW X'28', new X'68'
        icm     %r11,15,GA_PAGE0(%r2)
        jz      to_cp
        l       %r0,GA_NPGM(%r2)
        ahi     %r0,1
        st      %r0,GA_NPGM(%r2)
        lhi     %r13,0x8d                       # EC: ILC X'8D', code X'8E'
        j       reflect

# ---- reflection: old PSW out, new PSW in ---------------------------------------
# r8 the old PSW's location, r13 the ILC's (EC), r11 page 0, r3 the
# code, r4 the ILC.  The S/370 PSW is brought up to date first: the
# condition code, program mask and address the real CPU left.
reflect:
        lm      %r9,%r10,GA_VPSW(%r2)
        lhi     %r15,0x3f00
        nr      %r15,%r6                        # the real CC and program mask
        lr      %r0,%r7
        n       %r0,.Lia-.Lk(%r12)                      # the real address, 24 bits
        n       %r10,.Ltop-.Lk(%r12)
        or      %r10,%r0
        tmh     %r9,0x0008                      # EC mode?
        jz      1f
        n       %r9,.Lnoccpm-.Lk(%r12)
        or      %r9,%r15
        stc     %r4,0(%r13,%r11)                # ILC and code into page 0
        sth     %r3,1(%r13,%r11)
        j       2f
1:      sll     %r15,16                         # BC: bits 34-39
        n       %r10,.Lbcnoccpm-.Lk(%r12)
        or      %r10,%r15
        n       %r9,.Lhigh-.Lk(%r12)            # the code in bits 16-31
        or      %r9,%r3
        lr      %r15,%r4                        # the ILC in bits 32-33
        sll     %r15,29
        n       %r10,.Lnoilc-.Lk(%r12)
        or      %r10,%r15
2:      la      %r15,0(%r8,%r11)
        stm     %r9,%r10,0(%r15)                # the old PSW
        lm      %r9,%r10,0x40(%r15)             # the new one
        chi     %r8,0x28
        jne     newpsw
        lr      %r0,%r10                        # a program new PSW: where
        n       %r0,.Lia-.Lk(%r12)                      # its handler starts
        st      %r0,GA_PGM_IA(%r2)

# ---- a new PSW: r9/r10 (LPSW, a reflection), GA_VPSW still the old -----------
# Done in any case; the guest goes on at once when the PSW is an
# ordinary one of the same format and enables nothing more, or nothing
# can be pending (GA_QUIET).  Otherwise CP's round looks first.
newpsw:
        lhi     %r3,0                           # 1: to the round
        tmh     %r9,0x0002                      # wait
        jnz     8f
        tml     %r10,1                          # odd address
        jnz     8f
        l       %r0,GA_VPSW(%r2)
        lr      %r15,%r0
        xr      %r15,%r9
        tmh     %r15,0x0008                     # the other format
        jnz     8f
        x       %r0,.Lones-.Lk(%r12)
        nr      %r0,%r9                         # mask bits newly on
        tmh     %r9,0x0008
        jz      1f
        tmh     %r9,0xbc00                      # EC: bits 0, 2-4 zero, no DAT,
        jnz     8f
        tml     %r9,0xc0ff                      # bits 16-17 and 24-39 zero
        jnz     8f
        tmh     %r10,0xff00
        jnz     8f
        tmh     %r0,0x0300                      # I/O, external
        j       2f
1:      tmh     %r0,0xff00                      # BC: channel masks, I/O, external
2:      jz      3f
        icm     %r0,15,GA_QUIET(%r2)
        jnz     3f
8:      lhi     %r3,1
3:      stm     %r9,%r10,GA_VPSW(%r2)
        # the real PSW: DAT, I/O, external, ESA/390, M, P, with the
        # guest's key, CC, program mask and 24-bit address
        lr      %r6,%r9
        n       %r6,.Lkey-.Lk(%r12)
        o       %r6,.Lfixed-.Lk(%r12)
        tmh     %r9,0x0008
        jz      4f
        lhi     %r15,0x3f00
        nr      %r15,%r9
        j       5f
4:      lr      %r15,%r10
        srl     %r15,16
        n       %r15,.Lccpm-.Lk(%r12)
5:      or      %r6,%r15
        lr      %r7,%r10
        n       %r7,.Lia-.Lk(%r12)
        stm     %r6,%r7,LC_RUNPSW
        ltr     %r3,%r3
        jnz     round
        j       resume

# ---- privileged instructions -----------------------------------------------------
# r5 the instruction's guest address.  Only in the guest's supervisor
# state (its problem state gets the exception: CP reflects it), four
# bytes in one page.
priv:
        tm      GA_VPSW+1(%r2),0x01
        jo      to_cp
        lr      %r0,%r5
        ahi     %r0,3
        xr      %r0,%r5
        tml     %r0,0xf000
        jnz     to_cp
        la      %r13,GA_ITLB(%r2)
        bras    %r14,gfetch
        ltr     %r8,%r5
        jz      to_cp
        la      %r13,GA_DTLB(%r2)               # for the operand
        # the operand address, D2(B2) in bytes 2-3, 24 bits
        lhi     %r5,0
        icm     %r5,3,2(%r8)
        lr      %r15,%r5
        srl     %r15,12
        sll     %r5,20
        srl     %r5,20
        ltr     %r15,%r15
        jz      1f
        sll     %r15,2
        a       %r5,LC_INTREGS(%r15)
        n       %r5,.Lia-.Lk(%r12)
1:      lhi     %r15,0
        ic      %r15,0(%r8)
        chi     %r15,0x83                       # DIAGNOSE first: most of them
        je      diag                            # are CP's to do, the soonest told
        chi     %r15,0x80
        je      ssm
        chi     %r15,0xac
        je      stnsm
        chi     %r15,0xad
        je      stosm
        chi     %r15,0x82
        je      lpsw
        chi     %r15,0xb2
        jne     to_cp
        ic      %r15,1(%r8)
        chi     %r15,0x0a
        je      spka
        chi     %r15,0x0b
        je      ipk
        chi     %r15,0x09
        je      stpt
        chi     %r15,0x08
        je      spt
        chi     %r15,0x07
        je      stckc
        chi     %r15,0x06
        je      sckc
        j       to_cp

# an operation exception: of those only ISK and SSK (RR), the storage
# keys with CP's frame table, done in C (fast_stub_isk and _ssk) on CP's
# stack, with the guest's GPRs where this stub saved them
opx:
        chi     %r4,2
        jne     to_cp
        tm      GA_VPSW+1(%r2),0x01
        jo      to_cp
        la      %r13,GA_ITLB(%r2)
        bras    %r14,gfetch                     # two bytes: never across a page
        ltr     %r8,%r5                         # (instructions are halfword aligned)
        jz      to_cp
        larl    %r9,fast_stub_ssk               # cp/vm/fastpath.c
        cli     0(%r8),0x08
        je      1f
        larl    %r9,fast_stub_isk
        cli     0(%r8),0x09
        jne     to_cp
1:      lhi     %r3,0
        ic      %r3,1(%r8)                      # R1, R2
        la      %r4,LC_INTREGS                  # the guest's GPRs
        l       %r5,GA_VPSW(%r2)                # its PSW's left half
        l       %r2,GA_VM(%r2)
        l       %r15,LC_CPREGS+60               # C on CP's stack below
        ahi     %r15,-96                        # enter_guest's caller
        basr    %r14,%r9
        lr      %r3,%r2                         # 0 not done, 1 done
        l       %r2,LC_GUEST
        lhi     %r1,EXIT_PGM
        ltr     %r3,%r3
        jz      to_cp
        j       same

# SSM: the system mask from storage (not when CR0 bit 1 suppresses it)
ssm:
        tm      GA_CR0(%r2),0x40
        jo      to_cp
        operand gfetch
        lhi     %r9,0
        ic      %r9,0(%r5)
        bras    %r14,maskok
        j       setmask

# STNSM, STOSM: the old mask to storage, ANDed or ORed with I2
stnsm:
stosm:
        lhi     %r9,0
        ic      %r9,1(%r8)
        lhi     %r0,0
        ic      %r0,GA_VPSW(%r2)
        cli     0(%r8),0xac
        jne     1f
        nr      %r9,%r0                         # STNSM
        j       2f
1:      or      %r9,%r0                         # STOSM
2:      bras    %r14,maskok
        operand gstore
        mvc     0(1,%r5),GA_VPSW(%r2)

# r9: the new system mask, checked.  The real PSW stays as it left.
setmask:
        lhi     %r3,0
        lhi     %r0,0
        ic      %r0,GA_VPSW(%r2)
        x       %r0,.Lones-.Lk(%r12)
        nr      %r0,%r9                         # bits newly on
        tm      GA_VPSW+1(%r2),0x08
        jz      1f
        tml     %r9,0x04                        # EC: DAT on, the round's
        jnz     3f                              # (the shadow tables)
        n       %r0,.L3-.Lk(%r12)               # EC: I/O and external only
1:      ltr     %r0,%r0
        jz      2f
        icm     %r0,15,GA_QUIET(%r2)
        jnz     2f
3:      lhi     %r3,1
2:      stc     %r9,GA_VPSW(%r2)
        stm     %r6,%r7,LC_RUNPSW
        bras    %r14,counted
        ltr     %r3,%r3
        jnz     round
        j       resume

# an EC system mask with bits 0 or 2-4 on: specification, CP's
maskok:
        tm      GA_VPSW+1(%r2),0x08
        bzr     %r14
        tml     %r9,0xb8
        jnz     to_cp
        br      %r14

# LPSW: a doubleword
lpsw:
        operand gfetch,dword=1
        lm      %r9,%r10,0(%r5)
        bras    %r14,counted
        j       newpsw

# DIAGNOSE X'60': the storage size into Rx
diag:
        chi     %r5,DIAG_STORAGE                # the code: base + displacement
        jne     to_cp
        lhi     %r15,0
        ic      %r15,1(%r8)
        srl     %r15,4
        sll     %r15,2
        l       %r0,GA_SIZE(%r2)
        st      %r0,LC_INTREGS(%r15)
        j       same

# SPKA: the key from bits 24-27 of the address; IPK: the key into R2
spka:
        srl     %r5,4
        n       %r5,.Lf-.Lk(%r12)
        ic      %r0,GA_VPSW+1(%r2)
        n       %r0,.Lf-.Lk(%r12)
        lr      %r15,%r5
        sll     %r15,4
        or      %r0,%r15
        stc     %r0,GA_VPSW+1(%r2)
        n       %r6,.Lnokey-.Lk(%r12)           # and into the real PSW
        sll     %r5,20
        or      %r6,%r5
        j       same
ipk:
        ic      %r0,GA_VPSW+1(%r2)
        n       %r0,.Lf0-.Lk(%r12)
        stc     %r0,LC_INTREGS+11
        j       same

# STPT: the guest's CPU timer, GA_CPT_OFF + the real one
stpt:
        operand gstore,dword=1
        stpt    GA_TIMER(%r2)
        lm      %r9,%r10,GA_TIMER(%r2)
        al      %r10,GA_CPT_OFF+4(%r2)
        brc     12,1f                           # no carry
        ahi     %r9,1
1:      a       %r9,GA_CPT_OFF(%r2)
        stm     %r9,%r10,0(%r5)
        j       same

# SPT: GA_CPT_OFF = the operand - the real timer.  With the CPU-timer
# subclass on, CP's round looks (the run may need to end sooner).
spt:
        operand gfetch,dword=1
        lm      %r9,%r10,0(%r5)
        stpt    GA_TIMER(%r2)
        sl      %r10,GA_TIMER+4(%r2)
        brc     3,1f                            # no borrow
        ahi     %r9,-1
1:      s       %r9,GA_TIMER(%r2)
        stm     %r9,%r10,GA_CPT_OFF(%r2)
        mvi     GA_SPT+3(%r2),1
        stm     %r6,%r7,LC_RUNPSW
        bras    %r14,counted
        tm      GA_CR0+2(%r2),0x04
        jo      round
        j       resume

# STCKC: the guest's clock comparator
stckc:
        operand gstore,dword=1
        mvc     0(8,%r5),GA_CKC(%r2)
        j       same

# SCKC: the guest's clock comparator (CP's timer queue follows after the
# run).  The real one is set to it when it is earlier than the real one
# now; a later one leaves the real one early, and its interruption
# finds nothing due (CP's queue is brought up to date first) and sets
# the next.  One already passed and enabled: CP's round takes it at once.
sckc:
        operand gfetch,dword=1
        mvc     GA_CKC(8,%r2),0(%r5)
        mvi     GA_CKC_SET+3(%r2),1
        stckc   GA_TIMER(%r2)
        clc     GA_CKC(8,%r2),GA_TIMER(%r2)
        jnl     2f
        sckc    GA_CKC(%r2)
2:      stm     %r6,%r7,LC_RUNPSW
        bras    %r14,counted
        tm      GA_CR0+2(%r2),0x08              # the clock-comparator subclass
        jno     resume
        tm      GA_VPSW(%r2),0x01               # external interruptions
        jno     resume
        stck    GA_TIMER(%r2)
        clc     GA_TIMER(8,%r2),GA_CKC(%r2)
        jl      resume
        j       round

# ---- the end of a simulated instruction that changed no PSW -------------------
same:
        stm     %r6,%r7,LC_RUNPSW                 # the real PSW as it left
        bras    %r14,counted
        j       resume

# count a simulated instruction: GA_NPRIV (GA_NTRAPS in resume and round);
# uses r0 only
counted:
        l       %r0,GA_NPRIV(%r2)
        ahi     %r0,1
        st      %r0,GA_NPRIV(%r2)
        br      %r14

# ---- the guest again, at once: its run's instructions counted, as
# enter_guest and the stubs count them, and the real PSW at LC_RUNPSW
resume:
        l       %r0,GA_NTRAPS(%r2)
        ahi     %r0,1
        st      %r0,GA_NTRAPS(%r2)
        mvc     GA_PGM_LOOP(4,%r2),GA_LOOP_NEXT(%r2)
        l       %r0,LC_EXIT_IC
        s       %r0,LC_ENTRY_IC
        a       %r0,GA_VINSNS(%r2)
        st      %r0,GA_VINSNS(%r2)
        lhi     %r1,0
        diag    %r1,0,0xf08
        st      %r1,LC_ENTRY_IC
        lm      %r0,%r15,LC_INTREGS
        lpsw    LC_RUNPSW

# ---- done, but CP's round first: enter_guest returns EXIT_ASSIST
round:
        mvc     64(8,%r2),LC_RUNPSW             # the PSW for CP to fold back
        l       %r0,GA_NTRAPS(%r2)
        ahi     %r0,1
        st      %r0,GA_NTRAPS(%r2)
        mvc     GA_PGM_LOOP(4,%r2),GA_LOOP_NEXT(%r2)
        lhi     %r1,EXIT_ASSIST_CODE
to_cp:
        jg      guest_exit

        .align  4
.Lk:
.Lones:         .long   0xffffffff
.Lkey:          .long   0x00f00000
.Lnokey:        .long   0xff0fffff
.Lfixed:        .long   0x070d0000      # DAT, I/O, external, ESA/390, M, P
.Lia:           .long   0x00ffffff
.Ltop:          .long   0xff000000
.Lhigh:         .long   0xffff0000
.Lccpm:         .long   0x00003f00
.Lnoccpm:       .long   0xffffc0ff
.Lbcnoccpm:     .long   0xc0ffffff
.Lnoilc:        .long   0x3fffffff
.Lplain:        .long   PGM_PLAIN
.L6:            .long   6
.L3:            .long   3
.Lf:            .long   0x0f
.Lf0:           .long   0xf0
        .section .note.GNU-stack,"",@progbits
