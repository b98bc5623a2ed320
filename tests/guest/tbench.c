/* tbench.c - the work `make bench` measures: the same job done the
 * emulated way (SIO, CP simulating or translating a channel program, an
 * I/O interruption) and the paravirtual way (DIAGNOSE), plus the job with
 * no I/O at all, so that what the program itself costs can be taken off.
 *
 * PARM: "<job> <n>", job one of
 *   CONSIO   n lines on the console by SIO, waiting for each interruption
 *   CONDIAG  the same lines by DIAGNOSE X'58'
 *   CONNONE  the same lines formatted, not written
 *   DSKSIO   n 800-byte blocks read from the 191 by SIO
 *   DSK18    the same blocks by DIAGNOSE X'18'
 *   DSK250   the same blocks by DIAGNOSE X'250'
 *   DSKNONE  the same channel programs built, not run
 *   DIAG60   n DIAGNOSE X'60' (storage size): a round trip into CP and back
 *   NONE     n turns of the same loop with nothing in it
 *   SPIN     n turns of BRANCH RELATIVE ON COUNT to itself: the loop `make bench`
 *            also runs with no CP at all (tests/bench/tv.cpp)
 *   SSM STNSM STOSM LPSW ISK SSK IPK SPKA SPT STPT SCKC STCKC
 *            n of that privileged (or, IPK and SPKA, semiprivileged)
 *            instruction, each changing nothing
 *   TIO      n TEST I/O to the console
 *   SIOTIO   n START I/O of a NOP to the console, then TEST I/O for its status
 *   SVC      n SVCs, each to a handler that returns by LPSW of the old PSW
 *   PGM      n fixed-point divide exceptions, the same way
 *            (the bench takes LPSW's cost off SVC and PGM)
 * Every job ends with one PASS or FAIL line (FAIL if any I/O failed) and the
 * SUMMARY line; the bench reads the instruction count before and after. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ccw.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

#define CONSOLE     0x009
#define DISK        0x191
#define TRACKS      60          /* blocks come from the first two cylinders */
#define PER_TRACK   19
#define BLOCK       800

static struct ccw0 ccw[4] __attribute__((aligned(8)));
static u8 seekarg[8] __attribute__((aligned(8))), search[8];
static u8 line[80], block[BLOCK];
static u8 biopl[64] __attribute__((aligned(8)));
static u8 bioe[16] __attribute__((aligned(8)));

/* ---- waiting for an I/O interruption, as an operating system would ------ */

static void wait_io(void *arg)
{
    (void)arg;
    enabled_wait(0x02);
}

/* ending status without unit check, unit exception or channel errors */
static bool csw_ok(u32 word1)
{
    return (word1 >> 24 & 0x03) == 0 && (word1 >> 16 & 0xFF) == 0;
}

/* SIO the program at ccw[0] on dev and wait for its interruption */
static bool sio_and_wait(u16 dev)
{
    struct trap t;
    int cc;

    lc_write32(0x48, (u32)(uintptr_t)ccw);
    cc = sio(dev);
    if (cc == 1)                                /* ended at once: CSW stored */
        return csw_ok(lc_read32(0x44));
    if (cc != 0)
        return false;
    do {
        trap_call(wait_io, NULL, &t);
    } while (t.cls != TRAP_IO || t.code != dev);
    return csw_ok(t.csw[1]);
}

/* ---- console ------------------------------------------------------------- */

static u16 format_line(u32 i)
{
    char text[40];
    int n = fmt_snprintf(text, sizeof text, "BENCH LINE %u", i);
    ebc_from_ascii(line, text, (size_t)n);
    return (u16)n;
}

static u32 console(char how, u32 n)
{
    u32 failed = 0;

    for (u32 i = 0; i < n; i++) {
        u16 len = format_line(i);
        if (how == 'N')
            ccw0_make(&ccw[0], 0x09, (u32)(uintptr_t)line, CCW_SLI, len);
        if (how == 'S') {
            ccw0_make(&ccw[0], 0x09, (u32)(uintptr_t)line, CCW_SLI, len);  /* write, CR */
            failed += !sio_and_wait(CONSOLE);
        } else if (how == 'D') {
            ccw0_make(&ccw[0], 0x19, (u32)(uintptr_t)line, 0, len);    /* X'58' write */
            struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)ccw, .ry = CONSOLE };
            failed += cp370_diag_058_console(&r) != 0;
        }
    }
    return failed;
}

/* ---- disk ---------------------------------------------------------------- */

/* SEEK, SEARCH ID EQUAL, TIC, READ DATA for block b (1 up) */
static void block_program(u32 b)
{
    u32 track = (b - 1) / PER_TRACK;
    u16 cyl = (u16)(track / 30), head = (u16)(track % 30);

    memset(seekarg, 0, sizeof seekarg);
    put_be16(seekarg + 2, cyl);
    put_be16(seekarg + 4, head);
    put_be16(search, cyl);
    put_be16(search + 2, head);
    search[4] = (u8)((b - 1) % PER_TRACK + 1);
    ccw0_make(&ccw[0], 0x07, (u32)(uintptr_t)seekarg, CCW_CC, 6);
    ccw0_make(&ccw[1], 0x31, (u32)(uintptr_t)search, CCW_CC, 5);
    ccw0_make(&ccw[2], 0x08, (u32)(uintptr_t)&ccw[1], 0, 0);
    ccw0_make(&ccw[3], 0x06, (u32)(uintptr_t)block, 0, BLOCK);
}

static bool bio_init(void)
{
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)biopl, .ry = 0 };
    memset(biopl, 0, sizeof biopl);
    put_be16(biopl, DISK);
    put_be32(biopl + 24, BLOCK);
    return cp370_diag_250_block_io(&r) == 0 && r.rx1 == 0;
}

static bool bio_read(u32 b)
{
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)biopl, .ry = 1 };
    memset(biopl, 0, sizeof biopl);
    put_be16(biopl, DISK);
    put_be32(biopl + 28, 1);
    put_be32(biopl + 36, (u32)(uintptr_t)bioe);
    memset(bioe, 0, sizeof bioe);
    bioe[0] = 2;
    put_be32(bioe + 4, b);
    put_be32(bioe + 12, (u32)(uintptr_t)block);
    return cp370_diag_250_block_io(&r) == 0 && bioe[1] == 0;
}

static u32 disk(char how, u32 n)
{
    u32 failed = 0;

    if (how == '2' && !bio_init())
        return n;
    for (u32 i = 0; i < n; i++) {
        u32 b = i % (TRACKS * PER_TRACK) + 1;
        if (how == '2') {
            failed += !bio_read(b);
            continue;
        }
        block_program(b);
        if (how == 'S') {
            failed += !sio_and_wait(DISK);
        } else if (how == '1') {
            struct cp370_diag_regs r = { .rx = DISK, .ry = (u32)(uintptr_t)ccw, .r15 = 1 };
            failed += cp370_diag_018_dasd_io(&r) != 0;
        }
    }
    return failed;
}

/* ---- the smallest service: one trap into CP and back ----------------------- */

static u32 round_trip(char how, u32 n)
{
    u32 failed = 0;

    for (u32 i = 0; i < n; i++) {
        struct cp370_diag_regs r = { 0 };
        if (how == 'D')
            cp370_diag_060_storage_size(&r);
        else
            asm volatile("" : : "r"(&r) : "memory");
        failed += how == 'D' && r.rx == 0;
    }
    return failed;
}

/* ---- CPU-bound: one instruction, n times, no trap ------------------------ */

static u32 spin(char how, u32 n)
{
    (void)how;
    if (n)                                      /* 0 would be 2**32 turns */
        asm volatile("0: brct %0,0b" : "+d"(n));
    return 0;
}

/* ---- one trapped instruction at a time ------------------------------------ */

static u64 psw_dw __attribute__((aligned(8)));
static u64 timer_dw __attribute__((aligned(8)));
static u64 ckc_dw __attribute__((aligned(8))) = ~0ull;     /* never: no interruption */
static u8 mask_byte;
static struct ccw0 nop_ccw __attribute__((aligned(8)));

/* the SVC and program handlers: straight back to the old PSW */
void bench_svc_back(void);
void bench_pgm_back(void);
asm(".text\n"
    "bench_svc_back: lpsw 0x20\n"
    "bench_pgm_back: lpsw 0x28\n");

/* after LPSW: where the loaded PSW goes on */
void bench_lpsw_next(void);

/* LPSW of a PSW that goes on at the next instruction (one copy of the
 * label: never inlined) */
static void __attribute__((noinline, noclone)) load_and_go_on(void)
{
    psw_dw = psw_make(mask_byte, 0, false, false, (u32)(uintptr_t)bench_lpsw_next);
    asm volatile("lpsw %0\n"
                 "bench_lpsw_next:" : : "Q"(psw_dw) : "memory", "cc");
}

static u32 one_trap(char how, u32 n)
{
    u32 failed = 0, key = 0, page = 0x10000;
    u8 old;

    mask_byte = get_sysmask();
    set_new_psw(0x60, psw_make(0, 0, false, false, (u32)(uintptr_t)bench_svc_back));
    set_new_psw(0x68, psw_make(0, 0, false, false, (u32)(uintptr_t)bench_pgm_back));
    ccw0_make(&nop_ccw, 0x03, 0, CCW_SLI, 1);
    lc_write32(0x48, (u32)(uintptr_t)&nop_ccw);
    asm volatile("stpt %0" : "=Q"(timer_dw));
    asm volatile(".insn rr,0x0900,%0,%1" : "=d"(key) : "d"(page));     /* ISK */
    for (u32 i = 0; i < n; i++) {
        switch (how) {
        case 's': asm volatile("ssm %0" : : "Q"(mask_byte) : "memory"); break;
        case 'n': asm volatile("stnsm %0,0xff" : "=Q"(old) : : "memory"); break;
        case 'o': asm volatile("stosm %0,0x00" : "=Q"(old) : : "memory"); break;
        case 'i': asm volatile(".insn rr,0x0900,%0,%1" : "=d"(key) : "d"(page)); break;
        case 'k': asm volatile(".insn rr,0x0800,%0,%1" : : "d"(key), "d"(page) : "memory"); break;
        case 't': asm volatile("spt %0" : : "Q"(timer_dw)); break;
        case 'u': asm volatile("stpt %0" : "=Q"(timer_dw)); break;
        case 'K': asm volatile("ipk" : : : "2"); break;
        case 'A': asm volatile("spka 0" : : : "memory"); break;
        case 'c': asm volatile("sckc %0" : : "Q"(ckc_dw)); break;
        case 'C': asm volatile("stckc %0" : "=Q"(ckc_dw)); break;
        case 'I': failed += tio(CONSOLE) == 3; break;
        case 'S': failed += sio(CONSOLE) > 1; tio(CONSOLE); break;
        case 'v': asm volatile("svc 1" : : : "memory"); break;
        case 'p':
            asm volatile("lhi 0,0\n\tlhi 1,1\n\tlhi 2,0\n\tdr 0,2" : : : "0", "1", "2", "memory");
            break;
        case 'l': load_and_go_on(); break;
        }
    }
    return failed;
}

static const struct {
    const char *name;
    u32 (*run)(char how, u32 n);
    char how;                   /* S SIO, D DIAGNOSE, 1 X'18', 2 X'250', N none */
} jobs[] = {
    { "CONSIO", console, 'S' },  { "CONDIAG", console, 'D' }, { "CONNONE", console, 'N' },
    { "DSKSIO", disk, 'S' },     { "DSK18", disk, '1' },      { "DSK250", disk, '2' },
    { "DSKNONE", disk, 'N' },    { "DIAG60", round_trip, 'D' }, { "NONE", round_trip, 'N' },
    { "SSM", one_trap, 's' },    { "STNSM", one_trap, 'n' },  { "STOSM", one_trap, 'o' },
    { "LPSW", one_trap, 'l' },   { "ISK", one_trap, 'i' },    { "SSK", one_trap, 'k' },
    { "SPT", one_trap, 't' },    { "STPT", one_trap, 'u' },   { "TIO", one_trap, 'I' },
    { "SIOTIO", one_trap, 'S' }, { "SVC", one_trap, 'v' },    { "PGM", one_trap, 'p' },
    { "IPK", one_trap, 'K' },    { "SPKA", one_trap, 'A' },   { "SCKC", one_trap, 'c' },
    { "STCKC", one_trap, 'C' },  { "SPIN", spin, 'N' },
};

int main(void)
{
    const char *parm = guest_parm(), *p = parm;
    u32 n = 0;

    while (*p && *p != ' ')
        p++;
    for (const char *q = p; *q == ' ' || (*q >= '0' && *q <= '9'); q++)
        if (*q != ' ')
            n = n * 10 + (u32)(*q - '0');
    for (unsigned i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
        if (strlen(jobs[i].name) == (size_t)(p - parm) && !strncmp(parm, jobs[i].name, (size_t)(p - parm))) {
            u32 failed = jobs[i].run(jobs[i].how, n);
            report("bench job", failed == 0, "%u of %u failed", failed, n);
            return 0;
        }
    }
    report("bench job", false, "unknown job: %s", parm);
    return 0;
}
