/* tpage.c - paging integrity: a guest's data is byte-identical after any
 * number of page-outs and page-ins.
 *
 * PARM "mb passes seed [HOLD]": the program fills mb megabytes from X'100000'
 * with words that depend on the seed, the address and the pass, then,
 * pass after pass, checks every word of every page against what it wrote
 * last and writes the next pass's pattern.  Pages are visited in a
 * scattered order, so under CP with less real storage than the guests
 * need together, pages go to DASD and come back between any two visits.
 * It reports one case per pass, a checksum of the final contents (the
 * same for the same seed and size on any system), and how long the
 * passes took (TOD microseconds), which `make bench` uses.
 *
 * With DAT f (f = 0 to 3: 4K pages and 1M segments, 4K and 64K, 2K and
 * 1M, 2K and 64K) it runs with DAT on, through tables of its own that map
 * the first megabyte virtual = real and the area in reverse page order
 * (virtual page i of the area on real page n-1-i): the same words at the
 * same virtual addresses, the same checksum, now through CP's shadow
 * tables as CP pages the real storage under them.
 *
 * With HOLD it then says "TPAGE WAITING" and reads commands from its
 * console: VERIFY checks every word again, RELEASE gives the area back
 * to CP by DIAGNOSE X'10', ZEROS checks that it reads as zeros, END ends. */
#include "guest.h"
#include "cp370diag.h"

#define AREA        0x100000u
#define STRIDE      7919u               /* a prime: visits every page once */

static u32 seed;

static u32 pattern(u32 addr, u32 pass)
{
    u32 x = seed ^ (addr * 2654435761u) ^ (pass * 0x9E3779B9u);

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x ? x : 1;
}

static u32 storage_size(void)
{
    struct cp370_diag_regs r = { 0 };

    cp370_diag_060_storage_size(&r);
    return r.rx;
}

/* check one page against pass - 1, write pass; returns words wrong */
static u32 visit(u32 page, u32 pass, u32 *first_bad)
{
    volatile u32 *w = (volatile u32 *)(uintptr_t)(AREA + page * 4096u);
    u32 bad = 0;

    for (u32 i = 0; i < 1024; i++) {
        u32 addr = AREA + page * 4096u + i * 4;
        if (pass && w[i] != pattern(addr, pass - 1) && bad++ == 0)
            *first_bad = addr;
        w[i] = pattern(addr, pass);
    }
    return bad;
}

static u32 npages, passes;

/* ---- DAT f: the guest's own tables --------------------------------------- */

static const u32 dat_cr0[4] = { 0x12u << 19, 0x10u << 19, 0x0Au << 19, 0x08u << 19 };
static u32 dat_segtab[256] __attribute__((aligned(64)));
static u16 dat_pt[8192] __attribute__((aligned(8)));

static void dat_on(unsigned f)
{
    unsigned page_bits = f < 2 ? 12 : 11, seg_bits = f % 2 ? 16 : 20;
    u32 per_seg = 1u << (seg_bits - page_bits), nseg = 1u << (24 - seg_bits);
    u32 cr0, cr1 = ((nseg / 16 - 1) << 24) | (u32)(uintptr_t)dat_segtab;
    u8 old;

    for (u32 s = 0; s < nseg; s++)
        dat_segtab[s] = 0xF0000000u | (u32)(uintptr_t)&dat_pt[s * per_seg];
    for (u32 p = 0; p < (1u << (24 - page_bits)); p++) {
        u32 va = p << page_bits, ra = va;
        if (va >= AREA && va < AREA + npages * 4096u) {
            u32 i = (va - AREA) / 4096u;
            ra = AREA + (npages - 1 - i) * 4096u + (va & 0xFFF);
        }
        dat_pt[p] = page_bits == 12 ? (u16)((ra >> 8) & 0xFFF0) : (u16)((ra >> 8) & 0xFFF8);
        if (va >= AREA + npages * 4096u)
            dat_pt[p] = page_bits == 12 ? 0x0008 : 0x0004;   /* beyond: invalid */
    }
    asm volatile("stctl 0,0,%0" : "=Q"(cr0));
    cr0 = (cr0 & ~(0x1Fu << 19)) | dat_cr0[f];
    asm volatile("lctl 0,0,%0\n\tlctl 1,1,%1" : : "Q"(cr0), "Q"(cr1) : "memory");
    asm volatile("stosm %0,0x04" : "=Q"(old) : : "memory");
}

static void verify(void)
{
    u32 bad = 0, first_bad = 0;
    volatile u32 *w = (volatile u32 *)(uintptr_t)AREA;

    for (u32 i = 0; i < npages * 1024; i++)
        if (w[i] != pattern(AREA + i * 4, passes) && bad++ == 0)
            first_bad = AREA + i * 4;
    report("every word is still what was written last", bad == 0, "%u words wrong, the first at %06X",
           (unsigned)bad, (unsigned)first_bad);
}

static struct cp370_diag_regs rel;

static void release_call(void *arg)
{
    (void)arg;
    cp370_diag_010_release_pages(&rel);
}

static void release(void)
{
    struct trap t;
    int cls;

    rel.rx = AREA;
    rel.ry = AREA + (npages - 1) * 4096u;
    cls = trap_call(release_call, NULL, &t);
    report("X'10' releases the area", cls == TRAP_NONE, "interruption class %d code %X", cls, t.code);
}

static void zeros(void)
{
    volatile u32 *w = (volatile u32 *)(uintptr_t)AREA;
    u32 nonzero = 0;

    for (u32 i = 0; i < npages * 1024; i++)
        if (w[i])
            nonzero++;
    report("released pages read as zeros", nonzero == 0, "%u words not zero", (unsigned)nonzero);
}

static void hold(void)
{
    char line[80];

    for (;;) {
        con_write("TPAGE WAITING");
        con_read(line, sizeof line);
        if (!strcmp(line, "VERIFY"))
            verify();
        else if (!strcmp(line, "RELEASE"))
            release();
        else if (!strcmp(line, "ZEROS"))
            zeros();
        else if (!strcmp(line, "END"))
            return;
    }
}

int main(void)
{
    const char *p = guest_parm();
    u32 mb = parm_number(&p, 1), sum = 0;
    u64 t0, t1;

    passes = parm_number(&p, 2);
    seed = parm_number(&p, 1);
    npages = mb * 256;
    if (AREA + npages * 4096u > storage_size()) {
        report("the area fits the virtual machine's storage", false,
               "%u MB from X'100000' > %uK", (unsigned)mb, (unsigned)(storage_size() >> 10));
        return 0;
    }
    while (*p == ' ')
        p++;
    if (!strncmp(p, "DAT", 3)) {
        p += 3;
        dat_on(parm_number(&p, 0) & 3);
        con_write("TPAGE DAT ON");
    }
    t0 = get_tod();
    for (u32 pass = 0; pass <= passes; pass++) {
        u32 bad = 0, first_bad = 0;
        for (u32 n = 0; n < npages; n++)
            bad += visit((n * STRIDE) % npages, pass, &first_bad);
        if (pass)
            report("every word is what was written before the pages went out and came back",
                   bad == 0, "pass %u: %u words wrong, the first at %06X",
                   (unsigned)pass, (unsigned)bad, (unsigned)first_bad);
    }
    t1 = get_tod();
    for (u32 a = AREA; a < AREA + npages * 4096u; a += 4)
        sum = sum * 31 + *(volatile u32 *)(uintptr_t)a;
    con_printf("TPAGE %u PAGES %u PASSES CHECKSUM %08X ELAPSED %u US", (unsigned)npages,
               (unsigned)passes, (unsigned)sum, (unsigned)((t1 - t0) >> 12));
    while (*p == ' ')
        p++;
    if (!strcmp(p, "HOLD"))
        hold();
    return 0;
}
