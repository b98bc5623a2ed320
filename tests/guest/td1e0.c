/* td1e0.c - DIAGNOSE X'1E0', paravirtual page tables, seen from a guest
 * with DAT on (docs/diagnose.md): each table change a list asks for holds
 * at once, with no PTLB, in every shadow space that uses the changed
 * entry; CR1 loaded by a list is the space the next access uses; and the
 * lists a hostile guest might give -- wild addresses, tables and frames
 * outside its storage, too long, bad formats -- are refused with their
 * return code and change nothing.  Every case runs in each of the four
 * page and segment sizes.  Needs 2M of storage.
 *
 * The first megabyte is mapped virtual = real in both address spaces
 * (the program runs on with DAT on); the window at X'100000' is what the
 * lists map and unmap.  The program builds its tables itself once; after
 * that only the lists change them. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/pgm.h"

#define WINDOW      0x100000u
#define FRAME_A     0x180000u
#define FRAME_B     0x181000u
#define FRAME_C     0x182000u
#define FRAME_D     0x183000u
#define STORAGE     0x200000u

#define OP_PTE      1
#define OP_STE      2
#define OP_CR1      3

static struct trap t;

struct fmt {
    const char *name;
    u32 cr0;
    unsigned page_bits, seg_bits;
};

static const struct fmt fmts[] = {
    { "4K pages, 1M segments",  0x12u << 19, 12, 20 },
    { "4K pages, 64K segments", 0x10u << 19, 12, 16 },
    { "2K pages, 1M segments",  0x0Au << 19, 11, 20 },
    { "2K pages, 64K segments", 0x08u << 19, 11, 16 },
};

static u32 segtab[2][256] __attribute__((aligned(64)));
static u16 pagetab[2][1024] __attribute__((aligned(8)));
static const struct fmt *cur;

static u16 pte_for(u32 real)
{
    return cur->page_bits == 12 ? (u16)((real >> 8) & 0xFFF0) : (u16)((real >> 8) & 0xFFF8);
}

static u16 pte_invalid(void)
{
    return cur->page_bits == 12 ? 0x0008 : 0x0004;
}

static u32 cr1_of(int space)
{
    u32 nseg = cur->seg_bits == 20 ? 16 : 256;
    return ((nseg / 16 - 1) << 24) | (u32)(uintptr_t)segtab[space];
}

static u32 ste_for(int space, u32 va)
{
    u32 per_seg = 1u << (cur->seg_bits - cur->page_bits);
    return 0xF0000000u | (u32)(uintptr_t)&pagetab[space][(va >> cur->seg_bits) * per_seg];
}

static void build(int space)
{
    for (u32 s = 0; s < 256; s++)
        segtab[space][s] = 0x00000001;
    for (u32 s = 0; s < (STORAGE >> cur->seg_bits); s++)
        segtab[space][s] = ste_for(space, s << cur->seg_bits);
    for (u32 p = 0; p < (STORAGE >> cur->page_bits); p++)
        pagetab[space][p] = pte_for(p << cur->page_bits);
}

static void use_format(const struct fmt *f)
{
    u32 cr0, cr1;

    cur = f;
    build(0);
    build(1);
    asm volatile("stctl 0,0,%0" : "=Q"(cr0));
    cr0 = (cr0 & ~(0x1Fu << 19)) | f->cr0;
    cr1 = cr1_of(0);
    asm volatile("lctl 0,0,%0" : : "Q"(cr0) : "memory");
    asm volatile("lctl 1,1,%0\n\tptlb" : : "Q"(cr1) : "memory");
}

static u32 get_cr1(void)
{
    u32 v;
    asm volatile("stctl 1,1,%0" : "=Q"(v));
    return v;
}

/* ---- lists ---------------------------------------------------------------- */

static u8 list[16 * 130] __attribute__((aligned(8)));
static u32 n;
static struct cp370_diag_regs r;

static void put32(u8 *p, u32 v)
{
    p[0] = (u8)(v >> 24); p[1] = (u8)(v >> 16); p[2] = (u8)(v >> 8); p[3] = (u8)v;
}

static void add(u8 op, u32 space, u32 va, u32 value)
{
    u8 *e = list + 16 * n++;

    memset(e, 0, 16);
    e[0] = op;
    put32(e + 4, space);
    put32(e + 8, va);
    put32(e + 12, value);
}

/* a 4K page: one entry, or two for the 2K halves */
static void add_page(int space, u32 va, u32 real, bool valid)
{
    add(OP_PTE, cr1_of(space), va, valid ? pte_for(real) : pte_invalid());
    if (cur->page_bits == 11)
        add(OP_PTE, cr1_of(space), va + 0x800, valid ? pte_for(real + 0x800) : pte_invalid());
}

/* issue the list at addr with count entries; the condition code */
static int issue_at(u32 addr, u32 count)
{
    memset(&r, 0, sizeof r);
    r.rx = addr;
    r.ry = count;
    r.ry1 = 0xEEEEEEEE;
    return cp370_diag_1E0_mmu_update(&r);
}

static int issue(void)
{
    int cc = issue_at((u32)(uintptr_t)list, n);
    n = 0;
    return cc;
}

/* ---- running with DAT on ---------------------------------------------------- */

static u32 va, value;

static void with_dat(void *arg)
{
    u8 old;
    (void)arg;

    asm volatile("stosm %0,0x04" : "=Q"(old) : : "memory");
    asm volatile("l %0,0(%1)" : "=d"(value) : "a"(va) : "memory");
    asm volatile("stnsm %0,0xFB" : "=Q"(old) : : "memory");
}

/* load the word at virtual addr with DAT on: true and *out if it ran */
static bool load(u32 addr, u32 *out)
{
    va = addr;
    value = 0xDEADBEEF;
    if (trap_call(with_dat, NULL, &t) != TRAP_NONE)
        return false;
    *out = value;
    return true;
}

static void set_real_word(u32 real, u32 v)
{
    *(volatile u32 *)(uintptr_t)real = v;
}

static char name[120];

static const char *named(const char *rule)
{
    fmt_snprintf(name, sizeof name, "%s (%s)", rule, cur->name);
    return name;
}

/* ---- what a list does ------------------------------------------------------- */

static void remap_case(void)
{
    u32 got = 0;
    int cc;

    set_real_word(FRAME_A, 0xA0A0A0A0);
    set_real_word(FRAME_B, 0xB0B0B0B0);
    add_page(0, WINDOW, FRAME_A, true);
    cc = issue();
    report(named("a list of page-table entries is done: CC 0, Ry 0, Ry+1 the count"),
           cc == 0 && r.ry == 0 && r.ry1 == (cur->page_bits == 11 ? 2u : 1u),
           "cc %d ry %u ry+1 %u", cc, (unsigned)r.ry, (unsigned)r.ry1);
    report(named("the page a list maps is reachable at once"),
           load(WINDOW, &got) && got == 0xA0A0A0A0, "got %08X class %u code %X", got, t.cls,
           t.code);
    CHECK_EQ(named("CP stored the entry into the guest's own page table"), pte_for(FRAME_A),
             pagetab[0][WINDOW >> cur->page_bits]);
    add_page(0, WINDOW, FRAME_B, true);
    issue();
    report(named("a page a list maps elsewhere reads the new frame, with no PTLB"),
           load(WINDOW, &got) && got == 0xB0B0B0B0, "got %08X class %u code %X", got, t.cls,
           t.code);
}

static void invalidate_case(void)
{
    u32 got = 0, at = WINDOW + 0x2000;

    load(at, &got);                     /* a shadow entry for it now */
    add_page(0, at, 0, false);
    issue();
    lc_write32(0x90, 0);
    load(at + 0x10, &got);
    report(named("a page a list invalidates gives a page-translation exception at once"),
           t.cls == TRAP_PGM && t.code == PGM_PAGE_TRANS && (lc_read32(0x90) & 0xFFF000) == at,
           "class %u code %X TEA %06X", t.cls, t.code, lc_read32(0x90));
    add_page(0, at, at, true);
    issue();
    report(named("... and is back when a list maps it again"), load(at, &got), "class %u code %X",
           t.cls, t.code);
}

static void segment_case(void)
{
    u32 got = 0, at = WINDOW + 0x4000;

    load(at, &got);
    add(OP_STE, cr1_of(0), at, 0x00000001);
    issue();
    load(at, &got);
    report(named("a segment a list invalidates gives a segment-translation exception at once"),
           t.cls == TRAP_PGM && t.code == PGM_SEGMENT_TRANS, "class %u code %X", t.cls, t.code);
    add(OP_STE, cr1_of(0), at, ste_for(0, at));
    issue();
    report(named("... and translates again when a list makes it valid"), load(at, &got),
           "class %u code %X", t.cls, t.code);
}

static void cr1_case(void)
{
    u32 got = 0;

    set_real_word(FRAME_C, 0xC0C0C0C0);
    add_page(1, WINDOW, FRAME_C, true);
    add(OP_CR1, cr1_of(1), 0, 0);
    issue();
    CHECK_EQ(named("a list loads CR1"), cr1_of(1), get_cr1());
    report(named("the next access translates in the space the list switched to"),
           load(WINDOW, &got) && got == 0xC0C0C0C0, "got %08X", got);
    add(OP_CR1, cr1_of(0), 0, 0);
    issue();
    report(named("... and back"), load(WINDOW, &got) && got == 0xB0B0B0B0, "got %08X", got);
}

/* Two spaces share one page table at the same address: CP made shadows
 * for both; a list's store through space 0 reaches space 1's shadow too,
 * though space 1 is not the one the list names. */
static void shared_table_case(void)
{
    u32 got = 0, cr1;

    set_real_word(FRAME_D, 0xD0D0D0D0);
    add(OP_STE, cr1_of(1), WINDOW, ste_for(0, WINDOW));
    add(OP_CR1, cr1_of(1), 0, 0);
    issue();
    load(WINDOW, &got);                 /* space 1's shadow maps FRAME_B now */
    cr1 = cr1_of(0);
    asm volatile("lctl 1,1,%0" : : "Q"(cr1) : "memory");
    load(WINDOW, &got);
    add_page(0, WINDOW, FRAME_D, true);
    issue();
    cr1 = cr1_of(1);
    asm volatile("lctl 1,1,%0" : : "Q"(cr1) : "memory");
    report(named("a store to a page table two spaces share reaches both spaces' shadows"),
           load(WINDOW, &got) && got == 0xD0D0D0D0, "got %08X", got);
    add(OP_STE, cr1_of(1), WINDOW, ste_for(1, WINDOW));
    add(OP_CR1, cr1_of(0), 0, 0);
    issue();
}

/* ---- what a list may not do ------------------------------------------------- */

/* the list is refused with rc, entry number bad, and the window still
 * reads what it read before */
static void refused(const char *rule, int cc, u32 rc, u32 bad)
{
    u32 got = 0;
    bool same = load(WINDOW, &got) && got == 0xD0D0D0D0;

    report(named(rule), cc == 1 && r.ry == rc && r.ry1 == bad && same,
           "cc %d ry %u ry+1 %u; the window %s (%08X)", cc, (unsigned)r.ry, (unsigned)r.ry1,
           same ? "unchanged" : "CHANGED", got);
}

static void hostile_cases(void)
{
    int cc;

    add_page(0, WINDOW, FRAME_A, true);         /* a good first entry that must not happen */
    add(OP_PTE, cr1_of(0), WINDOW + 0x1000, 0xFFF0);
    cc = issue_at((u32)(uintptr_t)list, n);
    n = 0;
    refused("a page entry whose frame lies beyond the storage: RC 11, nothing done", cc, 11,
            cur->page_bits == 11 ? 2 : 1);
    add_page(0, WINDOW, FRAME_A, true);
    add(OP_STE, cr1_of(0), WINDOW, 0xF0000000u | 0xFFFFF8);
    cc = issue();
    refused("a segment entry whose page table lies beyond the storage: RC 11", cc, 11,
            cur->page_bits == 11 ? 2 : 1);
    add(OP_PTE, 0x00FFFFC0, 0x000000, pte_for(FRAME_A));
    cc = issue();
    refused("a space whose segment table lies beyond the storage: RC 10", cc, 10, 0);
    if (cur->seg_bits == 16) {                  /* 16 entries of 64K: the first 1M only */
        add(OP_PTE, (u32)(uintptr_t)segtab[0], WINDOW, pte_for(FRAME_A));
        cc = issue();
        refused("a segment beyond the segment-table length: RC 7", cc, 7, 0);
    }
    add(OP_PTE, cr1_of(0), WINDOW + 0x1000, 0x0006);
    cc = issue();
    refused("a page entry with bits that must be zero: RC 11", cc, 11, 0);
    add(OP_PTE, cr1_of(0), 0x01100000, pte_for(FRAME_A));
    cc = issue();
    refused("a virtual address beyond 16M: RC 5", cc, 5, 0);
    add(7, cr1_of(0), WINDOW, 0);
    cc = issue();
    refused("an unknown operation: RC 4", cc, 4, 0);
    cc = issue_at(0x7FFFFFF8, 1);
    refused("a list at a wild address: RC 3", cc, 3, 0);
    cc = issue_at(STORAGE - 16, 2);
    refused("a list running past the end of storage: RC 3", cc, 3, 0);
    cc = issue_at((u32)(uintptr_t)list + 4, 1);
    refused("a list off a doubleword: RC 2", cc, 2, 0);
    cc = issue_at((u32)(uintptr_t)list, 129);
    refused("a list of 129 entries: RC 1", cc, 1, 0);
    cc = issue_at((u32)(uintptr_t)list, 0);
    refused("an empty list: RC 1", cc, 1, 0);
}

int main(void)
{
    for (unsigned i = 0; i < 4; i++) {
        use_format(&fmts[i]);
        remap_case();
        invalidate_case();
        segment_case();
        cr1_case();
        shared_table_case();
        hostile_cases();
    }
    return summary();
}
