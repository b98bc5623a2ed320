# start.S - the entry of the CMS nucleus (the IPL PSW of the saved system
# CMS points here) and the program-check entry that turns a program
# interruption into a CMS abend instead of a stopped virtual machine.
        .section .text.start,"ax"
        .globl  _start
_start:
        stm     %r0,%r15,0x900                  # IPL PARM text (IPL CMS PARM ...)
        basr    %r13,0
0:      l       %r15,.Lstack-0b(%r13)
        l       %r2,.Lbss-0b(%r13)
        l       %r3,.Lbsslen-0b(%r13)
        sr      %r4,%r4
        sr      %r5,%r5
        mvcl    %r2,%r4
        l       %r1,.Lmain-0b(%r13)
        basr    %r14,%r1
        .long   0                               # cms_main never returns

# Program new PSW: a fresh stack, then cms_abend(old PSW address).  The
# interruption code and the old PSW stay in low storage for it to read.
        .globl  cms_pgm_entry
cms_pgm_entry:
        stm     %r0,%r15,0x980                  # the registers at the interruption
        basr    %r13,0
1:      l       %r15,.Lstack2-1b(%r13)
        l       %r1,.Labend-1b(%r13)
        basr    %r14,%r1
        .long   0

        .align  4
.Lstack:   .long __stack_top - 96
.Lstack2:  .long __stack_top - 96
.Lbss:     .long __bss_start
.Lbsslen:  .long __bss_len
.Lmain:    .long cms_main
.Labend:   .long cms_abend
        .section .note.GNU-stack,"",@progbits
