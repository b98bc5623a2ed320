# start.S - CP's entry point, reached from the IPL PSW.
#
# The IPL channel program has read the nucleus to NUCLEUS_ORIGIN and the
# CPU has loaded the IPL PSW (ESA/390, disabled, supervisor, DAT off,
# 31-bit).  The subsystem id of the IPL device is at X'B8'.  Set up a
# stack, clear .bss, and call cp_main(ipl_sid).

        .section .text.start,"ax"
        .globl  _start
_start:
        basr    %r13,0
0:      l       %r15,.Lstack-0b(%r13)
        l       %r2,.Lbss-0b(%r13)              # clear .bss with MVCL
        l       %r3,.Lbsslen-0b(%r13)
        sr      %r4,%r4
        sr      %r5,%r5
        mvcl    %r2,%r4
        l       %r2,0xb8                        # IPL subsystem id
        l       %r1,.Lmain-0b(%r13)
        basr    %r14,%r1
        lpsw    .Ldead-0b(%r13)                 # cp_main does not return
        .align  8
.Ldead:   .long 0x000A0000, 0x0005FFFF
.Lstack:  .long __boot_stack_top - 96
.Lbss:    .long __bss_start
.Lbsslen: .long __bss_len
.Lmain:   .long cp_main
        .section .note.GNU-stack,"",@progbits
