# trap.S - catching interruptions in guest test programs (see guest.h).
# struct trap: regs 0-39, cls 40, oldpsw 44, code 52, ilc 54, csw 56.
#define TRAP_CUR 0x800              /* low-core word: the active struct trap */

        .text
        .globl  trap_call_asm
trap_call_asm:                      # int trap_call_asm(fn, arg, t)
        stm     %r6,%r15,0(%r4)
        st      %r4,TRAP_CUR
        xc      40(4,%r4),40(%r4)
        lr      %r1,%r2
        lr      %r2,%r3
        basr    %r14,%r1
        l       %r4,TRAP_CUR
        lm      %r6,%r15,0(%r4)
        sr      %r2,%r2
        br      %r14

        .globl  catch_pgm, catch_svc, catch_ext, catch_io, catch_restart
catch_restart:
        l       %r4,TRAP_CUR
        mvc     44(8,%r4),0x08
        xc      52(3,%r4),52(%r4)
        lhi     %r2,5
        j       common
catch_pgm:
        l       %r4,TRAP_CUR
        mvc     44(8,%r4),0x28
        mvc     52(2,%r4),0x8e
        mvc     54(1,%r4),0x8d
        lhi     %r2,1
        j       common
catch_svc:
        l       %r4,TRAP_CUR
        mvc     44(8,%r4),0x20
        mvc     52(2,%r4),0x8a
        mvc     54(1,%r4),0x89
        lhi     %r2,2
        j       common
catch_ext:
        l       %r4,TRAP_CUR
        mvc     44(8,%r4),0x18
        mvc     52(2,%r4),0x86
        mvi     54(%r4),0
        lhi     %r2,3
        j       common
catch_io:
        l       %r4,TRAP_CUR
        mvc     44(8,%r4),0x38
        mvc     52(2,%r4),0xba
        mvi     54(%r4),0
        mvc     56(8,%r4),0x40
        lhi     %r2,4
common:
        st      %r2,40(%r4)
        lm      %r6,%r15,0(%r4)
        br      %r14

# void load_psw(const u32 psw[2]) - LPSW from a doubleword
        .globl  load_psw
load_psw:
        lpsw    0(%r2)
        .section .note.GNU-stack,"",@progbits
