/* td00c.c - DIAGNOSE X'0C' pseudo timer. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ebcdic.h"
#include "arch370/pgm.h"

static u8 area[40] __attribute__((aligned(8)));
static struct cp370_diag_regs r;
static struct trap t;

static void call(void *arg)
{
    (void)arg;
    cp370_diag_00C_pseudo_timer(&r);
}

static u64 be64(const u8 *p)
{
    u64 v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}

int main(void)
{
    char text[17];
    u64 v1, t1, v2, t2;
    int cls;

    r.rx = (u32)(uintptr_t)area;
    cls = trap_call(call, NULL, &t);
    ebc_to_ascii_buf(text, area, 16);
    text[16] = 0;
    report("X'0C' stores the date as MM/DD/YY and the time as HH:MM:SS",
           cls == TRAP_NONE && text[2] == '/' && text[5] == '/' && text[10] == ':' && text[13] == ':',
           "class %d '%s'", cls, text);
    v1 = be64(area + 16);
    t1 = be64(area + 24);
    report("X'0C' virtual CPU time is at most the total CPU time", v1 <= t1, "virt %u total %u",
           (unsigned)v1, (unsigned)t1);
    for (volatile u32 i = 0; i < 3000000; i++)
        ;
    trap_call(call, NULL, &t);
    v2 = be64(area + 16);
    t2 = be64(area + 24);
    report("X'0C' virtual CPU time grows while the guest computes", v2 > v1 && t2 > t1,
           "virt %u -> %u", (unsigned)v1, (unsigned)v2);

    r.rx = (u32)(uintptr_t)area + 2;
    cls = trap_call(call, NULL, &t);
    report("X'0C' with an area not on a doubleword is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    r.rx = 0x00FFFFF8;
    cls = trap_call(call, NULL, &t);
    report("X'0C' with an area beyond storage is an addressing exception",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cls, t.code);
    return 0;
}
