/* intr.c - real I/O and external interruptions, the idle wait. */
#include "cp/kern/intr.h"
#include "cp/kern/timer.h"
#include "arch370/prefix.h"
#include "arch370/interrupt.h"
#include "arch370/pgm.h"

/* CR0: ESA/390 translation format (bits 8-12 = 10110), external
 * subclasses clock comparator, CPU timer, service signal, interrupt key */
#define CR0_CP  0x00B00E40u

u32 intr_ext_count, intr_io_count;
static void (*io_handler)(u32 sid, u32 intparm);
bool intr_key_pressed;

/* the DUCT origin CR2 names: an all-zero table, so nothing an ESA/390
 * instruction might find there points anywhere */
static u8 zero_duct[64] __attribute__((aligned(64)));

void intr_init(void)
{
    lctl(0, CR0_CP);
    lctl(2, (u32)(uintptr_t)zero_duct);
    lctl(3, 0);                         /* PSW-key mask: SPKA traps */
    lctl(8, 0x0000FFFFu);               /* every monitor class: MC traps */
    lctl(6, 0xFF000000u);               /* all I/O interruption subclasses */
    lctl(14, 0xC2000000u);              /* machine checks: system damage etc. */
    /* the wait PSW cpu_wait loads: I/O, external, machine check enabled */
    lc_set_wait_psw(0x030E000080000000ull);
    spt(0x7FFFFFFFFFFFFFFFll);
}

void intr_io_register(void (*handler)(u32 sid, u32 intparm))
{
    io_handler = handler;
}

void intr_arm_clock(void)
{
    sckc(timer_next());
}

void intr_dispatch(int code)
{
    if (code == EXIT_IO) {
        intr_io_count++;
        if (io_handler)
            io_handler(lc_subsys_id(), lc_io_intparm());
        return;
    }
    if (code == EXIT_EXT) {
        u16 ext = lc_ext_code();
        intr_ext_count++;
        switch (ext) {
        case EXT_CLOCK_COMP:
            sckc(~0ull);
            timer_run_expired();
            break;
        case EXT_CPU_TIMER:
            spt(0x7FFFFFFFFFFFFFFFll);   /* the dispatcher reads its own slice end */
            break;
        case EXT_INTERRUPT_KEY:
            intr_key_pressed = true;
            break;
        default:
            break;
        }
    }
}

void cp_wait_and_dispatch(void)
{
    int code;

    intr_arm_clock();
    code = cpu_wait();
    intr_dispatch(code);
}
