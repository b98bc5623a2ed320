/* tpriv.c - privileged and I/O instructions under CP: each case one rule
 * of the S/370 Principles of Operation, checked from inside the guest. */
#include "guest.h"
#include "arch370/ccw.h"
#include "arch370/pgm.h"

#define SVC_BACK    0x0A00      /* SVC 0: how problem-state code comes back */

static struct trap t;
static u32 scratch[64] __attribute__((aligned(4096)));
static u16 code_buf[8] __attribute__((aligned(8)));

/* ---- running a single instruction in the problem state ---------------- */

static void go_problem(void *arg)
{
    static u32 psw[2] __attribute__((aligned(8)));
    u64 p = psw_make(0, 0, true, false, (u32)(uintptr_t)arg);
    psw[0] = (u32)(p >> 32);
    psw[1] = (u32)p;
    asm volatile("lpsw %0" : : "Q"(*psw) : "memory");
}

/* execute the instruction (2, 4 or 6 bytes) in problem state; returns the
 * trap class (TRAP_SVC: it ran without an interruption) */
static int in_problem_state(const u8 *insn, unsigned len)
{
    u8 *b = (u8 *)code_buf;
    for (unsigned i = 0; i < len; i++)
        b[i] = insn[i];
    b[len] = 0x0A;
    b[len + 1] = 0x00;
    return trap_call(go_problem, code_buf, &t);
}

static void privileged_in_problem_state(const char *name, const u8 *insn, unsigned len)
{
    int cls = in_problem_state(insn, len);
    report(name, cls == TRAP_PGM && t.code == PGM_PRIVILEGED && t.ilc == len,
           "class %d code %X ilc %u", cls, t.code, t.ilc);
}

static void problem_state_cases(void)
{
    static const struct { const char *name; u8 b[6]; unsigned len; } cases[] = {
        { "SSM in problem state is a privileged operation",   { 0x80, 0x00, 0x01, 0x00 }, 4 },
        { "LPSW in problem state is a privileged operation",  { 0x82, 0x00, 0x01, 0x00 }, 4 },
        { "SSK in problem state is a privileged operation",   { 0x08, 0x12 }, 2 },
        { "ISK in problem state is a privileged operation",   { 0x09, 0x12 }, 2 },
        { "SCK in problem state is a privileged operation",   { 0xB2, 0x04, 0x01, 0x00 }, 4 },
        { "SCKC in problem state is a privileged operation",  { 0xB2, 0x06, 0x01, 0x00 }, 4 },
        { "STCKC in problem state is a privileged operation", { 0xB2, 0x07, 0x01, 0x00 }, 4 },
        { "SPT in problem state is a privileged operation",   { 0xB2, 0x08, 0x01, 0x00 }, 4 },
        { "STPT in problem state is a privileged operation",  { 0xB2, 0x09, 0x01, 0x00 }, 4 },
        { "SPKA in problem state with PKM 0 is privileged",   { 0xB2, 0x0A, 0x00, 0x30 }, 4 },
        { "IPK in problem state without authority is privileged", { 0xB2, 0x0B, 0x00, 0x00 }, 4 },
        { "PTLB in problem state is a privileged operation",  { 0xB2, 0x0D, 0x00, 0x00 }, 4 },
        { "RRB in problem state is a privileged operation",   { 0xB2, 0x13, 0x01, 0x00 }, 4 },
        { "STIDP in problem state is a privileged operation", { 0xB2, 0x02, 0x01, 0x00 }, 4 },
        { "STIDC in problem state is a privileged operation", { 0xB2, 0x03, 0x00, 0x00 }, 4 },
        { "LCTL in problem state is a privileged operation",  { 0xB7, 0x00, 0x01, 0x00 }, 4 },
        { "STCTL in problem state is a privileged operation", { 0xB6, 0x00, 0x01, 0x00 }, 4 },
        { "LRA in problem state is a privileged operation",   { 0xB1, 0x10, 0x01, 0x00 }, 4 },
        { "SIGP in problem state is a privileged operation",  { 0xAE, 0x12, 0x00, 0x01 }, 4 },
        { "STNSM in problem state is a privileged operation", { 0xAC, 0xFF, 0x01, 0x00 }, 4 },
        { "STOSM in problem state is a privileged operation", { 0xAD, 0x00, 0x01, 0x00 }, 4 },
        { "SIO in problem state is a privileged operation",   { 0x9C, 0x00, 0x00, 0x09 }, 4 },
        { "TIO in problem state is a privileged operation",   { 0x9D, 0x00, 0x00, 0x09 }, 4 },
        { "HIO in problem state is a privileged operation",   { 0x9E, 0x00, 0x00, 0x09 }, 4 },
        { "TCH in problem state is a privileged operation",   { 0x9F, 0x00, 0x00, 0x00 }, 4 },
        { "DIAGNOSE in problem state is a privileged operation", { 0x83, 0x12, 0x00, 0x60 }, 4 },
    };
    for (unsigned i = 0; i < ARRAY_SIZE(cases); i++)
        privileged_in_problem_state(cases[i].name, cases[i].b, cases[i].len);
}

/* ---- PSW instructions ---------------------------------------------------- */

extern void landing(void);
asm(".text\n.globl landing\n.align 4\nlanding: svc 77\n");

static u32 lpsw_area[4] __attribute__((aligned(8)));

static void do_lpsw(void *arg)
{
    u32 *p = arg;
    asm volatile("lpsw 0(%0)" : : "a"(p) : "memory");
}

static void psw_cases(void)
{
    u64 p = psw_make(0, 0, false, false, (u32)(uintptr_t)landing);
    int cls;

    lpsw_area[0] = (u32)(p >> 32);
    lpsw_area[1] = (u32)p;
    cls = trap_call(do_lpsw, lpsw_area, &t);
    report("LPSW loads the new PSW and goes there", cls == TRAP_SVC && t.code == 77,
           "class %d code %X", cls, t.code);

    lpsw_area[1] = (u32)p | 1;
    cls = trap_call(do_lpsw, lpsw_area, &t);
    report("LPSW of an odd instruction address is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION && t.ilc == 0,
           "class %d code %X ilc %u", cls, t.code, t.ilc);

    cls = trap_call(do_lpsw, (u8 *)lpsw_area + 4, &t);
    report("LPSW of an operand not on a doubleword is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION && t.ilc == 4,
           "class %d code %X ilc %u", cls, t.code, t.ilc);

    if (GUEST_EC) {
        lpsw_area[0] = (u32)(p >> 32) | 0x80000000u;
        lpsw_area[1] = (u32)p;
        cls = trap_call(do_lpsw, lpsw_area, &t);
        report("LPSW of an EC PSW with bit 0 on is a specification exception",
               cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    }
}

static u8 ssm_byte;

static void do_ssm_invalid(void *arg)
{
    (void)arg;
    ssm_byte = 0x80;
    asm volatile("ssm %0" : : "Q"(ssm_byte) : "memory");
}

static void mask_cases(void)
{
    static u8 stored;
    u8 now;

    ssm_byte = 0x01;                                    /* external only */
    asm volatile("ssm %0" : : "Q"(ssm_byte) : "memory");
    asm volatile("stnsm %0,0x00" : "=Q"(stored) : : "memory");
    CHECK_EQ("SSM sets the system mask, STNSM stores it", 0x01, stored);
    now = get_sysmask();
    CHECK_EQ("STNSM ANDs the mask (all off now)", 0x00, now);
    asm volatile("stosm %0,0x01" : "=Q"(stored) : : "memory");
    now = get_sysmask();
    CHECK_EQ("STOSM ORs the mask", 0x01, now);
    asm volatile("stnsm %0,0x00" : "=Q"(stored) : : "memory");
    if (GUEST_EC) {
        int cls = trap_call(do_ssm_invalid, NULL, &t);
        report("SSM of bit 0 in EC mode is a specification exception",
               cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    }
}

static void key_cases(void)
{
    register u32 r2 asm("2") = 0xFFFFFF00u;
    u32 addr = (u32)(uintptr_t)scratch, key;
    int cc;

    asm volatile("spka 0x30\n\tipk\n\tspka 0" : "+d"(r2) : : "memory");
    CHECK_EQ("SPKA sets the PSW key, IPK inserts it in bits 24-27", 0xFFFFFF30u, r2);

    key = 0x60;
    asm volatile(".insn rr,0x0800,%0,%1" : : "d"(key), "d"(addr) : "memory");
    key = 0xFFFFFFFFu;
    asm volatile(".insn rr,0x0900,%0,%1" : "+d"(key) : "d"(addr));
    CHECK_EQ("SSK then ISK gives the key back", 0x60, key & 0xF8);
    CHECK_EQ("ISK keeps bits 0-23 of R1", 0xFFFFFF00u, key & 0xFFFFFF00u);
    key = 0;
    asm volatile(".insn rr,0x0800,%0,%1" : : "d"(key), "d"(addr) : "memory");

    scratch[0] = 1;                                     /* referenced and changed */
    asm volatile(".insn s,0xb2130000,0(%1)\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(addr) : "cc");
    CHECK_EQ("RRB of a page just stored into: CC 3 (referenced, changed)", 3, cc);
    asm volatile(".insn s,0xb2130000,0(%1)\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(addr) : "cc");
    CHECK_EQ("RRB again: CC 1 (changed, no longer referenced)", 1, cc);
}

static void do_isk_far(void *arg)
{
    u32 key = 0, addr = 0x00F00000u;
    (void)arg;
    asm volatile(".insn rr,0x0900,%0,%1" : "+d"(key) : "d"(addr));
}

static void do_isk_odd(void *arg)
{
    u32 key = 0, addr = (u32)(uintptr_t)scratch + 1;
    (void)arg;
    asm volatile(".insn rr,0x0900,%0,%1" : "+d"(key) : "d"(addr));
}

static void do_ipk_problem(void *arg)
{
    (void)arg;
}

static void key_exception_cases(void)
{
    int cls = trap_call(do_isk_far, NULL, &t);
    report("ISK beyond the end of storage is an addressing exception",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING && t.ilc == 2, "class %d code %X", cls, t.code);
    cls = trap_call(do_isk_odd, NULL, &t);
    report("ISK of an address with bits 28-31 on is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    (void)do_ipk_problem;
}

/* ---- timers ------------------------------------------------------------ */

static u64 dw[4] __attribute__((aligned(8)));

static void do_sckc_odd(void *arg)
{
    (void)arg;
    asm volatile("sckc %0" : : "Q"(*(u64 *)((u8 *)dw + 4)));
}

static void timer_cases(void)
{
    int cc;

    dw[0] = get_tod();
    asm volatile("sck %1\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "Q"(dw[0]) : "cc");
    CHECK_EQ("SCK answers CC 1: the clock is in the secure state", 1, cc);

    dw[0] = 0x123456789ABCDE00ull;
    asm volatile("sckc %0" : : "Q"(dw[0]));
    asm volatile("stckc %0" : "=Q"(dw[1]));
    report("SCKC then STCKC gives the comparator back", dw[1] == dw[0], "got %08X%08X",
           (u32)(dw[1] >> 32), (u32)dw[1]);
    dw[0] = ~0ull;
    asm volatile("sckc %0" : : "Q"(dw[0]));

    int cls = trap_call(do_sckc_odd, NULL, &t);
    report("SCKC of an operand not on a doubleword is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);

    dw[0] = 0x0000100000000000ull;                      /* about 4.7 minutes */
    asm volatile("spt %0" : : "Q"(dw[0]));
    for (volatile int i = 0; i < 100000; i++)
        ;
    asm volatile("stpt %0" : "=Q"(dw[1]));
    report("SPT then STPT: the CPU timer runs down while the guest runs",
           (s64)dw[1] < (s64)dw[0] && (s64)dw[1] > (s64)dw[0] - (s64)0x0000010000000000ll,
           "set %08X%08X got %08X%08X", (u32)(dw[0] >> 32), (u32)dw[0],
           (u32)(dw[1] >> 32), (u32)dw[1]);
}

/* ---- control registers, identification ------------------------------- */

static u32 cr_area[4] __attribute__((aligned(4)));

static void do_lctl_odd(void *arg)
{
    (void)arg;
    asm volatile("lctl 8,8,%0" : : "Q"(*(u32 *)((u8 *)cr_area + 2)));
}

static void do_lra(void *arg)
{
    u32 r = 0;
    (void)arg;
    asm volatile("lra %0,0(%1)" : "=d"(r) : "a"(0x1000) : "cc");
}

static void control_cases(void)
{
    int cc, cls;

    cr_area[0] = 0x13572468u;
    asm volatile("lctl 8,8,%0\n\tstctl 8,8,%1" : : "Q"(cr_area[0]), "Q"(cr_area[1]) : "memory");
    CHECK_EQ("LCTL then STCTL gives control register 8 back", 0x13572468u, cr_area[1]);
    cls = trap_call(do_lctl_odd, NULL, &t);
    report("LCTL of an operand not on a word is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    asm volatile("ptlb" : : : "memory");
    report("PTLB completes in the supervisor state", true, "-");
    cls = trap_call(do_lra, NULL, &t);
    report("LRA without valid translation format in CR0 is a translation-specification exception",
           cls == TRAP_PGM && t.code == PGM_TRANS_SPEC, "class %d code %X", cls, t.code);

    asm volatile("stidp %0" : "=Q"(dw[0]));
    CHECK_EQ("STIDP gives version code X'FF' in a virtual machine", 0xFF, (u32)(dw[0] >> 56));

    asm volatile(".insn s,0xb2030000,0(%1)\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(0x000) : "cc", "memory");
    report("STIDC of channel 0: CC 0, byte multiplexer ID stored",
           cc == 0 && lc_read32(0xA8) == 0x10000000u, "cc %d id %08X", cc, lc_read32(0xA8));
    asm volatile(".insn s,0xb2030000,0(%1)\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(0x500) : "cc", "memory");
    CHECK_EQ("STIDC of a channel without devices: CC 3", 3, cc);

    {
        register u32 r1 asm("2") = 0;
        register u32 r3 asm("4") = 1;
        asm volatile("sigp %1,%2,1\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r1) : "d"(r3) : "cc");
        CHECK_EQ("SIGP to CPU 1 of a uniprocessor: CC 3, not operational", 3, cc);
    }
}

/* ---- I/O ------------------------------------------------------------------ */

static struct ccw0 ccws[4] __attribute__((aligned(8)));
static u8 text[16] = { 0xE3, 0xD7, 0xD9, 0xC9, 0xE5, 0x40, 0xE2, 0xC9, 0xD6 };   /* "TPRIV SIO" */

/* Start a one-CCW program on the console and take its ending status with
 * TIO, before anything else writes on the console. */
static int console_program(u8 cmd, u8 flags, u16 count, u32 *csw0, u32 *csw1)
{
    int cc;

    ccw0_make(&ccws[0], cmd, (u32)(uintptr_t)text, flags, count);
    lc_write32(0x48, (u32)(uintptr_t)ccws);
    cc = sio(0x009);
    if (cc == 0)
        cc = 10 + tio(0x009);           /* 11 = started, then CSW stored */
    *csw0 = lc_read32(0x40);
    *csw1 = lc_read32(0x44);
    return cc;
}

static void io_cases(void)
{
    u32 c0, c1;
    int cc, cc3a = tio(0x123), cc3b = sio(0x0777);

    CHECK_EQ("TIO of a device that does not exist: CC 3", 3, cc3a);
    CHECK_EQ("SIO to a device that does not exist: CC 3", 3, cc3b);

    cc = console_program(0x09, CCW_SLI, 9, &c0, &c1);
    report("SIO write to the console: CC 0, then TIO gives CC 1 and a CSW with CE+DE",
           cc == 11 && (c1 >> 24) == 0x0C && (c0 & 0x00FFFFFF) == (u32)(uintptr_t)&ccws[1],
           "cc %d csw %08X %08X", cc, c0, c1);
    cc = tio(0x009);
    CHECK_EQ("TIO of the idle console: CC 0", 0, cc);

    ccw0_make(&ccws[0], 0x09, (u32)(uintptr_t)text, CCW_SLI, 9);
    lc_write32(0x48, 0x01000000u | (u32)(uintptr_t)ccws);   /* CAW bits 4-7 not zero */
    cc = sio(0x009);
    c1 = lc_read32(0x44);
    report("SIO with a bad CAW: CC 1, CSW with channel program check",
           cc == 1 && (c1 >> 16 & 0xFF) == CHAN_PGM, "cc %d csw %08X", cc, c1);

    cc = console_program(0x00, 0, 9, &c0, &c1);
    report("A CCW with an invalid command code ends with channel program check",
           cc == 11 && (c1 >> 16 & 0xFF) == CHAN_PGM, "cc %d csw %08X", cc, c1);

    ccw0_make(&ccws[1], 0x09, (u32)(uintptr_t)text, CCW_SLI, 9);
    ccw0_make(&ccws[0], 0x08, (u32)(uintptr_t)&ccws[1], 0, 0);
    lc_write32(0x48, (u32)(uintptr_t)ccws);
    cc = sio(0x009);
    cc = cc == 0 ? 10 + tio(0x009) : cc;
    c1 = lc_read32(0x44);
    report("A TIC as the first CCW is a channel program check",
           cc == 11 && (c1 >> 16 & 0xFF) == CHAN_PGM, "cc %d csw %08X", cc, c1);

    cc = console_program(0x04, 0, 1, &c0, &c1);
    report("SENSE on the console completes with CE+DE",
           cc == 11 && (c1 >> 24) == 0x0C, "cc %d csw %08X", cc, c1);

    cc = console_program(0x27, CCW_SLI, 1, &c0, &c1);
    report("An unknown console command ends with unit check (command reject)",
           cc == 11 && (c1 >> 24) == 0x0E, "cc %d csw %08X", cc, c1);
    cc = console_program(0x04, CCW_SLI, 1, &c0, &c1);
    report("SENSE after the reject gives sense byte X'80' (command reject)",
           cc == 11 && text[0] == 0x80, "cc %d sense %02X", cc, text[0]);

    cc = hio(0x009);
    CHECK_EQ("HIO of the idle console: CC 0", 0, cc);
    cc = tch(0x000);
    CHECK_EQ("TCH of channel 0: CC 0", 0, cc);
    cc = tch(0x700);
    CHECK_EQ("TCH of a channel without devices: CC 3", 3, cc);
}

/* ---- DIAGNOSE and instructions a S/370 does not have --------------------- */

static void do_diag_unknown(void *arg)
{
    (void)arg;
    asm volatile("diag 2,4,0xabc" : : : "memory");
}

static void do_epar(void *arg)
{
    (void)arg;
    asm volatile(".long 0xb2260020" : : : "memory");   /* EPAR 2 */
}

static void do_sac(void *arg)
{
    (void)arg;
    asm volatile(".long 0xb2190000" : : : "memory");   /* SAC 0 */
}

static void do_ex_ssm(void *arg)
{
    static u8 target[4] __attribute__((aligned(2))) = { 0x80, 0x00, 0x00, 0x00 };
    (void)arg;
    /* EX of SSM: simulated on its target, in problem state a privop */
    asm volatile("ex 0,0(%0)" : : "a"(target) : "memory");
}

static void do_load_at(void *arg)
{
    u32 v;
    asm volatile("l %0,0(%1)" : "=d"(v) : "a"(arg) : "memory");
}

static void diag_cases(void)
{
    int cls, below, at;
    register u32 r2 asm("2") = 0;

    asm volatile("diag 2,0,0x60" : "+d"(r2) : : "memory");
    below = trap_call(do_load_at, (void *)(uintptr_t)(r2 - 4), &t);
    at = trap_call(do_load_at, (void *)(uintptr_t)r2, &t);
    report("DIAGNOSE X'60' gives the virtual storage size: the last word is there, the next is not",
           r2 >= 0x10000 && r2 <= 0x01000000 && below == TRAP_NONE && at == TRAP_PGM &&
           t.code == PGM_ADDRESSING, "size %X below %d at %d", r2, below, at);
    cls = trap_call(do_diag_unknown, NULL, &t);
    report("An unassigned DIAGNOSE code is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION && t.ilc == 4, "class %d code %X", cls, t.code);
    cls = trap_call(do_epar, NULL, &t);
    report("EPAR (ESA/390 only) is an operation exception for a S/370 guest",
           cls == TRAP_PGM && t.code == PGM_OPERATION, "class %d code %X", cls, t.code);
    cls = trap_call(do_sac, NULL, &t);
    report("SAC (ESA/390 only) is an operation exception for a S/370 guest",
           cls == TRAP_PGM && t.code == PGM_OPERATION, "class %d code %X", cls, t.code);
    {
        static const u8 ex_insn[4] = { 0x44, 0x00, 0x00, 0x00 };
        (void)ex_insn;
    }
    cls = trap_call(do_ex_ssm, NULL, &t);
    report("EX of SSM in the supervisor state is simulated", cls == TRAP_NONE, "class %d code %X", cls, t.code);
}

int main(void)
{
    con_printf("TPRIV start (%s mode)", GUEST_EC ? "EC" : "BC");
    problem_state_cases();
    psw_cases();
    mask_cases();
    key_cases();
    key_exception_cases();
    timer_cases();
    control_cases();
    io_cases();
    diag_cases();
    return 0;
}
