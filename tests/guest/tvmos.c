/* tvmos.c - a small virtual-memory operating system, to run on CP's
 * shadow tables.
 *
 * Four processes, each in an address space of its own (a segment table of
 * its own in CR1), share the first megabyte (this program, its stack,
 * page 0: mapped virtual = real everywhere) and have a private area of
 * AREA_PAGES 4K pages at X'100000'.  Real storage for the areas is a pool
 * of POOL_FRAMES frames, fewer than the processes' pages: the program's
 * own page-fault handler (a program-interruption handler, DAT off) takes
 * the oldest frame, writes it to the process's slot on the 191 minidisk
 * by DIAGNOSE X'250' if its change bit (ISK) says it changed, reads the
 * faulting page from its slot (or gives zeros the first time), maps it
 * and resumes the process at the nullified instruction.  A dispatcher
 * switches CR1 from process to process: in each round every process
 * checks every word of its pages against what it wrote the round before
 * and writes the next round's pattern, pages in a scattered order, and
 * does the same with HOT_PAGES pages at X'180000' that stay mapped to
 * frames of their own (never paged by it: only CP may take them).
 *
 * PARM "f seed [pv]": f = 0 to 3 selects 4K pages and 1M segments, 4K
 * and 64K, 2K and 1M, 2K and 64K (with 2K pages a fault maps both halves
 * of the 4K page, so one 4K frame holds a pair); seed varies the
 * patterns; pv = 1 runs it paravirtual: after building its tables it
 * never stores into them itself nor issues PTLB or LCTL 1, but hands CP
 * each fault's table changes (the evicted page's entry and the new one)
 * and each switch of address space as one DIAGNOSE X'1E0' list
 * (docs/diagnose.md).  Either way the results are the same.  PARM
 * "f seed pv 1" keeps the pages it pages out in its own storage above 2M
 * instead of on the 191 (a 4M machine), for make bench.
 * It reports one case per round and
 *   TVMOS CHECKSUM xxxxxxxx FAULTS n PAGEOUTS n
 * where the checksum depends only on the seed (tests/system/test_dat.cpp
 * computes it too).  Needs 2M of storage and a 4-cylinder 191. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/pgm.h"

#define NPROC       4
#define AREA        0x100000u
#define AREA_PAGES  90u
#define POOL        0x100000u           /* real frames for the areas */
#define POOL_FRAMES 230u
#define ROUNDS      3u
#define DISK        0x191
#define BLOCK       800u
#define SLOT_BLOCKS 6u                  /* 4800 bytes hold a 4K page */
#define STRIDE      37u                 /* visits every page once: prime */
#define SAVE        0xC00u              /* the process's registers at a fault */
#define HOT         0x180000u           /* pages each process keeps mapped */
#define HOT_PAGES   4u
#define HOT_REAL    (POOL + POOL_FRAMES * 4096u)    /* their frames, after the pool */

static u32 seed;
static unsigned page_bits, seg_bits;
static bool pv;                         /* tell CP, by DIAGNOSE X'1E0' */
static bool ram;                        /* backing store in storage, not on the 191 */
static const u32 fmt_cr0[4] = { 0x12u << 19, 0x10u << 19, 0x0Au << 19, 0x08u << 19 };

/* ---- address spaces ------------------------------------------------------- */

static u32 segtab[NPROC][256] __attribute__((aligned(64)));
static u16 pagetab[NPROC][1024] __attribute__((aligned(8)));     /* 0-2M */
static u32 cr1[NPROC];
static int current;                     /* the process whose space CR1 holds */

static u16 pte_for(u32 real)
{
    return page_bits == 12 ? (u16)((real >> 8) & 0xFFF0) : (u16)((real >> 8) & 0xFFF8);
}

static u16 pte_invalid(void)
{
    return page_bits == 12 ? 0x0008 : 0x0004;
}

/* ---- the paravirtual way: a list for DIAGNOSE X'1E0' ------------------------ */

#define PV_SET_PTE  1
#define PV_LOAD_CR1 3

static u8 pvlist[16 * 8] __attribute__((aligned(8)));
static u32 pv_n, pv_batches, pv_failed;

static void put32(u8 *p, u32 v);

static void pv_add(u8 op, u32 space, u32 va, u32 value)
{
    u8 *e = pvlist + 16 * pv_n++;

    memset(e, 0, 16);
    e[0] = op;
    put32(e + 4, space);
    put32(e + 8, va);
    put32(e + 12, value);
}

/* hand CP the list; a refusal is counted and reported at the end */
static void pv_flush(void)
{
    struct cp370_diag_regs r = { 0 };

    if (!pv_n)
        return;
    r.rx = (u32)(uintptr_t)pvlist;
    r.ry = pv_n;
    if (cp370_diag_1E0_mmu_update(&r) != 0 || r.ry != 0 || r.ry1 != pv_n)
        pv_failed++;
    pv_batches++;
    pv_n = 0;
}

/* a 4K page of a process: one PTE, or the two 2K halves */
static void set_page(int proc, u32 va, u16 pte0, bool valid)
{
    u16 *pt = &pagetab[proc][va >> page_bits];
    u16 lo = valid ? pte0 : pte_invalid(), hi = valid ? (u16)(pte0 + 0x08) : pte_invalid();

    if (pv) {
        pv_add(PV_SET_PTE, cr1[proc], va, lo);
        if (page_bits == 11)
            pv_add(PV_SET_PTE, cr1[proc], va + 0x800, hi);
        return;
    }
    pt[0] = lo;
    if (page_bits == 11)
        pt[1] = hi;
}

static void build_space(int proc)
{
    u32 per_seg = 1u << (seg_bits - page_bits), nseg = 1u << (24 - seg_bits);

    for (u32 s = 0; s < 256; s++)
        segtab[proc][s] = 0x00000001;
    for (u32 s = 0; s < (0x200000u >> seg_bits); s++)
        segtab[proc][s] = 0xF0000000u | (u32)(uintptr_t)&pagetab[proc][s * per_seg];
    for (u32 p = 0; p < (AREA >> page_bits); p++)
        pagetab[proc][p] = pte_for(p << page_bits);
    for (u32 p = AREA >> page_bits; p < 1024; p++)
        pagetab[proc][p] = pte_invalid();
    for (u32 h = 0; h < HOT_PAGES * (4096u >> page_bits); h++)
        pagetab[proc][(HOT >> page_bits) + h] =
            pte_for(HOT_REAL + ((u32)proc * HOT_PAGES << 12) + (h << page_bits));
    cr1[proc] = ((nseg / 16 - 1) << 24) | (u32)(uintptr_t)segtab[proc];
}

static void load_cr1(int proc)
{
    current = proc;
    if (pv) {
        pv_add(PV_LOAD_CR1, cr1[proc], 0, 0);
        pv_flush();
        return;
    }
    asm volatile("lctl 1,1,%0" : : "Q"(cr1[proc]) : "memory");
}

/* after a table change: S/370's way, or none (CP made it itself) */
static void ptlb(void)
{
    if (!pv)
        asm volatile("ptlb" : : : "memory");
}

/* ---- backing store: the 191 by DIAGNOSE X'250' ----------------------------- */

static u8 biopl[64] __attribute__((aligned(8)));
static u8 bioe[16 * SLOT_BLOCKS] __attribute__((aligned(8)));
static u8 bounce[BLOCK * SLOT_BLOCKS] __attribute__((aligned(8)));
static bool io_failed;
static u32 io_cc, io_rc, io_status;     /* the first failure, for the report */

static void put32(u8 *p, u32 v)
{
    p[0] = (u8)(v >> 24); p[1] = (u8)(v >> 16); p[2] = (u8)(v >> 8); p[3] = (u8)v;
}

static bool disk_init(void)
{
    struct cp370_diag_regs r = { 0 };

    memset(biopl, 0, sizeof biopl);
    biopl[0] = (u8)(DISK >> 8); biopl[1] = (u8)DISK;
    put32(biopl + 24, BLOCK);
    r.rx = (u32)(uintptr_t)biopl;
    r.ry = 0;
    return cp370_diag_250_block_io(&r) == 0 && r.rx1 == 0;
}

/* PARM ram 1: the slots are 4K each in storage from BACKING (the
 * machine needs 4M then); no I/O, so what CP does for the guest is only
 * its DAT (make bench PART=dat) */
#define BACKING     0x200000u

/* the slot of a process's page: SLOT_BLOCKS blocks from block 1 */
static void slot_io(int proc, u32 page, bool write)
{
    if (ram) {
        u8 *slot = (u8 *)(uintptr_t)(BACKING + (proc * AREA_PAGES + page) * 4096u);
        if (write)
            memcpy(slot, bounce, 4096);
        else
            memcpy(bounce, slot, 4096);
        return;
    }
    struct cp370_diag_regs r = { 0 };
    u32 first = 1 + (proc * AREA_PAGES + page) * SLOT_BLOCKS;

    memset(biopl, 0, sizeof biopl);
    biopl[0] = (u8)(DISK >> 8); biopl[1] = (u8)DISK;
    put32(biopl + 28, SLOT_BLOCKS);
    put32(biopl + 36, (u32)(uintptr_t)bioe);
    memset(bioe, 0, sizeof bioe);
    for (u32 b = 0; b < SLOT_BLOCKS; b++) {
        bioe[16 * b] = write ? 1 : 2;
        put32(bioe + 16 * b + 4, first + b);
        put32(bioe + 16 * b + 12, (u32)(uintptr_t)(bounce + b * BLOCK));
    }
    r.rx = (u32)(uintptr_t)biopl;
    r.ry = 1;
    int cc = cp370_diag_250_block_io(&r);
    if ((cc != 0 || r.rx1 != 0) && !io_failed) {
        io_failed = true;
        io_cc = (u32)cc;
        io_rc = r.rx1;
        for (u32 b = 0; b < SLOT_BLOCKS && !io_status; b++)
            io_status = bioe[16 * b + 1];
    }
}

/* ---- frames and the page-fault handler ----------------------------------- */

struct frame {
    int proc;                           /* -1: free */
    u32 page;
};

static struct frame frames[POOL_FRAMES];
static u32 hand;                        /* FIFO: the next frame to take */
static bool on_disk[NPROC][AREA_PAGES];
static u32 faults, pageouts, bad_faults;

static u32 frame_addr(u32 f)
{
    return POOL + f * 4096u;
}

static u8 isk(u32 real)
{
    u32 k = 0;
    asm volatile(".insn rr,0x0900,%0,%1" : "+d"(k) : "d"(real));
    return (u8)k;
}

static void ssk(u32 real, u8 key)
{
    asm volatile(".insn rr,0x0800,%0,%1" : : "d"((u32)key), "d"(real) : "memory");
}

static void evict(u32 f)
{
    struct frame *fr = &frames[f];
    u32 real = frame_addr(f);

    if (fr->proc < 0)
        return;
    set_page(fr->proc, AREA + fr->page * 4096u, 0, false);
    ptlb();
    if (isk(real) & 0x02) {             /* changed since it came in */
        memcpy(bounce, (void *)(uintptr_t)real, 4096);
        slot_io(fr->proc, fr->page, true);
        on_disk[fr->proc][fr->page] = true;
        pageouts++;
    }
    fr->proc = -1;
}

static void page_in(int proc, u32 page)
{
    u32 f = hand;
    u32 real = frame_addr(f);

    hand = (hand + 1) % POOL_FRAMES;
    evict(f);
    if (on_disk[proc][page]) {
        slot_io(proc, page, false);
        memcpy((void *)(uintptr_t)real, bounce, 4096);
    } else {
        memset((void *)(uintptr_t)real, 0, 4096);
    }
    ssk(real, 0x00);                    /* reference and change bits off */
    frames[f].proc = proc;
    frames[f].page = page;
    set_page(proc, AREA + page * 4096u, pte_for(real), true);
    ptlb();
    pv_flush();                         /* the evicted page's entry and this one */
}

void vmos_program_check(void);

/* called by pgm_entry with DAT off; returns to resume the process */
void vmos_program_check(void)
{
    u16 code = lc_read16(0x8E) & 0xFF;
    u32 va = lc_read32(0x90) & 0x00FFFFFFu;

    if (code == PGM_PAGE_TRANS && va >= AREA && va < AREA + AREA_PAGES * 4096u) {
        faults++;
        page_in(current, (va - AREA) / 4096u);
        return;
    }
    /* nothing else is expected: count it and stop the process's round */
    bad_faults++;
    con_printf("TVMOS UNEXPECTED PROGRAM CHECK %04X AT %08X %08X TEA %06X", code,
               lc_read32(0x28), lc_read32(0x2C), va);
    guest_stop(0xBAD);
}

/* the program new PSW's target: save the process's registers, run the
 * handler on the kernel stack, reload them and resume */
extern char pgm_entry[];
asm(".text\n"
    ".globl pgm_entry\n"
    "pgm_entry:\n"
    "\tstm 0,15,0xC00\n"
    "\tlarl 15,vmos_stack_top\n"
    "\tl 15,0(15)\n"
    "\tahi 15,-96\n"
    "\tlarl 1,vmos_program_check\n"
    "\tbasr 14,1\n"
    "\tlm 0,15,0xC00\n"
    "\tlpsw 0x28\n");

static u8 kstack[8192] __attribute__((aligned(8)));
u32 vmos_stack_top;

/* ---- processes ------------------------------------------------------------ */

static u32 pattern(int proc, u32 va, u32 round)
{
    u32 x = seed ^ (va * 2654435761u) ^ (round * 0x9E3779B9u) ^ ((u32)proc * 0x85EBCA6Bu);

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x ? x : 1;
}

static u32 wrong, first_wrong;

/* one round of a process, DAT on in its own space.  Its hot pages stay
 * mapped all the time and are touched once a round: the shadow entries
 * for them live long (in paravirtual mode nothing ever purges them), so
 * if CP took their frames and forgot those entries, the next round would
 * read another page's data through them. */
static void process_round(int proc, u32 round)
{
    for (u32 a = HOT; a < HOT + HOT_PAGES * 4096u; a += 4) {
        volatile u32 *w = (volatile u32 *)(uintptr_t)a;
        if (round && *w != pattern(proc, a, round - 1) && wrong++ == 0)
            first_wrong = a;
        *w = pattern(proc, a, round);
    }
    for (u32 n = 0; n < AREA_PAGES; n++) {
        u32 page = (n * STRIDE) % AREA_PAGES;
        volatile u32 *w = (volatile u32 *)(uintptr_t)(AREA + page * 4096u);
        for (u32 i = 0; i < 1024; i++) {
            u32 va = AREA + page * 4096u + i * 4;
            if (round && w[i] != pattern(proc, va, round - 1) && wrong++ == 0)
                first_wrong = va;
            w[i] = pattern(proc, va, round);
        }
    }
}

static u32 checksum_process(int proc)
{
    u32 sum = 0;

    for (u32 a = AREA; a < AREA + AREA_PAGES * 4096u; a += 4)
        sum = sum * 31 + *(volatile u32 *)(uintptr_t)a;
    (void)proc;
    return sum;
}

static void dat(bool on)
{
    u8 old;

    if (on)
        asm volatile("stosm %0,0x04" : "=Q"(old) : : "memory");
    else
        asm volatile("stnsm %0,0xFB" : "=Q"(old) : : "memory");
}

int main(void)
{
    const char *p = guest_parm();
    unsigned f = parm_number(&p, 0) & 3;
    u32 sum = 0, cr0;

    seed = parm_number(&p, 1);
    pv = parm_number(&p, 0) == 1;
    ram = parm_number(&p, 0) == 1;
    page_bits = f < 2 ? 12 : 11;
    seg_bits = f % 2 ? 16 : 20;
    vmos_stack_top = (u32)(uintptr_t)(kstack + sizeof kstack);
    if (!ram && !disk_init()) {
        report("the 191 is ready for block I/O", false, "DIAGNOSE X'250' INIT failed");
        return summary();
    }
    for (u32 i = 0; i < POOL_FRAMES; i++)
        frames[i].proc = -1;
    for (int i = 0; i < NPROC; i++)
        build_space(i);
    asm volatile("stctl 0,0,%0" : "=Q"(cr0));
    cr0 = (cr0 & ~(0x1Fu << 19)) | fmt_cr0[f];
    asm volatile("lctl 0,0,%0" : : "Q"(cr0) : "memory");
    con_printf("TVMOS %u PROCESSES %u PAGES EACH %u FRAMES FORMAT %u %s", NPROC,
               AREA_PAGES, POOL_FRAMES, f, pv ? "PARAVIRTUAL" : "SHADOW TABLES");

    for (u32 round = 0; round <= ROUNDS; round++) {
        wrong = 0;
        set_new_psw(0x68, psw_make(0, 0, false, false, (u32)(uintptr_t)pgm_entry));
        for (int i = 0; i < NPROC; i++) {
            load_cr1(i);                /* the dispatcher: the next space */
            dat(true);
            process_round(i, round);
            dat(false);
        }
        if (round)
            report("every word of every process is what it wrote the round before",
                   wrong == 0 && !io_failed && !pv_failed, "round %u: %u words wrong, the first at %06X; "
                   "I/O %s (cc %u rc %u entry status %u); %u DIAGNOSE X'1E0' lists refused",
                   (unsigned)round, (unsigned)wrong, (unsigned)first_wrong,
                   io_failed ? "failed" : "ok", (unsigned)io_cc, (unsigned)io_rc,
                   (unsigned)io_status, (unsigned)pv_failed);
    }
    set_new_psw(0x68, psw_make(0, 0, false, false, (u32)(uintptr_t)pgm_entry));
    for (int i = 0; i < NPROC; i++) {
        load_cr1(i);
        dat(true);
        sum = sum * 31 + checksum_process(i);
        dat(false);
    }
    con_printf("TVMOS CHECKSUM %08X FAULTS %u PAGEOUTS %u LISTS %u", (unsigned)sum,
               (unsigned)faults, (unsigned)pageouts, (unsigned)pv_batches);
    return summary();
}
