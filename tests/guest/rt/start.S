# start.S - entry of a guest test program (IPL PSW points here).
        .section .text.start,"ax"
        .globl  _start
_start:
        stm     %r0,%r15,0x900                  # IPL PARM text, see guest_parm()
        basr    %r13,0
0:      l       %r15,.Lstack-0b(%r13)
        l       %r2,.Lbss-0b(%r13)
        l       %r3,.Lbsslen-0b(%r13)
        sr      %r4,%r4
        sr      %r5,%r5
        mvcl    %r2,%r4
        l       %r1,.Lmain-0b(%r13)
        basr    %r14,%r1
        l       %r1,.Lsummary-0b(%r13)
        basr    %r14,%r1
        .align  4
.Lstack:   .long __stack_top - 96
.Lbss:     .long __bss_start
.Lbsslen:  .long __bss_len
.Lmain:    .long main
.Lsummary: .long summary
        .section .note.GNU-stack,"",@progbits
