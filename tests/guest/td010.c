/* td010.c - DIAGNOSE X'10' release pages: the frames go back to CP and
 * the pages read as zeros afterwards. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/pgm.h"

#define AREA    0x80000u        /* 64 pages the program does not use */
#define PAGES   16

static struct cp370_diag_regs r;
static struct trap t;

static void call(void *arg)
{
    (void)arg;
    cp370_diag_010_release_pages(&r);
}

/* resident pages of this VM, from QUERY VIRTUAL */
static int resident(void)
{
    char out[512];
    const char *p;
    int n = -1;

    cp_command("QUERY VIRTUAL", out, sizeof out, NULL);
    for (p = out; *p; p++)
        if (!strncmp(p, "RESIDENT ", 9)) {
            n = 0;
            for (p += 9; *p >= '0' && *p <= '9'; p++)
                n = n * 10 + (*p - '0');
            break;
        }
    return n;
}

int main(void)
{
    volatile u32 *area = (volatile u32 *)(uintptr_t)AREA;
    int before, after, cls;
    bool zeros = true;

    for (u32 i = 0; i < PAGES * 1024; i++)
        area[i] = 0xA5A5A5A5u;
    before = resident();
    r.rx = AREA;
    r.ry = AREA + (PAGES - 1) * 4096;
    cls = trap_call(call, NULL, &t);
    after = resident();
    report("X'10' gives the released frames back to CP (QUERY VIRTUAL shows them gone)",
           cls == TRAP_NONE && before - after >= PAGES, "class %d resident %d -> %d", cls, before, after);
    for (u32 i = 0; i < PAGES * 1024; i++)
        if (area[i] != 0)
            zeros = false;
    CHECK("X'10': a released page reads as zeros", zeros);

    r.rx = AREA + 8;
    r.ry = AREA + 4096;
    cls = trap_call(call, NULL, &t);
    report("X'10' with an address not on a page is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    r.rx = AREA + 4096;
    r.ry = AREA;
    cls = trap_call(call, NULL, &t);
    report("X'10' with the first page after the last is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    r.rx = AREA;
    r.ry = 0x00FFF000;
    cls = trap_call(call, NULL, &t);
    report("X'10' beyond the end of storage is an addressing exception",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cls, t.code);
    return 0;
}
