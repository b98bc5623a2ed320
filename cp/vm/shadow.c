/* shadow.c - shadow tables for guests with DAT on (shadow.h). */
#include "cp/vm/shadow.h"
#include "cp/vm/vmem.h"
#include "cp/vm/reflect.h"
#include "cp/vm/dispatch.h"
#include "cp/vm/pgfault.h"
#include "cp/kern/freestor.h"
#include "cp/kern/task.h"
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "arch370/dat370.h"
#include "arch370/insn.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"
#include "arch370/prefix.h"
#include "cpu.h"
#include <stddef.h>

#define SEGS            16              /* 1M shadow segments: 16M of S/370 */
#define HALF            0x800u
#define TEA_PAGE        0x7FFFF000u
#define REFILL_LIMIT    8               /* fills of one page in a row that did not stick */

struct shadow_space {
    bool used;
    u32 cr0, cr1;               /* the guest's translation format and CR1 */
    u32 last;                   /* LRU stamp */
    u32 *segtab;                /* real ESA/390 segment table */
    u32 *frames[SEGS / 4];      /* four 1K page tables to a frame */
    u16 nvalid[SEGS];           /* valid entries per page table */
};

struct shadow {
    struct shadow_space sp[SHADOW_SPACES];
    struct shadow_space *cur;
    u32 clock;
    u32 refill_va, refills;     /* the same page filled again and again */
    bool pv_ptlb;               /* a batch dropped valid entries */
};

struct shadow_stats shadow_stats;

static inline u32 *page_table(struct shadow_space *sp, unsigned seg)
{
    return sp->frames[seg / 4] + (seg % 4) * PAGES_PER_SEG;
}

static struct vm *vm_of(struct gspace *gs)
{
    return (struct vm *)(void *)((char *)gs - offsetof(struct vm, mem));
}

/* ---- keeping them right -------------------------------------------------- */

static void flush_space(struct shadow_space *sp)
{
    for (unsigned s = 0; s < SEGS; s++) {
        u32 *pt = page_table(sp, s);
        if (!sp->nvalid[s])
            continue;
        for (unsigned p = 0; p < PAGES_PER_SEG; p++)
            pt[p] = PTE_INVALID;
        sp->nvalid[s] = 0;
    }
}

void shadow_purge(struct vm *vm)
{
    struct shadow *sh = vm->shadow;

    if (!sh)
        return;
    for (unsigned i = 0; i < SHADOW_SPACES; i++)
        if (sh->sp[i].used)
            flush_space(&sh->sp[i]);
    ptlb();
    shadow_stats.purges++;
}

/* CP is about to take the frame of a guest real page away (cp/mm calls
 * this before it changes the page's entry): every shadow entry mapping
 * that frame goes first. */
static void frame_unmapping(struct gspace *gs, u32 page)
{
    struct shadow *sh = vm_of(gs)->shadow;
    u32 f = *gspace_pte(gs, page) & PTE_FRAME_MASK;
    bool any = false;

    if (!sh)
        return;
    for (unsigned i = 0; i < SHADOW_SPACES; i++) {
        struct shadow_space *sp = &sh->sp[i];
        if (!sp->used)
            continue;
        for (unsigned s = 0; s < SEGS; s++) {
            u32 *pt = page_table(sp, s);
            for (unsigned p = 0; sp->nvalid[s] && p < PAGES_PER_SEG; p++) {
                if ((pt[p] & PTE_INVALID) || (pt[p] & PTE_FRAME_MASK) != f)
                    continue;
                pt[p] = PTE_INVALID;
                sp->nvalid[s]--;
                shadow_stats.dropped++;
                any = true;
            }
        }
    }
    if (any)
        ptlb();
}

/* ---- address spaces --------------------------------------------------------- */

static int build_space(struct shadow_space *sp, u16 owner)
{
    if (!sp->segtab) {
        u32 *st = gspace_table_alloc(owner);    /* may sleep */
        if (!st)
            return -1;
        for (unsigned i = 0; i < 1024; i++)
            st[i] = STE_INVALID;
        sp->segtab = st;
    }
    for (unsigned k = 0; k < SEGS / 4; k++) {
        if (sp->frames[k])
            continue;
        u32 *f = gspace_table_alloc(owner);
        if (!f)
            return -1;
        for (unsigned p = 0; p < 4 * PAGES_PER_SEG; p++)
            f[p] = PTE_INVALID;
        sp->frames[k] = f;
    }
    for (unsigned s = 0; s < SEGS; s++) {
        sp->nvalid[s] = PAGES_PER_SEG;          /* whatever was there goes */
        sp->segtab[s] = (u32)(uintptr_t)page_table(sp, s) | (PAGES_PER_SEG / 16 - 1);
    }
    flush_space(sp);
    return 0;
}

u32 shadow_std(struct vm *vm)
{
    struct shadow *sh = vm->shadow;
    struct shadow_space *sp = NULL, *victim = NULL;
    u32 cr0 = vm->cpu.cr[0] & CR0_370_XLATE, cr1 = vm->cpu.cr[1];
    u64 t0 = task_insns();

    if (!sh) {
        sh = vm->shadow = kzalloc(sizeof *sh, "SHADOW");
        if (!sh)
            return 0;
        gspace_unmap_register(frame_unmapping);
    }
    for (unsigned i = 0; i < SHADOW_SPACES && !sp; i++) {
        struct shadow_space *s = &sh->sp[i];
        if (s->used && s->cr0 == cr0 && s->cr1 == cr1)
            sp = s;
        else if (!victim || !s->used || (victim->used && s->last < victim->last))
            victim = s;
    }
    if (!sp) {
        sp = victim;
        sp->used = false;                       /* not scanned while it is built */
        if (build_space(sp, vm->mem.owner) != 0)
            return 0;
        sp->cr0 = cr0;
        sp->cr1 = cr1;
        sp->used = true;
        ptlb();                                 /* the real TLB may know the old one */
        shadow_stats.builds++;
    } else if (sp != sh->cur) {
        shadow_stats.switches++;
    }
    if (sp != sh->cur) {
        shadow_stats.insns_switch += task_insns() - t0;
        shadow_stats.timed_switch++;
    }
    sh->cur = sp;
    sp->last = ++sh->clock;
    return (u32)(uintptr_t)sp->segtab;
}

void shadow_free(struct vm *vm)
{
    struct shadow *sh = vm->shadow;

    if (!sh)
        return;
    for (unsigned i = 0; i < SHADOW_SPACES; i++) {
        struct shadow_space *sp = &sh->sp[i];
        sp->used = false;
        if (sp->segtab)
            gspace_table_free(sp->segtab);
        for (unsigned k = 0; k < SEGS / 4; k++)
            if (sp->frames[k])
                gspace_table_free(sp->frames[k]);
    }
    ptlb();
    vm->shadow = NULL;
    kfree(sh);
}

/* ---- filling -------------------------------------------------------------- */

/* the real page-table entry for guest real page greal: the page is
 * brought in (may sleep); a shared page stays shared, read-only */
static int host_entry(struct vm *vm, u32 greal, u32 *pte)
{
    struct gspace *gs = &vm->mem;
    u32 page = greal / PAGE_SIZE;

    if (!gspace_addressable(gs, greal))
        return PGM_ADDRESSING;
    for (int tries = 0; tries < 8; tries++) {
        bool shared = gspace_state(gs, greal) == GPS_SHARED;
        if (!gspace_frame(gs, greal, !shared))
            return -1;
        /* nothing sleeps from here to the shadow entry */
        if (*gspace_pte(gs, page) & PTE_INVALID)
            continue;                           /* taken again meanwhile */
        *pte = *gspace_pte(gs, page) & (PTE_FRAME_MASK | PTE_PROTECT);
        return 0;
    }
    return -1;
}

static void set_entry(struct shadow_space *sp, u32 va, u32 pte)
{
    unsigned s = (va >> 20) & (SEGS - 1), p = (va >> 12) & (PAGES_PER_SEG - 1);
    u32 *pt = page_table(sp, s);

    if (pt[p] & PTE_INVALID)
        sp->nvalid[s]++;
    pt[p] = pte;
}

static void mark(unsigned *mask, u32 page, u32 start, u32 len)
{
    for (unsigned h = 0; h < 2; h++) {
        u32 lo = page + h * HALF;
        if (start < lo + HALF && start + len > lo)
            *mask |= 1u << h;
    }
}

/* Which 2K halves of the 4K virtual page did the faulting instruction
 * touch?  The real CPU tells only the 4K page; the instruction and its
 * operand addresses tell which half.  0 if CP cannot tell. */
static unsigned touched_halves(struct vm *vm, u32 page)
{
    const u32 *g = vm->cpu.ctx.gpr;
    u32 ia = psw370_ia(vm->cpu.psw);
    unsigned mask = 0, n;
    struct insn in;
    u8 b[6];

    mark(&mask, page, ia, 2);
    if (vmem_peek(vm, ia, b, 2) != 0)
        return mask;
    n = insn_length(b[0]);
    mark(&mask, page, ia, n);
    if (n > 2 && vmem_peek(vm, ia, b, n) != 0)
        return mask;
    insn_decode(b, &in);
    switch (in.fmt) {
    case FMT_RX: case FMT_RXE: case FMT_S:
        mark(&mask, page, insn_ea(&in, 2, g, GADDR_MASK), 8);
        break;
    case FMT_RS: case FMT_RSE:
        mark(&mask, page, insn_ea(&in, 2, g, GADDR_MASK), 4 * (((in.r3 - in.r1) & 15) + 1));
        break;
    case FMT_SI:
        mark(&mask, page, insn_ea(&in, 1, g, GADDR_MASK), 1);
        break;
    case FMT_SS_L:
        mark(&mask, page, insn_ea(&in, 1, g, GADDR_MASK), in.i8 + 1u);
        mark(&mask, page, insn_ea(&in, 2, g, GADDR_MASK), in.i8 + 1u);
        break;
    case FMT_SS_LL:
        mark(&mask, page, insn_ea(&in, 1, g, GADDR_MASK), (in.i8 >> 4) + 1u);
        mark(&mask, page, insn_ea(&in, 2, g, GADDR_MASK), (in.i8 & 15) + 1u);
        break;
    case FMT_SS_RR: case FMT_SSE:
        mark(&mask, page, insn_ea(&in, 1, g, GADDR_MASK), 256);
        mark(&mask, page, insn_ea(&in, 2, g, GADDR_MASK), 256);
        break;
    case FMT_RR:
        if (b[0] == 0x0E || b[0] == 0x0F) {     /* MVCL, CLCL: operands in pairs */
            mark(&mask, page, g[in.r1] & GADDR_MASK, g[(in.r1 + 1) & 15] & GADDR_MASK);
            mark(&mask, page, g[in.r2] & GADDR_MASK, g[(in.r2 + 1) & 15] & GADDR_MASK);
        }
        break;
    default:
        break;
    }
    return mask;
}

/* the guest's own exception for virtual address va */
static void reflect_dat(struct vm *vm, enum dat370_rc rc, u32 va, u8 ilc)
{
    u16 code = dat370_pgm(rc);

    shadow_stats.reflected++;
    if (code == PGM_SEGMENT_TRANS || code == PGM_PAGE_TRANS)
        vmem_note_exception(vm, va);            /* nullified: PSW names the instruction */
    else
        vm->cpu.psw = psw370_set_ia(vm->cpu.psw, psw370_ia(vm->cpu.psw) + ilc);    /* suppressed */
    reflect_program(vm, code, ilc);
}

/* The same page faulting again right after a fill means CP's entry
 * does not take: stop rather than spin. */
static bool refill_loop(struct vm *vm, u32 va)
{
    struct shadow *sh = vm->shadow;

    if (va != sh->refill_va) {
        sh->refill_va = va;
        sh->refills = 0;
        return false;
    }
    if (++sh->refills < REFILL_LIMIT)
        return false;
    sh->refills = 0;
    dispatch_stop(vm, "CPX408E CP could not map your virtual page, PSW %08X %08X; VM stopped",
                  vm->cpu.psw);
    return true;
}

static void fill(struct vm *vm, u32 va, u32 greal, bool protect, u8 ilc)
{
    struct shadow_space *sp = vm->shadow->cur;
    u32 pte;
    int rc = host_entry(vm, greal, &pte);       /* may sleep */

    if (rc > 0) {
        /* the guest's page table points beyond its storage: an
         * addressing exception, suppressed for an operand (PSW past the
         * instruction), ILC 0 for the instruction fetch itself */
        if ((psw370_ia(vm->cpu.psw) & ~(PAGE_SIZE - 1)) == va)
            ilc = 0;
        vm->cpu.psw = psw370_set_ia(vm->cpu.psw, psw370_ia(vm->cpu.psw) + ilc);
        reflect_program(vm, (u16)rc, ilc);
        return;
    }
    if (rc < 0) {
        dispatch_stop(vm, "CPX610E No real storage or paging space for your page, "
                      "PSW %08X %08X; VM stopped", vm->cpu.psw);
        return;
    }
    if (refill_loop(vm, va))
        return;
    set_entry(sp, va, pte | (protect ? PTE_PROTECT : 0));
    shadow_stats.fills++;
}

static void fill_2k(struct vm *vm, u32 va, u8 ilc)
{
    struct dat370_walk w[2];
    enum dat370_rc rc[2];
    unsigned touched;

    rc[0] = vmem_walk(vm, va, &w[0]);
    rc[1] = vmem_walk(vm, va + HALF, &w[1]);
    if (rc[0] == DAT370_OK && rc[1] == DAT370_OK && (w[0].real & (PAGE_SIZE - 1)) == 0 &&
        w[1].real == w[0].real + HALF) {
        fill(vm, va, w[0].real, w[0].protect, ilc);
        return;
    }
    touched = touched_halves(vm, va);
    if (!touched)
        touched = 3;
    for (unsigned h = 0; h < 2; h++)
        if ((touched & (1u << h)) && rc[h] != DAT370_OK) {
            reflect_dat(vm, rc[h], va + h * HALF, ilc);
            return;
        }
    dispatch_stop(vm, "CPX407E Your 2K pages at this virtual 4K page do not map one 4K real page, "
                  "PSW %08X %08X; VM stopped", vm->cpu.psw);
}

static void translation(struct vm *vm, u8 ilc);

/* the work of one fault, counted as a fill or as the guest's own */
void shadow_translation(struct vm *vm, u8 ilc)
{
    u32 reflected = shadow_stats.reflected;
    u64 t0 = task_insns();

    translation(vm, ilc);
    if (shadow_stats.reflected != reflected)
        shadow_stats.insns_reflect += task_insns() - t0;
    else
        shadow_stats.insns_fill += task_insns() - t0;
}

static void translation(struct vm *vm, u8 ilc)
{
    u32 va = vm->exit.tea & TEA_PAGE;
    struct dat370_fmt f;
    struct dat370_walk w;
    enum dat370_rc rc;

    if (!vm->shadow || !vm->shadow->cur) {
        dispatch_stop(vm, "CPX408E CP could not map your virtual page, PSW %08X %08X; VM stopped",
                      vm->cpu.psw);
        return;
    }
    if (va > GADDR_MASK) {
        /* beyond 16M: only 31-bit addressing reaches it, no S/370 table does */
        reflect_program(vm, PGM_ADDRESSING, ilc);
        return;
    }
    if (!dat370_format(vm->cpu.cr[0], &f)) {
        reflect_dat(vm, DAT370_SPEC, va, ilc);
        return;
    }
    if (f.page_bits == 11) {
        fill_2k(vm, va, ilc);
        return;
    }
    rc = vmem_walk(vm, va, &w);
    if (rc != DAT370_OK)
        reflect_dat(vm, rc, va, ilc);
    else
        fill(vm, va, w.real & ~(PAGE_SIZE - 1), w.protect, ilc);
}

bool shadow_protection(struct vm *vm, u8 ilc)
{
    u32 va = vm->exit.tea & TEA_PAGE;
    struct dat370_walk w;

    if (va > GADDR_MASK || vmem_walk(vm, va, &w) != DAT370_OK)
        return false;
    if (w.protect)
        return false;                           /* its own segment protection */
    if (gspace_state(&vm->mem, w.real) != GPS_SHARED)
        return false;                           /* its own storage key */
    return pgfault_private_copy(vm, w.real, ilc);       /* drops the shadow entry */
}

/* ---- told by the guest (DIAGNOSE X'1E0', cp/vm/pvmmu.h) ------------------ */

#define VA_MASK     0x00FFFFFFu

/* drop the shadow entries of the 4K pages of [va, va + len) in sp */
static void drop_pages(struct shadow *sh, struct shadow_space *sp, u32 va, u32 len)
{
    for (u32 a = va & ~(PAGE_SIZE - 1); a < va + len; a += PAGE_SIZE) {
        unsigned s = (a >> 20) & (SEGS - 1), p = (a >> 12) & (PAGES_PER_SEG - 1);
        u32 *pt = page_table(sp, s);

        if (pt[p] & PTE_INVALID)
            continue;
        pt[p] = PTE_INVALID;
        sp->nvalid[s]--;
        sh->pv_ptlb = true;
    }
}

/* where sp's tables keep the PTE for va, and *ste the segment-table
 * entry on the way; 1 (no address a PTE has) if they do not reach one.
 * Only the segment-table entry is read: that is all it takes to tell
 * whether a space uses the changed entry. */
static u32 pte_address(struct vm *vm, struct shadow_space *sp, u32 va, u32 *ste)
{
    struct dat370_fmt f;
    u32 sx, px;

    if (!dat370_format(sp->cr0, &f))
        return 1;
    sx = va >> f.seg_bits;
    px = (va & ((1u << f.seg_bits) - 1)) >> f.page_bits;
    if ((sx >> 4) > (sp->cr1 >> 24) ||
        gmem_fetch32(&vm->mem, ((sp->cr1 & CR1_370_STO) + sx * 4) & VA_MASK, ste) != 0 ||
        (*ste & (STE370_INVALID | STE370_ZERO)) ||
        (px >> (f.seg_bits - f.page_bits - 4)) > (*ste >> 28))
        return 1;
    return ((*ste & STE370_PTO) + px * 2) & VA_MASK;
}

/* sp reaches the PTE at where for va through segment entry ste: make the
 * shadow entry of the 4K page now if that entry (with 2K pages, it and
 * its neighbour, which pair as for a fault) translates and the frame is
 * resident; a page CP paged out is left to the next fault, which may
 * sleep.  The same rules as arch370/dat370.c's walk, from the entries
 * the walk would read. */
static void map_now(struct vm *vm, struct shadow_space *sp, u32 va, u32 where, u32 ste)
{
    u32 page = va & ~(PAGE_SIZE - 1), real, host;
    struct dat370_fmt f;
    u16 lo, hi;

    if (!dat370_format(sp->cr0, &f))
        return;
    if (f.page_bits == 12) {
        if (gmem_fetch16(&vm->mem, where, &lo) != 0 || (lo & 0x000E))
            return;                             /* invalid, or bits that must be zero */
        real = (u32)(lo & 0xFFF0) << 8;
    } else {
        u32 lo_at = (va & HALF) ? where - 2 : where;
        if (gmem_fetch16(&vm->mem, lo_at, &lo) != 0 || gmem_fetch16(&vm->mem, lo_at + 2, &hi) != 0 ||
            ((lo | hi) & 0x0006))
            return;
        real = (u32)(lo & 0xFFF8) << 8;
        if ((real & (PAGE_SIZE - 1)) || ((u32)(hi & 0xFFF8) << 8) != real + HALF)
            return;                             /* the halves do not pair: a fault decides */
    }
    if (!gspace_addressable(&vm->mem, real))
        return;
    /* nothing sleeps from here to the shadow entry */
    host = *gspace_pte(&vm->mem, real / PAGE_SIZE);
    if (host & PTE_INVALID)
        return;
    set_entry(sp, page, (host & (PTE_FRAME_MASK | PTE_PROTECT)) |
                        ((ste & STE370_PROTECT) ? PTE_PROTECT : 0));
    shadow_stats.pv_mapped++;
}

void shadow_pv_pte(struct vm *vm, u32 va, u32 where)
{
    struct shadow *sh = vm->shadow;
    u32 cr0 = vm->cpu.cr[0] & CR0_370_XLATE;

    shadow_stats.pv_entries++;
    if (!sh)
        return;
    for (unsigned i = 0; i < SHADOW_SPACES; i++) {
        struct shadow_space *sp = &sh->sp[i];
        u32 ste = 0;

        if (!sp->used)
            continue;
        if (sp->cr0 != cr0) {                   /* another format: cannot tell */
            flush_space(sp);
            sh->pv_ptlb = true;
            continue;
        }
        if (pte_address(vm, sp, va, &ste) != where)
            continue;                           /* its tables do not reach this entry */
        drop_pages(sh, sp, va, PAGE_SIZE);
        map_now(vm, sp, va, where, ste);
    }
}

void shadow_pv_ste(struct vm *vm, u32 va, u32 where)
{
    struct shadow *sh = vm->shadow;
    u32 cr0 = vm->cpu.cr[0] & CR0_370_XLATE;
    struct dat370_fmt f;

    shadow_stats.pv_entries++;
    if (!sh)
        return;
    for (unsigned i = 0; i < SHADOW_SPACES; i++) {
        struct shadow_space *sp = &sh->sp[i];
        u32 sx;

        if (!sp->used)
            continue;
        if (sp->cr0 != cr0 || !dat370_format(cr0, &f)) {
            flush_space(sp);
            sh->pv_ptlb = true;
            continue;
        }
        sx = va >> f.seg_bits;
        if ((sx >> 4) > (sp->cr1 >> 24) || (((sp->cr1 & CR1_370_STO) + sx * 4) & VA_MASK) != where)
            continue;
        drop_pages(sh, sp, va & ~((1u << f.seg_bits) - 1), 1u << f.seg_bits);
    }
}

void shadow_pv_end(struct vm *vm)
{
    struct shadow *sh = vm->shadow;

    if (sh && sh->pv_ptlb) {
        ptlb();
        sh->pv_ptlb = false;
    }
}
