/* td258.c - DIAGNOSE X'258' pseudo page faults: a guest that registered
 * a token gets an external interruption X'2603' when it touches a page
 * that is not in real storage, runs something else while CP reads the
 * page, and gets a second interruption when the page is in.
 *
 * Run it in a virtual machine of 13M to 15M on a system with less real
 * storage than that (the test uses MAINSIZE 8): it fills 12M first, so
 * the pages it wrote first are on DASD when it comes back to them.  Only
 * faults in the problem state are to give pseudo page faults (the select
 * and compare masks say so); the probe runs in the problem state. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/pgm.h"

#define AREA            0x100000u
#define AREA_PAGES      3072u                   /* 12M */
#define PSW_PROBLEM     0x0001000000000000ull   /* bit 15 */
#define CR0_SERVICE     0x00000200u             /* bit 22 */
#define EXT_PFAULT      0x2603
#define SUB_INITIAL     0x0600
#define SUB_DONE        0x0680
#define TOKEN           0xC0FFEE01u

static u8 parms[40] __attribute__((aligned(8)));
static u32 token __attribute__((aligned(8)));
static struct cp370_diag_regs r;
static struct trap t;
static volatile u32 probe_page, probe_end, probe_sum, counter;

static void put16(u8 *p, u16 v) { p[0] = (u8)(v >> 8); p[1] = (u8)v; }
static void put64(u8 *p, u64 v) { for (int i = 0; i < 8; i++) p[i] = (u8)(v >> (56 - 8 * i)); }

static void parmlist(u16 code, u16 fn, u16 len, u16 version, u64 taddr, u64 sel, u64 cmp, u64 resv)
{
    put16(parms, code);
    put16(parms + 2, fn);
    put16(parms + 4, len);
    put16(parms + 6, version);
    put64(parms + 8, taddr);
    put64(parms + 16, sel);
    put64(parms + 24, cmp);
    put64(parms + 32, resv);
}

static void call(void *arg)
{
    (void)arg;
    cp370_diag_258_pseudo_fault(&r);
}

/* issue X'258' with the list at addr; the interruption class, Ry in *ry */
static int diag258(u32 addr, u32 *ry)
{
    int cls;

    r.rx = addr;
    r.ry = 0xEEEEEEEEu;
    cls = trap_call(call, NULL, &t);
    *ry = r.ry;
    return cls;
}

static void expect_spec(const char *name)
{
    u32 ry;
    int cls = diag258((u32)(uintptr_t)parms, &ry);
    report(name, cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
}

static u32 establish(u64 taddr)
{
    u32 ry = 0;

    parmlist(0x258, 0, 5, 2, taddr, PSW_PROBLEM, PSW_PROBLEM, 0);
    if (diag258((u32)(uintptr_t)parms, &ry) != TRAP_NONE)
        return 0xFFFFFFFFu;
    return ry;
}

static u32 cancel(void)
{
    u32 ry = 0;

    parmlist(0x258, 1, 5, 2, 0, 0, 0, 0);
    if (diag258((u32)(uintptr_t)parms, &ry) != TRAP_NONE)
        return 0xFFFFFFFFu;
    return ry;
}

static void parameter_rules(u32 size)
{
    u32 ry;
    int cls;

    parmlist(0x258, 0, 5, 2, (u32)(uintptr_t)&token, PSW_PROBLEM, PSW_PROBLEM, 0);
    cls = diag258((u32)(uintptr_t)parms + 4, &ry);
    report("X'258': a list not on a doubleword is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    parmlist(0x259, 0, 5, 2, (u32)(uintptr_t)&token, 0, 0, 0);
    expect_spec("X'258': a list that does not say X'0258' is a specification exception");
    parmlist(0x258, 0, 5, 1, (u32)(uintptr_t)&token, 0, 0, 0);
    expect_spec("X'258': version 1 is a specification exception");
    parmlist(0x258, 0, 4, 2, (u32)(uintptr_t)&token, 0, 0, 0);
    expect_spec("X'258': a list shorter than 5 doublewords is a specification exception");
    parmlist(0x258, 2, 5, 2, (u32)(uintptr_t)&token, 0, 0, 0);
    expect_spec("X'258': function 2 is a specification exception");
    parmlist(0x258, 0, 5, 2, (u32)(uintptr_t)&token + 2, 0, 0, 0);
    expect_spec("X'258': a token address not on a doubleword is a specification exception");
    parmlist(0x258, 0, 5, 2, (u32)(uintptr_t)&token, 0, PSW_PROBLEM, 0);
    expect_spec("X'258': a compare mask outside the select mask is a specification exception");
    parmlist(0x258, 0, 5, 2, (u32)(uintptr_t)&token, 0, 0, 1);
    expect_spec("X'258': a reserved doubleword that is not zero is a specification exception");
    parmlist(0x258, 0, 5, 2, 0x01000000u, 0, 0, 0);
    expect_spec("X'258': a token address beyond 24 bits is a specification exception");
    parmlist(0x258, 0, 5, 2, size, 0, 0, 0);      /* just past the end */
    cls = diag258((u32)(uintptr_t)parms, &ry);
    report("X'258': a token beyond the storage is an addressing exception",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cls, t.code);
    CHECK_EQ("X'258': cancel with no token established gives Ry 4", 4, cancel());
    CHECK_EQ("X'258': establish gives Ry 0", 0, establish((u32)(uintptr_t)&token));
    CHECK_EQ("X'258': establish again gives Ry 8 (the first one stays)", 8,
             establish((u32)(uintptr_t)&token));
    parmlist(0x258, 1, 5, 2, (u32)(uintptr_t)&token, 0, 0, 0);
    expect_spec("X'258': cancel with a token address is a specification exception");
    CHECK_EQ("X'258': cancel gives Ry 0", 0, cancel());
}

/* ---- the handshake ------------------------------------------------------ */

/* runs in the problem state, enabled for external interruptions: reads
 * the first word of pages probe_page .. probe_end - 1 */
static void probe(void)
{
    for (; probe_page < probe_end; probe_page++)
        probe_sum += *(volatile u32 *)(uintptr_t)(AREA + probe_page * 4096u);
    asm volatile("svc 1");
}

static void start_probe(void *arg)
{
    static u32 psw[2] __attribute__((aligned(8)));
    u64 p = psw_make(0x01, 0, true, false, (u32)(uintptr_t)probe);

    (void)arg;
    psw[0] = (u32)(p >> 32);
    psw[1] = (u32)p;
    asm volatile("lpsw %0" : : "Q"(*psw) : "memory");
}

/* "something else": count, enabled, until an interruption ends it */
static void other_work(void *arg)
{
    static u8 old_mask;

    (void)arg;
    asm volatile("stosm %0,0x01" : "=Q"(old_mask) : : "memory");
    for (;;)
        counter++;
}

static void fill(void)
{
    for (u32 p = 0; p < AREA_PAGES; p++)
        *(volatile u32 *)(uintptr_t)(AREA + p * 4096u) = AREA + p * 4096u;
}

static void handshake(void)
{
    static u32 cr0;
    int cls;
    u32 faulted;

    /* the service-signal subclass only: no timer interruptions meanwhile */
    asm volatile("stctl 0,0,%0" : "=Q"(cr0));
    cr0 = (cr0 & ~0x00000FE0u) | CR0_SERVICE;
    asm volatile("lctl 0,0,%0" : : "Q"(cr0));
    token = TOKEN;
    CHECK_EQ("X'258': establish a token for problem-state faults", 0, establish((u32)(uintptr_t)&token));
    probe_page = 0;
    probe_end = AREA_PAGES;
    cls = trap_call(start_probe, NULL, &t);
    faulted = probe_page;
    report("touching a page on DASD gives external interruption X'2603'",
           cls == TRAP_EXT && t.code == EXT_PFAULT, "class %d code %X after %u pages",
           cls, t.code, (unsigned)faulted);
    if (cls != TRAP_EXT)
        return;
    CHECK_EQ("the first interruption has subcode X'0600'", SUB_INITIAL, lc_read16(0x84));
    CHECK_EQ("the first interruption carries the token", TOKEN, lc_read32(0x80));
    report("its old PSW is the problem-state instruction that touched the page",
           (t.oldpsw[0] & 0x00010000u) != 0, "old PSW %08X %08X", t.oldpsw[0], t.oldpsw[1]);
    token = TOKEN + 1;                          /* CP read it at the fault */
    counter = 0;
    cls = trap_call(other_work, NULL, &t);
    report("the second interruption comes when the page is in", cls == TRAP_EXT && t.code == EXT_PFAULT,
           "class %d code %X", cls, t.code);
    CHECK_EQ("the second interruption has subcode X'0680'", SUB_DONE, lc_read16(0x84));
    CHECK_EQ("the second interruption carries the same token", TOKEN, lc_read32(0x80));
    report("the guest ran something else while the page was read", counter > 0, "counter %u",
           (unsigned)counter);
    /* the same touch again: the page is in real storage, with its data */
    probe_page = faulted;
    probe_end = faulted + 1;
    probe_sum = 0;
    cls = trap_call(start_probe, NULL, &t);
    report("touching the page again needs no pseudo page fault", cls == TRAP_SVC,
           "class %d code %X", cls, t.code);
    CHECK_EQ("the page that came in holds what was written", AREA + faulted * 4096u, probe_sum);
    CHECK_EQ("X'258': cancel the token", 0, cancel());
}

/* without a token, the same touch is transparent: the VM just waits */
static void without_token(void)
{
    int cls;

    fill();                                     /* push the first pages out again */
    probe_page = 0;
    probe_end = AREA_PAGES;
    cls = trap_call(start_probe, NULL, &t);
    report("with the token cancelled, pages come in without interruptions",
           cls == TRAP_SVC && probe_page == AREA_PAGES, "class %d code %X at page %u", cls, t.code,
           (unsigned)probe_page);
}

int main(void)
{
    struct cp370_diag_regs s = { 0 };

    cp370_diag_060_storage_size(&s);
    if (s.rx < AREA + AREA_PAGES * 4096u || s.rx > 0xFFF000u) {
        report("the virtual machine has 13M to 15M", false, "%uK", (unsigned)(s.rx >> 10));
        return 0;
    }
    parameter_rules(s.rx);
    fill();
    handshake();
    without_token();
    return 0;
}
