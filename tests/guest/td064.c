/* td064.c - DIAGNOSE X'64' saved segments: find, load (shared and not),
 * purge, and every error.
 *
 * The build saves two segments on the paging volume from the same three
 * pages, each starting with "TSEGPAGEn": TSEG at X'200000' (pages
 * X'200'-X'201' shared, X'202' not) and TSEGHI at X'F00000', above a
 * virtual machine of 4M, in which this program runs: as VM/370 did, CP
 * loads it there and its pages are addressable until it is purged. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ebcdic.h"
#include "arch370/pgm.h"

#define SEG             0x200000u
#define SEG_LAST        (SEG + 3 * 4096 - 1)
#define LOAD            0x00
#define LOAD_NOSHR      0x04
#define PURGE           0x08
#define FIND            0x0C

static u8 name[8];
static struct cp370_diag_regs r;
static struct trap t;
static int cc;

static void call(void *arg)
{
    (void)arg;
    cc = cp370_diag_064_saved_segment(&r);
}

/* X'64' with the name (blank padded) and function; the interruption class */
static int seg(const char *nm, u32 fn)
{
    char padded[8];
    size_t n = strlen(nm);

    memset(padded, ' ', 8);
    memcpy(padded, nm, n > 8 ? 8 : n);
    ebc_from_ascii(name, padded, 8);
    r.rx = (u32)(uintptr_t)name;
    r.ry = fn;
    return trap_call(call, NULL, &t);
}

static bool page_says(u32 addr, int n)
{
    char want[10];

    fmt_snprintf(want, sizeof want, "TSEGPAGE%d", n);
    return memcmp((const void *)(uintptr_t)addr, want, 9) == 0;
}

static int shared_pages(void)
{
    char out[512];
    const char *p;
    int n = -1;

    cp_command("INDICATE USER", out, sizeof out, NULL);
    for (p = out; *p; p++)
        if (!strncmp(p, "SHR=", 4)) {
            for (n = 0, p += 4; *p >= '0' && *p <= '9'; p++)
                n = n * 10 + (*p - '0');
            break;
        }
    return n;
}

static void errors(void)
{
    int cls;

    cls = seg("NOSUCH", FIND);
    report("X'64' FIND of a name nobody saved: CC 2, Ry 44", cls == TRAP_NONE && cc == 2 && r.ry == 44,
           "class %d cc %d ry %u", cls, cc, (unsigned)r.ry);
    cls = seg("NOSUCH", LOAD);
    report("X'64' LOAD of a name nobody saved: CC 2, Ry 44", cls == TRAP_NONE && cc == 2 && r.ry == 44,
           "class %d cc %d ry %u", cls, cc, (unsigned)r.ry);
    cls = seg("TSEG", 0x10);
    report("X'64' with function X'10' is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    r.rx = 0x00FFFFF0u;
    r.ry = FIND;
    cls = trap_call(call, NULL, &t);
    report("X'64' with the name beyond the storage is an addressing exception",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cls, t.code);
    cls = seg("TSEG", PURGE);
    report("X'64' PURGE of a segment not loaded: CC 1", cls == TRAP_NONE && cc == 1, "class %d cc %d",
           cls, cc);
}

static void load_find_purge(void)
{
    int cls, before = shared_pages();

    cls = seg("TSEG", FIND);
    report("X'64' FIND of a saved segment not loaded: CC 1 and its range",
           cls == TRAP_NONE && cc == 1 && r.rx == SEG && r.ry == SEG_LAST, "class %d cc %d %X-%X",
           cls, cc, (unsigned)r.rx, (unsigned)r.ry);
    cls = seg("TSEG", LOAD);
    report("X'64' LOAD shared: CC 0, Rx and Ry its first and last byte",
           cls == TRAP_NONE && cc == 0 && r.rx == SEG && r.ry == SEG_LAST, "class %d cc %d %X-%X",
           cls, cc, (unsigned)r.rx, (unsigned)r.ry);
    report("its pages hold what was saved", page_says(SEG, 0) && page_says(SEG + 4096, 1) &&
           page_says(SEG + 8192, 2), "first bytes %02X", *(u8 *)(uintptr_t)SEG);
    CHECK_EQ("the two pages saved as shared are shared (INDICATE USER SHR=)", before + 2, shared_pages());
    *(volatile u32 *)(uintptr_t)(SEG + 16) = 0xABCDEF01u;
    report("a store into a shared page of it works", *(volatile u32 *)(uintptr_t)(SEG + 16) == 0xABCDEF01u,
           "read back %08X", *(volatile u32 *)(uintptr_t)(SEG + 16));
    CHECK_EQ("... on a private copy of that page", before + 1, shared_pages());
    cls = seg("TSEG", FIND);
    report("X'64' FIND of a loaded segment: CC 0", cls == TRAP_NONE && cc == 0 && r.rx == SEG,
           "class %d cc %d", cls, cc);
    cls = seg("TSEG", PURGE);
    report("X'64' PURGE: CC 0", cls == TRAP_NONE && cc == 0, "class %d cc %d", cls, cc);
    report("a purged segment's pages read as zeros", *(volatile u32 *)(uintptr_t)SEG == 0 &&
           *(volatile u32 *)(uintptr_t)(SEG + 8192) == 0, "%08X", *(volatile u32 *)(uintptr_t)SEG);
    CHECK_EQ("... and are no longer shared", before, shared_pages());
    cls = seg("TSEG", LOAD_NOSHR);
    report("X'64' LOAD non-shared: CC 0 and the data", cls == TRAP_NONE && cc == 0 && page_says(SEG, 0),
           "class %d cc %d", cls, cc);
    CHECK_EQ("... with no shared pages", before, shared_pages());
    seg("TSEG", PURGE);
}

#define HIGH            0xF00000u

static void touch_high(void *arg)
{
    (void)arg;
    (void)*(volatile u32 *)(uintptr_t)HIGH;
}

static void above_storage(void)
{
    struct cp370_diag_regs s = { 0 };
    int cls;

    cls = seg("TSEGHI", LOAD);
    report("X'64' LOAD of a segment above the storage: CC 0 and its range",
           cls == TRAP_NONE && cc == 0 && r.rx == HIGH && r.ry == HIGH + 3 * 4096 - 1,
           "class %d cc %d %X-%X", cls, cc, (unsigned)r.rx, (unsigned)r.ry);
    report("its pages above the storage hold what was saved", page_says(HIGH, 0) &&
           page_says(HIGH + 8192, 2), "first bytes %02X", *(u8 *)(uintptr_t)HIGH);
    cp370_diag_060_storage_size(&s);
    report("X'60' still reports the defined storage", s.rx == 4u << 20, "%X", (unsigned)s.rx);
    cls = seg("TSEGHI", PURGE);
    report("X'64' PURGE of the segment above the storage: CC 0", cls == TRAP_NONE && cc == 0,
           "class %d cc %d", cls, cc);
    cls = trap_call(touch_high, NULL, &t);
    report("after PURGE its addresses are beyond the storage again (addressing exception)",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cls, t.code);
}

int main(void)
{
    errors();
    load_find_purge();
    above_storage();
    return 0;
}
