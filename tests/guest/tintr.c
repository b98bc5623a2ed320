/* tintr.c - interruptions a guest gets under CP, each class checked in
 * its own case: program, SVC, external (clock comparator, CPU timer,
 * interval timer, interrupt key from the EXTERNAL command), I/O, restart. */
#include "guest.h"
#include "arch370/ccw.h"
#include "arch370/pgm.h"

#define CR0_CLOCK_COMP  0x00000800u
#define CR0_CPU_TIMER   0x00000400u
#define CR0_INTERVAL    0x00000080u
#define CR0_INT_KEY     0x00000040u
#define EXT_MASK        0x01
/* CR0 as after reset but without the interval-timer subclass, which
 * would otherwise interrupt as soon as external interruptions are
 * enabled (the timer at X'50' runs from zero) */
#define CR0_BASE        (0x000000E0u & ~CR0_INTERVAL)

static struct trap t;
static u64 dw __attribute__((aligned(8)));

static void set_cr0(u32 v)
{
    static u32 w;
    w = v;
    asm volatile("lctl 0,0,%0" : : "Q"(w) : "memory");
}

static void do_svc(void *arg)
{
    (void)arg;
    asm volatile("svc 42" : : : "memory");
}

static void do_divide(void *arg)
{
    register u32 r2 asm("2") = 0, r3 asm("3") = 7, r4 asm("4") = 0;
    (void)arg;
    asm volatile("dr %0,%2" : "+d"(r2), "+d"(r3) : "d"(r4));
}

static void do_far_load(void *arg)
{
    u32 v;
    (void)arg;
    asm volatile("l %0,0(%1)" : "=d"(v) : "a"(0x00F00000));
}

static void program_and_svc_cases(void)
{
    int cls = trap_call(do_svc, NULL, &t);
    report("SVC is reflected with its code and ILC 2", cls == TRAP_SVC && t.code == 42 && t.ilc == 2,
           "class %d code %X ilc %u", cls, t.code, t.ilc);
    cls = trap_call(do_divide, NULL, &t);
    report("A fixed-point divide exception is reflected with code 9 and ILC 2",
           cls == TRAP_PGM && t.code == PGM_FIXED_DIVIDE && t.ilc == 2, "class %d code %X ilc %u",
           cls, t.code, t.ilc);
    cls = trap_call(do_far_load, NULL, &t);
    report("A load beyond the virtual storage is an addressing exception (ILC 4)",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING && t.ilc == 4, "class %d code %X ilc %u",
           cls, t.code, t.ilc);
}

static void wait_ext(void *arg)
{
    (void)arg;
    enabled_wait(EXT_MASK);
}

/* spin with external interruptions enabled for about ms milliseconds */
static void spin_enabled(void *arg)
{
    u64 end = get_tod() + (u64)(uintptr_t)arg * 4096000ull;
    static u8 m;
    m = EXT_MASK;
    asm volatile("ssm %0" : : "Q"(m) : "memory");
    while (get_tod() < end)
        ;
    m = 0;
    asm volatile("ssm %0" : : "Q"(m) : "memory");
}

static void clock_comparator_cases(void)
{
    u64 start, got;
    int cls;

    set_cr0(CR0_BASE | CR0_CLOCK_COMP);
    dw = get_tod() + 200 * 4096000ull;                 /* 200 ms ahead */
    asm volatile("sckc %0" : : "Q"(dw));
    cls = trap_call(spin_enabled, (void *)20, &t);
    report("The clock comparator does not interrupt before its time", cls == TRAP_NONE,
           "class %d code %X", cls, t.code);

    start = get_tod();
    dw = start + 30 * 4096000ull;                      /* 30 ms ahead */
    asm volatile("sckc %0" : : "Q"(dw));
    cls = trap_call(wait_ext, NULL, &t);
    got = get_tod();
    report("The clock comparator interrupts an enabled wait when the TOD passes it",
           cls == TRAP_EXT && t.code == 0x1004 && got >= dw, "class %d code %X", cls, t.code);

    set_cr0(CR0_BASE);                                 /* subclass masked */
    dw = get_tod();
    asm volatile("sckc %0" : : "Q"(dw));
    cls = trap_call(spin_enabled, (void *)20, &t);
    report("A due clock comparator stays pending while its subclass is masked", cls == TRAP_NONE,
           "class %d code %X", cls, t.code);
    dw = ~0ull;
    asm volatile("sckc %0" : : "Q"(dw));
}

static void cpu_timer_cases(void)
{
    int cls;

    set_cr0(CR0_BASE | CR0_CPU_TIMER);
    dw = 10 * 4096000ull;                              /* 10 ms of CPU */
    asm volatile("spt %0" : : "Q"(dw));
    cls = trap_call(spin_enabled, (void *)2000, &t);
    report("The CPU timer interrupts when it goes negative", cls == TRAP_EXT && t.code == 0x1005,
           "class %d code %X", cls, t.code);
    dw = 0x7FFFFFFFFFFFFFFFull;
    asm volatile("spt %0" : : "Q"(dw));
    set_cr0(CR0_BASE);
}

/* ---- an interruption made pending by enabling is taken at once -------------
 * With the clock comparator due and its subclass on, the instruction
 * that enables external interruptions must be followed by the
 * interruption, its old PSW pointing just past that instruction, whichever
 * way CP simulates it (SET ASSIST ON or OFF). */
static u32 after_enable;
static u64 enable_psw __attribute__((aligned(8)));

static void enable_by_ssm(void *arg)
{
    static u8 m;
    (void)arg;
    m = EXT_MASK;
    asm volatile("larl 1,1f\n\tst 1,%0\n\tssm %1\n1:\tnopr 0"
                 : "=Q"(after_enable) : "Q"(m) : "1", "memory");
}

static void enable_by_stosm(void *arg)
{
    static u8 old;
    (void)arg;
    asm volatile("larl 1,1f\n\tst 1,%0\n\tstosm %1,%2\n1:\tnopr 0"
                 : "=Q"(after_enable), "=Q"(old) : "i"(EXT_MASK) : "1", "memory");
}

static void enable_by_lpsw(void *arg)
{
    (void)arg;
    asm volatile("larl 1,1f\n\tst 1,%0" : "=Q"(after_enable) : : "1", "memory");
    enable_psw = psw_make(EXT_MASK, 0, false, false, after_enable);
    asm volatile("lpsw %0\n1:\tnopr 0" : : "Q"(enable_psw) : "memory");
}

/* With external interruptions already enabled, an instruction that makes
 * an interruption deliverable another way: a control register that
 * unmasks its subclass, a clock comparator set in the past, a CPU timer
 * set negative.  (The short path of SET ASSIST ON must see these too.) */
static void ssm_enable(void)
{
    static u8 m;
    m = EXT_MASK;
    asm volatile("ssm %0" : : "Q"(m) : "memory");
}

static void enable_by_lctl(void *arg)
{
    static u32 w;
    (void)arg;
    w = CR0_BASE | CR0_CLOCK_COMP;
    ssm_enable();                                      /* its subclass masked: nothing yet */
    asm volatile("larl 1,1f\n\tst 1,%0\n\tlctl 0,0,%1\n1:\tnopr 0"
                 : "=Q"(after_enable) : "Q"(w) : "1", "memory");
}

static void due_by_sckc(void *arg)
{
    static u64 when __attribute__((aligned(8)));
    (void)arg;
    ssm_enable();                                      /* the comparator far ahead: nothing yet */
    when = get_tod();
    asm volatile("larl 1,1f\n\tst 1,%0\n\tsckc %1\n1:\tnopr 0"
                 : "=Q"(after_enable) : "Q"(when) : "1", "memory");
}

static void due_by_spt(void *arg)
{
    static u64 neg __attribute__((aligned(8)));
    (void)arg;
    ssm_enable();                                      /* the CPU timer far from zero */
    neg = ~0ull;                                       /* -1 */
    asm volatile("larl 1,1f\n\tst 1,%0\n\tspt %1\n1:\tnopr 0"
                 : "=Q"(after_enable) : "Q"(neg) : "1", "memory");
}

/* fn, run with CR0 as cr0 and the clock comparator due or not, must be
 * interrupted right after its instruction with interruption code code */
static void pending_taken_after(const char *name, void (*fn)(void *), u32 cr0, bool due, u16 code)
{
    int cls;

    set_cr0(cr0);
    dw = due ? get_tod() : ~0ull;
    asm volatile("sckc %0" : : "Q"(dw));
    dw = 0x7FFFFFFFFFFFFFFFull;
    asm volatile("spt %0" : : "Q"(dw));
    cls = trap_call(fn, NULL, &t);
    report(name, cls == TRAP_EXT && t.code == code && (t.oldpsw[1] & 0xFFFFFF) == after_enable,
           "class %d code %X at %06X, want %06X", cls, t.code, t.oldpsw[1] & 0xFFFFFF,
           after_enable);
    dw = ~0ull;
    asm volatile("sckc %0" : : "Q"(dw));
    dw = 0x7FFFFFFFFFFFFFFFull;
    asm volatile("spt %0" : : "Q"(dw));
    set_cr0(CR0_BASE);
}

static void enabling_cases(void)
{
    const u32 ckc = CR0_BASE | CR0_CLOCK_COMP;

    pending_taken_after("A clock comparator made deliverable by SSM interrupts right after the SSM",
                        enable_by_ssm, ckc, true, 0x1004);
    pending_taken_after("A clock comparator made deliverable by STOSM interrupts right after the STOSM",
                        enable_by_stosm, ckc, true, 0x1004);
    pending_taken_after("A clock comparator made deliverable by LPSW interrupts at the new PSW",
                        enable_by_lpsw, ckc, true, 0x1004);
    pending_taken_after("A clock comparator made deliverable by LCTL of its subclass interrupts right after the LCTL",
                        enable_by_lctl, CR0_BASE, true, 0x1004);
    pending_taken_after("SCKC of a time already passed interrupts right after the SCKC",
                        due_by_sckc, ckc, false, 0x1004);
    pending_taken_after("SPT of a negative value interrupts right after the SPT",
                        due_by_spt, CR0_BASE | CR0_CPU_TIMER, false, 0x1005);
}

static void interval_timer_cases(void)
{
    int cls;

    /* the timer ran down from zero since IPL: take that interruption first */
    lc_write32(0x50, 0x7FFFFFFF);
    set_cr0(CR0_BASE | CR0_INTERVAL);
    trap_call(spin_enabled, (void *)5, &t);
    lc_write32(0x50, 0x00000C00);                      /* about 40 ms */
    cls = trap_call(spin_enabled, (void *)2000, &t);
    report("The interval timer at X'50' interrupts when it goes negative",
           cls == TRAP_EXT && t.code == 0x0080, "class %d code %X", cls, t.code);
    report("The interval timer was counted down", (s32)lc_read32(0x50) < 0,
           "timer %08X", lc_read32(0x50));
    set_cr0(CR0_BASE);
}

static struct ccw0 ccw __attribute__((aligned(8)));
static u8 msg[] = { 0xC9, 0xD6 };                      /* "IO" */

static void wait_io(void *arg)
{
    (void)arg;
    enabled_wait(GUEST_EC ? 0x02 : 0xFE);
}

static void io_cases(void)
{
    int cls;

    ccw0_make(&ccw, 0x09, (u32)(uintptr_t)msg, CCW_SLI, 2);
    lc_write32(0x48, (u32)(uintptr_t)&ccw);
    sio(0x009);
    cls = trap_call(wait_io, NULL, &t);
    report("The console write ends with an I/O interruption: device 009, CE+DE in the CSW",
           cls == TRAP_IO && t.code == 0x009 && (t.csw[1] >> 24) == 0x0C,
           "class %d code %X csw %08X %08X", cls, t.code, t.csw[0], t.csw[1]);
}

static void operator_cases(void)
{
    int cls;

    set_cr0(CR0_BASE);
    con_write("WAITING FOR EXTERNAL");
    cls = trap_call(wait_ext, NULL, &t);
    report("EXTERNAL from CP gives the interrupt-key interruption X'0040'",
           cls == TRAP_EXT && t.code == 0x0040, "class %d code %X", cls, t.code);

    con_write("WAITING FOR RESTART");
    cls = trap_call(wait_ext, NULL, &t);
    report("SYSTEM RESTART gives a restart interruption (old PSW at 8, new at 0)",
           cls == TRAP_RESTART, "class %d", cls);
}

int main(void)
{
    set_cr0(CR0_BASE);
    con_printf("TINTR start (%s mode)", GUEST_EC ? "EC" : "BC");
    program_and_svc_cases();
    clock_comparator_cases();
    cpu_timer_cases();
    interval_timer_cases();
    enabling_cases();
    io_cases();
    operator_cases();
    return 0;
}
