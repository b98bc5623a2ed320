/* rt.c - console, reporting, traps and PSW helpers for guest tests. */
#include "guest.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"
#include "cp370diag.h"
#include <stdarg.h>

#define CONSOLE     0x009
#define CAW         0x48
#define CSW         0x40

extern int trap_call_asm(void (*fn)(void *), void *arg, struct trap *t);
extern void catch_pgm(void), catch_svc(void), catch_ext(void), catch_io(void), catch_restart(void);
extern void load_psw(const u32 *psw);

static unsigned cases, failures;

const char *guest_parm(void)
{
    static char text[65];
    ebc_to_ascii_buf(text, (const u8 *)0x900, 64);
    text[64] = 0;
    for (int i = 63; i >= 0 && text[i] == ' '; i--)
        text[i] = 0;
    return text;
}

u32 parm_number(const char **p, u32 dflt)
{
    u32 v = 0;
    bool any = false;

    while (**p == ' ')
        (*p)++;
    for (; **p >= '0' && **p <= '9'; (*p)++) {
        v = v * 10 + (u32)(**p - '0');
        any = true;
    }
    return any ? v : dflt;
}

/* DIAGNOSE X'08' with a response buffer; returns the condition code, the
 * response (lines separated by newlines) in resp, the CP return code */
int cp_command(const char *cmd, char *resp, unsigned size, int *rc)
{
    static u8 text[132], buf[1024];
    struct cp370_diag_regs r;
    unsigned n = strlen(cmd), got;
    int cc;

    if (n > sizeof text)
        n = sizeof text;
    if (size > sizeof buf)
        size = sizeof buf;
    ebc_from_ascii(text, cmd, n);
    r.rx = (u32)(uintptr_t)text;
    r.rx1 = (u32)(uintptr_t)buf;
    r.ry = 0x40000000u | n;
    r.ry1 = size ? size - 1 : 0;
    r.r15 = 0;
    cc = cp370_diag_008_cp_command(&r);
    got = cc == 0 ? r.ry1 : size ? size - 1 : 0;
    for (unsigned i = 0; i < got && size; i++)
        resp[i] = buf[i] == 0x15 ? '\n' : (char)ebc_to_ascii[buf[i]];
    if (size)
        resp[got < size ? got : size - 1] = 0;
    if (rc)
        *rc = (int)r.ry;
    return cc;
}

u64 psw_make(u8 sysmask, u8 key, bool problem, bool wait, u32 ia)
{
    u8 b1 = (u8)(key << 4) | (wait ? 0x02 : 0) | (problem ? 0x01 : 0);

    if (GUEST_EC) {
        b1 |= 0x08;
        sysmask &= 0x47;
    }
    return (u64)sysmask << 56 | (u64)b1 << 48 | (ia & 0x00FFFFFF);
}

void set_new_psw(u32 loc, u64 psw)
{
    lc_write32(loc, (u32)(psw >> 32));
    lc_write32(loc + 4, (u32)psw);
}

u8 get_sysmask(void)
{
    static u8 m;
    asm volatile("stnsm %0,0xff" : "=Q"(m));
    return m;
}

int trap_call(void (*fn)(void *), void *arg, struct trap *t)
{
    int cls;

    set_new_psw(0x68, psw_make(0, 0, false, false, (u32)(uintptr_t)catch_pgm));
    set_new_psw(0x60, psw_make(0, 0, false, false, (u32)(uintptr_t)catch_svc));
    set_new_psw(0x58, psw_make(0, 0, false, false, (u32)(uintptr_t)catch_ext));
    set_new_psw(0x78, psw_make(0, 0, false, false, (u32)(uintptr_t)catch_io));
    set_new_psw(0x00, psw_make(0, 0, false, false, (u32)(uintptr_t)catch_restart));
    cls = trap_call_asm(fn, arg, t);
    t->cls = (u32)cls;
    if (cls == TRAP_RESTART) {
        t->code = 0;
        t->ilc = 0;
    } else if (cls != TRAP_NONE && !GUEST_EC) {
        /* BC mode: the code and ILC are in the old PSW itself */
        t->code = (u16)t->oldpsw[0];
        t->ilc = (u8)((t->oldpsw[1] >> 30) * 2);
    } else if (cls != TRAP_NONE) {
        t->ilc &= 6;
    }
    return cls;
}

void enabled_wait(u8 sysmask)
{
    static u32 psw[2] __attribute__((aligned(8)));
    u64 p = psw_make(sysmask, 0, false, true, 0);

    psw[0] = (u32)(p >> 32);
    psw[1] = (u32)p;
    load_psw(psw);
}

#define IO_INSN(name, opcode)                                               \
    int name(u16 dev)                                                       \
    {                                                                       \
        int cc;                                                             \
        asm volatile(".insn s," #opcode ",0(%1)\n\tipm %0\n\tsrl %0,28"     \
                     : "=d"(cc) : "a"((u32)dev) : "cc", "memory");          \
        return cc;                                                          \
    }
IO_INSN(sio, 0x9c000000)
IO_INSN(tio, 0x9d000000)
IO_INSN(hio, 0x9e000000)
IO_INSN(tch, 0x9f000000)

static struct ccw0 con_ccw __attribute__((aligned(8)));
static u8 con_buf[256];

/* one CCW on the console, waiting for its ending status by TIO */
static int con_io(u8 cmd, u32 len)
{
    ccw0_make(&con_ccw, cmd, (u32)(uintptr_t)con_buf, CCW_SLI, (u16)len);
    lc_write32(CAW, (u32)(uintptr_t)&con_ccw);
    for (int tries = 0; tries < 100; tries++) {
        int cc = sio(CONSOLE);
        if (cc == 0)
            break;
        if (cc == 3)
            return -1;
        tio(CONSOLE);           /* CC 1: take the pending status, retry */
    }
    while (tio(CONSOLE) == 2)
        ;
    return 0;
}

void con_write(const char *s)
{
    size_t n = strlen(s);
    if (n > sizeof con_buf)
        n = sizeof con_buf;
    ebc_from_ascii(con_buf, s, n);
    con_io(0x09, n ? (u32)n : 1);
}

void con_printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    con_write(buf);
}

static void wait_io(void *arg)
{
    (void)arg;
    enabled_wait(GUEST_EC ? 0x02 : 0xFE);
}

int con_read(char *buf, int max)
{
    struct trap t;
    int n;

    if (max > (int)sizeof con_buf)
        max = sizeof con_buf;
    ccw0_make(&con_ccw, 0x0A, (u32)(uintptr_t)con_buf, CCW_SLI, (u16)(max - 1));
    lc_write32(CAW, (u32)(uintptr_t)&con_ccw);
    while (sio(CONSOLE) == 1)
        ;                       /* an attention was pending: taken, retry */
    do {
        trap_call(wait_io, NULL, &t);
    } while (t.cls != TRAP_IO || t.code != CONSOLE);
    n = (max - 1) - (int)(t.csw[1] & 0xFFFF);
    ebc_to_ascii_buf(buf, con_buf, (size_t)n);
    buf[n] = 0;
    return n;
}

void report(const char *name, bool ok, const char *fmt, ...)
{
    char why[160];
    va_list ap;

    cases++;
    if (ok) {
        con_printf("PASS %s", name);
        return;
    }
    failures++;
    va_start(ap, fmt);
    fmt_vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    con_printf("FAIL %s: %s", name, why);
}

void guest_stop(u32 code)
{
    static u32 psw[2] __attribute__((aligned(8)));
    u64 p = psw_make(0, 0, false, true, code);

    psw[0] = (u32)(p >> 32);
    psw[1] = (u32)p;
    load_psw(psw);
    for (;;)
        ;
}

int summary(void)
{
    con_printf("SUMMARY %u cases, %u failed (%s mode)", cases, failures, GUEST_EC ? "EC" : "BC");
    guest_stop(failures);
}
