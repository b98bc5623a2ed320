/* tdat.c - the guest's own dynamic address translation under CP: each
 * case one rule of the S/370 Principles of Operation (GA22-7000,
 * "Dynamic Address Translation"), checked from inside the virtual
 * machine with DAT on (EC mode, PSW bit 5).
 *
 * The first megabyte (program, stack, page 0) is mapped virtual = real
 * in every address space the cases build, so the program runs on with
 * DAT on; the second megabyte is the test window, whose pages the cases
 * map, unmap and remap.  Interruptions come with DAT off (the new PSWs
 * have bit 5 zero), which is why the run-time's catcher works unchanged.
 * Needs 2M of storage. */
#include "guest.h"
#include "arch370/pgm.h"

#define WINDOW      0x100000u           /* virtual: the second megabyte */
#define FRAME_A     0x180000u           /* real frames the window maps to */
#define FRAME_B     0x181000u
#define FRAME_C     0x182000u
#define FRAME_D     0x183000u

static struct trap t;

/* ---- translation formats and tables -------------------------------------- */

struct fmt {
    const char *name;
    u32 cr0;                            /* CR0 bits 8-12 */
    unsigned page_bits, seg_bits;
};

static const struct fmt fmts[] = {
    { "4K pages, 1M segments",  0x12u << 19, 12, 20 },
    { "4K pages, 64K segments", 0x10u << 19, 12, 16 },
    { "2K pages, 1M segments",  0x0Au << 19, 11, 20 },
    { "2K pages, 64K segments", 0x08u << 19, 11, 16 },
};

/* two address spaces over the low 2M: a segment table (256 entries, the
 * most 64K segments need) and one page table array whose STEs point into
 * it, segment after segment */
static u32 segtab[2][256] __attribute__((aligned(64)));
static u16 pagetab[2][1024] __attribute__((aligned(8)));
static const struct fmt *cur;

static u32 get_cr0(void)
{
    u32 v;
    asm volatile("stctl 0,0,%0" : "=Q"(v));
    return v;
}

static void set_cr(int cr, u32 v)
{
    if (cr == 0)
        asm volatile("lctl 0,0,%0" : : "Q"(v));
    else
        asm volatile("lctl 1,1,%0" : : "Q"(v));
}

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

/* the low 2M of space mapped virtual = real */
static void build(int space)
{
    u32 pages_per_seg = 1u << (cur->seg_bits - cur->page_bits);
    u32 nseg = 0x200000u >> cur->seg_bits;

    for (u32 s = 0; s < 256; s++)
        segtab[space][s] = 0x00000001;          /* invalid */
    for (u32 s = 0; s < nseg; s++)
        segtab[space][s] = 0xF0000000u | (u32)(uintptr_t)&pagetab[space][s * pages_per_seg];
    for (u32 p = 0; p < (0x200000u >> cur->page_bits); p++)
        pagetab[space][p] = pte_for(p << cur->page_bits);
}

static u16 *pte_of(int space, u32 va)
{
    return &pagetab[space][va >> cur->page_bits];
}

static u32 *ste_of(int space, u32 va)
{
    return &segtab[space][va >> cur->seg_bits];
}

static void use_format(const struct fmt *f)
{
    cur = f;
    build(0);
    build(1);
    set_cr(0, (get_cr0() & ~(0x1Fu << 19)) | f->cr0);
    set_cr(1, cr1_of(0));
}

/* virtual page va (its 4K, both halves with 2K pages, so that a 4K
 * shadow page can hold them) to real; real = va maps it back */
static void map(int space, u32 v, u32 real)
{
    v &= ~0xFFFu;
    real &= ~0xFFFu;
    *pte_of(space, v) = pte_for(real);
    if (cur->page_bits == 11)
        *pte_of(space, v + 0x800) = pte_for(real + 0x800);
}

static void ptlb(void)
{
    asm volatile("ptlb" : : : "memory");
}

/* ---- running with DAT on ------------------------------------------------- */

struct dat_op {
    void (*fn)(void);
};

static void with_dat(void *arg)
{
    struct dat_op *op = arg;
    u8 old;

    asm volatile("stosm %0,0x04" : "=Q"(old) : : "memory");
    op->fn();
    asm volatile("stnsm %0,0xFB" : "=Q"(old) : : "memory");
}

/* run fn with DAT on; the trap class (TRAP_NONE: it ran through) */
static int dat_run(void (*fn)(void))
{
    struct dat_op op = { fn };
    return trap_call(with_dat, &op, &t);
}

static u32 va, value;
extern char load_at[];

static void __attribute__((noinline)) do_load(void)
{
    u32 v;
    asm volatile(".globl load_at\nload_at:\tl %0,0(%1)" : "=d"(v) : "a"(va) : "memory");
    value = v;
}

static void do_store(void)
{
    asm volatile("st %0,0(%1)" : : "d"(value), "a"(va) : "memory");
}

static u32 real_word(u32 real)
{
    return *(volatile u32 *)(uintptr_t)real;
}

static void set_real_word(u32 real, u32 v)
{
    *(volatile u32 *)(uintptr_t)real = v;
}

static u32 tea(void)
{
    return lc_read32(0x90);
}

static u32 page_mask(void)
{
    return cur->page_bits == 12 ? 0x00FFF000u : 0x00FFF800u;
}

/* load through DAT: true and *out when it ran through */
static bool load(u32 addr, u32 *out)
{
    va = addr;
    value = 0xDEADBEEF;
    if (dat_run(do_load) != TRAP_NONE)
        return false;
    *out = value;
    return true;
}

static bool is_exception(u16 code)
{
    return t.cls == TRAP_PGM && t.code == code;
}

/* ---- the cases, one rule each, per format --------------------------------- */

static char name[120];

static const char *named(const char *rule)
{
    fmt_snprintf(name, sizeof name, "%s (%s)", rule, cur->name);
    return name;
}

static void translate_case(void)
{
    u32 got = 0;

    set_real_word(FRAME_A + 0x10, 0xA1A2A3A4);
    map(0, WINDOW, FRAME_A);
    ptlb();
    report(named("a load through DAT reads the real page the PTE names"),
           load(WINDOW + 0x10, &got) && got == 0xA1A2A3A4, "got %08X class %u code %X", got,
           t.cls, t.code);
    va = WINDOW + 0x20;
    value = 0x5A5A5A5A;
    dat_run(do_store);
    CHECK_EQ(named("a store through DAT lands in the real page the PTE names"), 0x5A5A5A5A,
             real_word(FRAME_A + 0x20));
}

static void page_exception_case(void)
{
    u32 got, at = WINDOW + 0x3000 + 0x44;

    *pte_of(0, at) = pte_invalid();
    ptlb();
    lc_write32(0x90, 0);
    load(at, &got);
    report(named("an invalid page is a page-translation exception"),
           is_exception(PGM_PAGE_TRANS) && t.ilc == 4, "class %u code %X ilc %u", t.cls, t.code,
           t.ilc);
    CHECK_EQ(named("the translation-exception address at X'90' names the page"),
             at & page_mask(), tea());
    report(named("a page-translation exception nullifies: the old PSW names the instruction"),
           (t.oldpsw[1] & 0xFFFFFF) == (u32)(uintptr_t)load_at,
           "old PSW %08X %08X, the load at %06X", t.oldpsw[0], t.oldpsw[1],
           (unsigned)(uintptr_t)load_at);
    *pte_of(0, at) = pte_for(at);
}

static void segment_exception_case(void)
{
    u32 got, at = WINDOW + (1u << cur->seg_bits) - 0x100;
    u32 save = *ste_of(0, at);

    *ste_of(0, at) = 0x00000001;
    ptlb();
    load(at, &got);
    report(named("an invalid segment is a segment-translation exception"),
           is_exception(PGM_SEGMENT_TRANS), "class %u code %X", t.cls, t.code);
    CHECK_EQ(named("X'90' names the address of a segment-translation exception"),
             at & page_mask(), tea());
    *ste_of(0, at) = save;
    ptlb();
}

static void length_cases(void)
{
    u32 got, save = *ste_of(0, WINDOW);

    /* a segment table one unit long: 16 segments */
    set_cr(1, cr1_of(0) & 0x00FFFFFFu);
    load(cur->seg_bits == 20 ? WINDOW : 16u << 16, &got);
    if (cur->seg_bits == 16)
        report(named("a segment index beyond the table length is a segment-translation exception"),
               is_exception(PGM_SEGMENT_TRANS), "class %u code %X", t.cls, t.code);
    else
        report(named("sixteen 1M segments fit a table of length 0"), t.cls == TRAP_NONE,
               "class %u code %X", t.cls, t.code);
    set_cr(1, cr1_of(0));
    /* a page table of length 0: one sixteenth of the segment's pages */
    *ste_of(0, WINDOW) = save & 0x0FFFFFFFu;
    ptlb();
    load(WINDOW + (1u << (cur->seg_bits - 4)), &got);
    report(named("a page index beyond the page-table length is a page-translation exception"),
           is_exception(PGM_PAGE_TRANS), "class %u code %X", t.cls, t.code);
    *ste_of(0, WINDOW) = save;
    ptlb();
}

static void spec_cases(void)
{
    u32 got, save = *ste_of(0, WINDOW);

    *ste_of(0, WINDOW) = save | 0x01000000u;
    ptlb();
    load(WINDOW, &got);
    report(named("a one in STE bits 4-7 is a translation-specification exception"),
           is_exception(PGM_TRANS_SPEC), "class %u code %X", t.cls, t.code);
    *ste_of(0, WINDOW) = save;
    *pte_of(0, WINDOW) = pte_for(WINDOW) | 0x0002;
    ptlb();
    load(WINDOW, &got);
    report(named("a one in the PTE's zero bits is a translation-specification exception"),
           is_exception(PGM_TRANS_SPEC), "class %u code %X", t.cls, t.code);
    map(0, WINDOW, WINDOW);
    ptlb();
}

static u32 lra(u32 addr, int *cc)
{
    u32 r;
    int c;
    asm volatile("lra %0,0(%2)\n\tipm %1\n\tsrl %1,28" : "=&d"(r), "=&d"(c) : "a"(addr) : "cc");
    *cc = c & 3;
    return r;
}

static u32 lra_va, lra_r;
static int lra_cc;

static void do_lra(void)
{
    lra_r = lra(lra_va, &lra_cc);
}

static void lra_cases(void)
{
    int cc;
    u32 r, at = WINDOW + 0x5000 + 0x123;

    map(0, at, FRAME_B);
    ptlb();
    r = lra(at, &cc);
    report(named("LRA gives CC 0 and the real address"),
           cc == 0 && r == (FRAME_B | (at & ~page_mask() & 0xFFF)), "cc %d r %06X", cc, r);
    lra_va = at;
    dat_run(do_lra);
    report(named("LRA with DAT on gives the same"),
           t.cls == TRAP_NONE && lra_cc == 0 && lra_r == (FRAME_B | (at & ~page_mask() & 0xFFF)),
           "class %u cc %d r %06X", t.cls, lra_cc, lra_r);
    *pte_of(0, at) = pte_invalid();
    r = lra(at, &cc);
    report(named("LRA of an invalid page gives CC 2 and the PTE address"),
           cc == 2 && r == (u32)(uintptr_t)pte_of(0, at), "cc %d r %06X", cc, r);
    map(0, at, at);
    {
        u32 save = *ste_of(0, at);
        *ste_of(0, at) = 1;
        r = lra(at, &cc);
        report(named("LRA of an invalid segment gives CC 1 and the STE address"),
               cc == 1 && r == (u32)(uintptr_t)ste_of(0, at), "cc %d r %06X", cc, r);
        *ste_of(0, at) = save;
    }
    ptlb();
}

static void ptlb_cases(void)
{
    u32 got = 0;
    u32 at = WINDOW + 0x8000;

    set_real_word(FRAME_C, 0xC0C0C0C0);
    set_real_word(FRAME_D, 0xD0D0D0D0);
    map(0, at, FRAME_C);
    ptlb();
    load(at, &got);
    map(0, at, FRAME_D);
    ptlb();
    report(named("after the PTE changes and PTLB, the new page is seen"),
           load(at, &got) && got == 0xD0D0D0D0, "got %08X", got);
    *pte_of(0, at) = pte_invalid();
    ptlb();
    load(at, &got);
    report(named("after the PTE goes invalid and PTLB, a page-translation exception"),
           is_exception(PGM_PAGE_TRANS), "class %u code %X", t.cls, t.code);
    map(0, at, at);
    ptlb();
}

static void space_cases(void)
{
    u32 got0 = 0, got1 = 0, again = 0;

    set_real_word(FRAME_C + 0x40, 0x0000C0DE);
    set_real_word(FRAME_D + 0x40, 0x0000D0DE);
    map(0, WINDOW + 0x9000, FRAME_C);
    map(1, WINDOW + 0x9000, FRAME_D);
    ptlb();
    load(WINDOW + 0x9040, &got0);
    set_cr(1, cr1_of(1));
    load(WINDOW + 0x9040, &got1);
    set_cr(1, cr1_of(0));
    load(WINDOW + 0x9040, &again);
    report(named("each CR1 translates through its own segment table"),
           got0 == 0xC0DE && got1 == 0xD0DE && again == 0xC0DE, "got %X %X %X", got0, got1,
           again);
    map(0, WINDOW + 0x9000, WINDOW + 0x9000);
    map(1, WINDOW + 0x9000, WINDOW + 0x9000);
    ptlb();
}

static void protection_cases(void)
{
    u32 save = *ste_of(0, WINDOW);
    u32 got;

    *ste_of(0, WINDOW) = save | 0x00000004u;
    ptlb();
    va = WINDOW + 0x100;
    value = 1;
    dat_run(do_store);
    report(named("a store into a protected segment is a protection exception"),
           is_exception(PGM_PROTECTION), "class %u code %X", t.cls, t.code);
    report(named("a fetch from a protected segment is allowed"), load(WINDOW + 0x100, &got),
           "class %u code %X", t.cls, t.code);
    *ste_of(0, WINDOW) = save;
    ptlb();
}

/* a store in key 6 into a page of key 5, through DAT */
static void do_store_key6(void)
{
    asm volatile("spka 0x60\n\tst %0,0(%1)\n\tspka 0" : : "d"(value), "a"(va) : "memory");
}

static u32 key_addr, key_read, rrb_after;
static int rrb_cc;

static void do_keyops(void)
{
    u32 k;
    asm volatile(".insn rr,0x0800,%1,%2\n\t.insn rr,0x0900,%0,%2" : "=&d"(k) : "d"(0x30), "d"(key_addr) : "memory");
    key_read = k;
    asm volatile(".insn rr,0x0800,%0,%1" : : "d"(0x00), "d"(key_addr) : "memory");
}

static void do_rrb(void)
{
    int cc;
    u32 k;
    asm volatile(".insn s,0xb2130000,0(%2)\n\tipm %0\n\tsrl %0,28\n\t.insn rr,0x0900,%1,%2"
                 : "=&d"(cc), "=&d"(k) : "a"(key_addr) : "cc");
    rrb_cc = cc & 3;
    rrb_after = k;
}

static void key_cases(void)
{
    u32 r = WINDOW + 0xA000;
    u32 k;

    asm volatile(".insn rr,0x0800,%0,%1" : : "d"(0x50), "d"(r) : "memory");
    va = r;
    value = 7;
    dat_run(do_store_key6);
    report(named("storage keys protect through DAT: key 6 may not store into key 5"),
           is_exception(PGM_PROTECTION), "class %u code %X", t.cls, t.code);
    key_addr = r;
    dat_run(do_keyops);
    report(named("SSK and ISK with DAT on take real addresses: the key set is the key read"),
           t.cls == TRAP_NONE && (key_read & 0xF8) == 0x30, "class %u key %02X", t.cls, key_read);
    asm volatile(".insn rr,0x0800,%0,%1" : : "d"(0x00), "d"(r) : "memory");
    load(r, &k);
    k = 0;
    asm volatile(".insn rr,0x0900,%0,%1" : "+d"(k) : "d"(r));
    report(named("ISK after a fetch through DAT shows the reference bit"), (k & 0x04) != 0,
           "key %02X", k & 0xFF);
    dat_run(do_rrb);
    report(named("RRB with DAT on: CC shows the reference bit, then it is off"),
           t.cls == TRAP_NONE && (rrb_cc & 2) && !(rrb_after & 0x04), "class %u cc %d key %02X",
           t.cls, rrb_cc, rrb_after & 0xFF);
}

/* MVC whose second operand runs from a valid page into an invalid one */
static void do_mvc_across(void)
{
    asm volatile("mvc 0(16,%0),0(%1)" : : "a"(0xE00u), "a"(va) : "memory");
}

static void crossing_cases(void)
{
    u32 p0 = WINDOW + 0xC000, p1 = p0 + (1u << cur->page_bits);

    *pte_of(0, p1) = pte_invalid();
    ptlb();
    va = p1 - 8;
    dat_run(do_mvc_across);
    report(named("an operand crossing into an invalid page: page exception for that page"),
           is_exception(PGM_PAGE_TRANS) && tea() == p1, "class %u code %X tea %06X", t.cls,
           t.code, tea());
    *pte_of(0, p1) = pte_for(p1);
    ptlb();
    dat_run(do_mvc_across);
    report(named("an operand crossing two valid pages is moved"), t.cls == TRAP_NONE,
           "class %u code %X", t.cls, t.code);
}

/* LA 1,0 split across a page boundary, then BR 14 */
static void crossing_fetch_case(void)
{
    u32 page = 1u << cur->page_bits;
    u32 p0 = WINDOW + 0xE000, p1 = p0 + page;
    volatile u8 *a = (volatile u8 *)(uintptr_t)(p0 + page - 2);
    volatile u8 *b = (volatile u8 *)(uintptr_t)p1;

    a[0] = 0x41; a[1] = 0x10; b[0] = 0x00; b[1] = 0x00; b[2] = 0x07; b[3] = 0xFE;
    va = p0 + page - 2;
    dat_run((void (*)(void))(uintptr_t)va);
    report(named("an instruction that crosses two valid pages runs"), t.cls == TRAP_NONE,
           "class %u code %X", t.cls, t.code);
    *pte_of(0, p1) = pte_invalid();
    ptlb();
    dat_run((void (*)(void))(uintptr_t)va);
    report(named("an instruction crossing into an invalid page: page exception, nullified"),
           is_exception(PGM_PAGE_TRANS) && tea() == p1 && (t.oldpsw[1] & 0xFFFFFF) == va,
           "class %u code %X tea %06X old PSW %08X", t.cls, t.code, tea(), t.oldpsw[1]);
    *pte_of(0, p1) = pte_for(p1);
    ptlb();
}

static void two_k_case(void)
{
    u32 got = 0, at = WINDOW + 0xF000;

    if (cur->page_bits != 11)
        return;
    set_real_word(FRAME_A + 0x800, 0x2222);
    *pte_of(0, at) = pte_for(FRAME_A);
    *pte_of(0, at + 0x800) = pte_for(FRAME_A + 0x800);
    ptlb();
    report(named("two 2K pages that map one 4K frame in order translate"),
           load(at + 0x800, &got) && got == 0x2222, "got %X class %u", got, t.cls);
    *pte_of(0, at + 0x800) = pte_invalid();
    ptlb();
    load(at + 0x800, &got);
    report(named("the invalid 2K half of a page is a page exception for that half"),
           is_exception(PGM_PAGE_TRANS) && tea() == at + 0x800, "class %u code %X tea %06X",
           t.cls, t.code, tea());
    *pte_of(0, at + 0x800) = pte_for(at + 0x800);
    ptlb();
}

static void bad_format_case(void)
{
    u32 got;

    set_cr(0, get_cr0() & ~(0x1Fu << 19));
    load(WINDOW, &got);
    report("CR0 with no valid page and segment size is a translation-specification exception",
           is_exception(PGM_TRANS_SPEC), "class %u code %X", t.cls, t.code);
}

int main(void)
{
    for (unsigned i = 0; i < ARRAY_SIZE(fmts); i++) {
        use_format(&fmts[i]);
        translate_case();
        page_exception_case();
        segment_exception_case();
        length_cases();
        spec_cases();
        lra_cases();
        ptlb_cases();
        space_cases();
        protection_cases();
        key_cases();
        crossing_cases();
        crossing_fetch_case();
        two_k_case();
    }
    bad_format_case();
    return summary();
}
